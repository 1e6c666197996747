import * as assert from 'node:assert/strict';
import { kindOfState, operationFromSighting } from '../../../src/deployments/externalOperation';
import { cloudMlDetailSchema } from '../../../src/scp/cloudMlSchemas';

describe('operationFromSighting (an instance seen moving that nobody here started)', () => {
  it('names the kind after the transitional state', () => {
    assert.equal(kindOfState('CREATING'), 'create');
    assert.equal(kindOfState('Deploying'), 'create');
    assert.equal(kindOfState('UPDATING'), 'update');
    assert.equal(kindOfState('UPGRADING'), 'update');
    assert.equal(kindOfState('DELETING'), 'delete');
    assert.equal(kindOfState('TERMINATING'), 'delete');
  });

  it('is an in-flight operation from elsewhere that starts now, in the state seen', () => {
    const detail = cloudMlDetailSchema.parse({ cloud_ml_id: 'a'.repeat(32), cloud_ml_name: 'ml-a', cloud_ml_state: 'UPDATING', cluster_name: 'prod', request_id: 'req-1' });
    const op = operationFromSighting({ profileId: 'p1', clusterId: 'c1', detail }, 5000);
    assert.deepEqual(op, {
      profileId: 'p1',
      cloudMlId: 'a'.repeat(32),
      clusterId: 'c1',
      clusterName: 'prod',
      name: 'ml-a',
      kind: 'update',
      started: 5000,
      origin: 'elsewhere',
      lastState: 'UPDATING',
      requestId: 'req-1',
    });
  });
});
