import * as vscode from 'vscode';
import type { EstimateSubject } from '../webview/webviewPanels';
import type { CommandServices } from './commandServices';
import { targetOf } from '../model/commandTargets';

/** Asks which cluster, over every cluster of the active profile (an estimate is about a cluster, not an instance). */
async function pickCluster(services: CommandServices): Promise<EstimateSubject | undefined> {
  const session = await services.connection.session();
  const profileId = session.profile.id;
  const items = services.catalog.allClusters().then((clusters) =>
    clusters.map((cluster) => ({
      label: cluster.name,
      description: [cluster.status, cluster.kubernetes_version].filter(Boolean).join(' · '),
      value: { profileId, clusterId: cluster.id, clusterName: cluster.name },
    })),
  );
  const answer = await services.ui.pick(items, {
    title: vscode.l10n.t('Show cluster estimate'),
    placeholder: vscode.l10n.t('Which cluster?'),
    emptyMessage: vscode.l10n.t('No cluster in this profile yet.'),
    matchOnDescription: true,
  });
  return typeof answer === 'object' ? answer : undefined;
}

/** scpCloudMl.showEstimate: the estimate of a cluster (from a cluster or instance node, else picked). */
export async function showEstimateCommand(services: CommandServices, arg?: unknown): Promise<void> {
  const target = targetOf(arg);
  const subject = target ? { profileId: target.profileId, clusterId: target.clusterId, clusterName: target.clusterName } : await pickCluster(services);
  if (!subject) return;
  await services.panels.showEstimate(subject);
}
