import * as vscode from 'vscode';
import type { CommandServices } from './commandServices';

/** Placeholder for a command whose feature has not landed yet: it says so, and does nothing else. */
export function notYetAvailable(feature: string): (services: CommandServices) => Promise<void> {
  return async (services) => {
    await services.ui.info(vscode.l10n.t('{0} is not available yet in this version of SCP Cloud ML.', feature));
  };
}
