/**
 * Request timing the integration tests shorten (ExtensionMode.Test only, through
 * the test API's setClientTiming). The fault matrix waits out a timeout or the retry back-off in
 * most of its cells; at the real values that suite alone took over two minutes. Users always get the setting's
 * timeout and the client's default retries: nothing outside the test API sets this.
 */
export interface ClientTiming {
  /** For the whole call (attempts and back-off); replaces scpCloudMl.requestTimeoutSeconds. */
  timeoutMs?: number;
  /** Retries of an idempotent call after the first try. */
  maxRetries?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
}
