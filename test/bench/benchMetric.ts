import { median } from './statistics';

/**
 * One row of the benchmark table. A budget applies either to the value itself or to the ratio value / ideal,
 * where the ideal (the best a perfect implementation could do) is measured in the same run, so that a slow or
 * busy machine moves both and the ratio stays meaningful. Rows without a budget are reported for contrast.
 */
export interface BenchMetric {
  id: string;
  label: string;
  value: number;
  unit: string;
  /** What the value is compared with (measured in the same run), and how that was obtained. */
  ideal?: { value: number; what: string };
  /** `overIdeal`: value − ideal ≤ max (e.g. one round trip + 40 ms). */
  budget?: { max: number; of: 'value' | 'ratio' | 'overIdeal' };
  /**
   * The ratio, when it is not simply value / ideal: e.g. the median of per-run ratios, each run against an ideal
   * measured right before it (drift on a busy machine then cancels out run by run).
   */
  ratio?: number;
  /** Every sample the value is the median of. */
  samples?: number[];
  /** How it was measured, in a few words (printed under the table). */
  note?: string;
}

export interface EvaluatedMetric extends BenchMetric {
  ratio?: number;
  /** undefined = no budget (informational row). */
  pass?: boolean;
}

export function evaluate(metric: BenchMetric): EvaluatedMetric {
  const ratio = metric.ratio ?? (metric.ideal && metric.ideal.value > 0 ? metric.value / metric.ideal.value : undefined);
  if (!metric.budget) return { ...metric, ...(ratio !== undefined ? { ratio } : {}) };
  const measured =
    metric.budget.of === 'ratio' ? ratio : metric.budget.of === 'overIdeal' ? (metric.ideal ? metric.value - metric.ideal.value : undefined) : metric.value;
  // A ratio budget without a usable ideal cannot be judged: that is a failure, not a pass.
  const pass = measured !== undefined && Number.isFinite(measured) && measured <= metric.budget.max;
  return { ...metric, ...(ratio !== undefined ? { ratio } : {}), pass };
}

/** A metric whose value is the median of its samples. */
export function medianMetric(fields: Omit<BenchMetric, 'value' | 'samples'>, samples: number[]): BenchMetric {
  return { ...fields, value: median(samples), samples };
}

function formatNumber(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

function budgetText(metric: EvaluatedMetric): string {
  if (!metric.budget) return '—';
  if (metric.budget.of === 'overIdeal') return `≤ ideal + ${formatNumber(metric.budget.max, metric.unit)}`;
  return metric.budget.of === 'ratio' ? `≤ ${metric.budget.max}×` : `≤ ${formatNumber(metric.budget.max, metric.unit)}`;
}

function verdict(metric: EvaluatedMetric): string {
  if (metric.pass === undefined) return 'info';
  return metric.pass ? 'pass' : 'FAIL';
}

/** The table as GitHub Markdown (it reads fine in a terminal too). */
export function formatTable(metrics: readonly EvaluatedMetric[]): string {
  const rows = metrics.map((m) => [
    m.label,
    formatNumber(m.value, m.unit),
    m.ideal ? `${formatNumber(m.ideal.value, m.unit)} (${m.ideal.what})` : '—',
    m.ratio !== undefined ? `${m.ratio.toFixed(2)}×` : '—',
    budgetText(m),
    verdict(m),
  ]);
  const header = ['metric', 'value', 'ideal / baseline (same run)', 'ratio', 'budget', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The notes under the table: how each metric was measured. */
export function formatNotes(metrics: readonly EvaluatedMetric[]): string {
  return metrics
    .filter((m) => m.note)
    .map((m) => `- ${m.label}: ${m.note}${m.samples && m.samples.length > 1 ? ` (median of ${m.samples.length})` : ''}`)
    .join('\n');
}

export function failures(metrics: readonly EvaluatedMetric[]): EvaluatedMetric[] {
  return metrics.filter((m) => m.pass === false);
}
