import {
  ScpHttpClient,
  type RequestLogEntry,
  type RequestLogger,
  type RetryLogEntry,
  type ScpHttpClientOptions,
  type SkippedItemLogEntry,
} from '../../../../src/scp/scpHttpClient';

/** A logger that keeps every entry, so tests can look for secrets in them. */
export class RecordingLogger implements RequestLogger {
  readonly requests: RequestLogEntry[] = [];
  readonly retries: RetryLogEntry[] = [];
  readonly skips: SkippedItemLogEntry[] = [];

  request(entry: RequestLogEntry): void {
    this.requests.push(entry);
  }

  retry(entry: RetryLogEntry): void {
    this.retries.push(entry);
  }

  skipped(entry: SkippedItemLogEntry): void {
    this.skips.push(entry);
  }

  /** Everything logged, as one text. */
  text(): string {
    return JSON.stringify([...this.requests, ...this.retries, ...this.skips]);
  }
}

export interface TestClient {
  client: ScpHttpClient;
  logger: RecordingLogger;
}

/** A client for an endpoint override (the emulator or a canned server), with fast retries and a recording logger. */
export function testClient(
  endpointOverride: string,
  credentials: { accessKey: string; secretKey: string },
  overrides: Partial<ScpHttpClientOptions> = {},
): TestClient {
  const logger = new RecordingLogger();
  const client = new ScpHttpClient({
    endpoint: { environment: 's', region: 'kr-west1', endpointOverride },
    credentials: () => Promise.resolve(credentials),
    timeoutMs: 5_000,
    language: 'en-US',
    logger,
    retryBaseDelayMs: 10,
    retryMaxDelayMs: 40,
    ...overrides,
  });
  return { client, logger };
}
