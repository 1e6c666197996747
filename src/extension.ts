import * as path from 'node:path';
import * as vscode from 'vscode';
import { SessionEstimates } from './capacity/sessionEstimates';
import { registerChatTools } from './chat/registerChatTools';
import type { CommandServices } from './commands/commandServices';
import { registerCommands } from './commands/registerCommands';
import { AccountStatusItem } from './connection/accountStatusItem';
import { BuiltInEmulator } from './connection/builtInEmulator';
import { ConnectionManager } from './connection/connectionManager';
import { ProfileStore } from './connection/profileStore';
import { ActivityView } from './deployments/activityView';
import { DeploymentTracker } from './deployments/deploymentTracker';
import { ResourceJsonDocuments } from './documents/resourceJsonDocuments';
import { ClusterCatalog } from './explorer/clusterCatalog';
import { ExplorerView } from './explorer/explorerView';
import type { ExtensionTestApi } from './extensionTestApi';
import { PollClock } from './deployments/pollClock';
import { ContextKeys, contextKeyValue, setContextKey } from './ui/contextKeys';
import { ExtensionLog } from './ui/extensionLog';
import { SwitchableUserInput } from './ui/switchableUserInput';
import { VscodeUserInput } from './ui/vscodeUserInput';
import { WebviewPanels } from './webview/webviewPanels';

let emulatorToStop: BuiltInEmulator | undefined;

/**
 * Builds the services and registers views and commands. Nothing slow and no network here: sessions,
 * the emulator and every API call start on first use.
 */
export function activate(context: vscode.ExtensionContext): ExtensionTestApi | undefined {
  const started = performance.now();
  // Only the integration tests read the log's text back (the test API); users read the output channel.
  const log = new ExtensionLog({ keepText: context.extensionMode === vscode.ExtensionMode.Test });
  const ui = new SwitchableUserInput(new VscodeUserInput());
  const emulator = new BuiltInEmulator(path.join(context.globalStorageUri.fsPath, 'emulator-state.json'));
  emulatorToStop = emulator;
  const connection = new ConnectionManager(new ProfileStore(context.globalState, context.secrets), log, emulator);
  // Resumes persisted operations; its first poll runs on a timer, after activate() has returned.
  const pollClock = new PollClock();
  const tracker = new DeploymentTracker({ connection, ui, log, state: context.globalState, clock: pollClock });
  const catalog = new ClusterCatalog(connection);
  // Creating the tree view makes no call: the tree loads when VS Code first shows it.
  const explorer = new ExplorerView(catalog, log, connection.onDidChangeProfile);
  // Tracked operations update the cached instance and its node in place (nothing else refreshes on its own), and
  // every instance the catalog reads goes to the tracker, which follows a transitional one whoever started it.
  context.subscriptions.push(
    catalog,
    explorer,
    tracker.onDidChangeInstance((change) => explorer.applyInstanceChange(change)),
    catalog.onDidSeeInstance((sighting) => tracker.follow(sighting)),
  );
  // The Activity view reads the tracker's list only: creating it makes no call.
  const activity = new ActivityView(tracker, connection);
  context.subscriptions.push(activity);
  const accountStatus = new AccountStatusItem(connection);
  // Panels read SCP only when opened or restored; registering the serializers makes no call.
  const panels = new WebviewPanels({ extensionUri: context.extensionUri, log, connection, tracker });
  context.subscriptions.push(panels, ...panels.registerSerializers());
  // Registers the `scp-cloud-ml:` content provider; a document reads SCP only when opened.
  const jsonDocuments = new ResourceJsonDocuments({ connection, log });
  context.subscriptions.push(jsonDocuments);
  // Estimates read once per session, shared by the fit ranking, the chat tools and the forms started from them.
  const estimates = new SessionEstimates(connection, catalog.onDidChange);
  const services: CommandServices = { context, log, ui, connection, emulator, tracker, activity, accountStatus, explorer, catalog, panels, jsonDocuments, estimates };

  context.subscriptions.push(log, connection, pollClock, tracker, accountStatus, estimates, ...registerCommands(services));
  // Read-only tools for agent mode; registering makes no call.
  context.subscriptions.push(...registerChatTools(services));

  const syncProfileKey = (): void => void setContextKey(ContextKeys.hasProfile, connection.activeProfile() !== undefined);
  syncProfileKey();
  context.subscriptions.push(connection.onDidChangeProfile(syncProfileKey));

  const activationMs = performance.now() - started;
  log.info(`activate() took ${activationMs.toFixed(1)} ms`);

  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    setUserInput: (scripted) => ui.use(scripted),
    setClientTiming: (timing) => connection.overrideClientTimingForTests(timing),
    setPollTiming: (timing) => pollClock.setForTests(timing),
    connection,
    tracker,
    newTracker: (options) => new DeploymentTracker({ ...options, connection, log, clock: pollClock }),
    activity,
    estimates,
    chatTools: services,
    explorer,
    catalog,
    panels,
    accountStatus,
    emulator,
    log,
    storage: context,
    logText: () => log.text(),
    contextKey: (key) => contextKeyValue(key),
    activationMs,
  };
}

export async function deactivate(): Promise<void> {
  await emulatorToStop?.stop();
}
