import * as vscode from 'vscode';
import type { ExplorerFilter, StateFilter } from './explorerFilter';

/** A state filter as the user reads it ("Cluster RUNNING", "Cloud ML failed", "No Cloud ML"). */
export function stateFilterLabel(state: StateFilter): string {
  if (state.kind === 'clusterStatus') return vscode.l10n.t('Cluster {0}', state.status.toUpperCase());
  switch (state.state) {
    case 'none':
      return vscode.l10n.t('No Cloud ML');
    case 'healthy':
      return vscode.l10n.t('Cloud ML running');
    case 'transitional':
      return vscode.l10n.t('Cloud ML in progress');
    case 'failed':
      return vscode.l10n.t('Cloud ML failed');
    case 'unknown':
      return vscode.l10n.t('Cloud ML in another state');
  }
}

/** The view's description while a filter is active, e.g. `Filter: "prod" · Cloud ML failed`. */
export function filterDescription(filter: ExplorerFilter): string {
  const parts: string[] = [];
  if (filter.text !== undefined) parts.push(`"${filter.text}"`);
  if (filter.state) parts.push(stateFilterLabel(filter.state));
  return vscode.l10n.t('Filter: {0}', parts.join(' · '));
}
