import type * as vscode from 'vscode';
import { readSettings } from '../ui/settings';
import { deploymentsStatus, type DeploymentsStatus, type StatusOperation } from './deploymentsStatus';
import { DeploymentsStatusItem } from './deploymentsStatusItem';
import { statusTexts } from './deploymentTexts';
import type { PollState } from './pollLoop';
import { isFromElsewhere, type TrackedOperation } from './trackedOperation';

export interface StatusContext {
  /** Polling waits for working credentials. */
  paused: boolean;
  pollState(operation: TrackedOperation): PollState | undefined;
  usualMs(operation: TrackedOperation): number | undefined;
}

/** The status-bar item of the in-flight operations: those started elsewhere too, unless `notifyExternalChanges` is off. */
export class TrackerStatus implements vscode.Disposable {
  private readonly item: DeploymentsStatusItem;
  private readonly texts = statusTexts();

  constructor(itemId?: string) {
    this.item = new DeploymentsStatusItem(itemId);
  }

  get current(): DeploymentsStatus {
    return this.item.status;
  }

  show(operations: readonly TrackedOperation[], context: StatusContext): void {
    const hideElsewhere = readSettings().notifyExternalChanges === 'off';
    const now = Date.now();
    const shown = operations
      .filter((op) => !(hideElsewhere && isFromElsewhere(op)))
      .map(
        (op): StatusOperation => ({
          name: op.name,
          kind: op.kind,
          state: op.lastState,
          elapsedMs: now - op.started,
          retrying: context.pollState(op)?.retrying ?? false,
          paused: context.paused,
          usualMs: context.usualMs(op),
        }),
      );
    this.item.show(deploymentsStatus(shown, this.texts));
  }

  dispose(): void {
    this.item.dispose();
  }
}
