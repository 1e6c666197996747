import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import { activateTestApi, saveEmulatorProfile } from './extensionFixture';

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
    const api = await activateTestApi();
    // These suites count requests: a visible tree would load every expanded cluster on its own (and keep a
    // cancelled lookup alive as its waiter), whatever an earlier suite of the window left open.
    await vscode.commands.executeCommand('workbench.view.explorer');
    const emu = await startEmulator({ port: 0, deploySeconds: 600 });
    await saveEmulatorProfile(api, emu, { id: profileId });
    fixture = { api, emu, profileId };
  });

  afterEach(() => {
    if (!fixture) return;
    const { api, emu } = fixture;
    api.setUserInput(undefined);
    for (const operation of api.tracker.inFlight()) {
      if (operation.profileId === profileId) api.tracker.stopTracking(profileId, operation.cloudMlId);
    }
    emu.admin.clearFaults();
    emu.admin.reset();
    emu.admin.resetCounters();
    api.catalog.invalidate();
  });

  after(async () => {
    if (!fixture) return;
    await fixture.api.connection.remove(profileId, true);
    await fixture.emu.close();
    fixture = undefined;
  });

  return () => {
    assert.ok(fixture, 'the actions fixture is not set up');
    return fixture;
  };
}
