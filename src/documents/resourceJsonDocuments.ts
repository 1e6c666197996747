import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/connectionManager';
import { redactObject } from '../scp/redact';
import { ScpError } from '../scp/scpError';
import { describeError, logError } from '../ui/errorPresenter';
import type { ExtensionLog } from '../ui/extensionLog';
import { RESOURCE_JSON_SCHEME, parseResourceJsonUri, resourceJsonUri, type ResourceJsonRef } from './resourceJsonUri';

/** How long load() waits for an open document to take the fresh text before handing it back anyway. */
const FRESH_TEXT_WAIT_MS = 5000;

/** Resolves when `document` holds `text`, or after `withinMs`. */
function textShown(document: vscode.TextDocument, text: string, withinMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    };
    const timer = setTimeout(done, withinMs);
    const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document && document.getText() === text) done();
    });
    if (document.getText() === text) done();
  });
}

export interface ResourceJsonDeps {
  connection: Pick<ConnectionManager, 'session'>;
  log: ExtensionLog;
}

/**
 * "Open as JSON": read-only documents under `scp-cloud-ml:` holding a resource's show answer exactly as SCP sent it
 * (2-space indent, key order kept), with secret-named fields masked by the client's redaction. `load` reads SCP and
 * fires onDidChange, so an open document shows the fresh answer; VS Code makes content-provider documents read-only.
 */
export class ResourceJsonDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** The latest text per open document URI; dropped when VS Code closes the document. */
  private readonly texts = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly deps: ResourceJsonDeps) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(RESOURCE_JSON_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((document) => this.texts.delete(document.uri.toString())),
    ];
  }

  /**
   * Reads the resource from SCP now and updates its document (open or not): resolves to that document once it shows
   * the fresh text (VS Code applies onDidChange asynchronously). Throws a ScpError when the read fails.
   */
  async load(ref: ResourceJsonRef): Promise<vscode.TextDocument> {
    const uri = resourceJsonUri(ref);
    const text = await this.read(ref);
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.getText() !== text) await textShown(document, text, FRESH_TEXT_WAIT_MS);
    return document;
  }

  /** The ref of a document of ours (the editor-title refresh passes its URI). */
  refOf(uri: vscode.Uri): ResourceJsonRef | undefined {
    return parseResourceJsonUri(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const cached = this.texts.get(uri.toString());
    if (cached !== undefined) return cached;
    // Not loaded by the command: an editor restored after a reload. Read it now; a failure is one sentence.
    const ref = parseResourceJsonUri(uri);
    if (!ref) throw new Error(vscode.l10n.t('This is not an SCP Cloud ML document.'));
    try {
      const text = await this.read(ref);
      this.texts.set(uri.toString(), text);
      return text;
    } catch (error) {
      logError(this.deps.log, error, `open ${ref.kind} ${ref.id} as JSON`);
      throw new Error(describeError(error));
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
    this.texts.clear();
  }

  private async read(ref: ResourceJsonRef): Promise<string> {
    const session = await this.deps.connection.session();
    if (session.profile.id !== ref.profileId) {
      throw new ScpError({ kind: 'badInput', message: vscode.l10n.t('This document belongs to another SCP profile. Switch back to that profile, then open it again.') });
    }
    const body =
      ref.kind === 'instance'
        ? await session.limiter.run(() => session.cloudMl.getRaw(ref.id, session.signal), session.signal)
        : await session.ske.getClusterRaw(ref.id, session.signal);
    return JSON.stringify(redactObject(body), null, 2);
  }
}
