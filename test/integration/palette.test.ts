import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import { ScriptedUserInput } from '../support/scriptedUserInput';
import { until } from '../support/until';
import { contextKeysOf, evaluateWhen } from '../support/whenClause';
import { activateTestApi, extensionUnderTest, saveEmulatorProfile } from './extensionFixture';

const PROFILE_ID = 'test-palette';
const HAS_PROFILE = 'scpCloudMl.hasProfile';
const FILTER_ACTIVE = 'scpCloudMl.filterActive';

/** The rule, per command: when it may show in the palette. A command missing here fails the suite. */
const NEEDS_PROFILE = [
  'scpCloudMl.signOut',
  'scpCloudMl.refresh',
  'scpCloudMl.filter',
  'scpCloudMl.create',
  'scpCloudMl.update',
  'scpCloudMl.delete',
  'scpCloudMl.showDetails',
  'scpCloudMl.showEstimate',
  'scpCloudMl.checkReleasable',
  'scpCloudMl.copyId',
  'scpCloudMl.copyEndpoint',
  'scpCloudMl.findInstance',
  'scpCloudMl.openAsJson',
  'scpCloudMl.clearActivity',
  'scpCloudMl.createFitting',
  'scpCloudMl.createLikeThis',
];
/** Commands on an Activity row (they need the row): never in the palette. */
const ROW_ONLY = ['scpCloudMl.copyRequestId', 'scpCloudMl.stopTracking'];
const ALWAYS = ['scpCloudMl.signIn', 'scpCloudMl.switchProfile', 'scpCloudMl.importProfiles', 'scpCloudMl.useEmulator', 'scpCloudMl.showDeployments', 'scpCloudMl.showLog'];
const WHILE_FILTERED = ['scpCloudMl.clearFilter'];

interface Manifest {
  contributes: {
    commands: { command: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    keybindings?: { command: string; key: string; mac?: string; when?: string }[];
    configuration: { properties: Record<string, { description?: string; markdownDescription?: string; order?: number; type?: string }> };
  };
}

/** `ctrl+alt+shift+m` and `shift+ctrl+alt+m` are the same chord. */
function normalizedKey(key: string): string {
  return key
    .toLowerCase()
    .split(' ')
    .map((chord) => {
      const parts = chord.split('+');
      const last = parts.pop() ?? '';
      return [...parts.sort(), last].join('+');
    })
    .join(' ');
}

describe('palette', function () {
  this.timeout(60_000);

  let api: ExtensionTestApi;
  let emu: RunningEmulator;
  let manifest: Manifest;
  let extensionPath: string;
  const paletteWhen = (command: string): string | undefined => manifest.contributes.menus.commandPalette?.find((e) => e.command === command)?.when;
  /** The clause's value with the context keys as the extension has set them right now. */
  const visibleNow = (command: string): boolean =>
    evaluateWhen(paletteWhen(command), { [HAS_PROFILE]: api.contextKey(HAS_PROFILE), [FILTER_ACTIVE]: api.contextKey(FILTER_ACTIVE) });

  before(async () => {
    api = await activateTestApi();
    extensionPath = extensionUnderTest().extensionPath;
    manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as Manifest;
    emu = await startEmulator({ port: 0, deploySeconds: 600 });
  });

  afterEach(() => api.setUserInput(undefined));

  after(async () => {
    if (api.connection.profiles().some((p) => p.id === PROFILE_ID)) await api.connection.remove(PROFILE_ID, true);
    await emu.close();
  });

  it('gives every contributed command one explicit palette entry, decided by the rule above', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, [...NEEDS_PROFILE, ...ALWAYS, ...WHILE_FILTERED, ...ROW_ONLY].sort(), 'a command without a palette rule here');
    const entries = manifest.contributes.menus.commandPalette ?? [];
    assert.deepEqual(entries.map((e) => e.command).sort(), contributed, 'every command has exactly one commandPalette entry');
  });

  it('hides what needs a profile without one, Clear Filter without a filter, and shows the rest', () => {
    const states = [
      { [HAS_PROFILE]: false, [FILTER_ACTIVE]: false },
      { [HAS_PROFILE]: true, [FILTER_ACTIVE]: false },
      { [HAS_PROFILE]: true, [FILTER_ACTIVE]: true },
    ];
    for (const state of states) {
      const label = JSON.stringify(state);
      for (const command of NEEDS_PROFILE) assert.equal(evaluateWhen(paletteWhen(command), state), state[HAS_PROFILE], `${command} in ${label}`);
      for (const command of ALWAYS) assert.equal(evaluateWhen(paletteWhen(command), state), true, `${command} in ${label}`);
      for (const command of WHILE_FILTERED) assert.equal(evaluateWhen(paletteWhen(command), state), state[FILTER_ACTIVE], `${command} in ${label}`);
      for (const command of ROW_ONLY) assert.equal(evaluateWhen(paletteWhen(command), state), false, `${command} in ${label}`);
    }
  });

  it('its clauses read only context keys the extension sets, and it sets them as profile and filter change', async () => {
    const read = new Set((manifest.contributes.menus.commandPalette ?? []).flatMap((e) => (e.when ? contextKeysOf(e.when) : [])));
    assert.deepEqual([...read].sort(), [FILTER_ACTIVE, HAS_PROFILE]);

    await saveEmulatorProfile(api, emu, { id: PROFILE_ID, name: 'palette' });
    await until('the active profile sets scpCloudMl.hasProfile', () => api.contextKey(HAS_PROFILE) === true);
    assert.equal(visibleNow('scpCloudMl.create'), true);
    assert.equal(visibleNow('scpCloudMl.clearFilter'), false);

    api.explorer.setFilter({ text: 'ml' });
    assert.equal(api.contextKey(FILTER_ACTIVE), true);
    assert.equal(visibleNow('scpCloudMl.clearFilter'), true);
    await vscode.commands.executeCommand('scpCloudMl.clearFilter');
    assert.equal(api.contextKey(FILTER_ACTIVE), false);
    assert.equal(visibleNow('scpCloudMl.clearFilter'), false);

    const ui = new ScriptedUserInput([], { messageAnswers: ['Sign Out and Forget Profile', undefined] });
    api.setUserInput(ui);
    await vscode.commands.executeCommand('scpCloudMl.signOut');
    assert.equal(api.connection.activeProfile(), undefined);
    await until('sign-out clears scpCloudMl.hasProfile', () => api.contextKey(HAS_PROFILE) === false);
    for (const command of NEEDS_PROFILE) assert.equal(visibleNow(command), false, `${command} still shows after sign-out`);
    assert.equal(visibleNow('scpCloudMl.signIn'), true);
  });

  it('binds a key to focus the view, one that VS Code itself does not use', async () => {
    const binding = manifest.contributes.keybindings?.find((k) => k.command === 'scpCloudMl.explorer.focus');
    assert.ok(binding, 'no keybinding focuses scpCloudMl.explorer');
    assert.ok((await vscode.commands.getCommands(true)).includes(binding.command));
    await vscode.commands.executeCommand(binding.command);
    // VS Code's own default keybindings for this platform, as its "Open Default Keyboard Shortcuts (JSON)" shows them.
    const defaults = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'));
    // That list includes the keybindings extensions contribute, ours too: only the others count.
    const entries = [...defaults.getText().matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/g)];
    const taken = new Set(entries.filter((m) => !(m[2] ?? '').startsWith('scpCloudMl.')).map((m) => normalizedKey(m[1] ?? '')));
    assert.ok(entries.some((m) => m[2] === binding.command), 'our keybinding is not in the list: the format was not understood');
    assert.ok(taken.size > 100, `read only ${taken.size} default keybindings`);
    const ours = normalizedKey(process.platform === 'darwin' && binding.mac ? binding.mac : binding.key);
    const free = [...'abcdefghijklmnopqrstuvwxyz'].map((c) => `alt+ctrl+shift+${c}`).filter((k) => !taken.has(k));
    assert.ok(!taken.has(ours), `${ours} is already a VS Code default (free: ${free.join(', ')})`);
  });

  it('describes every setting in markdown with an order, says the unit of each duration, and which settings are safety checks', () => {
    const nls = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const text = (value: string | undefined): string => (value ? (nls[value.replace(/^%|%$/g, '')] ?? value) : '');
    const properties = manifest.contributes.configuration.properties;
    const orders = Object.values(properties).map((p) => p.order);
    assert.ok(orders.every((o) => typeof o === 'number'), 'a setting has no order');
    assert.equal(new Set(orders).size, orders.length, 'two settings share an order');
    for (const [key, property] of Object.entries(properties)) {
      assert.equal(property.description, undefined, `${key} still uses a plain description`);
      assert.ok(text(property.markdownDescription).length > 20, `${key} has no markdownDescription`);
    }
    assert.match(text(properties['scpCloudMl.requestTimeoutSeconds']?.markdownDescription), /\bseconds\b/);
    assert.match(text(properties['scpCloudMl.pollIntervalSeconds']?.markdownDescription), /\bseconds\b/);
    assert.match(text(properties['scpCloudMl.pollTimeoutMinutes']?.markdownDescription), /\bminutes\b/);
    assert.match(text(properties['scpCloudMl.pageSize']?.markdownDescription), /clusters per page/);
    assert.match(text(properties['scpCloudMl.deleteConfirmation']?.markdownDescription), /safety check/);
    assert.match(text(properties['scpCloudMl.maxConcurrentRequests']?.markdownDescription), /safety limit/);
  });
});
