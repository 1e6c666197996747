import * as vscode from 'vscode';
import { readSettings, SETTINGS_SECTION } from '../ui/settings';

/** A faster clock for the integration tests (set through the test API only). */
export interface PollTimingForTests {
  intervalSeconds?: number;
  timeoutMinutes?: number;
}

/**
 * The interval and timeout every tracker polls by: the user's settings (bounded as the manifest says), unless the
 * test API set a faster clock. Fires when either changes, so a waiting poll never waits longer than the new interval.
 */
export class PollClock implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private forTests: PollTimingForTests | undefined;
  private readonly configListener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`${SETTINGS_SECTION}.pollIntervalSeconds`) || e.affectsConfiguration(`${SETTINGS_SECTION}.pollTimeoutMinutes`)) this.changed.fire();
  });

  intervalSeconds(): number {
    return this.forTests?.intervalSeconds ?? readSettings().pollIntervalSeconds;
  }

  timeoutMinutes(): number {
    return this.forTests?.timeoutMinutes ?? readSettings().pollTimeoutMinutes;
  }

  /** ExtensionMode.Test only (the test API): `undefined` goes back to the settings. */
  setForTests(timing: PollTimingForTests | undefined): void {
    this.forTests = timing;
    this.changed.fire();
  }

  dispose(): void {
    this.configListener.dispose();
    this.changed.dispose();
  }
}
