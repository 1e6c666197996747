import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import { activateTestApi, EXTENSION_ID } from './extensionFixture';


/** docs/architecture.md "Public interface", copied here on purpose: a renamed or dropped command must fail this suite. */
const publicCommandIds = [
  'scpCloudMl.signIn',
  'scpCloudMl.signOut',
  'scpCloudMl.switchProfile',
  'scpCloudMl.importProfiles',
  'scpCloudMl.useEmulator',
  'scpCloudMl.refresh',
  'scpCloudMl.filter',
  'scpCloudMl.clearFilter',
  'scpCloudMl.create',
  'scpCloudMl.update',
  'scpCloudMl.delete',
  'scpCloudMl.showDetails',
  'scpCloudMl.showEstimate',
  'scpCloudMl.checkReleasable',
  'scpCloudMl.copyId',
  'scpCloudMl.copyEndpoint',
  'scpCloudMl.findInstance',
  'scpCloudMl.showDeployments',
  'scpCloudMl.showLog',
  'scpCloudMl.openAsJson',
  'scpCloudMl.clearActivity',
  'scpCloudMl.copyRequestId',
  'scpCloudMl.stopTracking',
  'scpCloudMl.createFitting',
  'scpCloudMl.createLikeThis',
];

interface Contributions {
  commands?: { command: string }[];
  viewsContainers?: { activitybar?: { id: string }[] };
  views?: Record<string, { id: string }[]>;
  viewsWelcome?: { view: string; when?: string }[];
}

describe('commands', () => {
  let api: ExtensionTestApi;
  let contributes: Contributions;

  before(async () => {
    api = await activateTestApi();
    contributes = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: Contributions }).contributes;
  });

  it('registers every command of the public interface', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = publicCommandIds.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `not registered: ${missing.join(', ')}`);
  });

  it('contributes exactly the public commands to the palette', () => {
    const contributed = (contributes.commands ?? []).map((c) => c.command).sort();
    assert.deepEqual(contributed, [...publicCommandIds].sort());
  });

  it('contributes the scpCloudMl view container and the scpCloudMl.explorer view', async () => {
    assert.ok(contributes.viewsContainers?.activitybar?.some((c) => c.id === 'scpCloudMl'), 'no activity-bar container scpCloudMl');
    assert.ok(contributes.views?.scpCloudMl?.some((v) => v.id === 'scpCloudMl.explorer'), 'no view scpCloudMl.explorer in scpCloudMl');
    // The workbench itself registered them: it generates these commands for each container and view.
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(registered.has('workbench.view.extension.scpCloudMl'), 'the workbench has no scpCloudMl view container');
    assert.ok(registered.has('scpCloudMl.explorer.focus'), 'the workbench has no scpCloudMl.explorer view');
    await vscode.commands.executeCommand('scpCloudMl.explorer.focus');
    // Leave no visible tree behind: a visible tree loads every expanded cluster on its own after each refresh,
    // and later suites of this window count requests (external changes: "the cluster was not looked up again").
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('sets scpCloudMl.hasProfile to false when there is no profile (the welcome view shows)', () => {
    assert.equal(api.connection.activeProfile(), undefined);
    assert.equal(api.contextKey('scpCloudMl.hasProfile'), false);
    const welcome = contributes.viewsWelcome?.find((w) => w.view === 'scpCloudMl.explorer');
    assert.equal(welcome?.when, '!scpCloudMl.hasProfile');
  });
});
