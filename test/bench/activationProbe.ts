import { extensionTestApi, sleep } from './hostBenchContext';
import { reportToRunner } from './hostReport';

/** How long the probe stays after activation: requests the extension made on its own would show up here. */
const IDLE_AFTER_ACTIVATION_MS = 2_000;

/**
 * One fresh start of the activation benchmark (an extensionTestsPath module): reports activate()'s wall time as
 * the extension measured it and the requests SCP sessions made during activation and the idle seconds after.
 */
export async function run(): Promise<void> {
  try {
    const api = await extensionTestApi();
    const requestsAtActivation = api.connection.requestCount;
    await sleep(IDLE_AFTER_ACTIVATION_MS);
    reportToRunner({
      kind: 'activation',
      activationMs: api.activationMs,
      requestsAtActivation,
      requestsAfterIdle: api.connection.requestCount,
      profileActive: api.connection.activeProfile() !== undefined,
    });
  } catch (error) {
    reportToRunner({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
