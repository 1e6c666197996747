import * as vscode from 'vscode';
import { classifyState } from '../scp/instanceState';
import { isScpError } from '../scp/scpError';
import type { SkeCluster } from '../scp/skeSchemas';
import type { ClusterCatalog } from '../explorer/clusterCatalog';
import { instanceTarget } from '../explorer/explorerTargets';
import type { ExtensionLog } from '../ui/extensionLog';
import { describeError, logError } from '../ui/errorPresenter';
import type { PickItem } from '../ui/userInput';
import type { CommandServices } from './commandServices';
import { targetOf, type ClusterTarget, type InstanceTarget } from './commandTargets';
import type { ChosenCluster } from './createCloudMlContext';

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

/** RUNNING clusters without a Cloud ML, for the create form's first step. */
export async function createClusterItems(services: CatalogAccess, signal?: AbortSignal): Promise<PickItem<ChosenCluster>[]> {
  const running = (await services.catalog.allClusters(signal)).filter((cluster) => cluster.status.toUpperCase() === 'RUNNING');
  const looked = await Promise.all(
    running.map(async (cluster) => {
      try {
        return { cluster, instance: await services.catalog.instanceOf(cluster.id, signal), error: undefined };
      } catch (error) {
        if (isAccountWide(error)) throw error;
        logError(services.log, error, `look up Cloud ML of cluster ${cluster.name}`);
        // Offered anyway (SCP refuses a second Cloud ML), with the reason it could not be checked.
        return { cluster, instance: undefined, error };
      }
    }),
  );
  return looked
    .filter((entry) => entry.instance === undefined)
    .map(({ cluster, error }) => ({
      label: cluster.name,
      description: clusterDescription(cluster),
      detail: error === undefined ? undefined : vscode.l10n.t('Could not check for an existing Cloud ML: {0}', describeError(error)),
      value: { id: cluster.id, name: cluster.name },
    }));
}

function clusterDescription(cluster: SkeCluster): string {
  const nodes = cluster.node_count === undefined ? undefined : vscode.l10n.t('{0} nodes', String(cluster.node_count));
  return [cluster.kubernetes_version, nodes].filter(Boolean).join(' · ');
}

const STATE_ICONS = { transitional: '$(sync~spin)', healthy: '$(pass)', failed: '$(error)', unknown: '$(question)' } as const;

/** Every instance of the active profile with its state, as the items of a pick. */
async function instanceItems(services: CatalogAccess, profileId: string): Promise<PickItem<InstanceTarget>[]> {
  const found: InstanceTarget[] = [];
  const summary = await services.catalog.findInstances((cluster, detail) => found.push(instanceTarget(profileId, cluster, detail)));
  for (const failure of summary.failures) logError(services.log, failure.error, `look up Cloud ML of cluster ${failure.cluster.name}`);
  const firstFailure = summary.failures[0];
  if (found.length === 0 && firstFailure) throw firstFailure.error;
  return found
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((target) => ({
      label: target.name,
      description: `${STATE_ICONS[classifyState(target.state)]} ${target.state}`,
      detail: vscode.l10n.t('on cluster {0}', target.clusterName),
      value: target,
    }));
}

export interface InstancePickOptions {
  title: string;
  placeholder: string;
}

/** Asks which instance (with its state) when no node was given; undefined when the user cancelled. */
export async function pickInstance(services: CommandServices, options: InstancePickOptions): Promise<InstanceTarget | undefined> {
  const session = await services.connection.session();
  const answer = await services.ui.pick(instanceItems(services, session.profile.id), {
    title: options.title,
    placeholder: options.placeholder,
    emptyMessage: vscode.l10n.t('No Cloud ML instance in this profile yet. Create one first.'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return typeof answer === 'object' ? answer : undefined;
}

/** The instance behind a command argument (tree node, webview target), or one picked from the palette. */
export async function resolveInstanceTarget(services: CommandServices, arg: unknown, options: InstancePickOptions): Promise<InstanceTarget | undefined> {
  const target = targetOf(arg);
  if (target?.kind === 'instance') return target;
  return pickInstance(services, options);
}

/** The cluster or instance behind a command argument, or an instance picked from the palette. */
export async function resolveClusterOrInstance(
  services: CommandServices,
  arg: unknown,
  options: InstancePickOptions,
): Promise<ClusterTarget | InstanceTarget | undefined> {
  return targetOf(arg) ?? pickInstance(services, options);
}
