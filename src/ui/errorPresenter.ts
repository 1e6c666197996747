import * as vscode from 'vscode';
import { isScpError, ScpError, type NetworkHint } from '../scp/scpError';
import { describeBadInput } from './badInputText';
import type { ExtensionLog } from './extensionLog';
import type { UserInput } from './userInput';

/** One plain, localized sentence for any failure; never a stack trace. */
export function describeError(error: unknown): string {
  if (!isScpError(error)) {
    const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return vscode.l10n.t('Something went wrong: {0}', first ?? '');
  }
  return describeScpError(error);
}

function describeScpError(error: ScpError): string {
  switch (error.kind) {
    case 'auth':
      return vscode.l10n.t('SCP rejected the credentials. Check the access key, the secret key and your clock, then sign in again.');
    case 'notEnabled':
      return vscode.l10n.t('Cloud ML is not available for this account or region.');
    case 'notFound':
      return vscode.l10n.t('SCP could not find that resource; it may have been deleted.');
    case 'validation':
      return error.details.length > 0
        ? vscode.l10n.t('SCP refused the request: {0}', error.details.join('; '))
        : vscode.l10n.t('SCP refused the request as invalid.');
    case 'conflict':
      return vscode.l10n.t('The instance is busy with another operation. Wait for it to finish, then try again.');
    case 'throttled':
      return vscode.l10n.t('SCP is limiting requests right now. Wait a moment, then retry.');
    case 'server':
      return vscode.l10n.t('SCP had an internal error (HTTP {0}). Retry in a moment.', String(error.status ?? 500));
    case 'network':
      return error.hint ? describeNetworkHint(error.hint) : vscode.l10n.t('Could not reach SCP. Check your network or proxy, then retry.');
    case 'redirected':
      return vscode.l10n.t('SCP redirected the request (HTTP {0}); a proxy or captive portal may be in the way. Check the network, then retry.', String(error.status ?? 302));
    case 'timeout':
      return vscode.l10n.t('SCP did not answer in time. Retry, or raise the request timeout setting.');
    case 'malformed':
      return vscode.l10n.t('SCP sent a response the extension could not read ({0}).', error.field ?? error.message);
    case 'cancelled':
      return vscode.l10n.t('The operation was cancelled.');
    case 'badInput':
      // Refusals raised in the form layers are already localized; those from src/scp carry a reason to word.
      return error.reason ? describeBadInput(error.reason) : error.message;
  }
}

/** What to check when the client could tell why SCP was out of reach. */
function describeNetworkHint(hint: NetworkHint): string {
  switch (hint.code) {
    case 'tls':
      return vscode.l10n.t(
        'The TLS certificate of {0} was not accepted ({1}). If a corporate proxy inspects traffic, point NODE_EXTRA_CA_CERTS at its CA certificate, then retry.',
        hint.host,
        hint.errorCode,
      );
    case 'dns':
      return vscode.l10n.t('Could not find {0}. Check the environment, the region or the endpoint override, and your DNS, then retry.', hint.host);
    case 'refused':
      return vscode.l10n.t('{0} refused the connection. Check that the endpoint is running and the port is right, then retry.', hint.host);
  }
}

export interface ShowErrorOptions {
  /** Offered as "Retry"; runs when chosen. */
  retry?: () => Promise<unknown>;
  /** What was being done, for the log ("load clusters"). */
  operation?: string;
}

/**
 * Logs the failure in full (kind, status, request ids — all redacted by the client) and shows one sentence
 * with the next steps: Show log, Sign in again (auth), Retry (when given). Cancellation is silent.
 */
export async function showError(ui: UserInput, log: ExtensionLog, error: unknown, options: ShowErrorOptions = {}): Promise<void> {
  if (isScpError(error) && error.kind === 'cancelled') return;
  logError(log, error, options.operation);
  const showLog = vscode.l10n.t('Show log');
  const signIn = vscode.l10n.t('Sign in again');
  const retry = vscode.l10n.t('Retry');
  const actions = [showLog];
  if (isScpError(error) && error.kind === 'auth') actions.unshift(signIn);
  if (options.retry) actions.unshift(retry);
  const choice = await ui.error(describeError(error), {}, ...actions);
  if (choice === showLog) log.show();
  else if (choice === signIn) await vscode.commands.executeCommand('scpCloudMl.signIn');
  else if (choice === retry && options.retry) await options.retry();
}

/** Writes one log line for a failure: what, kind, status, request ids, details. */
export function logError(log: ExtensionLog, error: unknown, operation?: string): void {
  const what = operation ? `${operation} failed: ` : '';
  if (isScpError(error)) {
    const ids = error.requestIds.length > 0 ? ` request_id=${error.requestIds.join(',')}` : '';
    const details = error.details.length > 0 ? ` details=${JSON.stringify(error.details)}` : '';
    log.error(`${what}[${error.kind}${error.status ? ' ' + String(error.status) : ''}] ${error.message}${ids}${details}`);
  } else {
    log.error(`${what}${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
