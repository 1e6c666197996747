import type { CloudMlApi } from '../scp/cloudMlApi';
import { ConcurrencyLimiter } from '../scp/concurrencyLimiter';
import type { RequestLogger } from '../scp/scpHttpClient';
import type { SkeApi } from '../scp/skeApi';
import type { ClientTiming } from './clientTiming';
import type { ScpRuntime } from './loadScpRuntime';
import type { Profile, ProfileCredentials } from './profile';

export interface SessionOptions {
  profile: Profile;
  credentials: () => Promise<ProfileCredentials>;
  timeoutMs: number;
  /** Test mode only: shorter timeouts and back-off (see ClientTiming). */
  timing?: ClientTiming;
  language: () => 'en-US' | 'ko-KR';
  maxConcurrent: number;
  logger: RequestLogger;
  /** The lazily loaded client classes (loadScpRuntime). */
  runtime: ScpRuntime;
}

/**
 * Everything bound to one active profile: the signed client, the two APIs and the shared lookup limiter.
 * Disposing it aborts every call still running under it (switching profile cancels in-flight lookups).
 */
export class ScpSession {
  readonly profile: Profile;
  readonly ske: SkeApi;
  readonly cloudMl: CloudMlApi;
  /** One limit for all Cloud ML lookups of this profile (SCP's firewall rejects bursts). */
  readonly limiter: ConcurrencyLimiter;
  private readonly aborter = new AbortController();

  constructor(options: SessionOptions) {
    this.profile = options.profile;
    const http = new options.runtime.ScpHttpClient({
      endpoint: {
        environment: options.profile.environment,
        region: options.profile.region,
        ...(options.profile.endpointOverride ? { endpointOverride: options.profile.endpointOverride } : {}),
      },
      credentials: options.credentials,
      timeoutMs: options.timeoutMs,
      ...options.timing,
      language: options.language,
      logger: options.logger,
    });
    this.ske = new options.runtime.SkeApi(http);
    this.cloudMl = new options.runtime.CloudMlApi(http);
    this.limiter = new ConcurrencyLimiter(options.maxConcurrent);
  }

  /** Aborted when the session ends; combine it with per-call signals. */
  get signal(): AbortSignal {
    return this.aborter.signal;
  }

  get disposed(): boolean {
    return this.aborter.signal.aborted;
  }

  dispose(): void {
    this.aborter.abort();
  }
}
