import * as vscode from 'vscode';
import {
  CLOUD_ML_STATE_FILTERS,
  CLUSTER_STATUSES,
  parseStateFilterKey,
  stateFilterKey,
  type ExplorerFilter,
} from '../explorer/explorerFilter';
import { stateFilterLabel } from '../explorer/filterDescription';
import { BACK, type PickItem } from '../ui/userInput';
import type { CommandServices } from './commandServices';

const ANY_STATE = 'any';

function stateItems(): PickItem<string>[] {
  return [
    { label: vscode.l10n.t('Any state'), value: ANY_STATE },
    { label: vscode.l10n.t('Cluster status'), value: '', separator: true },
    ...CLUSTER_STATUSES.map((status) => {
      const key = stateFilterKey({ kind: 'clusterStatus', status });
      return { label: stateFilterLabel({ kind: 'clusterStatus', status }), value: key };
    }),
    { label: vscode.l10n.t('Cloud ML'), value: '', separator: true },
    ...CLOUD_ML_STATE_FILTERS.map((state) => ({ label: stateFilterLabel({ kind: 'cloudMl', state }), value: stateFilterKey({ kind: 'cloudMl', state }) })),
  ];
}

/**
 * Narrows the explorer's clusters by name (substring) and state, in two steps with Back. The filter shows as
 * the view's description until `clearFilter`.
 */
export async function filterCommand(services: CommandServices): Promise<void> {
  const current = services.explorer.filter;
  const title = vscode.l10n.t('Filter clusters');
  let text = current?.text ?? '';
  for (;;) {
    const typed = await services.ui.input({
      title,
      step: 1,
      totalSteps: 2,
      prompt: vscode.l10n.t('Show clusters whose name contains this text (leave empty for any name).'),
      placeholder: vscode.l10n.t('e.g. prod'),
      value: text,
    });
    if (typed === undefined || typed === BACK) return;
    text = typed;
    const state = await services.ui.pick(stateItems(), {
      title,
      step: 2,
      totalSteps: 2,
      canGoBack: true,
      placeholder: vscode.l10n.t('Show clusters in which state?'),
      activeValue: current?.state ? stateFilterKey(current.state) : ANY_STATE,
    });
    if (state === undefined) return;
    if (state === BACK) continue;
    const filter: ExplorerFilter = { text };
    const parsed = parseStateFilterKey(state);
    if (parsed) filter.state = parsed;
    services.explorer.setFilter(filter);
    return;
  }
}
