import * as vscode from 'vscode';
import type { CommandServices } from './commandServices';
import { resolveClusterOrInstance } from './targetPickers';

/**
 * scpCloudMl.checkReleasable: asks SCP whether the Cloud ML can be released from its cluster and says so,
 * listing the exceptions when it cannot. Failures go through the command guard (one sentence + Show log).
 */
export async function checkReleasableCommand(services: CommandServices, arg?: unknown): Promise<void> {
  const target = await resolveClusterOrInstance(services, arg, {
    title: vscode.l10n.t('Check releasable'),
    placeholder: vscode.l10n.t('The Cloud ML to check'),
  });
  if (!target) return;
  const cloudMl = async () => (await services.connection.sessionFor(target.profileId)).cloudMl;
  const subject = target.kind === 'instance' ? target.name : target.clusterName;
  const result = await services.ui.withProgress(
    { title: vscode.l10n.t('Checking whether Cloud ML can be released from cluster {0}…', target.clusterName), cancellable: true },
    async (_progress, signal) => (await cloudMl()).checkReleasable(target.clusterId, signal),
  );
  if (result.releasable) {
    void services.ui.info(vscode.l10n.t('{0} can be released: nothing on cluster {1} prevents deleting its Cloud ML.', subject, target.clusterName));
    return;
  }
  const reasons = result.exceptions.length > 0 ? result.exceptions.join('; ') : vscode.l10n.t('SCP gave no reason');
  void services.ui.warn(vscode.l10n.t('{0} cannot be released now: {1}', subject, reasons));
}
