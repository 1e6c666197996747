import type * as vscode from 'vscode';
import type { Profile } from '../connection/profile';
import type { ScpSession } from '../connection/scpSession';
import type { ExtensionLog } from '../ui/extensionLog';
import type { UserInput } from '../ui/userInput';
import type { DeploymentsStatus } from './deploymentsStatus';
import type { KeyValueStore } from './operationStore';
import type { PollClock } from './pollClock';
import type { TrackedOperation } from './trackedOperation';

/** The part of the ConnectionManager the tracker uses. */
export interface TrackerConnection {
  session(): Promise<ScpSession>;
  activeProfile(): Profile | undefined;
  profiles(): Profile[];
  readonly authFailed: boolean;
  noteOutcome(error: unknown): void;
  readonly onDidChangeProfile: vscode.Event<Profile | undefined>;
  readonly onDidChangeAuthState: vscode.Event<boolean>;
}

export interface DeploymentTrackerOptions {
  connection: TrackerConnection;
  ui: UserInput;
  log: ExtensionLog;
  /** Where operations persist: the extension's globalState. */
  state: KeyValueStore;
  /** Tests use their own key and item id so they do not disturb the extension's tracker. */
  storageKey?: string;
  statusItemId?: string;
  /** The interval and timeout to poll by: the extension's one clock (settings, or the test API's faster one). */
  clock: PollClock;
  /** How long a create not seen yet may answer 404 (default CREATE_VISIBILITY_GRACE_MS); tests shorten it. */
  createGraceMs?: number;
}

export interface TrackedOperationView extends TrackedOperation {
  /** Polls that failed in a row. */
  failures: number;
  /** Shown as "unknown — retrying". */
  retrying: boolean;
}

/** The tracker's state at one moment, as the integration tests read it. */
export interface TrackerSnapshot {
  status: DeploymentsStatus;
  inFlight: TrackedOperationView[];
  finished: TrackedOperation[];
  /** A timer is armed or a GET is running. False means the tracker costs nothing right now. */
  active: boolean;
  /** Waiting for working credentials. */
  paused: boolean;
  /** GETs this tracker has started. */
  polls: number;
}
