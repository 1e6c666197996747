import * as vscode from 'vscode';
import type { CloudMlApi } from '../scp/cloudMlApi';
import type { CloudMlDetail } from '../scp/cloudMlSchemas';
import { isTransitional } from '../scp/instanceState';
import { isScpError } from '../scp/scpError';
import { describeError } from '../ui/errorPresenter';
import { inputStep } from '../wizard/inputStep';
import { runWizard } from '../wizard/runWizard';
import type { CommandServices } from './commandServices';
import type { InstanceTarget } from '../model/commandTargets';
import { askAfterFailure } from './failureChoice';
import { followLetGoWrite, waitUnlessCancelled } from './writeInFlight';
import { cloudMlFor } from './profileBoundApi';
import { resolveInstanceTarget } from './targetPickers';

interface DescriptionForm {
  description: string;
}

/**
 * scpCloudMl.update: the description is the one field SCP lets change. The box is prefilled with the current
 * description (read fresh, not from the tree's cache); the PUT runs with progress and is tracked until the
 * instance settles. A failed PUT keeps the typed text (Retry / Edit).
 */
export async function updateCommand(services: CommandServices, arg?: unknown): Promise<void> {
  const target = await resolveInstanceTarget(services, arg, {
    title: vscode.l10n.t('Update Cloud ML description'),
    placeholder: vscode.l10n.t('The Cloud ML whose description to change'),
  });
  if (!target) return;
  const cloudMl = cloudMlFor(services, target.profileId);
  const current = await services.ui.withProgress({ title: vscode.l10n.t('Reading Cloud ML {0}…', target.name), cancellable: true }, async (_progress, signal) =>
    (await cloudMl()).get(target.cloudMlId, signal),
  );
  const name = current.cloud_ml_name;
  if (isTransitional(current.cloud_ml_state)) {
    void services.ui.warn(
      vscode.l10n.t('Cloud ML {0} is {1} right now, so it cannot be updated. Wait until it settles, then try again.', name, current.cloud_ml_state ?? ''),
    );
    return;
  }

  const original = current.description ?? '';
  const form: DescriptionForm = { description: original };
  const steps = [
    inputStep<DescriptionForm>({
      id: 'description',
      label: vscode.l10n.t('Description'),
      get: (f) => f.description,
      set: (f, value) => (f.description = value),
      prompt: vscode.l10n.t('The new description of Cloud ML {0}.', name),
    }),
  ];
  for (;;) {
    const filled = await runWizard({ title: vscode.l10n.t('Update Cloud ML {0}', name), steps, context: form, ui: services.ui });
    if (!filled) return;
    if (form.description === original) {
      void services.ui.info(vscode.l10n.t('The description of {0} is unchanged, so nothing was sent.', name));
      return;
    }
    const outcome = await submitUpdate(services, target, name, form.description, cloudMl);
    if (outcome !== 'edit') return;
  }
}

async function submitUpdate(
  services: CommandServices,
  target: InstanceTarget,
  name: string,
  description: string,
  cloudMl: () => Promise<CloudMlApi>,
): Promise<'updated' | 'edit' | 'stop'> {
  const track = (detail: CloudMlDetail | undefined): void => {
    if (detail) {
      services.catalog.applyInstanceChange({ profileId: target.profileId, cloudMlId: target.cloudMlId, clusterId: target.clusterId, detail, deleted: false, settled: false });
    }
    services.tracker.track({ profileId: target.profileId, cloudMlId: target.cloudMlId, clusterId: target.clusterId, name, kind: 'update' });
  };
  let mayHaveGoneThrough = false;
  for (;;) {
    let updated: CloudMlDetail | undefined;
    try {
      updated = await services.ui.withProgress({ title: vscode.l10n.t('Updating Cloud ML {0}…', name), cancellable: true }, async (_progress, signal) => {
        const api = await cloudMl();
        if (mayHaveGoneThrough) {
          // A PUT sent again while the first one is being applied would be refused as busy: look first.
          const now = await api.get(target.cloudMlId, signal);
          if (updateWentThrough(now, description)) return now;
        }
        if (signal.aborted) return undefined;
        // Not aborted by Cancel: once sent, SCP may apply it whatever the client does.
        const sent = api.updateDescription(target.cloudMlId, description);
        const waited = await waitUnlessCancelled(sent, signal);
        if (waited.settled) return waited.value;
        followLetGoWrite(sent, {
          operation: `update ${name}`,
          log: services.log,
          wentThrough: async () => updateWentThrough(await (await cloudMl()).get(target.cloudMlId), description),
          track: () => track(undefined),
        });
        return undefined;
      });
    } catch (error) {
      if (isScpError(error) && error.kind === 'cancelled') return 'stop';
      mayHaveGoneThrough = true;
      const choice = await askAfterFailure(services, error, {
        message: vscode.l10n.t('Updating Cloud ML {0} failed: {1}', name, describeError(error)),
        operation: `update Cloud ML ${name}`,
        edit: true,
      });
      if (choice === 'retry') continue;
      return choice;
    }
    // Cancelled: before sending, nothing happened; on its way, followLetGoWrite tracks it once it settles.
    if (!updated) return 'stop';
    services.log.info(`update ${name}: description sent, state ${updated.cloud_ml_state ?? '?'}`);
    track(updated);
    return 'updated';
  }
}

/** An update went through when the instance has the new description or is being updated. */
function updateWentThrough(detail: CloudMlDetail, description: string): boolean {
  return detail.description === description || isTransitional(detail.cloud_ml_state);
}
