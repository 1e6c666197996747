import * as vscode from 'vscode';
import type { CommandServices } from './commandServices';

/**
 * scpCloudMl.showDeployments (the deployments status item runs it): focuses the Activity view, where the
 * operations in flight and the recently finished ones are listed with what can be done with each.
 */
export async function showDeploymentsCommand(services: CommandServices): Promise<void> {
  // Removing an inactive profile fires no event: its operations are let go here, before the list is shown.
  services.tracker.pruneRemovedProfiles();
  await vscode.commands.executeCommand('scpCloudMl.activity.focus');
}
