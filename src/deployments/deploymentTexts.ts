import * as vscode from 'vscode';
import type { DeploymentsStatusTexts } from './deploymentsStatus';
import type { OperationKind } from './instanceChange';

/** The localized phrases of the deployments status item (the extraction tool scans these literal calls). */
export function statusTexts(): DeploymentsStatusTexts {
  return {
    single: (kind: OperationKind, name: string) => {
      switch (kind) {
        case 'create':
          return vscode.l10n.t('deploying {0}', name);
        case 'update':
          return vscode.l10n.t('updating {0}', name);
        case 'delete':
          return vscode.l10n.t('deleting {0}', name);
      }
    },
    many: (count: number) => vscode.l10n.t('{0} operations', count),
    line: (name: string, kind: OperationKind, state: string, elapsed: string) =>
      vscode.l10n.t('{0} ({1}): {2}, {3}', name, kindLabel(kind), state, elapsed),
    pending: vscode.l10n.t('waiting for the first answer'),
    unknownRetrying: vscode.l10n.t('unknown — retrying'),
    paused: vscode.l10n.t('(paused until the credentials work again)'),
    header: vscode.l10n.t('Cloud ML operations in progress (click for more):'),
    usually: (duration: string) => vscode.l10n.t('usually about {0}', duration),
    slow: vscode.l10n.t('taking longer than usual: the log may say why'),
  };
}

/** The kind of an operation as a word ("create", "update", "delete"). */
export function kindLabel(kind: OperationKind): string {
  switch (kind) {
    case 'create':
      return vscode.l10n.t('create');
    case 'update':
      return vscode.l10n.t('update');
    case 'delete':
      return vscode.l10n.t('delete');
  }
}
