import * as vscode from 'vscode';
import { isScpError } from '../scp/scpError';
import { logError } from '../ui/errorPresenter';
import type { CommandServices } from './commandServices';

export type FailureChoice = 'retry' | 'edit' | 'stop';

export interface FailureChoiceOptions {
  /** The one sentence shown (already includes the reason). */
  message: string;
  /** For the log line. */
  operation: string;
  /** Offer "Edit" (back to the form with every value kept). */
  edit: boolean;
}

/**
 * After a failed mutation: one sentence with Retry, Edit (when there is a form to go back to), Sign in again
 * (on auth) and Show log. Show log and Sign in keep the question open, so what was typed survives them.
 * Cancellation is silent.
 */
export async function askAfterFailure(services: Pick<CommandServices, 'ui' | 'log'>, error: unknown, options: FailureChoiceOptions): Promise<FailureChoice> {
  if (isScpError(error) && error.kind === 'cancelled') return 'stop';
  logError(services.log, error, options.operation);
  const retry = vscode.l10n.t('Retry');
  const edit = vscode.l10n.t('Edit');
  const signIn = vscode.l10n.t('Sign in again');
  const showLog = vscode.l10n.t('Show log');
  const actions = [retry, ...(options.edit ? [edit] : []), ...(isScpError(error) && error.kind === 'auth' ? [signIn] : []), showLog];
  for (;;) {
    const choice = await services.ui.error(options.message, {}, ...actions);
    if (choice === retry) return 'retry';
    if (choice === edit) return 'edit';
    if (choice === showLog) services.log.show();
    else if (choice === signIn) await vscode.commands.executeCommand('scpCloudMl.signIn');
    else return 'stop';
  }
}
