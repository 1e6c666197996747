import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/connectionManager';
import type { ScpSession } from '../connection/scpSession';
import type { ExtensionLog } from '../ui/extensionLog';
import { createNonce, panelHtml } from './panelHtml';
import { describeRejection, messageTypeOf } from './webviewMessages';

/** A zod/mini schema as the host uses it. */
export interface MessageSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof describeRejection>[0] };
}

/** Messages every app sends besides its own. */
type CommonIncoming = { type: 'ready' } | { type: 'rendered'; revision: number } | { type: 'dropped'; reason: string };

export type WebviewApp = 'detailsApp' | 'estimateApp';

/** Where panels may load from: the built apps (with codicons) and media. Nothing else, nothing remote. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export interface PanelHostOptions<Out, In> {
  extensionUri: vscode.Uri;
  app: WebviewApp;
  log: ExtensionLog;
  connection: Pick<ConnectionManager, 'sessionFor'>;
  /** How the log names this panel ("details my-ml"). */
  logName: () => string;
  outgoing: MessageSchema<Out>;
  incoming: MessageSchema<In>;
  /**
   * The same view emptied down to a notice saying `sentence`, posted when a view is refused (a value the
   * protocol cannot carry), so the panel says what happened instead of staying on "loading".
   */
  refusedView: (message: Out, sentence: string) => Out;
}

/** A session to load a panel's data with, and the signal that cancels the load (panel closed, newer load, profile switched). */
interface PanelLoad {
  session: ScpSession;
  signal: AbortSignal;
}

/** Posted views kept to match "rendered" acknowledgements with what was drawn. */
const KEPT_REVISIONS = 20;

/**
 * The extension side of one webview panel, shared by details and estimate: the HTML with a fresh nonce per
 * render, the message gate in both directions (validated with zod; anything else dropped and logged), the latest
 * view re-sent whenever the app says it is ready (a hidden webview is re-created), what the app reports it drew,
 * disposal with the webview panel, and the one read in flight (a newer one aborts it). The subclass owns its
 * snapshot, builds its view and handles its own messages. The integration tests read the generated HTML and the
 * views sent and drawn, and feed raw messages through `receive`.
 */
export abstract class PanelHost<Out extends { view: View & { revision: number } }, In extends { type: string }, View> implements vscode.Disposable {
  protected isDisposed = false;
  private html = '';
  private latest: Out | undefined;
  private readonly posted: Out[] = [];
  private rendered: Out | undefined;
  private loading: AbortController | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<Out>();
  /** Fires with the view the app reports it has drawn. */
  readonly onDidRender = this.renderedEmitter.event;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  protected constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly options: PanelHostOptions<Out, In>,
  ) {
    this.subscriptions.push(
      this.renderedEmitter,
      this.disposed,
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** The generated HTML (tests check the CSP and nonces). */
  get lastHtml(): string {
    return this.html;
  }

  /** The latest view sent to the app, or queued for when it is ready (tests). */
  get lastView(): View | undefined {
    return this.latest?.view;
  }

  /** The latest view the app reported as drawn (tests). */
  get renderedView(): View | undefined {
    return this.rendered?.view;
  }

  /**
   * The one entry for messages from the webview (onDidReceiveMessage calls it; tests feed raw messages here):
   * anything that is not a valid message of this panel is dropped and logged, and the panel goes on working.
   */
  async receive(raw: unknown): Promise<void> {
    const parsed = this.options.incoming.safeParse(raw);
    if (!parsed.success) {
      this.options.log.warn(`webview ${this.options.logName()}: dropped a malformed message of type ${messageTypeOf(raw)} (${describeRejection(parsed.error)})`);
      return;
    }
    const message = parsed.data;
    try {
      if (isCommon(message)) this.handleCommon(message);
      else await this.onMessage(message);
    } catch (error) {
      this.options.log.error(`webview ${this.options.logName()}: handling "${message.type}" failed: ${error instanceof Error ? error.message : String(error)}`);
    }
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

  /** The panel's own messages (ready / rendered / dropped are the host's and not passed on). */
  protected abstract onMessage(message: In): Promise<void>;

  /** (Re)writes the panel's document: options, CSP with a fresh nonce, the app's script. */
  protected render(): void {
    const { extensionUri, app } = this.options;
    const webview = this.panel.webview;
    const wanted = webviewOptions(extensionUri);
    // Setting options reloads the webview: only when they differ (a restored panel), never on a fresh one.
    if (!sameOptions(webview.options, wanted)) webview.options = wanted;
    const asset = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', file)).toString();
    this.html = panelHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: asset(`${app}.js`),
      styleUris: [asset('codicon.css'), asset(`${app}.css`)],
      // Not the panel title: nothing from the API goes into the HTML (VS Code does not show this title anyway).
      title: vscode.l10n.t('SCP Cloud ML'),
      language: vscode.env.language,
      refusedText: refusedSentence(),
    });
    webview.html = this.html;
  }

  /** Validates and sends a message; it is also kept as the one to re-send when the app (re)starts. */
  protected postMessage(message: Out): void {
    let checked = this.options.outgoing.safeParse(message);
    if (!checked.success) {
      // Sending it would only make the app drop it: say so in the panel instead.
      this.options.log.error(`webview ${this.options.logName()}: refused to post an invalid view (${describeRejection(checked.error)})`);
      checked = this.options.outgoing.safeParse(this.options.refusedView(message, refusedSentence()));
      if (!checked.success) return;
    }
    this.latest = checked.data;
    this.posted.push(checked.data);
    if (this.posted.length > KEPT_REVISIONS) this.posted.shift();
    this.deliver(checked.data);
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

  /**
   * The session of the panel's profile, and a signal that ends with the read or with the session. Ids of one
   * profile mean nothing in another, so a panel of another profile says so instead of asking SCP.
   */
  protected async sessionFor(profileId: string, cancel: AbortSignal): Promise<PanelLoad> {
    const session = await this.options.connection.sessionFor(profileId, vscode.l10n.t('This panel belongs to another SCP profile. Switch back to that profile, then refresh.'));
    return { session, signal: AbortSignal.any([cancel, session.signal]) };
  }

  private handleCommon(message: CommonIncoming): void {
    switch (message.type) {
      case 'ready':
        this.options.log.debug(`webview ${this.options.logName()}: the app is ready`);
        if (this.latest) this.deliver(this.latest);
        return;
      case 'rendered': {
        const drawn = this.posted.find((view) => view.view.revision === message.revision);
        if (drawn && (this.rendered === undefined || drawn.view.revision >= this.rendered.view.revision)) {
          this.rendered = drawn;
          this.renderedEmitter.fire(drawn);
        }
        return;
      }
      case 'dropped':
        this.options.log.warn(`webview ${this.options.logName()}: the panel refused a message from the extension (${message.reason})`);
        return;
    }
  }

  private deliver(message: Out): void {
    // A panel being closed refuses messages; the view is kept and re-sent when the app says it is ready.
    try {
      this.panel.webview.postMessage(message).then(undefined, () => undefined);
    } catch {
      // Disposed already: nothing to show it in.
    }
  }
}

function sameOptions(current: vscode.WebviewOptions, wanted: vscode.WebviewOptions): boolean {
  const roots = (options: vscode.WebviewOptions): string => (options.localResourceRoots ?? []).map((uri) => uri.toString()).join('|');
  return current.enableScripts === wanted.enableScripts && !current.enableCommandUris && roots(current) === roots(wanted);
}

function isCommon(message: { type: string }): message is CommonIncoming {
  return message.type === 'ready' || message.type === 'rendered' || message.type === 'dropped';
}

/** What a panel says when a view cannot be shown (extension side or app side). */
function refusedSentence(): string {
  return vscode.l10n.t('This view could not be shown: SCP sent values the panel cannot display. Refresh, or use Show log for details.');
}
