import * as vscode from 'vscode';
import { kindLabel } from '../deployments/deploymentTexts';
import { formatElapsed } from '../deployments/deploymentsStatus';
import { operationTarget } from '../deployments/operationTarget';
import type { OperationOutcome, TrackedOperation } from '../deployments/trackedOperation';
import type { PickItem } from '../ui/userInput';
import type { CommandServices } from './commandServices';

type DeploymentAction = 'openDetails' | 'showLog' | 'stopTracking';

/**
 * Lists the in-flight and recently finished Cloud ML operations (the deployments status item runs this), then
 * offers what can be done with the chosen one: open its details, show the log, stop tracking it.
 */
export async function showDeploymentsCommand(services: CommandServices): Promise<void> {
  const tracker = services.tracker;
  tracker.pruneRemovedProfiles();
  const inFlight = tracker.inFlight();
  const finished = tracker.finished();
  if (inFlight.length === 0 && finished.length === 0) {
    await services.ui.info(vscode.l10n.t('No Cloud ML operations are in progress or recently finished. Create, update or delete an instance to follow it here.'));
    return;
  }
  const now = Date.now();
  const activeProfileId = services.connection.activeProfile()?.id;
  const items: PickItem<TrackedOperation | undefined>[] = [];
  if (inFlight.length > 0) {
    items.push({ label: vscode.l10n.t('In progress'), value: undefined, separator: true });
    for (const op of inFlight) items.push(inFlightItem(op, now, activeProfileId, services));
  }
  if (finished.length > 0) {
    items.push({ label: vscode.l10n.t('Recently finished'), value: undefined, separator: true });
    for (const op of finished) items.push(finishedItem(op, now));
  }
  const chosen = await services.ui.pick(items, {
    title: vscode.l10n.t('Cloud ML operations'),
    placeholder: vscode.l10n.t('Choose an operation'),
    matchOnDescription: true,
  });
  if (chosen === undefined || typeof chosen === 'symbol') return;
  await actOn(chosen, services);
}

async function actOn(operation: TrackedOperation, services: CommandServices): Promise<void> {
  const actions: PickItem<DeploymentAction>[] = [];
  if (operation.outcome !== 'deleted') actions.push({ label: `$(info) ${vscode.l10n.t('Open details')}`, value: 'openDetails' });
  actions.push({ label: `$(output) ${vscode.l10n.t('Show log')}`, value: 'showLog' });
  if (operation.outcome === undefined) actions.push({ label: `$(circle-slash) ${vscode.l10n.t('Stop tracking')}`, value: 'stopTracking' });
  const action = await services.ui.pick(actions, { title: vscode.l10n.t('Cloud ML {0}', operation.name) });
  switch (action) {
    case 'openDetails':
      await vscode.commands.executeCommand('scpCloudMl.showDetails', operationTarget(operation));
      return;
    case 'showLog':
      services.log.show();
      return;
    case 'stopTracking':
      services.tracker.stopTracking(operation.profileId, operation.cloudMlId);
      return;
    default:
      return;
  }
}

function inFlightItem(op: TrackedOperation, now: number, activeProfileId: string | undefined, services: CommandServices): PickItem<TrackedOperation> {
  const state = op.lastState ?? vscode.l10n.t('waiting for the first answer');
  const item: PickItem<TrackedOperation> = {
    label: `$(sync~spin) ${op.name}`,
    description: vscode.l10n.t('{0} · {1} · {2}', kindLabel(op.kind), state, formatElapsed(now - op.started)),
    value: op,
  };
  if (op.profileId !== activeProfileId) {
    const profileName = services.connection.profiles().find((p) => p.id === op.profileId)?.name ?? op.profileId;
    item.detail = vscode.l10n.t('Waits until profile "{0}" is active again.', profileName);
  }
  return item;
}

function finishedItem(op: TrackedOperation, now: number): PickItem<TrackedOperation> {
  const outcome = op.outcome ?? 'stopped';
  const ago = formatElapsed(now - (op.finished ?? op.started));
  const item: PickItem<TrackedOperation> = {
    label: `${OUTCOME_ICONS[outcome]} ${op.name}`,
    description: vscode.l10n.t('{0} · {1} · {2} ago', kindLabel(op.kind), outcomeLabel(outcome, op.lastState), ago),
    value: op,
  };
  if (op.reason) item.detail = op.reason;
  return item;
}

const OUTCOME_ICONS: Record<OperationOutcome, string> = {
  succeeded: '$(pass)',
  settled: '$(circle-large-outline)',
  failed: '$(error)',
  deleted: '$(trash)',
  timedOut: '$(watch)',
  stopped: '$(circle-slash)',
};

function outcomeLabel(outcome: OperationOutcome, state: string | undefined): string {
  switch (outcome) {
    case 'succeeded':
    case 'settled':
    case 'failed':
      return state ?? outcome;
    case 'deleted':
      return vscode.l10n.t('deleted');
    case 'timedOut':
      return vscode.l10n.t('no longer followed (timeout)');
    case 'stopped':
      return vscode.l10n.t('no longer followed');
  }
}
