import * as vscode from 'vscode';
import { activityOperationOf } from '../deployments/activityEntry';
import type { CommandServices } from './commandServices';

/** scpCloudMl.clearActivity: forgets the active profile's finished operations (those in flight stay). */
export async function clearActivityCommand(services: CommandServices): Promise<void> {
  const profileId = services.connection.activeProfile()?.id;
  if (profileId === undefined) return;
  await services.tracker.clearFinished(profileId);
  services.log.info('activity: cleared the finished operations');
}

/** scpCloudMl.copyRequestId (an Activity row's menu): the request id SCP gave the operation, for a support ticket. */
export async function copyRequestIdCommand(services: CommandServices, arg?: unknown): Promise<void> {
  const operation = activityOperationOf(arg);
  if (!operation) return;
  if (!operation.requestId) {
    void services.ui.info(vscode.l10n.t('SCP gave no request ID for this operation of {0}.', operation.name));
    return;
  }
  await vscode.env.clipboard.writeText(operation.requestId);
  void services.ui.info(vscode.l10n.t('Copied the request ID of {0} to the clipboard.', operation.name));
}

/** scpCloudMl.stopTracking (an Activity row in flight): stops following it; it moves to the finished ones. */
export function stopTrackingCommand(services: CommandServices, arg?: unknown): void {
  const operation = activityOperationOf(arg);
  if (operation?.outcome === undefined && operation?.cloudMlId) services.tracker.stopTracking(operation.profileId, operation.cloudMlId);
}
