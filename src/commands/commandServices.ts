import type * as vscode from 'vscode';
import type { SessionEstimates } from '../capacity/sessionEstimates';
import type { AccountStatusItem } from '../connection/accountStatusItem';
import type { BuiltInEmulator } from '../connection/builtInEmulator';
import type { ConnectionManager } from '../connection/connectionManager';
import type { ActivityView } from '../deployments/activityView';
import type { DeploymentTracker } from '../deployments/deploymentTracker';
import type { ResourceJsonDocuments } from '../documents/resourceJsonDocuments';
import type { ClusterCatalog } from '../explorer/clusterCatalog';
import type { ExplorerView } from '../explorer/explorerView';
import type { ExtensionLog } from '../ui/extensionLog';
import type { UserInput } from '../ui/userInput';
import type { WebviewPanels } from '../webview/webviewPanels';

/** What command handlers get: the services built once in activate(). */
export interface CommandServices {
  context: vscode.ExtensionContext;
  log: ExtensionLog;
  /** The UserInput seam (tests swap what is behind it). */
  ui: UserInput;
  connection: ConnectionManager;
  emulator: BuiltInEmulator;
  /** The account status-bar item; `snapshot()` gives what it shows (tests read it). */
  accountStatus: AccountStatusItem;
  /** Follows every create/update/delete until it settles (status item, notifications, InstanceChange events). */
  tracker: DeploymentTracker;
  /** The Activity view: operations in flight and recently finished, from the tracker's list. */
  activity: ActivityView;
  /** The explorer tree: refresh(target?), reveal(target), setFilter(filter), applyInstanceChange(change). */
  explorer: ExplorerView;
  /** Clusters and their Cloud ML instances, cached and shared by the tree, the pickers and the webview. */
  catalog: ClusterCatalog;
  /** The details and estimate webview panels (one per instance / cluster), live from deployment tracking. */
  panels: WebviewPanels;
  /** Cluster estimates read once per session (fit ranking, chat tools, forms started from them). */
  estimates: SessionEstimates;
  /** The read-only `scp-cloud-ml:` JSON documents (Open as JSON). */
  jsonDocuments: ResourceJsonDocuments;
}
