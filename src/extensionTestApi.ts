import type * as vscode from 'vscode';
import type { AccountStatusItem } from './connection/accountStatusItem';
import type { BuiltInEmulator } from './connection/builtInEmulator';
import type { ConnectionManager } from './connection/connectionManager';
import type { ActivityView } from './deployments/activityView';
import type { SessionEstimates } from './capacity/sessionEstimates';
import type { ChatToolServices } from './chat/chatToolServices';
import type { DeploymentTracker } from './deployments/deploymentTracker';
import type { ClusterCatalog } from './explorer/clusterCatalog';
import type { ExplorerView } from './explorer/explorerView';
import type { ExtensionLog } from './ui/extensionLog';
import type { UserInput } from './ui/userInput';
import type { WebviewPanels } from './webview/webviewPanels';

/**
 * The one test seam: what activate() returns in ExtensionMode.Test only (never to other extensions). Integration
 * tests script the UserInput and read the parts below; nothing else of the running extension is reachable.
 */
export interface ExtensionTestApi {
  /** Installs a scripted UserInput; `undefined` restores the real one. */
  setUserInput(ui: UserInput | undefined): void;
  /** Profiles and sessions: tests save, activate and remove profiles and set the client's timing. */
  readonly connection: ConnectionManager;
  /** Deployment tracking: what is followed, what finished. */
  readonly tracker: DeploymentTracker;
  /** The estimates read once per session (fit ranking, chat tools): tests drop them between cases. */
  readonly estimates: Pick<SessionEstimates, 'invalidate'>;
  /** What the chat tools read: a test builds a tool on it to ask its prepareInvocation, which VS Code offers no call for. */
  readonly chatTools: ChatToolServices;
  /** The Activity view: its entries and rows, the item drawn for one, whether it is visible. */
  readonly activity: Pick<ActivityView, 'entries' | 'itemOf' | 'treeView' | 'getChildren'>;
  /** The tree: its provider, the filter, reveal. */
  readonly explorer: ExplorerView;
  /** The cluster and instance cache behind the tree and the pickers. */
  readonly catalog: Pick<ClusterCatalog, 'invalidate' | 'findInstances' | 'cachedInstance' | 'allClusters' | 'instanceOf'>;
  /** The details and estimate panels. */
  readonly panels: WebviewPanels;
  /** What the account status item shows. */
  readonly accountStatus: Pick<AccountStatusItem, 'snapshot'>;
  /** The built-in emulator (the "try the emulator" profile). */
  readonly emulator: Pick<BuiltInEmulator, 'current' | 'stop'>;
  /** The log, for a tracker built by a test (the text is read through logText). */
  readonly log: ExtensionLog;
  /** Where the extension keeps state (tests look for secrets there) and the mode it runs in. */
  readonly storage: Pick<vscode.ExtensionContext, 'globalState' | 'globalStorageUri' | 'extensionMode'>;
  /** The log channel's text so far (already scrubbed). */
  logText(): string;
  /** The last value set for a context key (VS Code has no getter). */
  contextKey(key: string): unknown;
  /** activate()'s own wall time in ms. */
  activationMs: number;
}
