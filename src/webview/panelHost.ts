import * as vscode from 'vscode';
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
  panel: vscode.WebviewPanel;
  extensionUri: vscode.Uri;
  app: WebviewApp;
  log: ExtensionLog;
  /** How the log names this panel ("details my-ml"). */
  logName: () => string;
  outgoing: MessageSchema<Out>;
  incoming: MessageSchema<In>;
  /**
   * The same view emptied down to a notice saying `sentence`, posted when a view is refused (a value the
   * protocol cannot carry), so the panel says what happened instead of staying on "loading".
   */
  refusedView: (message: Out, sentence: string) => Out;
  /** The panel's own messages (ready / rendered / dropped are handled by the host and not passed on). */
  onMessage: (message: In) => void | Promise<void>;
}

/** Posted views kept to match "rendered" acknowledgements with what was drawn. */
const KEPT_REVISIONS = 20;

/**
 * The extension side of one webview panel, shared by details and estimate: the HTML with a fresh nonce per
 * render, the message gate in both directions (validated with zod; anything else dropped and logged), the latest
 * view re-sent whenever the app says it is ready (a hidden webview is re-created), and what the app reports it
 * drew. Exposes the generated HTML and a raw-message entry for the integration tests.
 */
export class PanelHost<Out extends { view: { revision: number } }, In extends { type: string }> implements vscode.Disposable {
  private html = '';
  private latest: Out | undefined;
  private readonly posted: Out[] = [];
  private rendered: Out | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<Out>();
  /** Fires with the view the app reports it has drawn. */
  readonly onDidRender = this.renderedEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly options: PanelHostOptions<Out, In>) {
    this.disposables.push(
      this.renderedEmitter,
      options.panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
    );
  }

  /** (Re)writes the panel's document: options, CSP with a fresh nonce, the app's script. */
  render(): void {
    const { panel, extensionUri, app } = this.options;
    const webview = panel.webview;
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

  /** The last HTML this host generated (tests check the CSP and nonces). */
  get lastHtml(): string {
    return this.html;
  }

  /** The last message posted (or queued for when the app is ready). */
  get lastPosted(): Out | undefined {
    return this.latest;
  }

  /** The latest view the app reported as drawn. */
  get lastRendered(): Out | undefined {
    return this.rendered;
  }

  /** Validates and sends a message; it is also kept as the one to re-send when the app (re)starts. */
  post(message: Out): void {
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
    this.send(checked.data);
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
      else await this.options.onMessage(message);
    } catch (error) {
      this.options.log.error(`webview ${this.options.logName()}: handling "${message.type}" failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private handleCommon(message: CommonIncoming): void {
    switch (message.type) {
      case 'ready':
        this.options.log.debug(`webview ${this.options.logName()}: the app is ready`);
        if (this.latest) this.send(this.latest);
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

  private send(message: Out): void {
    // A panel being closed refuses messages; the view is kept and re-sent when the app says it is ready.
    try {
      this.options.panel.webview.postMessage(message).then(undefined, () => undefined);
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
