import * as assert from 'node:assert/strict';
import { clusterTarget, instanceEndpoint, instanceTarget, targetOf } from '../../../src/model/commandTargets';
import type { CloudMlDetail } from '../../../src/scp/cloudMlSchemas';
import type { SkeCluster } from '../../../src/scp/skeSchemas';

const cluster = { id: 'c1', name: 'ml-prod-cluster', status: 'RUNNING' } as SkeCluster;

function detail(fields: Partial<CloudMlDetail>): CloudMlDetail {
  return { cloud_ml_id: 'm1', cloud_ml_name: 'ml-prod', cloud_ml_state: 'DEPLOYED', ...fields } as CloudMlDetail;
}

describe('command targets', () => {
  it('a cluster target carries the profile and the cluster', () => {
    assert.deepEqual(clusterTarget('p', cluster), { kind: 'cluster', profileId: 'p', clusterId: 'c1', clusterName: 'ml-prod-cluster', clusterStatus: 'RUNNING' });
  });

  it('an instance target carries the endpoint address, else the domain, else none', () => {
    assert.equal(instanceTarget('p', cluster, detail({ endpoint_ip_address: '10.0.0.5', domain_name: 'x.example' })).endpoint, '10.0.0.5');
    assert.equal(instanceTarget('p', cluster, detail({ endpoint_ip_address: ' ', domain_name: 'x.example' })).endpoint, 'x.example');
    assert.equal('endpoint' in instanceTarget('p', cluster, detail({})), false);
    assert.equal(instanceEndpoint(detail({})), undefined);
  });

  it('an instance target from known facts (no detail): state defaults to empty, an unknown endpoint is left out', () => {
    assert.deepEqual(instanceTarget('p', { id: 'c1', name: 'ml-prod-cluster' }, { cloudMlId: 'm1', name: 'ml-prod', endpoint: undefined }), {
      kind: 'instance', profileId: 'p', clusterId: 'c1', clusterName: 'ml-prod-cluster', cloudMlId: 'm1', name: 'ml-prod', state: '',
    });
    assert.equal(instanceTarget('p', cluster, { cloudMlId: 'm1', name: 'ml-prod', state: 'CREATING', endpoint: '10.0.0.5' }).endpoint, '10.0.0.5');
    assert.deepEqual(
      instanceTarget('p', cluster, { cloudMlId: 'm1', name: 'ml-prod', state: 'DEPLOYED' }),
      instanceTarget('p', cluster, detail({})),
      'a detail and the same facts make the same target',
    );
  });

  it('targets are recognised by targetOf, directly and through a node', () => {
    const target = instanceTarget('p', cluster, detail({}));
    assert.equal(targetOf(target), target);
    assert.equal(targetOf({ target }), target);
    assert.equal(targetOf({ kind: 'instance' }), undefined);
  });
});
