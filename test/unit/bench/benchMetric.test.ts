import assert from 'node:assert/strict';
import { evaluate, failures, formatTable, medianMetric } from '../../bench/benchMetric';
import { parseHostReport, reportToRunner } from '../../bench/hostReport';
import { median } from '../../bench/statistics';

describe('bench: metrics and budgets', () => {
  it('judges a value budget inclusively and an informational row not at all', () => {
    assert.equal(evaluate({ id: 'a', label: 'a', value: 300, unit: 'KB', budget: { max: 300, of: 'value' } }).pass, true);
    assert.equal(evaluate({ id: 'a', label: 'a', value: 300.5, unit: 'KB', budget: { max: 300, of: 'value' } }).pass, false);
    assert.equal(evaluate({ id: 'a', label: 'a', value: 5, unit: 'µs' }).pass, undefined);
  });

  it('judges a ratio budget against the ideal measured in the same run, or the explicit median ratio', () => {
    const base = { id: 'f', label: 'f', unit: 'ms', budget: { max: 1.15, of: 'ratio' as const } };
    const plain = evaluate({ ...base, value: 2800, ideal: { value: 2500, what: 'x' } });
    assert.equal(plain.ratio, 1.12);
    assert.equal(plain.pass, true);
    assert.equal(evaluate({ ...base, value: 3000, ideal: { value: 2500, what: 'x' } }).pass, false);
    const perRun = evaluate({ ...base, value: 3000, ideal: { value: 2500, what: 'x' }, ratio: 1.1 });
    assert.equal(perRun.ratio, 1.1);
    assert.equal(perRun.pass, true);
  });

  it('fails a ratio budget that has no usable ideal', () => {
    assert.equal(evaluate({ id: 'f', label: 'f', value: 1, unit: 'ms', budget: { max: 1.15, of: 'ratio' } }).pass, false);
    assert.equal(evaluate({ id: 'f', label: 'f', value: 1, unit: 'ms', ideal: { value: 0, what: 'x' }, budget: { max: 1.15, of: 'ratio' } }).pass, false);
  });

  it('takes medians (odd and even counts) and prints every row with its verdict', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.throws(() => median([]));
    const rows = [
      evaluate(medianMetric({ id: 'm', label: 'activate()', unit: 'ms', budget: { max: 20, of: 'value' } }, [30, 5, 40])),
      evaluate({ id: 'i', label: 'overhead', value: 12, unit: 'µs' }),
    ];
    assert.equal(rows[0].value, 30);
    assert.deepEqual(failures(rows).map((m) => m.id), ['m']);
    const table = formatTable(rows);
    assert.match(table, /\| activate\(\) +\| 30 ms +\|.*\| ≤ 20 ms +\| FAIL +\|/);
    assert.match(table, /\| overhead +\| 12 µs +\|.*\| info +\|/);
  });

  it('carries host reports through a console line and ignores other lines', () => {
    const lines: string[] = [];
    const original = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      reportToRunner({ kind: 'metric', metric: { id: 'x', label: 'x', value: 1, unit: '' } });
    } finally {
      console.log = original;
    }
    assert.deepEqual(parseHostReport(`prefix from the workbench ${lines[0]}`), { kind: 'metric', metric: { id: 'x', label: 'x', value: 1, unit: '' } });
    assert.equal(parseHostReport('  3 passing'), undefined);
    assert.equal(parseHostReport('[scp-bench] phase tree took 2 s'), undefined);
  });
});
