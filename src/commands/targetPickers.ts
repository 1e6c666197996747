import { setMaxListeners } from 'node:events';
import * as vscode from 'vscode';
import { linkedAbortController } from '../scp/cancellation';
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
 * RUNNING clusters without a Cloud ML, for the create form's first step: each page's lookups start as soon as that
 * page is listed, and a cluster is added as soon as its lookup finds no Cloud ML (or fails; it is then offered
 * anyway, with the reason it could not be checked), so the first ones can be chosen while the rest are looked up.
 * An account-wide failure rejects (nothing else would be worth listing).
 */
export async function createClusterItems(services: CatalogAccess, add: (items: PickItem<ChosenCluster>[]) => void, signal: AbortSignal): Promise<void> {
  // One listener on the pick's signal for the whole fan-out, shared by a lookup per cluster.
  const { controller, dispose } = linkedAbortController(signal);
  setMaxListeners(0, controller.signal);
  // After an account-wide failure the lookups still running add nothing: the pick shows that failure alone.
  let failed = false;
  const lookUp = async (cluster: SkeCluster): Promise<void> => {
    let instance;
    try {
      instance = await services.catalog.instanceOf(cluster.id, controller.signal);
    } catch (error) {
      if (isAccountWide(error)) {
        failed = true;
        throw error;
      }
      logError(services.log, error, `look up Cloud ML of cluster ${cluster.name}`);
      // Offered anyway (SCP refuses a second Cloud ML), with the reason it could not be checked.
      if (!failed) add([clusterItem(cluster, error)]);
      return;
    }
    if (instance === undefined && !failed) add([clusterItem(cluster, undefined)]);
  };
  const lookups: Promise<void>[] = [];
  try {
    await services.catalog.clusterList(Number.POSITIVE_INFINITY, controller.signal, (clusters) => {
      for (const cluster of clusters) {
        if (cluster.status.toUpperCase() !== 'RUNNING') continue;
        const lookup = lookUp(cluster);
        // Its failure is seen by Promise.all below, once every page is listed; until then it must not count as unhandled.
        lookup.catch(() => undefined);
        lookups.push(lookup);
      }
    });
    await Promise.all(lookups);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // After a failure, the lookups still running stop: nothing more will be offered.
    controller.abort();
    dispose();
  }
}

function clusterItem(cluster: SkeCluster, error: unknown): PickItem<ChosenCluster> {
  return {
    label: cluster.name,
    description: clusterDescription(cluster),
    detail: error === undefined ? undefined : vscode.l10n.t('Could not check for an existing Cloud ML: {0}', describeError(error)),
    value: { id: cluster.id, name: cluster.name },
  };
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
