import * as z from 'zod/mini';

/**
 * Every scpCloudMl.* setting, validated with the manifest's bounds: a bad value (settings.json is not held to the
 * Settings UI's minimums) falls back to its default instead of breaking a call or polling SCP ten times a second.
 */
const settingsSchema = z.object({
  pageSize: z.catch(z.int().check(z.gte(1), z.lte(500)), 50),
  requestTimeoutSeconds: z.catch(z.number().check(z.gte(1), z.lte(600)), 30),
  maxConcurrentRequests: z.catch(z.int().check(z.gte(1), z.lte(16)), 4),
  pollIntervalSeconds: z.catch(z.number().check(z.gte(1), z.lte(300)), 5),
  pollTimeoutMinutes: z.catch(z.number().check(z.gte(1), z.lte(1440)), 120),
  deleteConfirmation: z.catch(z.enum(['typeName', 'modal']), 'typeName'),
  language: z.catch(z.enum(['auto', 'en-US', 'ko-KR']), 'auto'),
  notifyExternalChanges: z.catch(z.enum(['statusBar', 'notification', 'off']), 'statusBar'),
});

export type Settings = z.infer<typeof settingsSchema>;

export const SETTING_KEYS: readonly string[] = Object.keys(settingsSchema.shape);

/** The settings as read (any value, any type), each one valid or its default. */
export function parseSettings(raw: Record<string, unknown>): Settings {
  return settingsSchema.parse(raw);
}

