import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import type { ExtensionTestApi } from '../../src/extensionTestApi';

/**
 * Shared set-up of the create / update / delete suites: the extension's test API, an emulator of their own
 * (deployments last 10 minutes, so nothing settles and no tracker notification lands in a scripted UI), and a
 * profile pointing at it. Every test starts from the seed: state, faults, counters, caches and tracked
 * operations are reset after each one, and the profile is removed at the end.
 */
export interface ActionsFixture {
  api: ExtensionTestApi;
  emu: RunningEmulator;
  profileId: string;
}

export function useActionsFixture(profileId: string): () => ActionsFixture {
  let fixture: ActionsFixture | undefined;

  before(async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension<ExtensionTestApi | undefined>('scp-tools.scp-cloud-ml');
    assert.ok(extension, 'the extension under test is not loaded');
    const api = await extension.activate();
    assert.ok(api, 'no test API: the extension is not running in ExtensionMode.Test');
    const emu = await startEmulator({ port: 0, deploySeconds: 600 });
    await api.services.connection.saveProfile(
      { id: profileId, name: profileId, environment: 'e', region: 'kr-west1', endpointOverride: emu.url, source: 'manual' },
      { accessKey: emu.accessKey, secretKey: emu.secretKey },
      true,
    );
    fixture = { api, emu, profileId };
  });

  afterEach(() => {
    if (!fixture) return;
    const { api, emu } = fixture;
    api.setUserInput(undefined);
    for (const operation of api.services.tracker.inFlight()) {
      if (operation.profileId === profileId) api.services.tracker.stopTracking(profileId, operation.cloudMlId);
    }
    emu.admin.clearFaults();
    emu.admin.reset();
    emu.admin.resetCounters();
    api.services.catalog.invalidate();
  });

  after(async () => {
    if (!fixture) return;
    await fixture.api.services.connection.remove(profileId, true);
    await fixture.emu.close();
    fixture = undefined;
  });

  return () => {
    assert.ok(fixture, 'the actions fixture is not set up');
    return fixture;
  };
}
