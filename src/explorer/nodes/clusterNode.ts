import * as vscode from 'vscode';
import { clusterTarget, type ClusterTarget } from '../../model/commandTargets';
import type { CloudMlDetail } from '../../scp/cloudMlSchemas';
import { classifyClusterState } from '../../scp/instanceState';
import { isScpError } from '../../scp/scpError';
import type { SkeCluster } from '../../scp/skeSchemas';
import { logError } from '../../ui/errorPresenter';
import type { ClusterCatalog } from '../clusterCatalog';
import { CreateActionNode } from './createActionNode';
import type { ExplorerContext, ExplorerNode } from './explorerNode';
import { InstanceNode } from './instanceNode';
import { failureNode, isCancelled } from './loadFailure';
import { markdownTooltip } from './markdownTooltip';
import type { NodeCache } from './nodeCache';
import { clusterContextValue, clusterIcon, presenceOf, type InstancePresence } from './nodePresentation';
import { NoticeNode } from './noticeNode';

/** What a cluster node reads of the catalog when it is drawn. */
type CatalogView = Pick<ClusterCatalog, 'cachedInstance' | 'cloudMlAvailability' | 'hasUnreadableInstance'>;

/** An SKE cluster; its child is its Cloud ML instance (or the "Create Cloud ML on this cluster…" action). */
export class ClusterNode implements ExplorerNode {
  readonly parent = undefined;
  /** What was known about its Cloud ML when VS Code last drew it (the menus depend on it). */
  renderedPresence: InstancePresence | undefined;

  constructor(
    readonly id: string,
    readonly profileId: string,
    public cluster: SkeCluster,
    private readonly catalog: CatalogView,
  ) {}

  get target(): ClusterTarget {
    return clusterTarget(this.profileId, this.cluster);
  }

  /** What the catalog knows of its Cloud ML without asking: the menus offer "Create" only on `empty`. */
  get presence(): InstancePresence {
    return presenceOf(this.catalog.cachedInstance(this.cluster.id));
  }

  async getChildren(context: ExplorerContext): Promise<ExplorerNode[]> {
    if (context.catalog.cloudMlAvailability === 'disabled') return [];
    let detail: CloudMlDetail | undefined;
    try {
      detail = await context.catalog.instanceOf(this.cluster.id, context.signal);
    } catch (error) {
      if (isCancelled(error)) return [];
      // Cloud ML disabled: the root shows the one explanation (the catalog's availability event re-renders it).
      if (isScpError(error) && error.kind === 'notEnabled') return [];
      logError(context.log, error, `load the Cloud ML of cluster ${this.cluster.name}`);
      return [failureNode(this, `${this.id}/error`, error)];
    }
    if (detail) return [this.instanceNode(context, detail)];
    if (context.catalog.hasUnreadableInstance(this.cluster.id)) {
      const unreadableId = `${this.id}/unreadableCloudMl`;
      const text = vscode.l10n.t('Cloud ML present, but SCP sent it without an id (see the log)');
      return [context.nodes.keep(unreadableId, NoticeNode, () => new NoticeNode(unreadableId, this, text))];
    }
    if (classifyClusterState(this.cluster.status) === 'healthy') {
      return [context.nodes.keep(`${this.id}/create`, CreateActionNode, () => new CreateActionNode(`${this.id}/create`, this))];
    }
    const id = `${this.id}/noCloudMl`;
    return [context.nodes.keep(id, NoticeNode, () => new NoticeNode(id, this, vscode.l10n.t('No Cloud ML (the cluster is {0})', this.cluster.status)))];
  }

  /** The node of its Cloud ML instance, updated in place with the detail. */
  instanceNode(context: ExplorerContext, detail: CloudMlDetail): InstanceNode {
    const id = this.instanceId(detail);
    const node = context.nodes.keep(id, InstanceNode, () => new InstanceNode(id, this, detail));
    node.detail = detail;
    return node;
  }

  /** The node already kept for this instance, updated in place with the detail; undefined when there is none. */
  keptInstanceNode(nodes: NodeCache<ExplorerNode>, detail: CloudMlDetail): InstanceNode | undefined {
    const node = nodes.find(this.instanceId(detail), InstanceNode);
    if (node) node.detail = detail;
    return node;
  }

  private instanceId(detail: CloudMlDetail): string {
    return `${this.id}/instance/${encodeURIComponent(detail.cloud_ml_id)}`;
  }

  treeItem(): vscode.TreeItem {
    const cluster = this.cluster;
    // Nothing to expand when Cloud ML is disabled for the account.
    const expandable = this.catalog.cloudMlAvailability !== 'disabled';
    const item = new vscode.TreeItem(cluster.name, expandable ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = clusterDescription(cluster);
    const icon = clusterIcon(cluster.status);
    item.iconPath = new vscode.ThemeIcon(icon.id, new vscode.ThemeColor(icon.color));
    const presence = this.presence;
    item.contextValue = clusterContextValue(cluster.status, presence);
    item.tooltip = markdownTooltip(cluster.name, [
      [vscode.l10n.t('Status'), cluster.status],
      [vscode.l10n.t('Kubernetes'), cluster.kubernetes_version],
      [vscode.l10n.t('Nodes'), cluster.node_count],
      [vscode.l10n.t('Created'), cluster.created_at],
      [vscode.l10n.t('Cluster ID'), cluster.id],
    ]);
    this.renderedPresence = presence;
    return item;
  }
}

/** `<kubernetes_version> · N nodes`, leaving out what SKE did not send. */
function clusterDescription(cluster: SkeCluster): string {
  const version = cluster.kubernetes_version;
  const count = cluster.node_count;
  if (version && count !== undefined) return vscode.l10n.t('{0} · {1} nodes', version, count);
  if (version) return version;
  if (count !== undefined) return vscode.l10n.t('{0} nodes', count);
  return '';
}
