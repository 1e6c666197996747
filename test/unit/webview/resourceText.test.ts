import * as assert from 'node:assert/strict';
import { parseQuantity, parseResourceText } from '../../../src/webview/resourceText';

describe('resource texts', () => {
  it("reads the emulator's format", () => {
    assert.deepEqual(parseResourceText('analytics: cpu 4, gpu 1, memory 16Gi; application: cpu 2, memory 8Gi; copilot: cpu 2, gpu 1, memory 4Gi'), {
      analytics: { cpu: 4, gpu: 1, memory: 16 },
      application: { cpu: 2, memory: 8 },
      copilot: { cpu: 2, gpu: 1, memory: 4 },
    });
  });

  it('reads key=value groups in parentheses with Kubernetes units', () => {
    assert.deepEqual(parseResourceText('analytics(cpu=500m, memory=512Mi) | application(cpu=1, mem=2G)'), {
      analytics: { cpu: 0.5, memory: 0.5 },
      application: { cpu: 1, memory: 1.863 },
    });
  });

  it('reads a JSON object with *_resource names and string or number values', () => {
    assert.deepEqual(parseResourceText('{"analytics_resource": {"cpu": "4", "gpu": 0, "memory": "16Gi"}, "application_resource": {"cpu": 2, "memory": 8}, "other": {"cpu": 1}}'), {
      analytics: { cpu: 4, gpu: 0, memory: 16 },
      application: { cpu: 2, memory: 8 },
    });
  });

  it('gives up (shown as text) on anything it cannot read as amounts', () => {
    for (const text of [undefined, '', '   ', 'cpu 4 memory 16', 'analytics: lots', 'total: cpu 4', '{not json', '[1,2]', '{"analytics": "cpu 4"}']) {
      assert.equal(parseResourceText(text), undefined, String(text));
    }
  });

  it('skips unreadable amounts but keeps the readable ones', () => {
    assert.deepEqual(parseResourceText('analytics: cpu four, gpu A100, memory 16Gi'), { analytics: { memory: 16 } });
  });

  it('converts quantities per kind', () => {
    assert.equal(parseQuantity('cpu', '250m'), 0.25);
    assert.equal(parseQuantity('cpu', '2 cores'), 2);
    assert.equal(parseQuantity('cpu', '2Gi'), undefined);
    assert.equal(parseQuantity('gpu', '1'), 1);
    assert.equal(parseQuantity('gpu', 'A100'), undefined);
    assert.equal(parseQuantity('memory', '1Ti'), 1024);
    assert.equal(parseQuantity('memory', '1024Mi'), 1);
    assert.equal(parseQuantity('memory', '64'), 64);
    assert.equal(parseQuantity('memory', '1e3'), undefined);
    assert.equal(parseQuantity('memory', -1), undefined);
    assert.equal(parseQuantity('memory', 3), 3);
  });
});

describe('resource texts: edges of the accepted shapes', () => {
  it('reads a JSON object with blanks around it and around its group names', () => {
    assert.deepEqual(parseResourceText('  {" analytics ": {"cpu": 1}, "application  resource": {"cpu": "2"}}  '), {
      analytics: { cpu: 1 },
      application: { cpu: 2 },
    });
  });

  it('reads group names with blanks or dashes as the underscore form', () => {
    assert.deepEqual(parseResourceText('application resource: cpu 2; copilot  -  resource: gpu 1'), { application: { cpu: 2 }, copilot: { gpu: 1 } });
  });

  it('skips a JSON group that is null or has only unreadable amounts, keeping the others', () => {
    assert.deepEqual(parseResourceText('{"analytics": null, "copilot": {"cpu": "four", "gpu": 1}, "application": {"cpu": 1}}'), {
      copilot: { gpu: 1 },
      application: { cpu: 1 },
    });
    assert.equal(parseResourceText('{"analytics": {"cpu": "four"}}'), undefined);
  });

  it('reads spaced "kind = value" pairs and pairs followed by blanks', () => {
    assert.deepEqual(parseResourceText('analytics(cpu = 4, memory = 8Gi)'), { analytics: { cpu: 4, memory: 8 } });
    assert.deepEqual(parseResourceText('analytics: cpu 4 , gpu 1 '), { analytics: { cpu: 4, gpu: 1 } });
  });

  it('gives up on a group or pair with anything before or after it', () => {
    for (const text of ['#analytics: cpu 4', 'analytics: #cpu 4', 'analytics: cpu 4 5', 'analytics: cpu# 4']) {
      assert.equal(parseResourceText(text), undefined, text);
    }
  });
});

describe('resource quantities: edges', () => {
  it('reads decimals with several digits, a leading dot and trailing blanks', () => {
    assert.equal(parseQuantity('cpu', '1.25'), 1.25);
    assert.equal(parseQuantity('cpu', '1.5'), 1.5);
    assert.equal(parseQuantity('cpu', '.25'), 0.25);
    assert.equal(parseQuantity('cpu', '.5'), 0.5);
    assert.equal(parseQuantity('cpu', ' 2 cores  '), 2);
  });

  it('refuses anything after the unit', () => {
    assert.equal(parseQuantity('cpu', '4 cores 2'), undefined);
    assert.equal(parseQuantity('memory', '4Gi x'), undefined);
  });

  it('reads every CPU unit and refuses the others', () => {
    for (const unit of ['core', 'cores', 'vcpu', 'vcpus', 'CORES']) assert.equal(parseQuantity('cpu', `3 ${unit}`), 3, unit);
    assert.equal(parseQuantity('cpu', '3 gpus'), undefined);
  });

  it('reads every GPU unit and refuses the others', () => {
    for (const unit of ['gpu', 'gpus', 'card', 'cards', 'GPUs']) assert.equal(parseQuantity('gpu', `2 ${unit}`), 2, unit);
    assert.equal(parseQuantity('gpu', '2 cores'), undefined);
    assert.equal(parseQuantity('gpu', '2m'), undefined);
    assert.equal(parseQuantity('gpu', '2Gi'), undefined);
  });

  it('refuses a memory amount too large to be a number of GiB', () => {
    assert.equal(parseQuantity('memory', `1${'0'.repeat(300)}T`), undefined);
    assert.equal(parseQuantity('memory', '2 lots'), undefined);
  });
});
