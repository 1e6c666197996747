import * as vscode from 'vscode';
import { activityEntry, type ActivityEntry, type ActivityGroup, type ActivityNode } from './activityEntry';
import { entryItem, groupItem } from './activityItems';
import type { DeploymentTracker } from './deploymentTracker';
import type { TrackerConnection } from './trackerTypes';

export const ACTIVITY_VIEW_ID = 'scpCloudMl.activity';
/** How often the elapsed times of operations in flight are redrawn while the view is visible (no request is made). */
const ELAPSED_REDRAW_MS = 1000;

const IN_FLIGHT: ActivityGroup = { kind: 'activityGroup', group: 'inFlight' };
const FINISHED: ActivityGroup = { kind: 'activityGroup', group: 'finished' };

/**
 * The Activity view: the active profile's operations in flight and its last finished ones, from the tracker's
 * list (nothing is read from SCP here). Rows open the details panel; their menu shows the log or copies the
 * request id; the title's Clear forgets the finished ones. Empty, it shows what will appear (viewsWelcome).
 */
export class ActivityView implements vscode.TreeDataProvider<ActivityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ActivityNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly treeView: vscode.TreeView<ActivityNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private redraw: NodeJS.Timeout | undefined;

  constructor(
    private readonly tracker: DeploymentTracker,
    private readonly connection: Pick<TrackerConnection, 'activeProfile' | 'onDidChangeProfile'>,
  ) {
    this.treeView = vscode.window.createTreeView(ACTIVITY_VIEW_ID, { treeDataProvider: this });
    this.disposables.push(
      this.changed,
      this.treeView,
      tracker.onDidChangeOperations(() => this.refresh()),
      connection.onDidChangeProfile(() => this.refresh()),
      this.treeView.onDidChangeVisibility(() => this.syncRedraw()),
    );
  }

  /** The rows now (the integration tests read them): operations in flight first, then the finished ones. */
  entries(): { inFlight: ActivityEntry[]; finished: ActivityEntry[] } {
    const profileId = this.connection.activeProfile()?.id;
    const mine = <T extends { profileId: string }>(list: T[]): T[] => list.filter((op) => op.profileId === profileId);
    return { inFlight: mine(this.tracker.inFlight()).map(activityEntry), finished: mine(this.tracker.finished()).map(activityEntry) };
  }

  getChildren(node?: ActivityNode): ActivityNode[] {
    const { inFlight, finished } = this.entries();
    if (node === undefined) {
      const groups: ActivityNode[] = [];
      if (inFlight.length > 0) groups.push(IN_FLIGHT);
      if (finished.length > 0) groups.push(FINISHED);
      return groups;
    }
    if (node.kind === 'activityGroup') return node.group === 'inFlight' ? inFlight : finished;
    return [];
  }

  getTreeItem(node: ActivityNode): vscode.TreeItem {
    if (node.kind === 'activityGroup') {
      const { inFlight, finished } = this.entries();
      return groupItem(node, node.group === 'inFlight' ? inFlight.length : finished.length);
    }
    const op = node.operation;
    return entryItem(node, Date.now(), op.outcome === undefined ? this.tracker.usualDuration(op.profileId, op.kind) : undefined);
  }

  /** The tree item a row shows now (for the tests, which cannot read the rendered view). */
  itemOf(entry: ActivityEntry): vscode.TreeItem {
    return this.getTreeItem(entry);
  }

  dispose(): void {
    this.stopRedraw();
    for (const d of this.disposables) d.dispose();
  }

  private refresh(): void {
    this.changed.fire(undefined);
    this.syncRedraw();
  }

  /** A one-second timer only while the view is visible and something is in flight: elapsed times move, nothing else. */
  private syncRedraw(): void {
    const wanted = this.treeView.visible && this.entries().inFlight.length > 0;
    if (wanted && this.redraw === undefined) this.redraw = setInterval(() => this.changed.fire(IN_FLIGHT), ELAPSED_REDRAW_MS);
    else if (!wanted) this.stopRedraw();
  }

  private stopRedraw(): void {
    if (this.redraw !== undefined) clearInterval(this.redraw);
    this.redraw = undefined;
  }
}
