import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/connectionManager';
import { CommandIds } from '../model/commandIds';
import { clusterTarget } from '../model/commandTargets';
import { isScpError } from '../scp/scpError';
import { describeError, logError } from '../ui/errorPresenter';
import type { ExtensionLog } from '../ui/extensionLog';
import { estimateTexts } from './estimateTexts';
import { buildEstimateView, type EstimateSnapshot } from './estimateView';
import { PanelHost } from './panelHost';
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
  connection: Pick<ConnectionManager, 'sessionFor'>;
}

/**
 * One cluster's estimate panel: what the cluster can give to Cloud ML, with a copilot toggle that queries again
 * with use_copilot. Reads SCP only when opened, restored, refreshed or toggled.
 */
export class EstimatePanel extends PanelHost<EstimateHostMessage, EstimateWebviewMessage, EstimateView> {
  private snapshot: EstimateSnapshot;
  private revision = 0;
  /** False after a restore: the cluster's name is read along with the estimate. */
  private nameKnown: boolean;

  constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: EstimatePanelDeps,
    state: EstimatePanelState,
    clusterName: string | undefined,
  ) {
    super(panel, {
      extensionUri: deps.extensionUri,
      app: 'estimateApp',
      log: deps.log,
      connection: deps.connection,
      logName: () => `estimate ${this.snapshot.clusterName}`,
      outgoing: estimateHostMessageSchema,
      incoming: estimateWebviewMessageSchema,
      refusedView: (message, sentence) => ({ type: 'estimate', view: { ...message.view, title: message.view.title.slice(0, 200), busy: false, groups: [], notice: { tone: 'error', text: sentence } } }),
    });
    this.nameKnown = clusterName !== undefined;
    this.snapshot = { state: { ...state }, clusterName: clusterName ?? state.clusterId, busy: true };
    this.render();
    this.post();
  }

  get state(): EstimatePanelState {
    return { ...this.snapshot.state };
  }

  async refresh(): Promise<void> {
    if (this.isDisposed) return;
    const cancel = this.beginRead();
    this.update({ busy: true });
    const { profileId, clusterId, useCopilot } = this.snapshot.state;
    try {
      const { session, signal } = await this.sessionFor(profileId, cancel.signal);
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
      this.endRead(cancel);
    }
  }

  protected async onMessage(message: EstimateWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'refresh':
        await this.refresh();
        return;
      case 'createHere': {
        const { profileId, clusterId } = this.snapshot.state;
        await vscode.commands.executeCommand(CommandIds.createFitting, clusterTarget(profileId, { id: clusterId, name: this.snapshot.clusterName, status: '' }));
        return;
      }
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
    this.postMessage({ type: 'estimate', view });
  }
}
