import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import type { BenchEmulator } from './hostReport';

export const EXTENSION_ID = 'scp-tools.scp-cloud-ml';

/** The extension's test API (the extension is under development, so it runs in ExtensionMode.Test). */
export async function extensionTestApi(): Promise<ExtensionTestApi> {
  const extension = vscode.extensions.getExtension<ExtensionTestApi | undefined>(EXTENSION_ID);
  if (!extension) throw new Error(`The extension ${EXTENSION_ID} is not loaded in this workbench.`);
  const api = await extension.activate();
  if (!api) throw new Error('The extension returned no test API: it is not running in ExtensionMode.Test.');
  return api;
}

/** Saves (or replaces) a profile pointing at a runner-owned emulator and makes it active: a fresh session with the current settings. */
export async function useEmulatorProfile(api: ExtensionTestApi, id: string, emulator: BenchEmulator): Promise<void> {
  await api.connection.saveProfile(
    { id, name: id, environment: 'e', region: 'kr-west1', endpointOverride: emulator.url, source: 'manual' },
    { accessKey: emulator.accessKey, secretKey: emulator.secretKey },
    true,
  );
}

/** Sets one scpCloudMl.* user setting (undefined removes it). */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('scpCloudMl').update(key, value, vscode.ConfigurationTarget.Global);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Milliseconds since an arbitrary origin, monotonic. */
export function now(): number {
  return performance.now();
}
