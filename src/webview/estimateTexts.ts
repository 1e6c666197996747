import * as vscode from 'vscode';
import type { EstimateTexts } from './estimateView';

/** The estimate view's words in the UI language. */
export function estimateTexts(): EstimateTexts {
  return {
    labels: {
      refresh: vscode.l10n.t('Refresh'),
      createHere: vscode.l10n.t('Create Cloud ML here with…'),
      copilotToggle: vscode.l10n.t('Include copilot'),
      estimateHeading: vscode.l10n.t('What the cluster can give to Cloud ML'),
      groupColumn: vscode.l10n.t('Resources for'),
      noEstimate: vscode.l10n.t('SCP gave no estimate for this cluster.'),
      loading: vscode.l10n.t('Loading…'),
      empty: vscode.l10n.t('—'),
      'group.analytics': vscode.l10n.t('Analytics'),
      'group.application': vscode.l10n.t('Application'),
      'group.copilot': vscode.l10n.t('Copilot'),
      'kind.cpu': vscode.l10n.t('CPU'),
      'kind.gpu': vscode.l10n.t('GPU'),
      'kind.memory': vscode.l10n.t('Memory'),
    },
    title: (clusterName) => vscode.l10n.t('Estimate: {0}', clusterName),
  };
}
