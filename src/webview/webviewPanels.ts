import * as vscode from 'vscode';
import type { ClusterTarget, InstanceTarget } from '../model/commandTargets';
import type { ConnectionManager } from '../connection/connectionManager';
import type { DeploymentTracking } from '../deployments/instanceChange';
import type { ExtensionLog } from '../ui/extensionLog';
import { DetailsPanel } from './detailsPanel';
import { EstimatePanel } from './estimatePanel';
import { webviewOptions } from './panelHost';
import { detailsPanelStateSchema, estimatePanelStateSchema, type DetailsPanelState, type EstimatePanelState } from './webviewMessages';

export const DETAILS_VIEW_TYPE = 'scpCloudMl.details';
export const ESTIMATE_VIEW_TYPE = 'scpCloudMl.estimate';

export interface WebviewPanelsDeps {
  extensionUri: vscode.Uri;
  log: ExtensionLog;
  connection: Pick<ConnectionManager, 'session'>;
  /** Deployment tracking's change events: the only way an open panel updates by itself. */
  tracker: Pick<DeploymentTracking, 'onDidChangeInstance'>;
}

/** The cluster an estimate is about. */
export type EstimateSubject = Pick<ClusterTarget, 'profileId' | 'clusterId' | 'clusterName'>;

const detailsKey = (profileId: string, cloudMlId: string): string => `${profileId}\u0000${cloudMlId}`;
const estimateKey = (profileId: string, clusterId: string): string => `${profileId}\u0000${clusterId}`;

/**
 * Every open panel, at most one per instance (details) and one per cluster (estimate): opening again reveals it.
 * Routes deployment tracking's changes to the open details panel of that instance, and restores panels after a
 * window reload from their saved ids (re-fetching: nothing stale is shown). Creating it costs nothing.
 */
export class WebviewPanels implements vscode.Disposable {
  private readonly details = new Map<string, DetailsPanel>();
  private readonly estimates = new Map<string, EstimatePanel>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly deps: WebviewPanelsDeps) {
    this.subscription = deps.tracker.onDidChangeInstance((change) => this.details.get(detailsKey(change.profileId, change.cloudMlId))?.applyChange(change));
  }

  /** Opens the instance's details (or reveals the open panel); resolves once the first read has finished. */
  async showDetails(target: InstanceTarget): Promise<DetailsPanel> {
    const open = this.details.get(detailsKey(target.profileId, target.cloudMlId));
    if (open) {
      open.reveal();
      return open;
    }
    const panel = vscode.window.createWebviewPanel(DETAILS_VIEW_TYPE, target.name, vscode.ViewColumn.Active, {
      ...webviewOptions(this.deps.extensionUri),
      enableFindWidget: true,
    });
    const details = this.adoptDetails(
      panel,
      { profileId: target.profileId, cloudMlId: target.cloudMlId, clusterId: target.clusterId },
      { name: target.name, state: target.state, clusterName: target.clusterName },
    );
    await details.refresh();
    return details;
  }

  /** Opens the cluster's estimate (or reveals the open panel). */
  async showEstimate(subject: EstimateSubject): Promise<EstimatePanel> {
    const open = this.estimates.get(estimateKey(subject.profileId, subject.clusterId));
    if (open) {
      open.reveal();
      return open;
    }
    const panel = vscode.window.createWebviewPanel(ESTIMATE_VIEW_TYPE, subject.clusterName, vscode.ViewColumn.Active, webviewOptions(this.deps.extensionUri));
    const estimate = this.adoptEstimate(panel, { profileId: subject.profileId, clusterId: subject.clusterId, useCopilot: false }, subject.clusterName);
    await estimate.refresh();
    return estimate;
  }

  /**
   * The serializers VS Code calls to bring panels back after a reload (registering them makes no call). The panel
   * is set up at once and shows its loading state; the read goes on after VS Code has it back.
   */
  registerSerializers(): vscode.Disposable[] {
    const restoring = (restore: (panel: vscode.WebviewPanel, state: unknown) => Promise<unknown>): vscode.WebviewPanelSerializer => ({
      deserializeWebviewPanel: (panel, state: unknown) => {
        void restore(panel, state);
        return Promise.resolve();
      },
    });
    return [
      vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, restoring((panel, state) => this.restoreDetails(panel, state))),
      vscode.window.registerWebviewPanelSerializer(ESTIMATE_VIEW_TYPE, restoring((panel, state) => this.restoreEstimate(panel, state))),
    ];
  }

  /** Brings a details panel back from its saved ids (validated; anything else closes it) and reads it afresh. */
  async restoreDetails(panel: vscode.WebviewPanel, state: unknown): Promise<DetailsPanel | undefined> {
    const parsed = detailsPanelStateSchema.safeParse(state);
    if (!parsed.success) return this.discard(panel, 'details');
    const ids = parsed.data;
    if (this.details.has(detailsKey(ids.profileId, ids.cloudMlId))) return this.discard(panel, 'details (already open)');
    this.deps.log.info(`webview: restoring the details of Cloud ML ${ids.cloudMlId}`);
    const details = this.adoptDetails(panel, ids, { name: panel.title || ids.cloudMlId });
    await details.refresh();
    return details;
  }

  async restoreEstimate(panel: vscode.WebviewPanel, state: unknown): Promise<EstimatePanel | undefined> {
    const parsed = estimatePanelStateSchema.safeParse(state);
    if (!parsed.success) return this.discard(panel, 'estimate');
    const ids = parsed.data;
    if (this.estimates.has(estimateKey(ids.profileId, ids.clusterId))) return this.discard(panel, 'estimate (already open)');
    this.deps.log.info(`webview: restoring the estimate of cluster ${ids.clusterId}`);
    const estimate = this.adoptEstimate(panel, ids, undefined);
    await estimate.refresh();
    return estimate;
  }

  detailsPanel(profileId: string, cloudMlId: string): DetailsPanel | undefined {
    return this.details.get(detailsKey(profileId, cloudMlId));
  }

  estimatePanel(profileId: string, clusterId: string): EstimatePanel | undefined {
    return this.estimates.get(estimateKey(profileId, clusterId));
  }

  /** Every open details panel. */
  detailsPanels(): DetailsPanel[] {
    return [...this.details.values()];
  }

  /** Every open estimate panel. */
  estimatePanels(): EstimatePanel[] {
    return [...this.estimates.values()];
  }

  dispose(): void {
    this.subscription.dispose();
    for (const panel of [...this.details.values(), ...this.estimates.values()]) panel.dispose();
    this.details.clear();
    this.estimates.clear();
  }

  /** The extension's icon on the panel's tab, drawn for light and dark themes (an SVG tab icon cannot follow the theme colour). */
  private withIcon(panel: vscode.WebviewPanel): void {
    const icon = (theme: string): vscode.Uri => vscode.Uri.joinPath(this.deps.extensionUri, 'media', `panel-icon-${theme}.svg`);
    panel.iconPath = { light: icon('light'), dark: icon('dark') };
  }

  private adoptDetails(panel: vscode.WebviewPanel, ids: DetailsPanelState, known: { name: string; state?: string; clusterName?: string }): DetailsPanel {
    this.withIcon(panel);
    const key = detailsKey(ids.profileId, ids.cloudMlId);
    const details = new DetailsPanel(panel, this.deps, ids, known);
    this.details.set(key, details);
    details.onDidDispose(() => {
      if (this.details.get(key) === details) this.details.delete(key);
    });
    return details;
  }

  private adoptEstimate(panel: vscode.WebviewPanel, ids: EstimatePanelState, clusterName: string | undefined): EstimatePanel {
    this.withIcon(panel);
    const key = estimateKey(ids.profileId, ids.clusterId);
    const estimate = new EstimatePanel(panel, this.deps, ids, clusterName);
    this.estimates.set(key, estimate);
    estimate.onDidDispose(() => {
      if (this.estimates.get(key) === estimate) this.estimates.delete(key);
    });
    return estimate;
  }

  private discard(panel: vscode.WebviewPanel, what: string): undefined {
    this.deps.log.warn(`webview: closed a restored ${what} panel whose saved state could not be used`);
    panel.dispose();
    return undefined;
  }
}
