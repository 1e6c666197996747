import * as vscode from 'vscode';
import { z } from 'zod';

/** Every scpCloudMl.* setting, validated: a bad value falls back to its default instead of breaking a call. */
const settingsSchema = z.object({
  pageSize: z.number().int().min(1).max(500).catch(50),
  requestTimeoutSeconds: z.number().min(1).max(600).catch(30),
  maxConcurrentRequests: z.number().int().min(1).max(16).catch(4),
  pollIntervalSeconds: z.number().min(0.1).max(300).catch(5),
  pollTimeoutMinutes: z.number().min(0.1).max(1440).catch(120),
  deleteConfirmation: z.enum(['typeName', 'modal']).catch('typeName'),
  language: z.enum(['auto', 'en-US', 'ko-KR']).catch('auto'),
});

export type Settings = z.infer<typeof settingsSchema>;

export const SETTINGS_SECTION = 'scpCloudMl';

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(settingsSchema.shape)) raw[key] = config.get(key);
  return settingsSchema.parse(raw);
}

/** The Accept-Language SCP gets: the setting, or VS Code's display language when 'auto'. */
export function apiLanguage(settings: Settings = readSettings()): 'en-US' | 'ko-KR' {
  if (settings.language !== 'auto') return settings.language;
  return vscode.env.language.toLowerCase().startsWith('ko') ? 'ko-KR' : 'en-US';
}
