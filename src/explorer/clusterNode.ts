import * as vscode from 'vscode';
import type { SkeCluster } from '../scp/skeSchemas';
import type { ExplorerNode } from './explorerNode';
import { clusterTarget, type ClusterTarget } from '../model/commandTargets';
import { markdownTooltip } from './markdownTooltip';
import { clusterContextValue, clusterIcon, type InstancePresence } from './nodePresentation';

/** An SKE cluster; its child is its Cloud ML instance (or the "Create Cloud ML on this cluster…" action). */
export class ClusterNode implements ExplorerNode {
  readonly parent = undefined;
  /** What was known about its Cloud ML when VS Code last rendered it (the menus depend on it). */
  renderedPresence: InstancePresence | undefined;
  /** False when Cloud ML is disabled for the account: then a cluster has nothing to expand. */
  expandable = true;
  presence: InstancePresence = 'unknown';

  constructor(
    readonly id: string,
    readonly profileId: string,
    public cluster: SkeCluster,
  ) {}

  get target(): ClusterTarget {
    return clusterTarget(this.profileId, this.cluster);
  }

  treeItem(): vscode.TreeItem {
    const cluster = this.cluster;
    const item = new vscode.TreeItem(cluster.name, this.expandable ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = clusterDescription(cluster);
    const icon = clusterIcon(cluster.status);
    item.iconPath = new vscode.ThemeIcon(icon.id, new vscode.ThemeColor(icon.color));
    item.contextValue = clusterContextValue(cluster.status, this.presence);
    item.tooltip = markdownTooltip(cluster.name, [
      [vscode.l10n.t('Status'), cluster.status],
      [vscode.l10n.t('Kubernetes'), cluster.kubernetes_version],
      [vscode.l10n.t('Nodes'), cluster.node_count],
      [vscode.l10n.t('Created'), cluster.created_at],
      [vscode.l10n.t('Cluster ID'), cluster.id],
    ]);
    this.renderedPresence = this.presence;
    return item;
  }
}

/** `<kubernetes_version> · N nodes`, leaving out what SKE did not send. */
export function clusterDescription(cluster: SkeCluster): string {
  const version = cluster.kubernetes_version;
  const count = cluster.node_count;
  if (version && count !== undefined) return vscode.l10n.t('{0} · {1} nodes', version, count);
  if (version) return version;
  if (count !== undefined) return vscode.l10n.t('{0} nodes', count);
  return '';
}
