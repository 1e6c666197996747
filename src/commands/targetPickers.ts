import * as vscode from 'vscode';
import { isScpError } from '../scp/scpError';
import type { SkeCluster } from '../scp/skeSchemas';
import type { ClusterCatalog } from '../explorer/clusterCatalog';
import type { ExtensionLog } from '../ui/extensionLog';
import { describeError, logError } from '../ui/errorPresenter';
import type { PickItem } from '../ui/userInput';
import type { CommandServices } from './commandServices';
import { targetOf, type ClusterTarget, type InstanceTarget } from '../model/commandTargets';
import type { ChosenCluster } from './create/createCloudMlContext';
import { pickInstanceProgressively, type ProgressiveInstancePickOptions } from './progressiveInstancePick';

/**
 * What a command acts on when it runs from the palette without a node: a quick pick over the active profile's
 * clusters or instances, read through the shared ClusterCatalog (cached, joined, under the lookup limit).
 */

/** The shared catalog the pickers read, and the log their per-cluster failures go to. */
export interface CatalogAccess {
  catalog: ClusterCatalog;
  log: ExtensionLog;
}

/** Failures that concern every cluster alike: listing the others would only repeat them. */
function isAccountWide(error: unknown): boolean {
  return isScpError(error) && (error.kind === 'auth' || error.kind === 'notEnabled' || error.kind === 'cancelled');
}

/**
 * RUNNING clusters without a Cloud ML, for the create form's first step: each is added as soon as its lookup finds
 * no Cloud ML (or fails; it is then offered anyway, with the reason it could not be checked), so the first ones can
 * be chosen while the other lookups run. An account-wide failure rejects (nothing else would be worth listing).
 */
export async function createClusterItems(services: CatalogAccess, add: (items: PickItem<ChosenCluster>[]) => void, signal: AbortSignal): Promise<void> {
  const running = (await services.catalog.allClusters(signal)).filter((cluster) => cluster.status.toUpperCase() === 'RUNNING');
  const item = (cluster: SkeCluster, error: unknown): PickItem<ChosenCluster> => ({
    label: cluster.name,
    description: clusterDescription(cluster),
    detail: error === undefined ? undefined : vscode.l10n.t('Could not check for an existing Cloud ML: {0}', describeError(error)),
    value: { id: cluster.id, name: cluster.name },
  });
  // After an account-wide failure the lookups still running add nothing: the pick shows that failure alone.
  let failed = false;
  await Promise.all(
    running.map(async (cluster) => {
      let instance;
      try {
        instance = await services.catalog.instanceOf(cluster.id, signal);
      } catch (error) {
        if (isAccountWide(error)) {
          failed = true;
          throw error;
        }
        logError(services.log, error, `look up Cloud ML of cluster ${cluster.name}`);
        // Offered anyway (SCP refuses a second Cloud ML), with the reason it could not be checked.
        if (!failed) add([item(cluster, error)]);
        return;
      }
      if (instance === undefined && !failed) add([item(cluster, undefined)]);
    }),
  );
}

function clusterDescription(cluster: SkeCluster): string {
  const nodes = cluster.node_count === undefined ? undefined : vscode.l10n.t('{0} nodes', String(cluster.node_count));
  return [cluster.kubernetes_version, nodes].filter(Boolean).join(' · ');
}

/** The instance behind a command argument (tree node, webview target), or one picked from the palette as the lookups answer. */
export async function resolveInstanceTarget(services: CommandServices, arg: unknown, options: ProgressiveInstancePickOptions): Promise<InstanceTarget | undefined> {
  const target = targetOf(arg);
  if (target?.kind === 'instance') return target;
  return pickInstanceProgressively(services, options);
}

/** The cluster or instance behind a command argument, or an instance picked from the palette. */
export async function resolveClusterOrInstance(
  services: CommandServices,
  arg: unknown,
  options: ProgressiveInstancePickOptions,
): Promise<ClusterTarget | InstanceTarget | undefined> {
  return targetOf(arg) ?? pickInstanceProgressively(services, options);
}
