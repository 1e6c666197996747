import * as assert from 'node:assert/strict';
import { CloudMlApi } from '../../../src/scp/cloudMlApi';
import type { CloudMlDetail } from '../../../src/scp/cloudMlSchemas';
import { pollUntilSettled, type PollOptions, type PollUpdate } from '../../../src/scp/poller';
import { ScpError } from '../../../src/scp/scpError';
import { clusterIdOf, countOf, emulatorPerTest, instanceIdOf } from './helpers/emulator';

type Step = string | 404 | ScpError;

function detail(state: string): CloudMlDetail {
  return { cloud_ml_id: 'm1', cloud_ml_name: 'ml', cloud_ml_state: state } as CloudMlDetail;
}

/** A scripted instance and a virtual clock: sleeping advances time, nothing really waits. */
function scripted(steps: Step[], overrides: Partial<PollOptions> = {}): { options: PollOptions; sleeps: number[]; reads: () => number } {
  let now = 0;
  let reads = 0;
  const sleeps: number[] = [];
  const options: PollOptions = {
    read: () => {
      const step = steps[Math.min(reads, steps.length - 1)];
      reads++;
      if (step === 404 || step === undefined) return Promise.resolve(undefined);
      if (step instanceof ScpError) return Promise.reject(step);
      return Promise.resolve(detail(step));
    },
    intervalMs: 1000,
    timeoutMs: 60_000,
    expectDeletion: false,
    sleep: (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
    now: () => now,
    ...overrides,
  };
  return { options, sleeps, reads: () => reads };
}

const serverError = (): ScpError => new ScpError({ kind: 'server', message: 'SCP had an internal error (503); try again in a moment.', status: 503 });

describe('scp poller', () => {
  it('reads until the state settles, with backoff up to the maximum interval', async () => {
    const run = scripted(['CREATING', 'CREATING', 'CREATING', 'CREATING', 'CREATING', 'DEPLOYED'], { backoffFactor: 2, maxIntervalMs: 5000 });
    const updates: PollUpdate[] = [];
    const result = await pollUntilSettled({ ...run.options, onUpdate: (u) => updates.push(u) });
    assert.equal(result.outcome, 'settled');
    assert.equal(result.state, 'DEPLOYED');
    assert.deepEqual(run.sleeps, [1000, 2000, 4000, 5000, 5000]);
    assert.deepEqual(
      updates.map((u) => u.state),
      ['CREATING', 'CREATING', 'CREATING', 'CREATING', 'CREATING', 'DEPLOYED'],
    );
  });

  it('ends as failed on a failed state', async () => {
    const result = await pollUntilSettled(scripted(['CREATING', 'DEPLOY_FAILED']).options);
    assert.deepEqual([result.outcome, result.state], ['failed', 'DEPLOY_FAILED']);
  });

  it('ends as settled on an unknown state rather than polling for ever', async () => {
    const result = await pollUntilSettled(scripted(['UPDATING', 'SUSPENDED']).options);
    assert.deepEqual([result.outcome, result.state], ['settled', 'SUSPENDED']);
  });

  it('tolerates up to 3 transient errors in a row, and fails on the 4th', async () => {
    const tolerated = scripted(['CREATING', serverError(), serverError(), serverError(), 'DEPLOYED']);
    assert.equal((await pollUntilSettled(tolerated.options)).outcome, 'settled');

    const tooMany = scripted(['CREATING', serverError(), serverError(), serverError(), serverError(), 'DEPLOYED']);
    const result = await pollUntilSettled(tooMany.options);
    assert.equal(result.outcome, 'failed');
    assert.equal(result.error?.kind, 'server');
    assert.equal(result.state, 'CREATING', 'the last known state is kept');
    assert.equal(tooMany.reads(), 5);
  });

  it('resets the transient count after a good read', async () => {
    const run = scripted(['CREATING', serverError(), serverError(), serverError(), 'CREATING', serverError(), serverError(), serverError(), 'DEPLOYED']);
    assert.equal((await pollUntilSettled(run.options)).outcome, 'settled');
  });

  it('fails at once on a non-transient error', async () => {
    const auth = new ScpError({ kind: 'auth', message: 'SCP rejected the credentials (401); sign in again.' });
    const run = scripted(['CREATING', auth, 'DEPLOYED']);
    const result = await pollUntilSettled(run.options);
    assert.equal(result.outcome, 'failed');
    assert.equal(result.error?.kind, 'auth');
    assert.equal(run.reads(), 2);
  });

  it('after a delete: 404 (or a notFound error) means deleted', async () => {
    assert.equal((await pollUntilSettled(scripted(['DELETING', 'DELETING', 404], { expectDeletion: true }).options)).outcome, 'deleted');
    const notFound = new ScpError({ kind: 'notFound', message: 'gone', status: 404 });
    assert.equal((await pollUntilSettled(scripted(['DELETING', notFound], { expectDeletion: true }).options)).outcome, 'deleted');
  });

  it('after a delete: waits for DELETING to begin, but not for ever', async () => {
    const late = scripted(['DEPLOYED', 'DELETING', 404], { expectDeletion: true });
    assert.equal((await pollUntilSettled(late.options)).outcome, 'deleted');
    const never = scripted(['DEPLOYED'], { expectDeletion: true });
    const result = await pollUntilSettled(never.options);
    assert.deepEqual([result.outcome, result.state], ['settled', 'DEPLOYED']);
    assert.equal(never.reads(), 3);
    const rolledBack = scripted(['DELETING', 'DEPLOYED'], { expectDeletion: true });
    assert.equal((await pollUntilSettled(rolledBack.options)).outcome, 'settled');
  });

  it('times out with the last state when the state never settles', async () => {
    const run = scripted(['CREATING'], { timeoutMs: 10_000, backoffFactor: 1 });
    const result = await pollUntilSettled(run.options);
    assert.deepEqual([result.outcome, result.state], ['timeout', 'CREATING']);
    assert.equal(
      run.sleeps.reduce((a, b) => a + b, 0),
      10_000,
      'never sleeps past the deadline',
    );
  });

  it('ends as cancelled when the signal aborts, during a read or a wait', async () => {
    const abort = new AbortController();
    const duringRead = scripted(['CREATING'], {
      signal: abort.signal,
      read: (signal) =>
        new Promise((_, reject) => {
          signal.addEventListener('abort', () => reject(new ScpError({ kind: 'cancelled', message: 'The request was cancelled.' })));
          abort.abort();
        }),
    });
    assert.equal((await pollUntilSettled(duringRead.options)).outcome, 'cancelled');

    const abortWait = new AbortController();
    const duringWait = scripted(['CREATING'], {
      signal: abortWait.signal,
      sleep: (_ms, signal) =>
        new Promise((_, reject) => {
          signal?.addEventListener('abort', () => reject(new Error('aborted')));
          abortWait.abort();
        }),
    });
    const result = await pollUntilSettled(duringWait.options);
    assert.deepEqual([result.outcome, result.state], ['cancelled', 'CREATING']);
  });

  describe('against the emulator', () => {
    const env = emulatorPerTest({ deploySeconds: 0.3 });

    it('follows a create from CREATING to DEPLOYED', async () => {
      const { client, emulator } = env();
      const api = new CloudMlApi(client);
      const image = emulator.admin.snapshot().images[0];
      assert.ok(image);
      const { cloudMlId } = await api.create({
        cloud_ml_name: 'polled-ml',
        cluster_id: clusterIdOf(emulator, 'ds-sandbox'),
        image_id: image.image_id,
        domain_name: 'polled-ml.example.com',
        endpoint_type: 'PRIVATE',
        custom_registry_host: 'registry.example.com',
        custom_registry_access_key: 'REGKEY',
        custom_registry_access_secret_key: 'registry-secret',
      });
      const states: string[] = [];
      const result = await pollUntilSettled({
        read: (signal) => api.get(cloudMlId, signal),
        intervalMs: 50,
        backoffFactor: 1,
        timeoutMs: 15_000,
        expectDeletion: false,
        onUpdate: (u) => states.push(u.state ?? '-'),
      });
      assert.equal(result.outcome, 'settled');
      assert.equal(result.state, 'DEPLOYED');
      assert.equal(result.detail?.cloud_ml_name, 'polled-ml');
      assert.equal(states[0], 'CREATING');
      assert.equal(states.at(-1), 'DEPLOYED');
      assert.equal(countOf(emulator, 'GET /v1/cloud-ml/{id}'), states.length, 'one GET per read');
    });

    it('follows a delete to "deleted" through the 404', async () => {
      const { client, emulator } = env();
      const api = new CloudMlApi(client);
      const id = instanceIdOf(emulator, 'ml-prod');
      await api.delete(id);
      const result = await pollUntilSettled({ read: (signal) => api.get(id, signal), intervalMs: 50, timeoutMs: 15_000, expectDeletion: true });
      assert.equal(result.outcome, 'deleted');
    });

    it('reports an ERROR state as failed', async () => {
      const { client, emulator } = env();
      const api = new CloudMlApi(client);
      const result = await pollUntilSettled({ read: (signal) => api.get(instanceIdOf(emulator, 'recsys-ml'), signal), intervalMs: 50, timeoutMs: 5_000, expectDeletion: false });
      assert.deepEqual([result.outcome, result.state], ['failed', 'ERROR']);
    });
  });
});
