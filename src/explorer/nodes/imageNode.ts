import * as vscode from 'vscode';
import type { CloudMlImage } from '../../scp/cloudMlSchemas';
import type { ExplorerNode } from './explorerNode';
import { markdownTooltip } from './markdownTooltip';

/** One Cloud ML image: name, version, Kubernetes version, and whether it can run the copilot. */
export class ImageNode implements ExplorerNode {
  constructor(
    readonly id: string,
    readonly parent: ExplorerNode,
    public image: CloudMlImage,
  ) {}

  getChildren(): ExplorerNode[] {
    return [];
  }

  treeItem(): vscode.TreeItem {
    const image = this.image;
    const item = new vscode.TreeItem(image.image_name ?? image.image_id, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const parts = [image.display_version, image.k8s_version ? vscode.l10n.t('Kubernetes {0}', image.k8s_version) : undefined];
    if (image.copilot_enabled) parts.push(vscode.l10n.t('copilot'));
    item.description = parts.filter((part) => part !== undefined && part !== '').join(' · ');
    item.iconPath = new vscode.ThemeIcon(image.copilot_enabled ? 'sparkle' : 'package');
    item.contextValue = 'scpCloudMl.image';
    item.tooltip = markdownTooltip(image.image_name ?? image.image_id, [
      [vscode.l10n.t('Version'), image.display_version],
      [vscode.l10n.t('Kubernetes'), image.k8s_version],
      [vscode.l10n.t('Copilot'), image.copilot_enabled ? vscode.l10n.t('supported') : vscode.l10n.t('not supported')],
      [vscode.l10n.t('Image ID'), image.image_id],
    ]);
    return item;
  }
}
