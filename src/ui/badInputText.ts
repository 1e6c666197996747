import * as vscode from 'vscode';
import type { BadInputReason } from '../scp/scpError';

/** The localized sentence for input the SCP layer refused before sending (its own message is English). */
export function describeBadInput(reason: BadInputReason): string {
  switch (reason.code) {
    case 'endpointNotUrl':
      return vscode.l10n.t('The endpoint override "{0}" is not a valid URL. Use a base URL such as https://host:port.', reason.text);
    case 'endpointScheme':
      return vscode.l10n.t('The endpoint override must start with https:// (not {0}). Use a base URL such as https://host:port.', reason.protocol);
    case 'endpointUserInfo':
      return vscode.l10n.t('The endpoint override must not contain a user name or password. Remove them from the URL.');
    case 'endpointQueryOrFragment':
      return vscode.l10n.t('The endpoint override must not contain a query or fragment. Remove the part from "?" or "#" on.');
    case 'plainHttpToRemote':
      return vscode.l10n.t('Plain http:// is refused for {0} because the request signature would travel unencrypted. Use https://, or http:// only for a loopback host such as 127.0.0.1.', reason.host);
    case 'unknownEnvironment':
      return vscode.l10n.t('"{0}" is not an SCP environment. Choose s, g or e.', reason.environment);
    case 'unknownRegion':
      return vscode.l10n.t('Region "{0}" does not exist in environment {1}. Choose one of {2}.', reason.region, reason.environment, reason.regions.join(', '));
    case 'invalidId':
      return vscode.l10n.t('"{0}" is not a valid id. Pick the item again from the list.', reason.value);
    case 'invalidRequestBody':
      return reason.operation === 'create'
        ? vscode.l10n.t('The create request is not valid ({0}). Correct it and try again.', reason.problem)
        : vscode.l10n.t('The update request is not valid ({0}). Correct it and try again.', reason.problem);
  }
}
