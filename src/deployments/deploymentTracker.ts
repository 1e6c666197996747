import * as vscode from 'vscode';
import type { CloudMlDetail } from '../scp/cloudMlSchemas';
import { isTransitional } from '../scp/instanceState';
import type { ExtensionLog } from '../ui/extensionLog';
import { SETTINGS_SECTION } from '../ui/settings';
import { DeploymentNotifier } from './deploymentNotifier';
import type { DeploymentTracking, InstanceChange, InstanceSighting, OperationKind, TrackRequest } from './instanceChange';
import { OperationBook } from './operationBook';
import { logTransition, OperationPoller } from './operationPoller';
import { CREATE_VISIBILITY_GRACE_MS } from './pollDecision';
import type { PollClock } from './pollClock';
import { PollLoop } from './pollLoop';
import { pollTiming } from './pollSchedule';
import { TrackerStatus } from './trackerStatus';
import { isConfirmed, operationKey, pendingCreateKey, type OperationOutcome, type TrackedOperation } from './trackedOperation';
import { operationFromSighting } from './externalOperation';
import type { DeploymentTrackerOptions, TrackerConnection, TrackerSnapshot } from './trackerTypes';
import { usualDurationMs } from './usualDuration';
import { WriteJournal, type RecordRequest, type ReleaseRequest } from './writeJournal';

/**
 * Follows every create/update/delete until it settles, whoever started it: those sent from here (recorded before
 * their request goes out, see WriteJournal) and any instance some part of the extension saw in a transitional
 * state. One poll loop for all of them (PollLoop), nothing at all at rest. Each observed change fires
 * onDidChangeInstance once (tree, panels and anything else listen; nobody else polls).
 */
export class DeploymentTracker implements DeploymentTracking, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<InstanceChange>();
  readonly onDidChangeInstance = this.changed.event;
  private readonly listChanged = new vscode.EventEmitter<void>();
  /** The list of operations changed (one added, moved on, finished, cleared): the Activity view redraws. */
  readonly onDidChangeOperations = this.listChanged.event;

  private readonly connection: TrackerConnection;
  private readonly clock: PollClock;
  private readonly log: ExtensionLog;
  private readonly book: OperationBook;
  private readonly loop: PollLoop;
  private readonly poller: OperationPoller;
  private readonly journal: WriteJournal;
  private readonly notifier: DeploymentNotifier;
  private readonly status: TrackerStatus;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly aborter = new AbortController();
  private disposed = false;

  constructor(options: DeploymentTrackerOptions) {
    const connection = (this.connection = options.connection);
    const log = (this.log = options.log);
    const clock = (this.clock = options.clock);
    this.book = new OperationBook(options.state, options.storageKey, log);
    this.notifier = new DeploymentNotifier(options.ui, log, () => clock.timeoutMinutes());
    this.status = new TrackerStatus(options.statusItemId);
    this.loop = new PollLoop({
      pollable: () => this.pollable(),
      paused: () => connection.authFailed,
      poll: (op, state) => this.poller.poll(op, state),
      timedOut: (op) => {
        log.warn(`poll ${op.name} timed out after ${clock.timeoutMinutes()} min, last state ${op.lastState ?? 'unknown'}`);
        this.finish(op, 'timedOut');
      },
      scheduled: () => this.updateStatus(),
      intervalSeconds: () => clock.intervalSeconds(),
      timeoutMinutes: () => clock.timeoutMinutes(),
      onUnexpected: (op, error) => log.error(`deployments: poll of ${op.name} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`),
    });
    this.poller = new OperationPoller({
      session: () => connection.session(),
      get authFailed() {
        return connection.authFailed;
      },
      noteOutcome: (error) => connection.noteOutcome(error),
      loop: this.loop,
      log,
      createGraceMs: options.createGraceMs ?? CREATE_VISIBILITY_GRACE_MS,
      signal: this.aborter.signal,
      isCurrent: (op, state) => !this.disposed && this.loop.stateOf(op) === state,
      observe: (op, state, detail) => this.observe(op, state, detail),
      finish: (op, outcome, detail, reason) => this.finish(op, outcome, detail, reason),
      bindCreated: (op, detail) => this.journal.bindCreated(op, detail),
    });
    this.journal = new WriteJournal({ book: this.book, loop: this.loop, log, finish: (op, outcome, reason) => this.finish(op, outcome, undefined, reason), changed: () => this.afterChange() });

    // Resumed operations are due at once; the timer fires after activation returns, so activate() stays free of I/O.
    // One recorded before its request went out is reconciled the same way: SCP says whether it happened.
    const resumed = this.book.inFlight();
    for (const op of resumed) this.loop.follow(op);
    if (resumed.length > 0) log.info(`deployments: resuming ${resumed.length} tracked operation(s)`);

    this.disposables.push(
      this.changed,
      this.listChanged,
      this.status,
      connection.onDidChangeProfile(() => {
        this.pruneRemovedProfiles();
        this.afterChange();
      }),
      connection.onDidChangeAuthState((failing) => {
        if (failing && this.pollable().length > 0) log.warn('deployments: polling paused while SCP rejects the credentials');
        else if (!failing && this.pollable().length > 0) log.info('deployments: credentials work again, polling resumes');
        this.loop.reschedule();
      }),
      clock.onDidChange(() => this.loop.applyNewInterval()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.notifyExternalChanges`)) this.updateStatus();
      }),
    );
    this.pruneRemovedProfiles();
    this.loop.reschedule();
  }

  /** Records a write before its request goes out; resolves once the record is stored (see WriteJournal). */
  record(request: RecordRequest): Promise<void> {
    return this.disposed ? Promise.resolve() : this.journal.record(request);
  }

  /** The write is over without an accepted answer: refused, never sent, or unknown (then SCP is asked). */
  release(request: ReleaseRequest): void {
    if (!this.disposed) this.journal.release(request);
  }

  /** The write was accepted: follow it until it settles (it takes over the record made before it was sent). */
  track(request: TrackRequest): void {
    if (this.disposed) return;
    const recorded = this.journal.accepted(request);
    const operation: TrackedOperation = {
      profileId: request.profileId,
      cloudMlId: request.cloudMlId,
      clusterId: request.clusterId,
      name: request.name,
      kind: request.kind,
      started: recorded?.started ?? Date.now(),
      ...(request.requestId !== undefined ? { requestId: request.requestId } : {}),
    };
    void this.book.add(operation);
    this.loop.follow(operation);
    this.log.info(`deployments: tracking ${request.kind} of ${request.name} (${request.cloudMlId})`);
    this.afterChange();
  }

  follow(sighting: InstanceSighting): void {
    const { detail, profileId } = sighting;
    if (this.disposed || !isTransitional(detail.cloud_ml_state) || !detail.cloud_ml_id) return;
    if (this.book.live(operationKey(profileId, detail.cloud_ml_id))) return;
    const pending = this.book.live(pendingCreateKey(profileId, sighting.clusterId));
    if (pending?.name === detail.cloud_ml_name) {
      // A create recorded here whose answer is still awaited (or was lost): that is this instance.
      this.journal.bindCreated(pending, detail);
      return;
    }
    if (!this.connection.profiles().some((p) => p.id === profileId)) return;
    const operation = operationFromSighting(sighting, Date.now());
    void this.book.add(operation);
    // The sighting is fresh news: the first poll is due one interval later.
    this.loop.follow(operation, Date.now() + pollTiming(this.clock.intervalSeconds()).intervalMs);
    this.log.info(`deployments: following ${operation.name} (${operation.cloudMlId}), ${operation.lastState ?? ''}: started elsewhere`);
    this.afterChange();
  }

  /** Followed: an accepted write, or an instance seen moving (a record still waiting for its answer is not yet). */
  isTracked(profileId: string, cloudMlId: string): boolean {
    const operation = this.book.live(operationKey(profileId, cloudMlId));
    return operation !== undefined && this.loop.stateOf(operation) !== undefined && !this.journal.isAwaited(operation);
  }

  /** Stops following an operation (it moves to the finished list as "stopped"). */
  stopTracking(profileId: string, cloudMlId: string): void {
    const operation = this.book.live(operationKey(profileId, cloudMlId));
    if (!operation) return;
    this.log.info(`deployments: stopped tracking ${operation.kind} of ${operation.name} (${operation.cloudMlId})`);
    this.finish(operation, 'stopped');
  }

  /** In-flight operations, oldest first. */
  inFlight(): TrackedOperation[] {
    return this.book.inFlight();
  }

  /** Recently finished operations, newest first (bounded per profile). */
  finished(): TrackedOperation[] {
    return this.book.finished();
  }

  /** How long this profile's operations of a kind usually take (median of the latest), once known. */
  usualDuration(profileId: string, kind: OperationKind): number | undefined {
    return usualDurationMs(this.book.finished(), profileId, kind);
  }

  /** Forgets a profile's finished operations (the Activity view's Clear); those in flight stay. */
  clearFinished(profileId: string): Promise<void> {
    const cleared = this.book.clearFinished(profileId);
    this.listChanged.fire();
    return cleared;
  }

  snapshot(): TrackerSnapshot {
    return {
      status: this.status.current,
      inFlight: this.inFlight().map((op) => {
        const poll = this.loop.stateOf(op);
        return { ...op, failures: poll?.failures ?? 0, retrying: poll?.retrying ?? false };
      }),
      finished: this.finished().map((op) => ({ ...op })),
      // A disposed tracker has aborted its last GET and armed no timer: it costs nothing any more.
      active: this.loop.active,
      paused: this.connection.authFailed && this.pollable().length > 0,
      polls: this.poller.polls,
    };
  }

  /** Resolves when every change so far is in globalState. */
  flush(): Promise<void> {
    return this.book.flush();
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

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.loop.dispose();
    this.aborter.abort();
    for (const d of this.disposables) d.dispose();
  }

  /** In-flight operations of the active profile that may be polled (another profile has no session). */
  private pollable(): TrackedOperation[] {
    const activeId = this.connection.activeProfile()?.id;
    if (activeId === undefined) return [];
    return this.book.inFlight().filter((op) => op.profileId === activeId && this.loop.stateOf(op) !== undefined && !this.journal.isAwaited(op));
  }

  /** A poll answered with the instance still on its way: record a state change and tell the listeners. */
  private observe(operation: TrackedOperation, state: string, detail: CloudMlDetail | undefined): void {
    const firstAnswer = operation.lastState === undefined;
    const stateChanged = operation.lastState !== state;
    if (!isConfirmed(operation)) this.journal.confirmedBySight(operation, state);
    if (detail?.cluster_name) operation.clusterName = detail.cluster_name;
    if (detail?.request_id && operation.requestId === undefined) operation.requestId = detail.request_id;
    if (stateChanged) {
      logTransition(this.log, operation, state);
      operation.lastState = state;
      void this.book.persist();
      this.listChanged.fire();
    }
    if ((stateChanged || firstAnswer) && detail) this.fire(operation, detail, false, false);
  }

  private finish(operation: TrackedOperation, outcome: OperationOutcome, detail?: CloudMlDetail, reason?: string): void {
    operation.outcome = outcome;
    operation.finished = Date.now();
    if (reason !== undefined) operation.reason = reason;
    this.loop.forget(operation);
    this.journal.forget(operation);
    this.log.info(`deployments: ${operation.kind} of ${operation.name} ended: ${outcome}${operation.lastState ? ` (${operation.lastState})` : ''}${reason ? `: ${reason}` : ''}`);
    void this.book.persist();
    if (operation.cloudMlId !== '') {
      if (outcome === 'deleted') this.fire(operation, undefined, true, true);
      else if (detail) this.fire(operation, detail, false, true);
    }
    this.notifier.notify({ ...operation });
    this.afterChange();
  }

  private fire(operation: TrackedOperation, detail: CloudMlDetail | undefined, deleted: boolean, settled: boolean): void {
    const change: InstanceChange = { profileId: operation.profileId, cloudMlId: operation.cloudMlId, clusterId: operation.clusterId, deleted, settled };
    if (detail) change.detail = detail;
    this.changed.fire(change);
  }

  /** The list changed: the loop re-arms (which redraws the status item) and the Activity view redraws. */
  private afterChange(): void {
    if (this.disposed) return;
    this.loop.reschedule();
    this.listChanged.fire();
  }

  private updateStatus(): void {
    if (this.disposed) return;
    const activeId = this.connection.activeProfile()?.id;
    const shown = activeId === undefined ? [] : this.book.inFlight().filter((op) => op.profileId === activeId);
    this.status.show(shown, {
      paused: this.connection.authFailed,
      pollState: (op) => this.loop.stateOf(op),
      usualMs: (op) => this.usualDuration(op.profileId, op.kind),
    });
  }
}

