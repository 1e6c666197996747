import type { ClusterEstimate } from '../scp/cloudMlSchemas';
import { compareResources } from './resourceComparison';
import { withoutSecrets } from './secretStripping';
import type { EstimateLabelKey, EstimatePanelState, EstimateView } from './webviewMessages';

/** Everything an estimate panel knows at one moment. */
export interface EstimateSnapshot {
  state: EstimatePanelState;
  clusterName: string;
  estimate?: ClusterEstimate;
  /** One sentence: why the estimate could not be read. */
  error?: string;
  busy: boolean;
}

export interface EstimateTexts {
  labels: Record<EstimateLabelKey, string>;
  title: (clusterName: string) => string;
}

/** The view the estimate app draws: the cluster's estimate per group and kind, and the copilot toggle's state. */
export function buildEstimateView(snapshot: EstimateSnapshot, texts: EstimateTexts, revision: number): EstimateView {
  const estimate = snapshot.estimate ? withoutSecrets(snapshot.estimate) : undefined;
  const view: EstimateView = {
    revision,
    state: { ...snapshot.state },
    title: texts.title(snapshot.clusterName),
    busy: snapshot.busy,
    groups: compareResources(estimate),
    labels: { ...texts.labels },
  };
  if (snapshot.error) view.notice = { tone: 'error', text: snapshot.error };
  return view;
}
