import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { USER_ONLY_SETTINGS } from './userOnlySettings';

/**
 * Every scpCloudMl.* setting, validated: a bad value falls back to its default instead of breaking a call.
 * The poll bounds reach below the manifest's minimums (which the Settings UI enforces) so the integration
 * tests can run the tracker on a faster clock.
 */
const settingsSchema = z.object({
  pageSize: z.catch(z.int().check(z.gte(1), z.lte(500)), 50),
  requestTimeoutSeconds: z.catch(z.number().check(z.gte(1), z.lte(600)), 30),
  maxConcurrentRequests: z.catch(z.int().check(z.gte(1), z.lte(16)), 4),
  pollIntervalSeconds: z.catch(z.number().check(z.gte(0.1), z.lte(300)), 5),
  pollTimeoutMinutes: z.catch(z.number().check(z.gte(0.01), z.lte(1440)), 120),
  deleteConfirmation: z.catch(z.enum(['typeName', 'modal']), 'typeName'),
  language: z.catch(z.enum(['auto', 'en-US', 'ko-KR']), 'auto'),
});

export type Settings = z.infer<typeof settingsSchema>;

export const SETTINGS_SECTION = 'scpCloudMl';

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(settingsSchema.shape)) raw[key] = USER_ONLY_SETTINGS.includes(key) ? userValue(config, key) : config.get(key);
  return settingsSchema.parse(raw);
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
