import * as vscode from 'vscode';
import type { Profile } from '../connection/profile';
import type { ScpSession } from '../connection/scpSession';
import type { CloudMlDetail } from '../scp/cloudMlSchemas';
import type { ExtensionLog } from '../ui/extensionLog';
import { readSettings, SETTINGS_SECTION } from '../ui/settings';
import type { UserInput } from '../ui/userInput';
import { DeploymentNotifier } from './deploymentNotifier';
import { deploymentsStatus, type DeploymentsStatus } from './deploymentsStatus';
import { DeploymentsStatusItem } from './deploymentsStatusItem';
import { statusTexts } from './deploymentTexts';
import type { DeploymentTracking, InstanceChange, TrackRequest } from './instanceChange';
import { MAX_FINISHED_OPERATIONS, OperationStore, type KeyValueStore } from './operationStore';
import { CREATE_VISIBILITY_GRACE_MS, decidePoll, failureReason, TOLERATED_POLL_FAILURES, type PollResult } from './pollDecision';
import { hasTimedOut, nextPollDelay, pollTiming } from './pollSchedule';
import { isInFlight, operationKey, type OperationOutcome, type TrackedOperation } from './trackedOperation';

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
  /** How long a create not seen yet may answer 404 (default CREATE_VISIBILITY_GRACE_MS); tests shorten it. */
  createGraceMs?: number;
}

/** Polling bookkeeping of one in-flight operation (not persisted: a reload starts it afresh). */
interface PollState {
  nextDueAt: number;
  previousDelayMs: number | undefined;
  failures: number;
  retrying: boolean;
  polling: boolean;
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

/**
 * Follows every create/update/delete until it settles, with ONE scheduler for all of them: a single timer armed
 * for the earliest due poll of the active profile's operations, and no timer at all when nothing is in flight or
 * SCP is rejecting the credentials. Each observed change fires onDidChangeInstance once (tree, details panel and
 * anything else listen; nobody else polls), the status item follows the in-flight set, and the end of an
 * operation is announced by a non-blocking notification.
 */
export class DeploymentTracker implements DeploymentTracking, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<InstanceChange>();
  readonly onDidChangeInstance = this.changed.event;

  private readonly connection: TrackerConnection;
  private readonly log: ExtensionLog;
  private readonly store: OperationStore;
  private readonly notifier: DeploymentNotifier;
  private readonly statusItem: DeploymentsStatusItem;
  private readonly texts = statusTexts();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly aborter = new AbortController();
  private readonly createGraceMs: number;

  private operations: TrackedOperation[];
  private readonly pollStates = new Map<string, PollState>();
  private timer: NodeJS.Timeout | undefined;
  private pollsStarted = 0;
  private disposed = false;

  constructor(options: DeploymentTrackerOptions) {
    this.connection = options.connection;
    this.log = options.log;
    this.createGraceMs = options.createGraceMs ?? CREATE_VISIBILITY_GRACE_MS;
    this.store = new OperationStore(options.state, options.storageKey);
    this.notifier = new DeploymentNotifier(options.ui, options.log, () => readSettings().pollTimeoutMinutes);
    this.statusItem = new DeploymentsStatusItem(options.statusItemId);

    const loaded = this.store.load();
    if (loaded.dropped > 0) this.log.warn(`deployments: ignored ${loaded.dropped} unreadable tracked operation(s) in globalState`);
    this.operations = loaded.operations;
    // Resumed operations are due at once; the timer fires after activation returns, so activate() stays free of I/O.
    for (const op of this.operations.filter(isInFlight)) this.pollStates.set(keyOf(op), freshPollState(Date.now()));
    if (this.pollStates.size > 0) this.log.info(`deployments: resuming ${this.pollStates.size} tracked operation(s)`);

    this.disposables.push(
      this.changed,
      this.statusItem,
      this.connection.onDidChangeProfile(() => {
        this.pruneRemovedProfiles();
        this.reschedule();
      }),
      this.connection.onDidChangeAuthState((failing) => {
        if (failing && this.hasActiveWork()) this.log.warn('deployments: polling paused while SCP rejects the credentials');
        else if (!failing && this.hasActiveWork()) this.log.info('deployments: credentials work again, polling resumes');
        this.reschedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.pollIntervalSeconds`)) this.applyNewInterval();
      }),
    );
    this.pruneRemovedProfiles();
    this.reschedule();
  }

  track(request: TrackRequest): void {
    if (this.disposed) return;
    const key = operationKey(request.profileId, request.cloudMlId);
    // A new operation on the same instance replaces the one still followed (its end is what matters now).
    this.operations = this.operations.filter((op) => !(isInFlight(op) && keyOf(op) === key));
    const operation: TrackedOperation = {
      profileId: request.profileId,
      cloudMlId: request.cloudMlId,
      clusterId: request.clusterId,
      name: request.name,
      kind: request.kind,
      started: Date.now(),
    };
    this.operations.push(operation);
    this.pollStates.set(key, freshPollState(Date.now()));
    this.log.info(`deployments: tracking ${request.kind} of ${request.name} (${request.cloudMlId})`);
    this.persist();
    this.reschedule();
  }

  isTracked(profileId: string, cloudMlId: string): boolean {
    return this.pollStates.has(operationKey(profileId, cloudMlId));
  }

  /** Stops following an operation (it moves to the finished list as "stopped"). */
  stopTracking(profileId: string, cloudMlId: string): void {
    const operation = this.inFlightOperation(profileId, cloudMlId);
    if (!operation) return;
    this.log.info(`deployments: stopped tracking ${operation.kind} of ${operation.name} (${operation.cloudMlId})`);
    this.finish(operation, 'stopped');
  }

  /** In-flight operations, oldest first. */
  inFlight(): TrackedOperation[] {
    return this.operations.filter(isInFlight).sort((a, b) => a.started - b.started);
  }

  /** Recently finished operations, newest first (bounded). */
  finished(): TrackedOperation[] {
    return this.operations.filter((op) => !isInFlight(op)).sort((a, b) => (b.finished ?? 0) - (a.finished ?? 0));
  }

  snapshot(): TrackerSnapshot {
    return {
      status: this.statusItem.status,
      inFlight: this.inFlight().map((op) => {
        const poll = this.pollStates.get(keyOf(op));
        return { ...op, failures: poll?.failures ?? 0, retrying: poll?.retrying ?? false };
      }),
      finished: this.finished().map((op) => ({ ...op })),
      // A disposed tracker has aborted its last GET and armed no timer: it costs nothing any more.
      active: !this.disposed && (this.timer !== undefined || [...this.pollStates.values()].some((p) => p.polling)),
      paused: this.connection.authFailed && this.hasActiveWork(),
      polls: this.pollsStarted,
    };
  }

  /** Resolves when every change so far is in globalState. */
  flush(): Promise<void> {
    return this.store.flush();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.clearTimer();
    this.aborter.abort();
    for (const d of this.disposables) d.dispose();
  }

  // ---------- scheduling ----------

  /** Arms the single timer for the earliest due poll, or none when there is nothing to poll now. */
  private reschedule(): void {
    this.clearTimer();
    this.updateStatus();
    if (this.disposed || this.connection.authFailed) return;
    let earliest: number | undefined;
    for (const [, poll] of this.pollableOperations()) {
      if (poll.polling) continue;
      earliest = earliest === undefined ? poll.nextDueAt : Math.min(earliest, poll.nextDueAt);
    }
    if (earliest === undefined) return;
    this.timer = setTimeout(() => this.tick(), Math.max(0, earliest - Date.now()));
  }

  private tick(): void {
    this.timer = undefined;
    if (this.disposed || this.connection.authFailed) return;
    const now = Date.now();
    const timeoutMs = readSettings().pollTimeoutMinutes * 60_000;
    for (const [op, poll] of this.pollableOperations()) {
      if (poll.polling || poll.nextDueAt > now) continue;
      if (hasTimedOut(op.started, now, timeoutMs)) {
        this.log.warn(`poll ${op.name} timed out after ${readSettings().pollTimeoutMinutes} min, last state ${op.lastState ?? 'unknown'}`);
        this.finish(op, 'timedOut');
        continue;
      }
      this.poll(op, poll).catch((error: unknown) => {
        this.log.error(`deployments: poll of ${op.name} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    this.reschedule();
  }

  /** In-flight operations of the active profile: only those are polled (another profile has no session). */
  private pollableOperations(): [TrackedOperation, PollState][] {
    const activeId = this.connection.activeProfile()?.id;
    const result: [TrackedOperation, PollState][] = [];
    if (activeId === undefined) return result;
    for (const op of this.operations) {
      if (!isInFlight(op) || op.profileId !== activeId) continue;
      const poll = this.pollStates.get(keyOf(op));
      if (poll) result.push([op, poll]);
    }
    return result;
  }

  private hasActiveWork(): boolean {
    return this.pollableOperations().length > 0;
  }

  /**
   * Operations of a profile that was removed can never be polled again: stop following them. Runs on every
   * profile change and at construction; removing an inactive profile fires no event, so showDeployments calls it too.
   */
  pruneRemovedProfiles(): void {
    const known = new Set(this.connection.profiles().map((p) => p.id));
    for (const op of this.inFlight()) {
      if (known.has(op.profileId)) continue;
      this.log.info(`deployments: stopped tracking ${op.name} (${op.cloudMlId}): its profile was removed`);
      this.finish(op, 'stopped');
    }
  }

  private applyNewInterval(): void {
    const now = Date.now();
    const interval = pollTiming(readSettings().pollIntervalSeconds).intervalMs;
    for (const poll of this.pollStates.values()) {
      poll.previousDelayMs = undefined;
      poll.nextDueAt = Math.min(poll.nextDueAt, now + interval);
    }
    this.reschedule();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  // ---------- one poll ----------

  private async poll(operation: TrackedOperation, poll: PollState): Promise<void> {
    poll.polling = true;
    let result: PollResult | undefined;
    try {
      const session = await this.connection.session();
      // The profile may have changed while the session was being built: that operation waits for its profile.
      if (session.profile.id === operation.profileId && !this.disposed) {
        const signal = AbortSignal.any([session.signal, this.aborter.signal]);
        this.pollsStarted++;
        const detail = await session.limiter.run(() => session.cloudMl.get(operation.cloudMlId, signal), signal);
        result = { ok: true, detail };
      }
    } catch (error) {
      result = { ok: false, error };
    } finally {
      poll.polling = false;
    }
    if (this.disposed || this.pollStates.get(keyOf(operation)) !== poll) return;
    try {
      if (result) this.apply(operation, poll, result);
      else this.planNext(operation, poll);
    } catch (error) {
      this.log.error(`deployments: could not apply a poll result for ${operation.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.reschedule();
  }

  private apply(operation: TrackedOperation, poll: PollState, result: PollResult): void {
    const decision = decidePoll(operation.kind, result, {
      failures: poll.failures,
      // lastState is set by the first poll that found the instance.
      seen: operation.lastState !== undefined,
      elapsedMs: Date.now() - operation.started,
      createGraceMs: this.createGraceMs,
    });
    switch (decision.type) {
      case 'ignore':
        this.planNext(operation, poll);
        return;
      case 'notVisibleYet':
        this.log.info(`poll ${operation.name}: not visible yet (404 just after the create), polling on`);
        this.planNext(operation, poll);
        return;
      case 'pauseForAuth':
        this.log.warn(`poll ${operation.name} paused: SCP rejected the credentials`);
        this.planNext(operation, poll);
        // The request logger flags 401s; flag the other auth failures too so the pause ends with their fix.
        if (!this.connection.authFailed && !result.ok) this.connection.noteOutcome(result.error);
        return;
      case 'pollFailed':
        poll.failures = decision.failures;
        if (decision.retrying && !poll.retrying) {
          this.log.warn(`poll ${operation.name} unknown — retrying: ${decision.failures} polls failed in a row (${decision.reason})`);
        } else if (!decision.retrying) {
          this.log.warn(`poll ${operation.name} failed (${decision.reason}), ${decision.failures} of ${TOLERATED_POLL_FAILURES} tolerated in a row`);
        }
        poll.retrying = decision.retrying;
        this.planNext(operation, poll);
        return;
      case 'progress': {
        if (poll.retrying) this.log.info(`poll ${operation.name} answers again`);
        poll.failures = 0;
        poll.retrying = false;
        const detail = result.ok ? result.detail : undefined;
        this.observe(operation, decision.state, detail);
        this.planNext(operation, poll);
        return;
      }
      case 'settle': {
        const detail = result.ok ? result.detail : undefined;
        if (decision.outcome === 'deleted') {
          this.log.info(`poll ${operation.name} ${operation.lastState ?? 'unknown'} -> deleted (404)`);
        } else {
          this.logTransition(operation, decision.state ?? '');
          operation.lastState = decision.state ?? operation.lastState;
        }
        if (detail?.cluster_name) operation.clusterName = detail.cluster_name;
        const reason = decision.outcome === 'failed' ? failureReason(detail, vscode.l10n.t('the cluster request failed')) : undefined;
        this.finish(operation, decision.outcome, detail, reason);
        return;
      }
    }
  }

  /** A poll answered with the instance still on its way: record a state change and tell the listeners. */
  private observe(operation: TrackedOperation, state: string, detail: CloudMlDetail | undefined): void {
    const firstAnswer = operation.lastState === undefined;
    const stateChanged = operation.lastState !== state;
    if (detail?.cluster_name) operation.clusterName = detail.cluster_name;
    if (stateChanged) {
      this.logTransition(operation, state);
      operation.lastState = state;
      this.persist();
    }
    if ((stateChanged || firstAnswer) && detail) this.fire(operation, detail, false, false);
  }

  private logTransition(operation: TrackedOperation, state: string): void {
    if (operation.lastState === undefined) this.log.info(`poll ${operation.name} (${operation.kind}) -> ${state}`);
    else if (operation.lastState !== state) this.log.info(`poll ${operation.name} ${operation.lastState} -> ${state}`);
  }

  private planNext(operation: TrackedOperation, poll: PollState): void {
    const now = Date.now();
    const delay = nextPollDelay(
      { elapsedMs: now - operation.started, previousDelayMs: poll.previousDelayMs, retrying: poll.retrying },
      pollTiming(readSettings().pollIntervalSeconds),
    );
    poll.previousDelayMs = delay;
    poll.nextDueAt = now + delay;
  }

  // ---------- the end of an operation ----------

  private finish(operation: TrackedOperation, outcome: OperationOutcome, detail?: CloudMlDetail, reason?: string): void {
    operation.outcome = outcome;
    operation.finished = Date.now();
    if (reason !== undefined) operation.reason = reason;
    this.pollStates.delete(keyOf(operation));
    this.log.info(`deployments: ${operation.kind} of ${operation.name} ended: ${outcome}${operation.lastState ? ` (${operation.lastState})` : ''}${reason ? `: ${reason}` : ''}`);
    this.persist();
    if (outcome === 'deleted') this.fire(operation, undefined, true, true);
    else if (detail) this.fire(operation, detail, false, true);
    this.notifier.notify({ ...operation });
    this.reschedule();
  }

  private fire(operation: TrackedOperation, detail: CloudMlDetail | undefined, deleted: boolean, settled: boolean): void {
    const change: InstanceChange = {
      profileId: operation.profileId,
      cloudMlId: operation.cloudMlId,
      clusterId: operation.clusterId,
      deleted,
      settled,
      ...(detail ? { detail } : {}),
    };
    this.changed.fire(change);
  }

  private inFlightOperation(profileId: string, cloudMlId: string): TrackedOperation | undefined {
    const key = operationKey(profileId, cloudMlId);
    return this.operations.find((op) => isInFlight(op) && keyOf(op) === key);
  }

  private persist(): void {
    // Keep only what the store keeps, so the in-memory finished list is bounded the same way.
    this.operations = [...this.inFlight(), ...this.finished().slice(0, MAX_FINISHED_OPERATIONS)];
    this.store.save(this.operations).then(undefined, (error: unknown) => {
      this.log.error(`deployments: could not save tracked operations: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private updateStatus(): void {
    if (this.disposed) return;
    const now = Date.now();
    const paused = this.connection.authFailed;
    const shown = this.pollableOperations()
      .sort(([a], [b]) => a.started - b.started)
      .map(([op, poll]) => ({
        name: op.name,
        kind: op.kind,
        state: op.lastState,
        elapsedMs: now - op.started,
        retrying: poll.retrying,
        paused,
      }));
    this.statusItem.show(deploymentsStatus(shown, this.texts));
  }
}

function keyOf(operation: TrackedOperation): string {
  return operationKey(operation.profileId, operation.cloudMlId);
}

function freshPollState(dueAt: number): PollState {
  return { nextDueAt: dueAt, previousDelayMs: undefined, failures: 0, retrying: false, polling: false };
}
