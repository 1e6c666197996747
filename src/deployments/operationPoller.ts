import * as vscode from 'vscode';
import type { ScpSession } from '../connection/scpSession';
import type { CloudMlDetail } from '../scp/cloudMlSchemas';
import { ScpError } from '../scp/scpError';
import type { ExtensionLog } from '../ui/extensionLog';
import { decidePoll, failureReason, TOLERATED_POLL_FAILURES, type PollResult } from './pollDecision';
import type { PollLoop, PollState } from './pollLoop';
import { isConfirmed, type OperationOutcome, type TrackedOperation } from './trackedOperation';

/** What one poll needs from the tracker around it. */
export interface PollerHost {
  session(): Promise<ScpSession>;
  readonly authFailed: boolean;
  noteOutcome(error: unknown): void;
  readonly loop: PollLoop;
  readonly log: ExtensionLog;
  readonly createGraceMs: number;
  /** Aborted when the tracker is disposed. */
  readonly signal: AbortSignal;
  isCurrent(operation: TrackedOperation, state: PollState): boolean;
  /** A poll answered with the instance still on its way. */
  observe(operation: TrackedOperation, state: string, detail: CloudMlDetail | undefined): void;
  finish(operation: TrackedOperation, outcome: OperationOutcome, detail?: CloudMlDetail, reason?: string): void;
  /** An unanswered create was found on its cluster: from now on it has an id. */
  bindCreated(operation: TrackedOperation, detail: CloudMlDetail): void;
}

/** Reads one operation's instance and turns the answer into progress, a settle or a retry. */
export class OperationPoller {
  private started = 0;

  constructor(private readonly host: PollerHost) {}

  /** GETs this poller has started. */
  get polls(): number {
    return this.started;
  }

  async poll(operation: TrackedOperation, state: PollState): Promise<void> {
    const host = this.host;
    state.polling = true;
    let result: PollResult | undefined;
    try {
      const session = await host.session();
      // The profile may have changed while the session was being built: that operation waits for its profile.
      if (session.profile.id === operation.profileId && !host.signal.aborted) {
        const signal = AbortSignal.any([session.signal, host.signal]);
        this.started++;
        result = { ok: true, detail: await session.limiter.run(() => this.read(session, operation, signal), signal) };
      }
    } catch (error) {
      result = { ok: false, error };
    } finally {
      state.polling = false;
    }
    if (host.signal.aborted || !host.isCurrent(operation, state)) return;
    try {
      if (result) this.apply(operation, state, result);
      else host.loop.planNext(operation, state);
    } catch (error) {
      host.log.error(`deployments: could not apply a poll result for ${operation.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    host.loop.reschedule();
  }

  /** The instance; a create recorded before its answer came is looked for on its cluster, by name. */
  private async read(session: ScpSession, operation: TrackedOperation, signal: AbortSignal): Promise<CloudMlDetail> {
    if (operation.cloudMlId !== '') return session.cloudMl.get(operation.cloudMlId, signal);
    const product = await session.cloudMl.getClusterProduct(operation.clusterId, signal);
    const found = product.cloudMl;
    if (found?.cloud_ml_name === operation.name && found.cloud_ml_id) {
      this.host.bindCreated(operation, found);
      return found;
    }
    throw new ScpError({ kind: 'notFound', message: `no Cloud ML named ${operation.name} on cluster ${operation.clusterId}` });
  }

  private apply(operation: TrackedOperation, state: PollState, result: PollResult): void {
    const { host } = this;
    const decision = decidePoll(operation.kind, result, {
      failures: state.failures,
      // lastState is set by the first poll that found the instance.
      seen: operation.lastState !== undefined,
      elapsedMs: Date.now() - operation.started,
      createGraceMs: host.createGraceMs,
      confirmed: isConfirmed(operation),
    });
    switch (decision.type) {
      case 'ignore':
        host.loop.planNext(operation, state);
        return;
      case 'notVisibleYet':
        host.log.info(`poll ${operation.name}: not visible yet (404 just after the create), polling on`);
        host.loop.planNext(operation, state);
        return;
      case 'pauseForAuth':
        host.log.warn(`poll ${operation.name} paused: SCP rejected the credentials`);
        host.loop.planNext(operation, state);
        // The request logger flags 401s; flag the other auth failures too so the pause ends with their fix.
        if (!host.authFailed && !result.ok) host.noteOutcome(result.error);
        return;
      case 'pollFailed':
        state.failures = decision.failures;
        if (decision.retrying && !state.retrying) {
          host.log.warn(`poll ${operation.name} unknown — retrying: ${decision.failures} polls failed in a row (${decision.reason})`);
        } else if (!decision.retrying) {
          host.log.warn(`poll ${operation.name} failed (${decision.reason}), ${decision.failures} of ${TOLERATED_POLL_FAILURES} tolerated in a row`);
        }
        state.retrying = decision.retrying;
        host.loop.planNext(operation, state);
        return;
      case 'progress': {
        if (state.retrying) host.log.info(`poll ${operation.name} answers again`);
        state.failures = 0;
        state.retrying = false;
        host.observe(operation, decision.state, result.ok ? result.detail : undefined);
        host.loop.planNext(operation, state);
        return;
      }
      case 'settle': {
        const detail = result.ok ? result.detail : undefined;
        if (decision.outcome === 'deleted') {
          host.log.info(`poll ${operation.name} ${operation.lastState ?? 'unknown'} -> deleted (404)`);
        } else {
          logTransition(host.log, operation, decision.state ?? '');
          operation.lastState = decision.state ?? operation.lastState;
        }
        if (detail?.cluster_name) operation.clusterName = detail.cluster_name;
        const reason = decision.outcome === 'failed' ? failureReason(detail, vscode.l10n.t('the cluster request failed')) : undefined;
        host.finish(operation, decision.outcome, detail, reason);
        return;
      }
    }
  }
}

export function logTransition(log: ExtensionLog, operation: TrackedOperation, state: string): void {
  if (operation.lastState === undefined) log.info(`poll ${operation.name} (${operation.kind}) -> ${state}`);
  else if (operation.lastState !== state) log.info(`poll ${operation.name} ${operation.lastState} -> ${state}`);
}
