import * as assert from 'node:assert/strict';
import { ProgressiveRows } from '../../../src/ui/progressiveRows';
import type { PickItem } from '../../../src/ui/userInput';

interface Row {
  label: string;
  value?: number;
}

const item = (value: number): PickItem<number> => ({ label: `#${value}`, value });
const toRow = (i: PickItem<number>): Row => ({ label: i.label, value: i.value });
const labels = (rows: readonly Row[]): string[] => rows.map((r) => r.label);
const largestFirst = (a: PickItem<number>, b: PickItem<number>): number => b.value - a.value;

describe('progressive pick rows', () => {
  it('without an order: appended as they come, the cursor stays where the user is', () => {
    const rows = new ProgressiveRows<number, Row>(toRow);
    assert.equal(rows.add([item(1)], undefined), undefined, 'nothing to move to');
    const first = rows.all[0];
    assert.equal(rows.add([item(5), item(3)], first), first);
    assert.deepEqual(labels(rows.all), ['#1', '#5', '#3']);
  });

  it('without an order: the caller\'s activeValue is chosen once its row has come', () => {
    const rows = new ProgressiveRows<number, Row>(toRow, undefined, 3);
    assert.equal(rows.add([item(1)], undefined), undefined);
    assert.equal(rows.add([item(3)], undefined)?.label, '#3');
  });

  it('ranked: kept in order as rows arrive; the cursor rests on the best row until the user moves it', () => {
    const rows = new ProgressiveRows<number, Row>(toRow, largestFirst);
    assert.equal(rows.add([item(2)], undefined)?.label, '#2');
    // A better row arrives while the cursor is on the top row: the cursor follows the top.
    assert.equal(rows.add([item(7)], rows.all[0])?.label, '#7');
    assert.deepEqual(labels(rows.all), ['#7', '#2']);
    // The user moved to #2: a better row arrives, the cursor stays on #2.
    const chosen = rows.all[1];
    assert.equal(rows.add([item(9), item(1)], chosen), chosen);
    assert.deepEqual(labels(rows.all), ['#9', '#7', '#2', '#1']);
  });
});
