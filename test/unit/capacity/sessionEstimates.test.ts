import * as assert from 'node:assert/strict';
import { SessionEstimates } from '../../../src/capacity/sessionEstimates';
import type { ConnectionManager } from '../../../src/connection/connectionManager';
import type { CatalogChange } from '../../../src/explorer/clusterCatalog';
import { CloudMlApi } from '../../../src/scp/cloudMlApi';
import { ConcurrencyLimiter } from '../../../src/scp/concurrencyLimiter';
import { clusterIdOf, countOf, emulatorPerTest } from '../scp/helpers/emulator';

const ESTIMATE = 'GET /v1/cloud-ml/clusters/{id}/estimate';
const LOOKUP = 'GET /v1/cloud-ml/clusters/{id}';

/** A vscode.Event stand-in that counts its live listeners. */
class Events<T> {
  readonly listeners = new Set<(value: T) => void>();
  readonly event = (listener: (value: T) => void): { dispose(): void } => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
}

describe('capacity: session estimates', () => {
  const env = emulatorPerTest();
  let catalog: Events<CatalogChange>;
  let profiles: Events<unknown>;
  let estimates: SessionEstimates;

  beforeEach(() => {
    catalog = new Events();
    profiles = new Events();
    const session = { limiter: new ConcurrencyLimiter(4), cloudMl: new CloudMlApi(env().client) };
    const connection = { session: () => Promise.resolve(session), onDidChangeProfile: profiles.event } as unknown as ConnectionManager;
    estimates = new SessionEstimates(connection, catalog.event);
  });

  afterEach(() => estimates.dispose());

  it('reads an estimate once per cluster and copilot choice', async () => {
    const { emulator } = env();
    const sandbox = clusterIdOf(emulator, 'ds-sandbox');
    const [a, b] = await Promise.all([estimates.get(sandbox, false), estimates.get(sandbox, false)]);
    assert.deepEqual(a, b);
    await estimates.get(sandbox, false);
    assert.equal(countOf(emulator, ESTIMATE), 1, 'concurrent and later reads share one call');
    await estimates.get(sandbox, true);
    assert.equal(countOf(emulator, ESTIMATE), 2, 'the copilot estimate is another answer');
    assert.deepEqual(estimates.cached(sandbox, false), a);
  });

  it('a catalog change reads nothing: it only drops what it makes stale, and the next get reads again', async () => {
    const { emulator } = env();
    const sandbox = clusterIdOf(emulator, 'ds-sandbox');
    const prod = clusterIdOf(emulator, 'ml-prod-cluster');
    await Promise.all([estimates.get(sandbox, false), estimates.get(prod, false)]);
    emulator.admin.resetCounters();

    catalog.fire({ clusterId: sandbox, reason: 'loaded' });
    catalog.fire({ reason: 'loaded' });
    catalog.fire({ reason: 'availability' });
    assert.ok(estimates.cached(sandbox, false), 'a lookup answering changes no estimate');
    catalog.fire({ clusterId: sandbox, reason: 'changed' });
    assert.equal(estimates.cached(sandbox, false), undefined, 'an instance change on the cluster drops its estimate');
    assert.ok(estimates.cached(prod, false), 'the other cluster keeps its estimate');
    catalog.fire({ reason: 'invalidated' });
    assert.equal(estimates.cached(prod, false), undefined, 'a full refresh drops every estimate');
    profiles.fire(undefined);

    // One call of our own lets anything the events might have started reach the emulator first.
    await new CloudMlApi(env().client).getClusterProduct(prod);
    assert.equal(countOf(emulator, ESTIMATE), 0, 'no estimate was read on an event');
    assert.equal(countOf(emulator, LOOKUP), 1, 'no cluster was looked up on an event (the 1 is ours)');

    await estimates.get(sandbox, false);
    assert.equal(countOf(emulator, ESTIMATE), 1, 'read again when asked');
  });

  it('holds its listeners until it is disposed, then none', () => {
    assert.equal(catalog.listeners.size, 1);
    assert.equal(profiles.listeners.size, 1);
    estimates.dispose();
    assert.equal(catalog.listeners.size, 0);
    assert.equal(profiles.listeners.size, 0);
  });
});
