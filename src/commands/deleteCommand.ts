import * as vscode from 'vscode';
import type { CloudMlApi } from '../scp/cloudMlApi';
import type { CloudMlDetail, ReleasableResult } from '../scp/cloudMlSchemas';
import { isTransitional } from '../scp/instanceState';
import { isScpError } from '../scp/scpError';
import { describeError } from '../ui/errorPresenter';
import type { CommandServices } from './commandServices';
import type { InstanceTarget } from '../model/commandTargets';
import { confirmDelete } from './deleteConfirmation';
import { askAfterFailure } from './failureChoice';
import { followLetGoWrite, waitUnlessCancelled } from './writeInFlight';
import { cloudMlFor } from './profileBoundApi';
import { resolveInstanceTarget } from './targetPickers';

interface DeleteCheck {
  detail: CloudMlDetail;
  /** Absent when the instance is transitional (no point asking). */
  releasable?: ReleasableResult;
}

/**
 * scpCloudMl.delete: reads the instance again (the tree may be stale) and refuses while it is transitional,
 * asks check-releasable and lists its exceptions when the answer is no, confirms, then DELETEs and hands the
 * instance to tracking until it is gone.
 */
export async function deleteCommand(services: CommandServices, arg?: unknown): Promise<void> {
  const target = await resolveInstanceTarget(services, arg, {
    title: vscode.l10n.t('Delete Cloud ML'),
    placeholder: vscode.l10n.t('The Cloud ML to delete'),
  });
  if (!target) return;
  const cloudMl = cloudMlFor(services, target.profileId);
  const check = await services.ui.withProgress(
    { title: vscode.l10n.t('Checking whether Cloud ML {0} can be deleted…', target.name), cancellable: true },
    async (_progress, signal): Promise<DeleteCheck> => {
      const api = await cloudMl();
      const detail = await api.get(target.cloudMlId, signal);
      if (isTransitional(detail.cloud_ml_state)) return { detail };
      return { detail, releasable: await api.checkReleasable(detail.cluster_id ?? target.clusterId, signal) };
    },
  );
  const name = check.detail.cloud_ml_name;
  if (!check.releasable) {
    void services.ui.warn(
      vscode.l10n.t('Cloud ML {0} is {1} right now, so it cannot be deleted. Wait until it settles, then try again.', name, check.detail.cloud_ml_state ?? ''),
    );
    return;
  }
  if (!check.releasable.releasable) {
    const { exceptions } = check.releasable;
    const reasons = exceptions.length > 0 ? exceptions.join('; ') : vscode.l10n.t('SCP gave no reason');
    services.log.info(`delete ${name}: not releasable: ${reasons}`);
    void services.ui.warn(vscode.l10n.t('Cloud ML {0} cannot be deleted now: {1}', name, reasons));
    return;
  }
  if (!(await confirmDelete(services.ui, { name, clusterName: target.clusterName }))) return;
  await submitDelete(services, target, name, cloudMl);
}

async function submitDelete(services: CommandServices, target: InstanceTarget, name: string, cloudMl: () => Promise<CloudMlApi>): Promise<void> {
  const track = (): void => {
    services.catalog.invalidate(target.clusterId);
    services.tracker.track({ profileId: target.profileId, cloudMlId: target.cloudMlId, clusterId: target.clusterId, name, kind: 'delete' });
  };
  let mayHaveGoneThrough = false;
  for (;;) {
    let accepted: boolean;
    try {
      accepted = await services.ui.withProgress({ title: vscode.l10n.t('Deleting Cloud ML {0}…', name), cancellable: true }, async (_progress, signal) => {
        const api = await cloudMl();
        if (mayHaveGoneThrough && (await alreadyDeleting(api, target.cloudMlId, signal))) return true;
        if (signal.aborted) return false;
        // Not aborted by Cancel: once sent, SCP may apply it whatever the client does.
        const sent = api.delete(target.cloudMlId);
        const waited = await waitUnlessCancelled(sent, signal);
        if (waited.settled) return true;
        followLetGoWrite(sent, { operation: `delete ${name}`, log: services.log, wentThrough: async () => alreadyDeleting(await cloudMl(), target.cloudMlId), track });
        return false;
      });
    } catch (error) {
      if (isScpError(error) && error.kind === 'cancelled') return;
      mayHaveGoneThrough = true;
      const choice = await askAfterFailure(services, error, {
        message: vscode.l10n.t('Deleting Cloud ML {0} failed: {1}', name, describeError(error)),
        operation: `delete Cloud ML ${name}`,
        edit: false,
      });
      if (choice === 'retry') continue;
      return;
    }
    // Cancelled: before sending, nothing happened; on its way, followLetGoWrite tracks it once it settles.
    if (!accepted) return;
    services.log.info(`delete ${name}: accepted`);
    track();
    return;
  }
}

/** Whether an earlier DELETE went through after all: the instance is gone or on its way out. */
async function alreadyDeleting(api: CloudMlApi, cloudMlId: string, signal?: AbortSignal): Promise<boolean> {
  try {
    return isTransitional((await api.get(cloudMlId, signal)).cloud_ml_state);
  } catch (error) {
    if (isScpError(error) && error.kind === 'notFound') return true;
    throw error;
  }
}
