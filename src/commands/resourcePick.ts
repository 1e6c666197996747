import * as vscode from 'vscode';
import { clusterTarget, instanceTarget } from '../model/commandTargets';
import { logError } from '../ui/errorPresenter';
import { pickProgressively } from '../ui/pickProgressively';
import type { CommandServices } from './commandServices';
import type { CommandTarget } from '../model/commandTargets';

export interface ResourcePickOptions {
  title: string;
  placeholder: string;
}

/**
 * A pick over every cluster and every Cloud ML instance of the active profile, filled as SCP answers: the clusters
 * as soon as they are listed, each instance as its lookup finishes (one lookup per cluster), so the user can choose
 * before the last lookup answered. Failed lookups are logged (the cluster itself stays choosable). undefined = cancelled.
 */
export async function pickResourceProgressively(services: CommandServices, options: ResourcePickOptions): Promise<CommandTarget | undefined> {
  const session = await services.connection.session();
  const profileId = session.profile.id;
  const answer = await pickProgressively<CommandTarget>(
    services.ui,
    async (add, signal) => {
      const clusters = await services.catalog.allClusters(signal);
      add(
        clusters.map((cluster) => ({
          label: `$(server-environment) ${cluster.name}`,
          description: vscode.l10n.t('SKE cluster · {0}', cluster.status),
          value: clusterTarget(profileId, cluster),
        })),
      );
      const summary = await services.catalog.findInstances((cluster, detail) => {
        add([
          {
            label: `$(beaker) ${detail.cloud_ml_name}`,
            description: vscode.l10n.t('Cloud ML · {0}', detail.cloud_ml_state ?? ''),
            detail: vscode.l10n.t('on cluster {0}', cluster.name),
            value: instanceTarget(profileId, cluster, detail),
          },
        ]);
      }, signal);
      for (const failure of summary.failures) logError(services.log, failure.error, `look up the Cloud ML of cluster ${failure.cluster.name}`);
    },
    { title: options.title, placeholder: options.placeholder, matchOnDescription: true, matchOnDetail: true, emptyMessage: vscode.l10n.t('No cluster in this profile yet.') },
  );
  return typeof answer === 'object' ? answer : undefined;
}
