import * as assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import { FAST_RETRIES } from '../support/fastRetries';
import { plainSentenceProblem } from '../support/plainSentence';
import { ScriptedUserInput } from '../support/scriptedUserInput';
import { assertTreeUsable, FAULT_OPERATIONS, type CellContext, type CellOutcome, type FaultCase } from './faultOperations';
import { activateTestApi, saveEmulatorProfile } from './extensionFixture';

const PROFILE_ID = 'test-faults';
/**
 * The suite's client timing (through the test API): the hang and latency cells wait out the call's timeout once
 * (it bounds attempts and back-off together), the 5xx cells the back-off. 600 ms is what a hanging call took
 * when the timeout was per attempt (two attempts of 300 ms), and leaves a loaded machine room for the ordinary
 * calls around a cell, which no retry follows once they time out. At the real values (1 s at least, three
 * retries from 250 ms) the matrix took 140 s; the retry policy and the timeout are unit-tested in test/unit/scp.
 */
const TIMING = { ...FAST_RETRIES, timeoutMs: 600, maxRetries: 1 };

const FAULTS: readonly FaultCase[] = [
  // Delayed past the client's timeout, then carried out: a mutation lands after the user saw the failure.
  { name: 'latency > timeout', effect: { kind: 'latency', ms: TIMING.timeoutMs + 400 }, appliedBeforeFailure: false },
  { name: '500', effect: { kind: 'status', status: 500 }, appliedBeforeFailure: false },
  { name: '502', effect: { kind: 'status', status: 502 }, appliedBeforeFailure: false },
  { name: '503', effect: { kind: 'status', status: 503 }, appliedBeforeFailure: false },
  { name: '417 HTML', effect: { kind: 'firewall417' }, appliedBeforeFailure: false },
  { name: '401 gateway', effect: { kind: 'gateway401' }, appliedBeforeFailure: false },
  { name: 'gateway 404', effect: { kind: 'gateway404' }, appliedBeforeFailure: false },
  { name: 'malformed JSON', effect: { kind: 'malformedJson' }, appliedBeforeFailure: true },
  { name: 'truncated body', effect: { kind: 'truncatedBody' }, appliedBeforeFailure: true },
  { name: 'connection reset', effect: { kind: 'connectionReset' }, appliedBeforeFailure: false },
  { name: 'hang', effect: { kind: 'hang' }, appliedBeforeFailure: false },
];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The fault matrix: every operation × every fault the emulator can inject, through the real tree, commands and
 * forms in the extension host. A fault stays on (every retry meets it) until the moment a user would try again.
 * Each cell checks: one clear sentence shown, no unhandled rejection, no script failure, no create twice, the
 * values typed before the failure still used, the next call after the fault succeeds, and the tree still works.
 */
describe('faults', function () {
  this.timeout(60_000);
  let api: ExtensionTestApi;
  let emu: RunningEmulator;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
  const results = new Map<string, Map<string, string>>();

  before(async () => {
    api = await activateTestApi();
    api.setClientTiming(TIMING);
    // deploySeconds: nothing settles during the suite, so no tracker notification lands in a scripted UI.
    emu = await startEmulator({ port: 0, deploySeconds: 600 });
    await saveEmulatorProfile(api, emu, { id: PROFILE_ID });
    // The timing is in force: an idempotent call meets a lasting 503 twice (one retry), not four times.
    emu.admin.injectFault({ kind: 'status', status: 503, path: '/v1/cloud-ml/images', count: -1 });
    const session = await api.connection.session();
    await assert.rejects(session.cloudMl.listImages());
    assert.equal(emu.admin.counters().byRoute['GET /v1/cloud-ml/images'], 2, JSON.stringify(emu.admin.counters().byRoute));
    emu.admin.clearFaults();
    emu.admin.resetCounters();
    process.on('unhandledRejection', onUnhandled);
  });

  afterEach(async () => {
    api.setUserInput(undefined);
    emu.admin.clearFaults();
    // A request delayed past the timeout is still carried out later: let it land before the state is reset.
    for (let waited = 0; emu.admin.counters().inFlight > 0 && waited < 5_000; waited += 50) await sleep(50);
    for (const operation of api.tracker.inFlight()) {
      if (operation.profileId === PROFILE_ID) api.tracker.stopTracking(PROFILE_ID, operation.cloudMlId);
    }
    emu.admin.reset();
    emu.admin.resetCounters();
    api.catalog.invalidate();
  });

  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    printMatrix(results);
    await api?.connection.remove(PROFILE_ID, true);
    await emu?.close();
    api?.setClientTiming(undefined);
  });

  for (const operation of FAULT_OPERATIONS) {
    for (const fault of FAULTS) {
      it(`${operation.name} × ${fault.name}`, async function () {
        // Hang and latency cells wait out the call's timeout.
        this.timeout(30_000);
        const cell = (verdict: string): void => {
          const row = results.get(operation.name) ?? new Map<string, string>();
          row.set(fault.name, verdict);
          results.set(operation.name, row);
        };
        cell('FAIL');
        unhandled.length = 0;
        const scripted: ScriptedUserInput[] = [];
        const ctx: CellContext = {
          api,
          emu,
          profileId: PROFILE_ID,
          fault,
          inject: (target) => emu.admin.injectFault({ ...fault.effect, ...target, count: -1 }),
          lift: () => emu.admin.clearFaults(),
          script: (answers, onMessage) => {
            const ui = new ScriptedUserInput(answers, onMessage ? { onMessage } : {});
            scripted.push(ui);
            api.setUserInput(ui);
            return ui;
          },
        };
        const outcome: CellOutcome = await operation.run(ctx);

        const problem = plainSentenceProblem(outcome.sentence);
        assert.equal(problem, undefined, `the user saw "${outcome.sentence}": ${problem}`);
        for (const message of outcome.failureMessages) {
          assert.equal(plainSentenceProblem(message.message), undefined, `a message is not one plain sentence: "${message.message}"`);
        }
        for (const ui of scripted) assert.deepEqual(ui.failures.map(String), [], 'the scripted UI met something it did not expect');
        const names = emu.admin.snapshot().instances.map((i) => i.cloud_ml_name);
        assert.equal(new Set(names).size, names.length, `an instance exists twice: ${names.join(', ')}`);
        await assertTreeUsable(ctx);
        // A rejection nobody handled is reported a tick later.
        await sleep(10);
        assert.deepEqual(unhandled.map(String), [], 'an unhandled rejection happened');
        cell(outcome.keptInput === 'kept' ? 'ok (input kept)' : 'ok');
      });
    }
  }
});

/** Prints operation × fault with ok / FAIL, and the totals (the suite fails through the cells themselves). */
function printMatrix(results: Map<string, Map<string, string>>): void {
  const header = ['operation', ...FAULTS.map((f) => f.name)];
  const rows = FAULT_OPERATIONS.map((op) => [op.name, ...FAULTS.map((f) => (results.get(op.name)?.get(f.name) ?? '-').replace(' (input kept)', '*'))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  const cells = rows.flatMap((r) => r.slice(1));
  const passed = cells.filter((c) => c.startsWith('ok')).length;
  const ran = cells.filter((c) => c !== '-').length;
  console.log(['', 'Fault matrix (ok* = values typed before the failure were used after it):', line(header), ...rows.map(line), `fault matrix: ${passed}/${ran} cells passed (${FAULT_OPERATIONS.length * FAULTS.length} in the full matrix)`, ''].join('\n'));
}
