import * as assert from 'node:assert/strict';
import { computeSignature } from '../../../src/scp/signer';

describe('scp signer', () => {
  it('matches the test vector of docs/scp-api.md', () => {
    const signature = computeSignature(
      {
        method: 'GET',
        url: 'https://cloud-ml.kr-west1.e.samsungsdscloud.com/v1/cloud-ml/check-duplication?name=my-ml',
        timestamp: '1605290625682',
        accessKey: 'TESTACCESSKEY',
      },
      'TESTSECRETKEY',
    );
    assert.equal(signature, 'uEMqMjp/Av3dc9VOy/yLe0khA/T+cZBHTvT6tVcgo9c=');
  });

  it('signs the method in upper case and changes with every input', () => {
    const base = { method: 'get', url: 'https://x.example/v1?a=1', timestamp: '1', accessKey: 'AK' };
    const reference = computeSignature(base, 'S');
    assert.equal(reference, computeSignature({ ...base, method: 'GET' }, 'S'));
    assert.notEqual(reference, computeSignature({ ...base, url: 'https://x.example/v1?a=2' }, 'S'));
    assert.notEqual(reference, computeSignature({ ...base, timestamp: '2' }, 'S'));
    assert.notEqual(reference, computeSignature(base, 'S2'));
  });
});
