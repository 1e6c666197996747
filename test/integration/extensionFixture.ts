import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Profile } from '../../src/connection/profile';
import type { ExtensionTestApi } from '../../src/extensionTestApi';

/** The extension under test, as package.json names it. */
export const EXTENSION_ID = 'scp-tools.scp-cloud-ml';

/** The extension under test; fails the suite when this VS Code did not load it. */
export function extensionUnderTest(): vscode.Extension<ExtensionTestApi | undefined> {
  const extension = vscode.extensions.getExtension<ExtensionTestApi | undefined>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded in this VS Code`);
  return extension;
}

/** Activates the extension and returns the API it gives in ExtensionMode.Test (and only there). */
export async function activateTestApi(): Promise<ExtensionTestApi> {
  const api = await extensionUnderTest().activate();
  assert.ok(api, 'activate() returned no test API: the extension is not running in ExtensionMode.Test');
  return api;
}

/** What a manual profile on a test emulator needs: where to send requests and the emulator's keys. */
interface EmulatorKeys {
  url: string;
  accessKey: string;
  secretKey: string;
}

export interface EmulatorProfileOptions {
  id: string;
  /** Shown in the switcher and the status bar; the id when left out. */
  name?: string;
  /** Where requests go when not the emulator itself (a recording proxy in front of it). */
  endpoint?: string;
  /** Another secret than the emulator's (a wrong key). */
  secretKey?: string;
  /** Make it the active profile (the default). */
  activate?: boolean;
}

/** Saves a manual profile in environment e, region kr-west1, behind an endpoint override to a test emulator. */
export async function saveEmulatorProfile(api: ExtensionTestApi, emu: EmulatorKeys, options: EmulatorProfileOptions): Promise<Profile> {
  const profile: Profile = {
    id: options.id,
    name: options.name ?? options.id,
    environment: 'e',
    region: 'kr-west1',
    endpointOverride: options.endpoint ?? emu.url,
    source: 'manual',
  };
  await api.connection.saveProfile(profile, { accessKey: emu.accessKey, secretKey: options.secretKey ?? emu.secretKey }, options.activate ?? true);
  return profile;
}
