import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/connectionManager';
import type { DeploymentTracking, InstanceChange } from '../deployments/instanceChange';
import { instanceEndpoint, instanceTarget, type InstanceTarget } from '../model/commandTargets';
import { isScpError } from '../scp/scpError';
import { describeError, logError } from '../ui/errorPresenter';
import type { ExtensionLog } from '../ui/extensionLog';
import { detailsTexts } from './detailsTexts';
import { buildDetailsView, refusedDetailsView, type DetailsSnapshot } from './detailsView';
import { PanelHost } from './panelHost';
import {
  detailsHostMessageSchema,
  detailsWebviewMessageSchema,
  type DetailsHostMessage,
  type DetailsPanelState,
  type DetailsView,
  type DetailsWebviewMessage,
} from './webviewMessages';

export interface DetailsPanelDeps {
  extensionUri: vscode.Uri;
  log: ExtensionLog;
  connection: Pick<ConnectionManager, 'sessionFor'>;
  /** Deployment tracking: an instance read here in a transitional state is followed (and this panel with it). */
  tracker: Pick<DeploymentTracking, 'follow'>;
}

/** What is known about the instance before its detail arrives (from the command target). */
export interface KnownInstance {
  name: string;
  state?: string;
  clusterName?: string;
}

/**
 * One instance's details panel. It reads SCP only when opened, restored or refreshed; while the instance is
 * transitional it follows deployment tracking's changes (no polling of its own). Its buttons run the same
 * commands as the palette, with this instance as the target.
 */
export class DetailsPanel extends PanelHost<DetailsHostMessage, DetailsWebviewMessage, DetailsView> {
  private snapshot: DetailsSnapshot;
  private revision = 0;
  /** Bumped by every tracker change, so that a slower refresh does not overwrite a newer detail. */
  private changes = 0;
  /** The cluster's name for command targets, once known. */
  private clusterName: string | undefined;

  constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: DetailsPanelDeps,
    readonly state: DetailsPanelState,
    known: KnownInstance,
  ) {
    super(panel, {
      extensionUri: deps.extensionUri,
      app: 'detailsApp',
      log: deps.log,
      connection: deps.connection,
      logName: () => `details ${this.snapshot.name}`,
      outgoing: detailsHostMessageSchema,
      incoming: detailsWebviewMessageSchema,
      refusedView: (message, sentence) => ({ type: 'details', view: refusedDetailsView(message.view, sentence) }),
    });
    this.snapshot = { state, name: known.name, deleted: false, busy: true, ...(known.state ? { knownState: known.state } : {}) };
    this.clusterName = known.clusterName;
    panel.title = known.name;
    this.render();
    this.post();
  }

  /** Reads the instance, then its cluster and the cluster's estimate; failures show in the panel (and the log). */
  async refresh(): Promise<void> {
    if (this.isDisposed) return;
    const cancel = this.beginRead();
    const changesAtStart = this.changes;
    this.update({ busy: true });
    const { profileId, cloudMlId } = this.state;
    try {
      const { session, signal } = await this.sessionFor(profileId, cancel.signal);
      const detail = await session.cloudMl.get(cloudMlId, signal);
      const clusterId = detail.cluster_id || this.state.clusterId;
      this.deps.tracker.follow({ profileId, clusterId, ...(this.clusterName ? { clusterName: this.clusterName } : {}), detail });
      const [cluster, estimate] = await Promise.allSettled([
        session.ske.getCluster(clusterId, signal),
        session.cloudMl.getEstimate(clusterId, detail.copilot_enabled ?? false, signal),
      ]);
      if (cancel.signal.aborted) return;
      const next: Partial<DetailsSnapshot> = { busy: false, deleted: false, error: undefined };
      // A tracker change that arrived meanwhile is newer than this read.
      if (this.changes === changesAtStart) next.detail = detail;
      if (cluster.status === 'fulfilled') Object.assign(next, { cluster: cluster.value, clusterError: undefined });
      else Object.assign(next, { clusterError: this.failure(cluster.reason, `read cluster ${clusterId}`) });
      if (estimate.status === 'fulfilled') Object.assign(next, { estimate: estimate.value, estimateError: undefined });
      else Object.assign(next, { estimateError: this.failure(estimate.reason, `read the estimate of cluster ${clusterId}`) });
      if (cluster.status === 'fulfilled') this.clusterName = cluster.value.name;
      this.update(next);
    } catch (error) {
      if (cancel.signal.aborted || (isScpError(error) && error.kind === 'cancelled')) return;
      if (isScpError(error) && error.kind === 'notFound') {
        this.deps.log.info(`details ${this.snapshot.name}: SCP no longer has Cloud ML ${cloudMlId}`);
        this.update({ busy: false, deleted: true });
        return;
      }
      this.update({ busy: false, error: this.failure(error, `read Cloud ML ${this.snapshot.name}`) });
    } finally {
      this.endRead(cancel);
    }
  }

  /** A change seen by deployment tracking: the fresh detail, or the news that the instance is gone. */
  applyChange(change: InstanceChange): void {
    if (this.isDisposed) return;
    this.changes++;
    if (change.deleted) this.update({ deleted: true, busy: false });
    else if (change.detail) this.update({ detail: change.detail, deleted: false, error: undefined });
  }

  /** The instance as the palette commands take it. */
  target(): InstanceTarget {
    const detail = this.snapshot.detail;
    const cluster = { id: detail?.cluster_id || this.state.clusterId, name: detail?.cluster_name || this.clusterName || this.state.clusterId };
    return instanceTarget(this.state.profileId, cluster, {
      cloudMlId: this.state.cloudMlId,
      name: detail?.cloud_ml_name || this.snapshot.name,
      state: detail?.cloud_ml_state ?? this.snapshot.knownState ?? '',
      endpoint: detail ? instanceEndpoint(detail) : undefined,
    });
  }

  protected async onMessage(message: DetailsWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'refresh':
        await this.refresh();
        return;
      case 'updateDescription':
        await vscode.commands.executeCommand('scpCloudMl.update', this.target());
        return;
      case 'delete':
        await vscode.commands.executeCommand('scpCloudMl.delete', this.target());
        return;
      case 'copyEndpoint':
        await vscode.commands.executeCommand('scpCloudMl.copyEndpoint', this.target());
        return;
      case 'createLikeThis':
        await vscode.commands.executeCommand('scpCloudMl.createLikeThis', this.target());
        return;
      default:
        // ready / rendered / dropped are the host's.
        return;
    }
  }

  private failure(error: unknown, operation: string): string {
    logError(this.deps.log, error, `details: ${operation}`);
    return describeError(error);
  }

  private update(change: Partial<DetailsSnapshot>): void {
    if (this.isDisposed) return;
    this.snapshot = { ...this.snapshot, ...change };
    const name = this.snapshot.detail?.cloud_ml_name;
    if (name) this.snapshot.name = name;
    this.post();
  }

  private post(): void {
    const view = buildDetailsView(this.snapshot, detailsTexts(), ++this.revision);
    if (this.panel.title !== view.title) this.panel.title = view.title;
    this.postMessage({ type: 'details', view });
  }
}
