import * as vscode from 'vscode';
import { instanceTarget, type InstanceTarget } from '../model/commandTargets';
import type { CloudMlDetail } from '../scp/cloudMlSchemas';
import { classifyState } from '../scp/instanceState';
import type { SkeCluster } from '../scp/skeSchemas';
import { logError } from '../ui/errorPresenter';
import { pickProgressively } from '../ui/pickProgressively';
import type { PickItem } from '../ui/userInput';
import type { CommandServices } from './commandServices';

const STATE_ICONS = { transitional: '$(sync~spin)', healthy: '$(pass)', failed: '$(error)', unknown: '$(question)' } as const;

export interface ProgressiveInstancePickOptions {
  title: string;
  placeholder: string;
}

function instanceItem(profileId: string, cluster: SkeCluster, detail: CloudMlDetail): PickItem<InstanceTarget> {
  const state = detail.cloud_ml_state ?? '';
  return {
    label: detail.cloud_ml_name,
    description: `${STATE_ICONS[classifyState(state)]} ${state}`.trim(),
    detail: vscode.l10n.t('on cluster {0}', cluster.name),
    value: instanceTarget(profileId, cluster, detail),
  };
}

/**
 * A pick over every cluster's Cloud ML instance, filled as the lookups finish (SCP has no list of instances: it
 * is one lookup per cluster), so the user can choose before the last cluster answered. Closing the pick
 * cancels the lookups still queued. Clusters whose lookup failed are logged, and mentioned when nothing was
 * chosen; when every lookup that answered failed, the first failure is thrown. undefined = cancelled.
 */
export async function pickInstanceProgressively(services: CommandServices, options: ProgressiveInstancePickOptions): Promise<InstanceTarget | undefined> {
  const session = await services.connection.session();
  const profileId = session.profile.id;
  let failed = 0;
  const answer = await pickProgressively<InstanceTarget>(
    services.ui,
    async (add, signal) => {
      let found = 0;
      const summary = await services.catalog.findInstances((cluster, detail) => {
        found++;
        add([instanceItem(profileId, cluster, detail)]);
      }, signal);
      failed = summary.failures.length;
      for (const failure of summary.failures) logError(services.log, failure.error, `look up the Cloud ML of cluster ${failure.cluster.name}`);
      // Nothing found because lookups failed: the pick closes on that failure's sentence, not on "no instance yet".
      const firstFailure = summary.failures[0];
      if (found === 0 && firstFailure) throw firstFailure.error;
    },
    {
      title: options.title,
      placeholder: options.placeholder,
      matchOnDescription: true,
      matchOnDetail: true,
      emptyMessage: vscode.l10n.t('No Cloud ML instance in this profile yet.'),
    },
  );
  if (typeof answer === 'object') return answer;
  if (failed > 0) {
    const showLog = vscode.l10n.t('Show log');
    const choice = await services.ui.warn(vscode.l10n.t('{0} clusters could not be checked for Cloud ML. See the log for the reasons.', failed), {}, showLog);
    if (choice === showLog) services.log.show();
  }
  return undefined;
}
