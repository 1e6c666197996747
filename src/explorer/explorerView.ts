import * as vscode from 'vscode';
import type { CommandTarget } from '../model/commandTargets';
import type { InstanceChange } from '../deployments/instanceChange';
import { ContextKeys, setContextKey } from '../ui/contextKeys';
import type { ExtensionLog } from '../ui/extensionLog';
import type { ClusterCatalog } from './clusterCatalog';
import type { ExplorerFilter } from './explorerFilter';
import type { ExplorerNode } from './nodes/explorerNode';
import { ExplorerTreeProvider } from './explorerTreeProvider';
import { filterDescription } from './filterDescription';
import { LOAD_MORE_COMMAND } from './nodes/loadMoreNode';

export const EXPLORER_VIEW_ID = 'scpCloudMl.explorer';

/**
 * The explorer as other features see it: the `scpCloudMl.explorer` tree view over ExplorerTreeProvider, with
 * the active filter as the view's description and notices as its message. Creating it makes no network call.
 */
export class ExplorerView implements vscode.Disposable {
  readonly provider: ExplorerTreeProvider;
  readonly treeView: vscode.TreeView<ExplorerNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly catalog: ClusterCatalog,
    log: ExtensionLog,
    onDidChangeProfile: vscode.Event<unknown>,
  ) {
    this.provider = new ExplorerTreeProvider(catalog, log, onDidChangeProfile);
    this.treeView = vscode.window.createTreeView(EXPLORER_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.disposables.push(
      this.provider,
      this.treeView,
      this.provider.root.onDidChangeFilter((filter) => this.showFilter(filter)),
      this.provider.root.onDidChangeMessage((message) => {
        this.treeView.message = message;
      }),
      vscode.commands.registerCommand(LOAD_MORE_COMMAND, () => this.provider.loadMore()),
    );
  }

  get filter(): ExplorerFilter | undefined {
    return this.provider.root.filter;
  }

  /** Reloads a branch (a node or a target), or everything when none is given. */
  refresh(target?: unknown): void {
    this.provider.refresh(target);
  }

  setFilter(filter: ExplorerFilter | undefined): void {
    this.provider.root.setFilter(filter);
  }

  /** Updates the cached instance and its node in place (deployment tracking calls this). */
  applyInstanceChange(change: InstanceChange): void {
    this.catalog.applyInstanceChange(change);
  }

  /**
   * Selects and focuses a cluster or instance in the tree (loading pages up to it, clearing a filter that hides
   * it). Resolves to the node, or undefined when the target is not in the active profile any more.
   */
  async reveal(target: CommandTarget, signal?: AbortSignal): Promise<ExplorerNode | undefined> {
    const node = await this.provider.nodeFor(target, signal);
    if (!node) return undefined;
    if (!this.treeView.visible) {
      // A reveal racing the first load of a view that was hidden loses its selection: show the view and let
      // VS Code load its root first.
      const loaded = this.nextRootLoad(3000);
      await vscode.commands.executeCommand(`${EXPLORER_VIEW_ID}.focus`);
      await loaded;
    }
    await this.treeView.reveal(node, { select: true, focus: true, expand: false });
    return node;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /**
   * Resolves when the next root load has finished (VS Code filling a view it just showed), or after `guardMs`
   * so that a view VS Code does not reload never blocks the caller.
   */
  private nextRootLoad(guardMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      };
      const subscription = this.provider.onDidLoadRoot(done);
      const timer = setTimeout(done, guardMs);
    });
  }

  private showFilter(filter: ExplorerFilter | undefined): void {
    this.treeView.description = filter ? filterDescription(filter) : undefined;
    void setContextKey(ContextKeys.filterActive, filter !== undefined);
  }
}
