import * as assert from 'node:assert/strict';
import {
  CLOUD_ML_STATE_FILTERS,
  CLUSTER_STATUSES,
  clusterMatches,
  filterNeedsInstances,
  normalizeFilter,
  parseStateFilterKey,
  stateFilterKey,
  type StateFilter,
} from '../../../src/explorer/explorerFilter';
import type { CloudMlDetail } from '../../../src/scp/cloudMlSchemas';
import type { SkeCluster } from '../../../src/scp/skeSchemas';

function cluster(name: string, status = 'RUNNING'): SkeCluster {
  return { id: `id-${name}`, name, status } as SkeCluster;
}

function instance(state: string): CloudMlDetail {
  return { cloud_ml_id: 'ml-1', cloud_ml_name: 'ml', cloud_ml_state: state } as CloudMlDetail;
}

describe('explorer filter', () => {
  it('no filter, or an empty one, lets everything through', () => {
    assert.equal(clusterMatches(cluster('a'), 'unknown', undefined), true);
    assert.equal(normalizeFilter({ text: '   ' }), undefined);
    assert.equal(normalizeFilter({}), undefined);
    assert.deepEqual(normalizeFilter({ text: ' prod ' }), { text: 'prod' });
  });

  it('text is a case-insensitive substring of the cluster name', () => {
    const filter = { text: 'PROD' };
    assert.equal(clusterMatches(cluster('ml-prod-cluster'), 'unknown', filter), true);
    assert.equal(clusterMatches(cluster('ds-sandbox'), 'unknown', filter), false);
  });

  it('cluster status matches case-insensitively', () => {
    const filter = { state: { kind: 'clusterStatus', status: 'running' } as StateFilter };
    assert.equal(clusterMatches(cluster('a', 'RUNNING'), 'unknown', filter), true);
    assert.equal(clusterMatches(cluster('a', 'ERROR'), 'unknown', filter), false);
    assert.equal(filterNeedsInstances(filter), false);
  });

  it('a Cloud ML state filter needs the lookup and matches by state class', () => {
    const failed = { state: { kind: 'cloudMl', state: 'failed' } as StateFilter };
    assert.equal(filterNeedsInstances(failed), true);
    assert.equal(clusterMatches(cluster('a'), 'unknown', failed), false);
    assert.equal(clusterMatches(cluster('a'), instance('ERROR'), failed), true);
    assert.equal(clusterMatches(cluster('a'), instance('DEPLOYED'), failed), false);
    assert.equal(clusterMatches(cluster('a'), undefined, failed), false);
    const none = { state: { kind: 'cloudMl', state: 'none' } as StateFilter };
    assert.equal(clusterMatches(cluster('a'), undefined, none), true);
    assert.equal(clusterMatches(cluster('a'), instance('DEPLOYED'), none), false);
  });

  it('text and state must both match', () => {
    const filter = { text: 'prod', state: { kind: 'cloudMl', state: 'healthy' } as StateFilter };
    assert.equal(clusterMatches(cluster('ml-prod'), instance('DEPLOYED'), filter), true);
    assert.equal(clusterMatches(cluster('ml-dev'), instance('DEPLOYED'), filter), false);
    assert.equal(clusterMatches(cluster('ml-prod'), instance('CREATING'), filter), false);
  });

  it('state keys round-trip for every offered state, and junk parses to nothing', () => {
    const all: StateFilter[] = [
      ...CLUSTER_STATUSES.map((status): StateFilter => ({ kind: 'clusterStatus', status })),
      ...CLOUD_ML_STATE_FILTERS.map((state): StateFilter => ({ kind: 'cloudMl', state })),
    ];
    for (const state of all) assert.deepEqual(parseStateFilterKey(stateFilterKey(state)), state);
    assert.equal(parseStateFilterKey('any'), undefined);
    assert.equal(parseStateFilterKey('cloudMl:bogus'), undefined);
    assert.equal(parseStateFilterKey('other:RUNNING'), undefined);
  });

  it('a filter with only a state is kept as it is', () => {
    const state: StateFilter = { kind: 'cloudMl', state: 'failed' };
    assert.deepEqual(normalizeFilter({ state }), { state });
    assert.deepEqual(normalizeFilter({ text: ' ', state }), { state });
  });

  it('cluster status ignores blanks around either side', () => {
    const filter = { state: { kind: 'clusterStatus', status: ' running ' } as StateFilter };
    assert.equal(clusterMatches(cluster('a', ' RUNNING '), 'unknown', filter), true);
    assert.equal(clusterMatches(cluster('a', 'RUNNING'), 'unknown', filter), true);
    assert.equal(clusterMatches(cluster('a', 'running '), 'unknown', { state: { kind: 'clusterStatus', status: 'RUNNING' } }), true);
  });

  it('a cluster status key is upper case whatever the case it was given in', () => {
    assert.equal(stateFilterKey({ kind: 'clusterStatus', status: 'running' }), 'clusterStatus:RUNNING');
    assert.equal(stateFilterKey({ kind: 'cloudMl', state: 'healthy' }), 'cloudMl:healthy');
  });

  it('a key without a value, or a Cloud ML state under another kind, parses to nothing', () => {
    for (const key of ['clusterStatus:', 'clusterStatus', 'cloudMl:', 'other:healthy', 'healthy:healthy']) {
      assert.equal(parseStateFilterKey(key), undefined, key);
    }
    assert.deepEqual(parseStateFilterKey('clusterStatus:error'), { kind: 'clusterStatus', status: 'ERROR' });
  });
});
