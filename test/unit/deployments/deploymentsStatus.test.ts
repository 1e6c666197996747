import * as assert from 'node:assert/strict';
import { deploymentsStatus, formatElapsed, type DeploymentsStatusTexts, type StatusOperation } from '../../../src/deployments/deploymentsStatus';

const texts: DeploymentsStatusTexts = {
  single: (kind, name) => `${{ create: 'deploying', update: 'updating', delete: 'deleting' }[kind]} ${name}`,
  many: (count) => `${count} operations`,
  line: (name, kind, state, elapsed) => `${name} (${kind}): ${state}, ${elapsed}`,
  pending: 'waiting',
  unknownRetrying: 'unknown — retrying',
  paused: '(paused)',
  header: 'In progress:',
  usually: (duration) => `usually about ${duration}`,
  slow: 'taking longer than usual',
};

function op(name: string, extra: Partial<StatusOperation> = {}): StatusOperation {
  return { name, kind: 'create', state: 'CREATING', elapsedMs: 65_000, retrying: false, paused: false, ...extra };
}

describe('deploymentsStatus (the status-bar item text and tooltip)', () => {
  it('adds the usual duration once known, and past twice that says it is taking longer (with the log offered)', () => {
    const usual = deploymentsStatus([op('ml-a', { elapsedMs: 5 * 60_000, usualMs: 12 * 60_000 })], texts);
    assert.equal(usual.tooltip, 'In progress:\nml-a (create): CREATING, 5m 00s · usually about 12 min');
    assert.equal(usual.slow, undefined);
    const slow = deploymentsStatus([op('ml-a', { elapsedMs: 25 * 60_000, usualMs: 12 * 60_000 }), op('ml-b')], texts);
    assert.ok(slow.tooltip.includes('ml-a (create): CREATING, 25m 00s · usually about 12 min · taking longer than usual'), slow.tooltip);
    assert.equal(slow.slow, true);
  });

  it('is hidden when nothing is in flight', () => {
    assert.deepEqual(deploymentsStatus([], texts), { visible: false, text: '', tooltip: '' });
  });

  it('names the one operation with the verb of its kind', () => {
    assert.equal(deploymentsStatus([op('ml-a')], texts).text, '$(sync~spin) Cloud ML: deploying ml-a');
    assert.equal(deploymentsStatus([op('ml-a', { kind: 'update' })], texts).text, '$(sync~spin) Cloud ML: updating ml-a');
    assert.equal(deploymentsStatus([op('ml-a', { kind: 'delete' })], texts).text, '$(sync~spin) Cloud ML: deleting ml-a');
  });

  it('counts several operations and lists each in the tooltip with state and elapsed time', () => {
    const status = deploymentsStatus([op('ml-a'), op('ml-b', { kind: 'delete', state: 'DELETING', elapsedMs: 4_000 })], texts);
    assert.equal(status.visible, true);
    assert.equal(status.text, '$(sync~spin) Cloud ML: 2 operations');
    assert.equal(status.tooltip, 'In progress:\nml-a (create): CREATING, 1m 05s\nml-b (delete): DELETING, 4s');
  });

  it('shows "pending" before the first answer, "unknown — retrying" after repeated failures, and the pause', () => {
    const status = deploymentsStatus(
      [op('ml-a', { state: undefined }), op('ml-b', { retrying: true }), op('ml-c', { paused: true })],
      texts,
    );
    assert.equal(status.text, '$(sync~spin) Cloud ML: 3 operations');
    const lines = status.tooltip.split('\n');
    assert.equal(lines[1], 'ml-a (create): waiting, 1m 05s');
    assert.equal(lines[2], 'ml-b (create): unknown — retrying, 1m 05s');
    assert.equal(lines[3], 'ml-c (create): CREATING, 1m 05s (paused)');
  });
});

describe('formatElapsed', () => {
  it('is short: seconds, minutes and seconds, hours and minutes', () => {
    assert.equal(formatElapsed(0), '0s');
    assert.equal(formatElapsed(59_999), '59s');
    assert.equal(formatElapsed(60_000), '1m 00s');
    assert.equal(formatElapsed(3_599_000), '59m 59s');
    assert.equal(formatElapsed(3_720_000), '1h 02m');
    assert.equal(formatElapsed(-5), '0s');
  });
});
