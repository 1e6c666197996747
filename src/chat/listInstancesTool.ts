import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { instanceEndpoint } from '../model/commandTargets';
import { cancelledError } from '../scp/cancellation';
import type { CloudMlDetail } from '../scp/cloudMlSchemas';
import type { SkeCluster } from '../scp/skeSchemas';
import { describeError } from '../ui/errorPresenter';
import type { ChatToolServices } from './chatToolServices';
import type { ReadOnlyToolSpec } from './readOnlyTool';

export const LIST_INSTANCES_TOOL = 'scpCloudMl_listInstances';

const inputSchema = z.strictObject({
  nameContains: z.optional(z.string().check(z.maxLength(100))),
});
type ListInput = z.infer<typeof inputSchema>;

type ClusterLookup = { cluster: SkeCluster; instance: CloudMlDetail | undefined } | { cluster: SkeCluster; error: unknown };

/** Every cluster of the active profile with the Cloud ML on it (or why it could not be looked up). */
export function listInstancesTool(services: ChatToolServices): ReadOnlyToolSpec<ListInput> {
  return {
    name: LIST_INSTANCES_TOOL,
    input: inputSchema,
    invocationMessage: () => vscode.l10n.t('Listing the clusters and Cloud ML instances of profile {0}…', services.connection.activeProfile()?.name ?? '?'),
    run: async (input, signal) => {
      const session = await services.connection.session();
      const filter = input.nameContains?.trim().toLowerCase() ?? '';
      const clusters = (await services.catalog.allClusters(signal)).filter((c) => filter === '' || c.name.toLowerCase().includes(filter));
      const lookups = await Promise.all(
        clusters.map(async (cluster): Promise<ClusterLookup> => {
          try {
            return { cluster, instance: await services.catalog.instanceOf(cluster.id, signal) };
          } catch (error) {
            return { cluster, error };
          }
        }),
      );
      if (signal.aborted) throw cancelledError();
      const profile = session.profile;
      const heading =
        filter === ''
          ? vscode.l10n.t('Profile {0} ({1}): {2} clusters.', profile.name, profile.region, String(clusters.length))
          : vscode.l10n.t('Profile {0} ({1}): {2} clusters whose name contains "{3}".', profile.name, profile.region, String(clusters.length), filter);
      return [heading, ...lookups.map(lookupLine)].join('\n');
    },
  };
}

function lookupLine(lookup: ClusterLookup): string {
  const { cluster } = lookup;
  const head = vscode.l10n.t('- cluster {0} ({1}, Kubernetes {2}, {3} nodes): ', cluster.name, cluster.status, cluster.kubernetes_version ?? '?', String(cluster.node_count ?? '?'));
  if ('error' in lookup) return head + vscode.l10n.t('Cloud ML lookup failed: {0}', describeError(lookup.error));
  const instance = lookup.instance;
  if (!instance) return head + vscode.l10n.t('no Cloud ML');
  const endpoint = instanceEndpoint(instance);
  return (
    head +
    (endpoint !== undefined
      ? vscode.l10n.t('Cloud ML {0} (id {1}), state {2}, endpoint {3}', instance.cloud_ml_name, instance.cloud_ml_id, instance.cloud_ml_state ?? '?', endpoint)
      : vscode.l10n.t('Cloud ML {0} (id {1}), state {2}, no endpoint yet', instance.cloud_ml_name, instance.cloud_ml_id, instance.cloud_ml_state ?? '?'))
  );
}
