import type { ClientTiming } from '../../src/connection/clientTiming';

/**
 * The client's retry back-off for integration suites that meet transient failures on purpose: 10-40 ms
 * instead of 250 ms-8 s, the same number of retries. The back-off itself is unit-tested (test/unit/scp).
 */
export const FAST_RETRIES: ClientTiming = { retryBaseDelayMs: 10, retryMaxDelayMs: 40 };
