import * as vscode from 'vscode';
import { instanceEndpoint, instanceTarget, type InstanceTarget } from '../../model/commandTargets';
import type { CloudMlDetail } from '../../scp/cloudMlSchemas';
import type { SkeCluster } from '../../scp/skeSchemas';
import type { ExplorerContext, ExplorerNode } from './explorerNode';
import { markdownTooltip } from './markdownTooltip';
import { instanceContextValue, instanceDescription, instanceIcon } from './nodePresentation';
import { PropertyNode } from './propertyNode';

/** The cluster node an instance runs on. */
type ClusterParent = ExplorerNode & { readonly profileId: string; readonly cluster: SkeCluster };

/** The Cloud ML instance on a cluster; updated in place when deployment tracking reports a change. */
export class InstanceNode implements ExplorerNode {
  constructor(
    readonly id: string,
    readonly parent: ClusterParent,
    public detail: CloudMlDetail,
  ) {}

  get target(): InstanceTarget {
    return instanceTarget(this.parent.profileId, this.parent.cluster, this.detail);
  }

  /** Its key fields (endpoint, image, namespace, created), those SCP sent. */
  getChildren(context: ExplorerContext): ExplorerNode[] {
    const d = this.detail;
    const rows: [key: string, label: string, value: string | undefined, icon: string][] = [
      ['endpoint', vscode.l10n.t('Endpoint'), instanceEndpoint(d), 'link'],
      ['image', vscode.l10n.t('Image'), [d.image_name, d.display_version].filter(Boolean).join(' ') || undefined, 'package'],
      ['namespace', vscode.l10n.t('Namespace'), d.namespace_name, 'symbol-namespace'],
      ['created', vscode.l10n.t('Created'), d.created_dt, 'calendar'],
    ];
    const children: ExplorerNode[] = [];
    for (const [key, label, value, icon] of rows) {
      if (value === undefined || value === '') continue;
      const id = `${this.id}/${key}`;
      const property = context.nodes.keep(id, PropertyNode, () => new PropertyNode(id, this, label, value, icon));
      property.value = value;
      children.push(property);
    }
    return children;
  }

  treeItem(): vscode.TreeItem {
    const d = this.detail;
    const item = new vscode.TreeItem(d.cloud_ml_name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = instanceDescription(d.cloud_ml_state, d.image_name, d.display_version);
    const icon = instanceIcon(d.cloud_ml_state);
    item.iconPath = new vscode.ThemeIcon(icon.id, new vscode.ThemeColor(icon.color));
    item.contextValue = instanceContextValue(d.cloud_ml_state);
    item.tooltip = markdownTooltip(d.cloud_ml_name, [
      [vscode.l10n.t('State'), d.cloud_ml_state],
      [vscode.l10n.t('Cloud ML ID'), d.cloud_ml_id],
      [vscode.l10n.t('Cluster'), d.cluster_name ?? this.parent.cluster.name],
      [vscode.l10n.t('Image'), [d.image_name, d.display_version].filter(Boolean).join(' ')],
      [vscode.l10n.t('Endpoint type'), d.endpoint_type],
      [vscode.l10n.t('Endpoint'), instanceEndpoint(d)],
      [vscode.l10n.t('Domain'), d.domain_name],
      [vscode.l10n.t('Namespace'), d.namespace_name],
      [vscode.l10n.t('Copilot'), d.copilot_enabled === undefined ? undefined : d.copilot_enabled ? vscode.l10n.t('enabled') : vscode.l10n.t('disabled')],
      [vscode.l10n.t('Description'), d.description],
      [vscode.l10n.t('Created'), d.created_dt],
      [vscode.l10n.t('Modified'), d.modified_dt],
    ]);
    return item;
  }
}
