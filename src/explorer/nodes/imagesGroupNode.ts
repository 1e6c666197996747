import * as vscode from 'vscode';
import type { ExplorerContext, ExplorerNode } from './explorerNode';
import { ImageNode } from './imageNode';
import { failureNode, isCancelled } from './loadFailure';
import { NoticeNode } from './noticeNode';
import { logError } from '../../ui/errorPresenter';

/** The "Images" group after the clusters: the Cloud ML images one can install. */
export class ImagesGroupNode implements ExplorerNode {
  readonly parent = undefined;

  constructor(readonly id: string) {}

  async getChildren(context: ExplorerContext): Promise<ExplorerNode[]> {
    try {
      const images = await context.catalog.imageList(context.signal);
      if (images.length === 0) return [new NoticeNode(`${this.id}/none`, this, vscode.l10n.t('No images'))];
      return images.map((image) => {
        const id = `${this.id}/${encodeURIComponent(image.image_id)}`;
        const imageNode = context.nodes.keep(id, ImageNode, () => new ImageNode(id, this, image));
        imageNode.image = image;
        return imageNode;
      });
    } catch (error) {
      if (isCancelled(error)) return [];
      logError(context.log, error, 'load Cloud ML images');
      return [failureNode(this, `${this.id}/error`, error)];
    }
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Images'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('package');
    item.contextValue = 'scpCloudMl.imagesGroup';
    return item;
  }
}
