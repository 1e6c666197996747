import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/connectionManager';
import { isScpError } from '../scp/scpError';
import { describeError, logError } from '../ui/errorPresenter';
import type { ExtensionLog } from '../ui/extensionLog';
import { estimateTexts } from './estimateTexts';
import { buildEstimateView, type EstimateSnapshot } from './estimateView';
import { PanelHost } from './panelHost';
import { sessionForPanel } from './panelSession';
import {
  estimateHostMessageSchema,
  estimateWebviewMessageSchema,
  type EstimateHostMessage,
  type EstimatePanelState,
  type EstimateView,
  type EstimateWebviewMessage,
} from './webviewMessages';

export interface EstimatePanelDeps {
  extensionUri: vscode.Uri;
  log: ExtensionLog;
  connection: Pick<ConnectionManager, 'session'>;
}

/**
 * One cluster's estimate panel: what the cluster can give to Cloud ML, with a copilot toggle that queries again
 * with use_copilot. Reads SCP only when opened, restored, refreshed or toggled.
 */
export class EstimatePanel implements vscode.Disposable {
  private snapshot: EstimateSnapshot;
  private revision = 0;
  private readonly host: PanelHost<EstimateHostMessage, EstimateWebviewMessage>;
  private loading: AbortController | undefined;
  /** False after a restore: the cluster's name is read along with the estimate. */
  private nameKnown: boolean;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private isDisposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: EstimatePanelDeps,
    state: EstimatePanelState,
    clusterName: string | undefined,
  ) {
    this.nameKnown = clusterName !== undefined;
    this.snapshot = { state: { ...state }, clusterName: clusterName ?? state.clusterId, busy: true };
    this.host = new PanelHost({
      panel,
      extensionUri: deps.extensionUri,
      app: 'estimateApp',
      log: deps.log,
      logName: () => `estimate ${this.snapshot.clusterName}`,
      outgoing: estimateHostMessageSchema,
      incoming: estimateWebviewMessageSchema,
      onMessage: (message) => this.onMessage(message),
    });
    this.host.render();
    this.post();
    this.subscriptions.push(this.host, this.disposed, panel.onDidDispose(() => this.dispose()));
  }

  get state(): EstimatePanelState {
    return { ...this.snapshot.state };
  }

  get lastHtml(): string {
    return this.host.lastHtml;
  }

  get lastView(): EstimateView | undefined {
    return this.host.lastPosted?.view;
  }

  get renderedView(): EstimateView | undefined {
    return this.host.lastRendered?.view;
  }

  /** Feeds a raw message into the same handler the webview's messages go through (tests). */
  receive(raw: unknown): Promise<void> {
    return this.host.receive(raw);
  }

  reveal(): void {
    this.panel.reveal();
  }

  async refresh(): Promise<void> {
    if (this.isDisposed) return;
    this.loading?.abort();
    const cancel = new AbortController();
    this.loading = cancel;
    this.update({ busy: true });
    const { profileId, clusterId, useCopilot } = this.snapshot.state;
    try {
      const { session, signal } = await sessionForPanel(this.deps.connection, profileId, cancel.signal);
      const [estimate, cluster] = await Promise.all([
        session.cloudMl.getEstimate(clusterId, useCopilot, signal),
        this.nameKnown ? Promise.resolve(undefined) : session.ske.getCluster(clusterId, signal).catch(() => undefined),
      ]);
      if (cancel.signal.aborted) return;
      if (cluster) {
        this.nameKnown = true;
        this.snapshot.clusterName = cluster.name;
      }
      this.update({ busy: false, estimate, error: undefined });
    } catch (error) {
      if (cancel.signal.aborted || (isScpError(error) && error.kind === 'cancelled')) return;
      logError(this.deps.log, error, `estimate: read the estimate of cluster ${this.snapshot.clusterName}`);
      this.update({ busy: false, estimate: undefined, error: describeError(error) });
    } finally {
      if (this.loading === cancel) this.loading = undefined;
    }
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.loading?.abort();
    this.disposed.fire();
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.panel.dispose();
  }

  private async onMessage(message: EstimateWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'refresh':
        await this.refresh();
        return;
      case 'setCopilot':
        if (message.useCopilot === this.snapshot.state.useCopilot) return;
        this.snapshot.state = { ...this.snapshot.state, useCopilot: message.useCopilot };
        await this.refresh();
        return;
      default:
        return;
    }
  }

  private update(change: Partial<EstimateSnapshot>): void {
    if (this.isDisposed) return;
    this.snapshot = { ...this.snapshot, ...change };
    this.post();
  }

  private post(): void {
    const view = buildEstimateView(this.snapshot, estimateTexts(), ++this.revision);
    if (this.panel.title !== view.title) this.panel.title = view.title;
    this.host.post({ type: 'estimate', view });
  }
}
