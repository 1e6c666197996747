import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import { ScriptedUserInput } from '../support/scriptedUserInput';
import { activateTestApi, saveEmulatorProfile } from './extensionFixture';

const PROFILE_ID = 'test-language';
const SIGN_IN_NAME = 'language-sign-in';
const CLUSTERS = 'GET /v1/clusters';
const IMAGES = 'GET /v1/cloud-ml/images';

type LanguageSetting = 'auto' | 'en-US' | 'ko-KR';

/** scpCloudMl.language decides the Accept-Language of every SCP call, read at each call ('auto' = VS Code's language). */
describe('language', function () {
  this.timeout(60_000);

  let api: ExtensionTestApi;
  let emu: RunningEmulator;
  let settingBefore: LanguageSetting | undefined;

  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('scpCloudMl');
  const setLanguage = (value: LanguageSetting | undefined): Thenable<void> => config().update('language', value, vscode.ConfigurationTarget.Global);
  const acceptLanguage = (route: string): string | undefined => emu.admin.lastRequestHeaders()[route]?.['accept-language'];

  /** One SKE and one Cloud ML call through the extension's own session. */
  async function callBothServices(): Promise<void> {
    const session = await api.connection.session();
    await session.ske.listClusters({ page: 0, size: 1 });
    await session.cloudMl.listImages();
  }

  before(async () => {
    api = await activateTestApi();
    settingBefore = config().inspect<LanguageSetting>('language')?.globalValue;
    emu = await startEmulator({ port: 0 });
    await saveEmulatorProfile(api, emu, { id: PROFILE_ID, name: 'language' });
  });

  beforeEach(() => {
    emu.admin.resetCounters();
  });

  afterEach(async () => {
    api.setUserInput(undefined);
    await setLanguage(settingBefore);
  });

  after(async () => {
    await setLanguage(settingBefore);
    const signedIn = api.connection.profiles().find((p) => p.name === SIGN_IN_NAME);
    if (signedIn) await api.connection.remove(signedIn.id, true);
    await api.connection.remove(PROFILE_ID, true);
    await emu?.close();
  });

  it('ko-KR: SKE and Cloud ML calls carry Accept-Language: ko-KR', async () => {
    await setLanguage('ko-KR');
    await callBothServices();
    assert.deepEqual({ ske: acceptLanguage(CLUSTERS), cloudMl: acceptLanguage(IMAGES) }, { ske: 'ko-KR', cloudMl: 'ko-KR' });
  });

  it('en-US: SKE and Cloud ML calls carry Accept-Language: en-US', async () => {
    await setLanguage('en-US');
    await callBothServices();
    assert.deepEqual({ ske: acceptLanguage(CLUSTERS), cloudMl: acceptLanguage(IMAGES) }, { ske: 'en-US', cloudMl: 'en-US' });
  });

  it("auto follows VS Code's display language (en in code-server), right after a ko-KR call on the same session", async () => {
    const session = await api.connection.session();
    await setLanguage('ko-KR');
    await session.ske.listClusters({ page: 0, size: 1 });
    assert.equal(acceptLanguage(CLUSTERS), 'ko-KR');

    await setLanguage('auto');
    await session.ske.listClusters({ page: 0, size: 1 });
    const expected = vscode.env.language.toLowerCase().startsWith('ko') ? 'ko-KR' : 'en-US';
    assert.equal(acceptLanguage(CLUSTERS), expected, `VS Code's display language is "${vscode.env.language}"`);
  });

  it('the sign-in form checks the keys in the chosen language too', async () => {
    await setLanguage('ko-KR');
    const ui = new ScriptedUserInput([SIGN_IN_NAME, 'e', 'Advanced: endpoint override…', emu.url, 'kr-west1', emu.accessKey, emu.secretKey]);
    api.setUserInput(ui);
    await vscode.commands.executeCommand('scpCloudMl.signIn');
    ui.assertFinished();
    assert.deepEqual(ui.messages.filter((m) => m.severity === 'error').map((m) => m.message), []);
    assert.ok(api.connection.profiles().some((p) => p.name === SIGN_IN_NAME), 'the sign-in did not save the profile');
    assert.equal(acceptLanguage(CLUSTERS), 'ko-KR');
    await api.connection.activate(PROFILE_ID);
  });
});
