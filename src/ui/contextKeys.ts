import * as vscode from 'vscode';

/** Context keys used in package.json `when` clauses. Kept in one place so names cannot drift. */
export const ContextKeys = {
  hasProfile: 'scpCloudMl.hasProfile',
  filterActive: 'scpCloudMl.filterActive',
} as const;

const current = new Map<string, unknown>();

/** Sets a context key and remembers its value (VS Code has no getter; the test API reads it here). */
export async function setContextKey(key: string, value: unknown): Promise<void> {
  current.set(key, value);
  await vscode.commands.executeCommand('setContext', key, value);
}

export function contextKeyValue(key: string): unknown {
  return current.get(key);
}
