import * as vscode from 'vscode';
import { PanelHost, type PanelHostOptions } from './panelHost';

/**
 * What the details and the estimate panel share around their PanelHost: disposal (with the webview panel), the one
 * read in flight (a newer one aborts it), and the accessors the integration tests read. The subclass owns its
 * snapshot, builds its view and handles its own messages.
 */
export abstract class PanelShell<Out extends { view: View & { revision: number } }, In extends { type: string }, View> implements vscode.Disposable {
  protected readonly host: PanelHost<Out, In>;
  protected isDisposed = false;
  private loading: AbortController | undefined;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  protected constructor(
    readonly panel: vscode.WebviewPanel,
    host: Omit<PanelHostOptions<Out, In>, 'panel' | 'onMessage'>,
  ) {
    this.host = new PanelHost({ ...host, panel, onMessage: (message) => this.onMessage(message) });
    this.subscriptions.push(this.host, this.disposed, panel.onDidDispose(() => this.dispose()));
  }

  /** The generated HTML (tests). */
  get lastHtml(): string {
    return this.host.lastHtml;
  }

  /** The latest view sent to the app (tests). */
  get lastView(): View | undefined {
    return this.host.lastPosted?.view;
  }

  /** The latest view the app reported as drawn (tests). */
  get renderedView(): View | undefined {
    return this.host.lastRendered?.view;
  }

  get onDidRender(): vscode.Event<Out> {
    return this.host.onDidRender;
  }

  /** Feeds a raw message into the same handler the webview's messages go through (tests). */
  receive(raw: unknown): Promise<void> {
    return this.host.receive(raw);
  }

  reveal(): void {
    this.panel.reveal();
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.loading?.abort();
    this.disposed.fire();
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.panel.dispose();
  }

  /** Starts a read that replaces the one in flight (aborted); pass its controller to endRead when done. */
  protected beginRead(): AbortController {
    this.loading?.abort();
    const cancel = new AbortController();
    this.loading = cancel;
    return cancel;
  }

  protected endRead(cancel: AbortController): void {
    if (this.loading === cancel) this.loading = undefined;
  }

  /** The panel's own messages (ready / rendered / dropped are the host's). */
  protected abstract onMessage(message: In): Promise<void>;
}
