import type * as vscode from 'vscode';
import type { AccountStatusItem } from './connection/accountStatusItem';
import type { BuiltInEmulator } from './connection/builtInEmulator';
import type { ClientTiming } from './connection/clientTiming';
import type { ConnectionManager } from './connection/connectionManager';
import type { ActivityView } from './deployments/activityView';
import type { SessionEstimates } from './capacity/sessionEstimates';
import type { ChatToolServices } from './chat/chatToolServices';
import type { DeploymentTracker } from './deployments/deploymentTracker';
import type { PollTimingForTests } from './deployments/pollClock';
import type { DeploymentTrackerOptions } from './deployments/trackerTypes';
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
  /**
   * Shorter request timeouts and retries for sessions built from now on (the fault matrix waits them out);
   * `undefined` goes back to the setting and the client's defaults.
   */
  setClientTiming(timing: ClientTiming | undefined): void;
  /** A faster poll clock for every tracker, under the settings' minimums; `undefined` goes back to the settings. */
  setPollTiming(timing: PollTimingForTests | undefined): void;
  /** Profiles and sessions: tests save, activate and remove profiles and open sessions. */
  readonly connection: TestConnection;
  /** Deployment tracking: what is followed, what finished. */
  readonly tracker: TestTracker;
  /**
   * Another tracker on the extension's own classes, connection, log and poll clock, with its own storage key and
   * status item: a window reload is a tracker built again from the same storage.
   */
  newTracker(options: Pick<DeploymentTrackerOptions, 'ui' | 'state' | 'storageKey' | 'statusItemId' | 'createGraceMs'>): TestTracker;
  /** The estimates read once per session (fit ranking, chat tools): tests drop them between cases. */
  readonly estimates: Pick<SessionEstimates, 'invalidate'>;
  /** What the chat tools read: a test builds a tool on it to ask its prepareInvocation, which VS Code offers no call for. */
  readonly chatTools: ChatToolServices;
  /** The Activity view: its entries and rows, the item drawn for one, whether it is visible. */
  readonly activity: Pick<ActivityView, 'entries' | 'itemOf' | 'treeView' | 'getChildren'>;
  /** The tree: its provider, the filter, reveal. */
  readonly explorer: Pick<ExplorerView, 'provider' | 'treeView' | 'filter' | 'setFilter' | 'refresh' | 'applyInstanceChange'>;
  /** The cluster and instance cache behind the tree and the pickers. */
  readonly catalog: Pick<ClusterCatalog, 'invalidate' | 'findInstances' | 'cachedInstance' | 'allClusters' | 'instanceOf'>;
  /** The details and estimate panels. */
  readonly panels: Pick<WebviewPanels, 'showDetails' | 'restoreDetails' | 'detailsPanel' | 'detailsPanels' | 'estimatePanel' | 'estimatePanels'>;
  /** What the account status item shows. */
  readonly accountStatus: Pick<AccountStatusItem, 'snapshot'>;
  /** The built-in emulator (the "try the emulator" profile). */
  readonly emulator: Pick<BuiltInEmulator, 'current' | 'stop'>;
  /** The log, for a tracker built by a test (the text is read through logText). */
  readonly log: ExtensionLog;
  /** Where the extension keeps state (tests look for secrets there) and the mode it runs in. */
  readonly storage: Pick<vscode.ExtensionContext, 'globalState' | 'workspaceState' | 'globalStorageUri' | 'extensionMode'>;
  /** The log channel's text so far (already scrubbed). */
  logText(): string;
  /** The last value set for a context key (VS Code has no getter). */
  contextKey(key: string): unknown;
  /** activate()'s own wall time in ms. */
  activationMs: number;
}

/** What the tests do with profiles and sessions. */
export type TestConnection = Pick<ConnectionManager, 'profiles' | 'activeProfile' | 'activate' | 'saveProfile' | 'remove' | 'credentials' | 'session' | 'requestCount' | 'authFailed'>;

/** What the tests read of a tracker, and the few writes they drive directly. */
export type TestTracker = Pick<
  DeploymentTracker,
  'onDidChangeInstance' | 'inFlight' | 'finished' | 'snapshot' | 'isTracked' | 'track' | 'stopTracking' | 'usualDuration' | 'record' | 'release' | 'flush' | 'dispose'
>;
