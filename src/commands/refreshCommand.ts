import * as vscode from 'vscode';
import type { CommandServices } from './commandServices';
import { openAsJsonCommand } from './openAsJsonCommand';

/**
 * Reloads a branch of the explorer (the node or target given), or everything from the title bar/palette. From the
 * title of an Open as JSON document (its URI as argument) it reads that resource again instead.
 */
export async function refreshCommand(services: CommandServices, arg?: unknown): Promise<void> {
  if (arg instanceof vscode.Uri && services.jsonDocuments.refOf(arg)) {
    await openAsJsonCommand(services, arg);
    return;
  }
  services.explorer.refresh(arg);
}
