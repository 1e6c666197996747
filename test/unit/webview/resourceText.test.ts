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
