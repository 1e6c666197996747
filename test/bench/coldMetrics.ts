import { medianMetric, type BenchMetric } from './benchMetric';
import type { HostReport } from './hostReport';
import { median } from './statistics';

export type ColdReport = Extract<HostReport, { kind: 'cold' }>;

/** The latency of the emulator behind the saved profile during the cold starts. */
export const COLD_LATENCY_MS = 100;
/** What the cold path may add to its one round trip: loading the runtime, the session, a new connection. */
const COLD_SLACK_MS = 40;

/** The cold-path rows from the reports of the fresh starts (medians over the starts). */
export function coldMetrics(reports: readonly ColdReport[]): BenchMetric[] {
  const views = reports.filter((r) => r.what === 'view');
  const forms = reports.filter((r) => r.what === 'form');
  const metrics: BenchMetric[] = [];
  const roundTrip = (list: readonly ColdReport[]): number => median(list.map((r) => r.roundTripMs));
  if (views.length > 0) {
    metrics.push(
      medianMetric(
        {
          id: 'cold.firstPage',
          label: `cold: view visible → first cluster page (latency ${COLD_LATENCY_MS} ms)`,
          unit: 'ms',
          ideal: { value: roundTrip(views), what: 'one list round trip' },
          budget: { max: COLD_SLACK_MS, of: 'overIdeal' },
          note: `fresh code-server start with a saved, active profile and the view hidden, then scpCloudMl.explorer.focus (as a click on the icon): from VS Code's first request for the root (the view is visible; the workbench took ${median(views.map((r) => r.shownMs ?? Number.NaN)).toFixed(0)} ms to get there, median) until the tree provider answered it with clusters (observed, not driven), vs. the median of 5 list calls on the session right after; per start: ${views.map((r) => `${r.elapsedMs.toFixed(0)}/${r.roundTripMs.toFixed(0)}`).join(', ')} ms`,
        },
        views.map((r) => r.elapsedMs),
      ),
    );
    const loads = views.flatMap((r) => (r.runtimeLoadMs === undefined ? [] : [r.runtimeLoadMs]));
    if (loads.length > 0) {
      metrics.push(
        medianMetric(
          {
            id: 'cold.runtimeLoad',
            label: 'runtime load (require dist/scpRuntime.js)',
            unit: 'ms',
            budget: { max: 25, of: 'value' },
            note: 'require and evaluation of the runtime bundle, timed by loadScpRuntime() (performance.measure) in each fresh host of the row above',
          },
          loads,
        ),
      );
    }
  }
  if (forms.length > 0) {
    metrics.push(
      medianMetric(
        {
          id: 'cold.formStep',
          label: `cold: Create Cloud ML → first step with items (latency ${COLD_LATENCY_MS} ms)`,
          unit: 'ms',
          ideal: { value: roundTrip(forms), what: 'one list round trip' },
          budget: { max: COLD_SLACK_MS, of: 'overIdeal' },
          note: `fresh start, saved active profile, tree never loaded: scpCloudMl.create until the first items of its first step reached the UserInput (a measuring one installed through the test API, which then cancels; the cluster step fills progressively, so its first items need the list and one lookup); the step itself was shown after ${median(forms.map((r) => r.shownMs ?? Number.NaN)).toFixed(0)} ms (median); per start: ${forms.map((r) => `${r.elapsedMs.toFixed(0)}/${r.roundTripMs.toFixed(0)}`).join(', ')} ms`,
        },
        forms.map((r) => r.elapsedMs),
      ),
    );
  }
  return metrics;
}
