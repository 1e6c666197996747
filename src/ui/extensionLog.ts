import * as vscode from 'vscode';

/**
 * The "SCP Cloud ML" LogOutputChannel. Every line passes through `scrub`, which replaces every secret
 * value the extension knows of (registered with `addSecret`) — a second line of defence behind the
 * client's own redaction. With `keepText` (test mode only) it also keeps the recent scrubbed lines in memory,
 * which the integration tests read through the test API.
 */
export class ExtensionLog implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;
  private readonly secrets = new Set<string>();
  private readonly lines: string[] | undefined;
  private static readonly maxLines = 5000;

  constructor(options: { keepText: boolean }, name = 'SCP Cloud ML') {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
    this.lines = options.keepText ? [] : undefined;
  }

  /** Registers a secret value so that it is masked in every later line. Short values are ignored (too noisy). */
  addSecret(value: string | undefined): void {
    if (value && value.length >= 6) this.secrets.add(value);
  }

  info(message: string): void {
    this.channel.info(this.keep('info', message));
  }

  warn(message: string): void {
    this.channel.warn(this.keep('warn', message));
  }

  error(message: string): void {
    this.channel.error(this.keep('error', message));
  }

  debug(message: string): void {
    this.channel.debug(this.keep('debug', message));
  }

  show(): void {
    this.channel.show(true);
  }

  /** The scrubbed text logged so far (most recent lines); empty unless the log keeps its text. */
  text(): string {
    return this.lines?.join('\n') ?? '';
  }

  dispose(): void {
    this.channel.dispose();
  }

  private keep(level: string, message: string): string {
    const clean = this.scrub(message);
    if (this.lines) {
      this.lines.push(`[${level}] ${clean}`);
      if (this.lines.length > ExtensionLog.maxLines) this.lines.splice(0, this.lines.length - ExtensionLog.maxLines);
    }
    return clean;
  }

  /** The text with every registered secret masked (also for text that leaves the extension another way, e.g. chat tool results). */
  scrub(message: string): string {
    let out = message;
    for (const secret of this.secrets) out = out.split(secret).join('***');
    return out;
  }
}
