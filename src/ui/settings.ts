import * as vscode from 'vscode';
import { parseSettings, SETTING_KEYS, type Settings } from './settingsSchema';
import { USER_ONLY_SETTINGS } from './userOnlySettings';

export type { Settings };

export const SETTINGS_SECTION = 'scpCloudMl';

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const raw: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) raw[key] = USER_ONLY_SETTINGS.includes(key) ? userValue(config, key) : config.get(key);
  return parseSettings(raw);
}

/** The user's own value (or the default): a workspace or folder value of a safety setting is not honoured. */
function userValue(config: vscode.WorkspaceConfiguration, key: string): unknown {
  const inspected = config.inspect(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

/** The Accept-Language SCP gets: the setting, or VS Code's display language when 'auto'. */
export function apiLanguage(settings: Settings = readSettings()): 'en-US' | 'ko-KR' {
  if (settings.language !== 'auto') return settings.language;
  return vscode.env.language.toLowerCase().startsWith('ko') ? 'ko-KR' : 'en-US';
}
