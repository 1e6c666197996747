import type { EndpointConfig } from '../scp/endpoints';
import type { ScpCredentials } from '../scp/requestSigning';
import type { ApiLanguage } from '../scp/scpHttpClient';
import { loadScpRuntime } from './loadScpRuntime';
import type { ExtensionLog } from '../ui/extensionLog';

export interface CredentialCheckOptions {
  timeoutMs: number;
  language: ApiLanguage;
  log: ExtensionLog;
  signal: AbortSignal;
}

/**
 * Proves a candidate profile's keys with the cheapest signed call there is (the first cluster, page size 1),
 * through a client of its own: nothing is saved and the active session is left alone. Resolves when SCP accepted
 * the signature; otherwise throws the client's ScpError (auth, network, timeout, cancelled...).
 */
export async function checkCredentials(endpoint: EndpointConfig, credentials: ScpCredentials, options: CredentialCheckOptions): Promise<void> {
  const { log } = options;
  // Masked in every later log line, before the first request can log anything.
  log.addSecret(credentials.secretKey);
  log.addSecret(credentials.accessKey);
  const { ScpHttpClient, SkeApi } = await loadScpRuntime();
  const http = new ScpHttpClient({
    endpoint,
    credentials: () => Promise.resolve(credentials),
    timeoutMs: options.timeoutMs,
    language: options.language,
    // One retry: a person is waiting, and "Save anyway" is offered when SCP cannot be reached.
    maxRetries: 1,
    logger: {
      request: (e) => {
        const outcome = e.status !== undefined ? String(e.status) : (e.error ?? 'failed');
        log.info(`sign-in check: ${e.method} ${e.url} -> ${outcome} (${Math.round(e.durationMs)} ms)${e.requestId ? ' ' + e.requestId : ''}`);
      },
      retry: (e) => log.warn(`sign-in check: retry ${e.method} ${e.url} attempt ${e.attempt} in ${Math.round(e.delayMs)} ms: ${e.reason}`),
    },
  });
  try {
    await new SkeApi(http).listClusters({ page: 0, size: 1 }, options.signal);
  } finally {
    http.dispose();
  }
}
