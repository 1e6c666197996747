import * as vscode from 'vscode';
import { CommandIds } from '../model/commandIds';
import type { ActivityEntry, ActivityGroup } from './activityEntry';
import { kindLabel } from './deploymentTexts';
import { formatElapsed } from './deploymentsStatus';
import { isFromElsewhere, isInFlight, type OperationOutcome, type TrackedOperation } from './trackedOperation';
import { isTakingLong, roughDuration } from './usualDuration';

const OUTCOME_ICONS: Record<OperationOutcome, vscode.ThemeIcon> = {
  succeeded: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  settled: new vscode.ThemeIcon('circle-large-outline'),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  deleted: new vscode.ThemeIcon('trash'),
  timedOut: new vscode.ThemeIcon('watch'),
  stopped: new vscode.ThemeIcon('circle-slash'),
  rejected: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  unconfirmed: new vscode.ThemeIcon('question'),
};

export function groupItem(group: ActivityGroup, count: number): vscode.TreeItem {
  const label = group.group === 'inFlight' ? vscode.l10n.t('In progress ({0})', count) : vscode.l10n.t('Finished ({0})', count);
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `activity/${group.group}`;
  item.contextValue = `scpCloudMl.activityGroup.${group.group}`;
  return item;
}

/**
 * One operation's row. In flight: "update · UPDATING · 2m 05s · elsewhere · usually about 12 min"; finished:
 * "create · DEPLOYED · took 11m 40s". The tooltip has the cluster, the times, the error sentence and the request id.
 */
export function entryItem(entry: ActivityEntry, now: number, usualMs: number | undefined): vscode.TreeItem {
  const op = entry.operation;
  const live = isInFlight(op);
  const item = new vscode.TreeItem(op.name, vscode.TreeItemCollapsibleState.None);
  item.id = `activity/${op.profileId}/${op.cloudMlId || op.clusterId}/${op.kind}/${op.started}`;
  const elapsed = (op.finished ?? now) - op.started;
  const slow = live && isTakingLong(elapsed, usualMs);
  const parts = [kindLabel(op.kind), live ? stateText(op) : outcomeText(op), live ? formatElapsed(elapsed) : vscode.l10n.t('took {0}', formatElapsed(elapsed))];
  if (live) parts.push(isFromElsewhere(op) ? vscode.l10n.t('started elsewhere') : vscode.l10n.t('started here'));
  if (live && usualMs !== undefined) parts.push(vscode.l10n.t('usually about {0}', roughDuration(usualMs)));
  if (slow) parts.push(vscode.l10n.t('taking longer than usual'));
  item.description = parts.join(' · ');
  item.iconPath = live ? new vscode.ThemeIcon(slow ? 'warning' : 'sync~spin') : OUTCOME_ICONS[op.outcome ?? 'stopped'];
  item.tooltip = tooltipOf(op, item.description, slow);
  const flags = [live ? 'inFlight' : 'finished', op.requestId ? 'requestId' : 'noRequestId', slow ? 'slow' : 'usual'];
  item.contextValue = `scpCloudMl.activity.${flags.join('.')}`;
  if (op.outcome !== 'deleted' && op.cloudMlId !== '') {
    item.command = { command: CommandIds.showDetails, title: vscode.l10n.t('Open details'), arguments: [entry.target] };
  }
  item.accessibilityInformation = { label: `${op.name}, ${item.description}` };
  return item;
}

function stateText(op: TrackedOperation): string {
  if (op.confirmed === false) return vscode.l10n.t('sending');
  return op.lastState ?? vscode.l10n.t('waiting for the first answer');
}

export function outcomeText(op: TrackedOperation): string {
  switch (op.outcome) {
    case 'succeeded':
    case 'settled':
    case 'failed':
      return op.lastState ?? op.outcome;
    case 'deleted':
      return vscode.l10n.t('deleted');
    case 'timedOut':
      return vscode.l10n.t('no longer followed (timeout)');
    case 'rejected':
      return vscode.l10n.t('refused');
    case 'unconfirmed':
      return vscode.l10n.t('no change seen');
    case 'stopped':
    case undefined:
      return vscode.l10n.t('no longer followed');
  }
}

function tooltipOf(op: TrackedOperation, summary: string, slow: boolean): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(undefined, true);
  const line = (text: string): void => void tooltip.appendText(text).appendMarkdown('  \n');
  line(`${op.name} — ${summary}`);
  line(vscode.l10n.t('Cluster: {0}', op.clusterName ?? op.clusterId));
  line(vscode.l10n.t('Started: {0}', new Date(op.started).toLocaleString()));
  if (op.finished !== undefined) line(vscode.l10n.t('Finished: {0}', new Date(op.finished).toLocaleString()));
  if (op.reason) line(vscode.l10n.t('Why: {0}', op.reason));
  if (op.requestId) line(vscode.l10n.t('Request ID: {0}', op.requestId));
  if (slow) line(vscode.l10n.t('This is taking longer than usual. The log may say why.'));
  return tooltip;
}
