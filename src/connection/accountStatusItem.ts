import * as vscode from 'vscode';
import { serviceBaseUrl } from '../scp/endpoints';
import { escapeMarkdown } from '../ui/markdownText';
import type { ConnectionManager } from './connectionManager';
import type { Profile } from './profile';

export const ACCOUNT_STATUS_ITEM_ID = 'scpCloudMl.account';
const ERROR_BACKGROUND = 'statusBarItem.errorBackground';

/** What the account item shows right now (tests read it; VS Code has no getter for a rendered item). */
export interface AccountStatusSnapshot {
  text: string;
  /** The tooltip as the user reads it (plain text, one paragraph per line). */
  tooltip: string;
  /** The tooltip's Markdown source: every line escaped, the first in bold. */
  tooltipMarkdown: string;
  /** The theme color id of the background, when not the default. */
  backgroundColor: string | undefined;
  /** The command a click runs. */
  command: string;
}

/**
 * The one account item on the left of the status bar: `$(cloud) SCP: <profile> · <region>`, its tooltip
 * (environment, endpoint, last error) and the error background after SCP refused the keys, until a call
 * succeeds again. Click = switch profile; with no profile it reads "not connected" and a click signs in.
 */
export class AccountStatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[];
  private current: AccountStatusSnapshot;

  constructor(private readonly connection: ConnectionManager) {
    this.item = vscode.window.createStatusBarItem(ACCOUNT_STATUS_ITEM_ID, vscode.StatusBarAlignment.Left, 100);
    this.item.name = vscode.l10n.t('SCP Account');
    this.current = this.render();
    this.item.show();
    const refresh = (): void => {
      this.current = this.render();
    };
    this.subscriptions = [connection.onDidChangeProfile(refresh), connection.onDidChangeAuthState(refresh), connection.onDidRequest(refresh)];
  }

  snapshot(): AccountStatusSnapshot {
    return { ...this.current };
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }

  private render(): AccountStatusSnapshot {
    const profile = this.connection.activeProfile();
    const snapshot = profile ? this.connectedView(profile) : disconnectedView();
    this.item.text = snapshot.text;
    const tooltip = new vscode.MarkdownString(snapshot.tooltipMarkdown);
    // Never run command links, HTML or icons from text that may come from a server or a profile name.
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    tooltip.supportThemeIcons = false;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = snapshot.backgroundColor ? new vscode.ThemeColor(snapshot.backgroundColor) : undefined;
    this.item.command = snapshot.command;
    this.item.accessibilityInformation = { label: plainLabel(profile) };
    return snapshot;
  }

  private connectedView(profile: Profile): AccountStatusSnapshot {
    const authFailed = this.connection.authFailed;
    const lines = [
      vscode.l10n.t('SCP profile: {0}', profile.name),
      vscode.l10n.t('Environment: {0}', profile.environment),
      vscode.l10n.t('Region: {0}', profile.region),
      endpointLine(profile),
    ];
    if (authFailed) {
      lines.push(vscode.l10n.t('Last error: SCP refused the keys on the last call. Sign in again to renew them.'));
    } else if (this.connection.lastError) {
      const at = this.connection.lastErrorAt?.toLocaleTimeString() ?? '';
      lines.push(vscode.l10n.t('Last error ({0}): {1}', at, this.connection.lastError));
    }
    lines.push(vscode.l10n.t('Click to switch profile.'));
    return {
      text: `$(cloud) ${vscode.l10n.t('SCP: {0} · {1}', stripIcons(profile.name), profile.region)}`,
      ...tooltipOf(lines),
      backgroundColor: authFailed ? ERROR_BACKGROUND : undefined,
      command: 'scpCloudMl.switchProfile',
    };
  }
}

function disconnectedView(): AccountStatusSnapshot {
  return {
    text: `$(cloud) ${vscode.l10n.t('SCP: not connected')}`,
    ...tooltipOf([
      vscode.l10n.t('SCP: not connected'),
      vscode.l10n.t('No SCP profile is active. Click to sign in, or use the SCP Cloud ML view to import a profile or try the built-in emulator.'),
    ]),
    backgroundColor: undefined,
    command: 'scpCloudMl.signIn',
  };
}

/** The plain tooltip and its Markdown: one paragraph per line, the first as a bold heading. */
function tooltipOf(lines: string[]): Pick<AccountStatusSnapshot, 'tooltip' | 'tooltipMarkdown'> {
  const [heading = '', ...rest] = lines;
  return {
    tooltip: lines.join('\n'),
    tooltipMarkdown: [`**${escapeMarkdown(heading)}**`, ...rest.map(escapeMarkdown)].join('\n\n'),
  };
}

function endpointLine(profile: Profile): string {
  if (profile.endpointOverride) return vscode.l10n.t('Endpoint override: {0}', profile.endpointOverride);
  try {
    return vscode.l10n.t('Endpoint: {0}', serviceBaseUrl({ environment: profile.environment, region: profile.region }, 'cloud-ml'));
  } catch {
    return vscode.l10n.t('Endpoint: none (the region does not exist in this environment)');
  }
}

function plainLabel(profile: Profile | undefined): string {
  return profile ? vscode.l10n.t('SCP profile {0}, region {1}', profile.name, profile.region) : vscode.l10n.t('SCP: not connected');
}

/** A profile name is the user's text: `$(…)` in it must not turn into an icon in the status bar. */
function stripIcons(text: string): string {
  return text.replace(/\$\(/g, '$\u200b(');
}
