import type * as vscode from 'vscode';
import type { AccountStatusItem } from '../connection/accountStatusItem';
import type { BuiltInEmulator } from '../connection/builtInEmulator';
import type { ConnectionManager } from '../connection/connectionManager';
import type { DeploymentTracker } from '../deployments/deploymentTracker';
import type { ExtensionLog } from '../ui/extensionLog';
import type { UserInput } from '../ui/userInput';

/** What command handlers (and the test API) get: the services built once in activate(). */
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
}
