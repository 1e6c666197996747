import * as vscode from 'vscode';
import { CommandIds } from '../model/commandIds';
import type { ExtensionLog } from '../ui/extensionLog';
import type { UserInput } from '../ui/userInput';
import { operationTarget } from './operationTarget';
import { isFromElsewhere, type TrackedOperation } from './trackedOperation';
import { readSettings } from '../ui/settings';

/**
 * Tells the user how a tracked operation ended. Never blocks: the poll loop goes on while the notification
 * waits for a click, and the chosen action runs whenever it comes.
 */
export class DeploymentNotifier {
  constructor(
    private readonly ui: UserInput,
    private readonly log: ExtensionLog,
    private readonly timeoutMinutes: () => number,
  ) {}

  /**
   * `operation` is already finished (outcome set). One started elsewhere is announced only when the user asked
   * for it (`notifyExternalChanges`); by default the status bar and the Activity view are all that show it.
   */
  notify(operation: TrackedOperation): void {
    if (isFromElsewhere(operation) && readSettings().notifyExternalChanges !== 'notification') return;
    const openDetails = vscode.l10n.t('Open details');
    const showLog = vscode.l10n.t('Show log');
    const name = operation.name;
    const state = operation.lastState ?? '';
    switch (operation.outcome) {
      case 'succeeded':
      case 'settled':
        this.show('info', vscode.l10n.t('Cloud ML {0} is {1}', name, state), operation, openDetails);
        return;
      case 'failed': {
        const message = operation.reason
          ? vscode.l10n.t('Cloud ML {0} is {1}: {2}. Show the log or open the details to see why.', name, state, operation.reason)
          : vscode.l10n.t('Cloud ML {0} is {1}. Show the log or open the details to see why.', name, state);
        this.show('error', message, operation, showLog, openDetails);
        return;
      }
      case 'deleted':
        if (operation.kind === 'delete') this.show('info', vscode.l10n.t('Cloud ML {0} was deleted', name), operation);
        else this.show('warn', vscode.l10n.t('Cloud ML {0} no longer exists. Refresh the explorer to see its cluster.', name), operation, showLog);
        return;
      case 'timedOut':
        this.show(
          'warn',
          vscode.l10n.t('Stopped following Cloud ML {0} after {1} minutes; it was still {2}. Refresh the explorer later to see where it ends.', name, this.timeoutMinutes(), state),
          operation,
          showLog,
        );
        return;
      // The command that sent the request already said it was refused; an unanswered one that left no trace changed nothing.
      case 'rejected':
      case 'unconfirmed':
      case 'stopped':
      case undefined:
        return;
    }
  }

  private show(severity: 'info' | 'warn' | 'error', message: string, operation: TrackedOperation, ...actions: string[]): void {
    const ui = this.ui;
    const shown = severity === 'info' ? ui.info(message, {}, ...actions) : severity === 'warn' ? ui.warn(message, {}, ...actions) : ui.error(message, {}, ...actions);
    void shown
      .then((choice) => this.act(choice, operation))
      .catch((error: unknown) => this.log.warn(`deployment notification action failed: ${error instanceof Error ? error.message : String(error)}`));
  }

  private async act(choice: string | undefined, operation: TrackedOperation): Promise<void> {
    if (choice === vscode.l10n.t('Show log')) this.log.show();
    else if (choice === vscode.l10n.t('Open details')) await vscode.commands.executeCommand(CommandIds.showDetails, operationTarget(operation));
  }
}
