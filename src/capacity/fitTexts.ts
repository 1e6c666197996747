import * as vscode from 'vscode';
import type { ResourceKind } from '../model/estimateAmounts';
import { describeError } from '../ui/errorPresenter';
import type { Headroom, Shortage, WorkloadRequest } from './clusterFit';
import type { ClusterVerdict } from './clusterFits';

/** The words of the fit ranking, shared by the "find a cluster" pick and the chat tools. */

/** "2 GPU", "8 CPU", "32 GiB memory". */
export function amountText(kind: ResourceKind, amount: number): string {
  switch (kind) {
    case 'cpu':
      return vscode.l10n.t('{0} CPU', String(amount));
    case 'gpu':
      return vscode.l10n.t('{0} GPU', String(amount));
    case 'memory':
      return vscode.l10n.t('{0} GiB memory', String(amount));
  }
}

/** "8 CPU, 2 GPU, 32 GiB memory" (kinds without a stated amount left out; "unknown" when none is stated). */
export function amountsText(amounts: Headroom): string {
  const parts = (['cpu', 'gpu', 'memory'] as const).flatMap((kind) => {
    const amount = amounts[kind];
    return amount === undefined ? [] : [amountText(kind, amount)];
  });
  return parts.length > 0 ? parts.join(', ') : vscode.l10n.t('not stated');
}

export function requestText(request: WorkloadRequest): string {
  const amounts = amountsText({ cpu: request.cpu, gpu: request.gpu, memory: request.memory });
  return request.useCopilot ? vscode.l10n.t('{0}, with copilot', amounts) : vscode.l10n.t('{0}, no copilot', amounts);
}

/** "needs 2 GPU, 1 free" */
function shortageText(shortage: Shortage): string {
  return vscode.l10n.t('needs {0}, {1} free', amountText(shortage.kind, shortage.needed), String(shortage.free));
}

/** Why a cluster cannot take the workload, as a short phrase; undefined when it can. */
export function refusalText(verdict: ClusterVerdict): string | undefined {
  switch (verdict.kind) {
    case 'fits':
      return undefined;
    case 'short':
      return verdict.shortages.map(shortageText).join('; ');
    case 'noCopilot':
      return vscode.l10n.t('no room for copilot');
    case 'notRunning':
      return vscode.l10n.t('cluster is {0}, not RUNNING', verdict.status);
    case 'hasCloudMl':
      return verdict.instanceName !== undefined
        ? vscode.l10n.t('already has a Cloud ML ({0})', verdict.instanceName)
        : vscode.l10n.t('already has a Cloud ML');
    case 'estimateFailed':
      return vscode.l10n.t('estimate failed: {0}', withoutFinalStop(describeError(verdict.error)));
    case 'lookupFailed':
      return vscode.l10n.t('Cloud ML lookup failed: {0}', withoutFinalStop(describeError(verdict.error)));
  }
}

/** "left after it: 10 CPU, 2 GPU, 40 GiB memory" */
export function headroomText(headroom: Headroom): string {
  return vscode.l10n.t('left after it: {0}', amountsText(headroom));
}

/** The error sentence inside a phrase that ends a line of its own. */
function withoutFinalStop(sentence: string): string {
  return sentence.replace(/[.。]\s*$/, '');
}
