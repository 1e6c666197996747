import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CommandTarget } from '../../src/model/commandTargets';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import { redactObject } from '../../src/scp/redact';
import type { PickItem } from '../../src/ui/userInput';
import { clusterTarget, instanceTarget } from '../support/emulatorTargets';
import { plainSentenceProblem } from '../support/plainSentence';
import { startRecordingProxy, type RecordingProxy } from '../support/recordingProxy';
import { ScriptedUserInput } from '../support/scriptedUserInput';
import { signedRequest } from '../support/signedRequest';
import { until } from '../support/until';

const PROFILE_ID = 'test-open-as-json';
const REGISTRY_SECRET = 'registry-secret-J50n-never-in-a-document';

describe('open as json', function () {
  this.timeout(120_000);

  let api: ExtensionTestApi;
  let emu: RunningEmulator;
  let proxy: RecordingProxy;
  const at = (): { emu: RunningEmulator; profileId: string } => ({ emu, profileId: PROFILE_ID });

  /** What SCP (the emulator) answers on a show route, read on the wire, not through the extension. */
  async function answerOf(pathOnServer: string): Promise<unknown> {
    const response = await signedRequest(emu, pathOnServer);
    assert.equal(response.status, 200, response.text);
    return response.json<unknown>();
  }

  const pretty = (body: unknown): string => JSON.stringify(redactObject(body), null, 2);
  const open = (arg?: unknown): Thenable<vscode.TextDocument | undefined> => vscode.commands.executeCommand<vscode.TextDocument | undefined>('scpCloudMl.openAsJson', arg);
  const ourDocuments = (): vscode.TextDocument[] => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'scp-cloud-ml');

  before(async () => {
    const extension = vscode.extensions.getExtension<ExtensionTestApi | undefined>('scp-tools.scp-cloud-ml');
    const activated = await extension?.activate();
    assert.ok(activated, 'no test API');
    api = activated;
    emu = await startEmulator({ port: 0, deploySeconds: 600 });
    proxy = await startRecordingProxy(emu);
    await api.services.connection.saveProfile(
      { id: PROFILE_ID, name: 'open-as-json', environment: 'e', region: 'kr-west1', endpointOverride: proxy.url, source: 'manual' },
      { accessKey: emu.accessKey, secretKey: emu.secretKey },
      true,
    );
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    api.setUserInput(undefined);
    emu.admin.clearFaults();
    emu.admin.reset();
    api.services.catalog.invalidate();
  });

  after(async () => {
    await api.services.connection.remove(PROFILE_ID, true);
    await proxy.close();
    await emu.close();
  });

  it("opens an instance as a read-only JSON document: SCP's answer pretty-printed, titled by name, ids only in the URI", async () => {
    const target = instanceTarget(at(), 'ml-prod');
    const document = await open(target);
    assert.ok(document, 'no document opened');
    assert.equal(document.getText(), pretty(await answerOf(`/v1/cloud-ml/${target.cloudMlId}`)));
    assert.equal(document.uri.scheme, 'scp-cloud-ml');
    assert.equal(document.languageId, 'json');
    assert.equal(document.isUntitled, false);
    assert.equal(path.posix.basename(document.uri.path), 'ml-prod.json');
    assert.deepEqual([...new URLSearchParams(document.uri.query).keys()].sort(), ['id', 'profile']);
    assert.ok(!document.uri.toString().includes(emu.secretKey) && !document.uri.toString().includes(emu.accessKey), 'a key reached the URI');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString(), 'the document is not shown');

    // Read-only: typing in its editor changes nothing, while the same typing does change a writable document (the control).
    const control = await vscode.workspace.openTextDocument({ language: 'json', content: '' });
    await vscode.window.showTextDocument(control);
    await vscode.commands.executeCommand('type', { text: 'typed' });
    assert.equal(control.getText(), 'typed', 'typing did not reach the active editor: the check below would prove nothing');
    await vscode.window.showTextDocument(document);
    const before = document.getText();
    await vscode.commands.executeCommand('type', { text: 'typed' });
    assert.equal(document.getText(), before, 'typing changed the document');
    assert.equal(document.isDirty, false);
    await vscode.window.showTextDocument(control);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('masks secret-named fields with the shared redaction and keeps every other field as it came, unknown ones too', async () => {
    const target = instanceTarget(at(), 'ml-prod');
    const real = (await answerOf(`/v1/cloud-ml/${target.cloudMlId}`)) as Record<string, unknown>;
    const answered = { ...real, custom_registry_access_secret_key: REGISTRY_SECRET, gpu_driver: '535.1', nested: { password: 'pw-value', keep: [1, 2] }, big: 12.5 };
    proxy.answerNext('GET', `/v1/cloud-ml/${target.cloudMlId}`, () => ({ status: 200, body: answered }));
    const document = await open(target);
    assert.ok(document);
    const text = document.getText();
    assert.equal(text, pretty(answered));
    assert.ok(!text.includes(REGISTRY_SECRET) && !text.includes('pw-value'), 'a secret value reached the document');
    const shown = JSON.parse(text) as Record<string, unknown>;
    assert.equal(shown.custom_registry_access_secret_key, '***');
    assert.deepEqual(shown.nested, { password: '***', keep: [1, 2] });
    assert.deepEqual(Object.keys(shown), Object.keys(answered), 'fields in the order SCP sent them');
  });

  it('refreshes: Refresh in the editor title and running the command again show a fresh answer in the same document', async () => {
    const target = instanceTarget(at(), 'ml-prod');
    const first = await open(target);
    assert.ok(first);
    const real = (await answerOf(`/v1/cloud-ml/${target.cloudMlId}`)) as Record<string, unknown>;

    proxy.answerNext('GET', `/v1/cloud-ml/${target.cloudMlId}`, () => ({ status: 200, body: { ...real, description: 'changed on SCP' } }));
    await vscode.commands.executeCommand('scpCloudMl.refresh', first.uri);
    await until('the document shows the refreshed answer', () => first.getText().includes('changed on SCP'), 10_000);

    const again = await open(target);
    assert.equal(again?.uri.toString(), first.uri.toString(), 'opening again made a second document');
    assert.equal(first.getText(), pretty(real), 'running the command again resolved before the document showed the current answer');
    assert.equal(ourDocuments().length, 1);
  });

  it("opens a cluster as SKE's whole show answer", async () => {
    const target = clusterTarget(at(), 'ml-prod-cluster');
    const document = await open(target);
    assert.ok(document);
    assert.equal(document.getText(), pretty(await answerOf(`/v1/clusters/${target.clusterId}`)));
    assert.equal(path.posix.basename(document.uri.path), 'ml-prod-cluster.json');
    assert.match(document.uri.path, /^\/cluster\//);
  });

  it('from the palette, asks which cluster or instance with the progressive pick, clusters and instances alike', async () => {
    const cluster = clusterTarget(at(), 'ds-sandbox');
    // Chooses the cluster once an instance has arrived too: both kinds are offered, filled as SCP answers.
    const ui = new ScriptedUserInput([
      (prompt) => {
        const items = prompt.items as PickItem<CommandTarget>[];
        const item = items.find((i) => i.value.kind === 'cluster' && i.value.clusterId === cluster.clusterId);
        return item && items.some((i) => i.value.kind === 'instance') ? { value: item.value } : { value: 'not offered yet' };
      },
    ]);
    api.setUserInput(ui);
    const document = await open();
    ui.assertFinished();
    assert.ok(document);
    assert.equal(path.posix.basename(document.uri.path), 'ds-sandbox.json');
    assert.equal(document.getText(), pretty(await answerOf(`/v1/clusters/${cluster.clusterId}`)));
    const prompt = ui.prompts[0];
    assert.equal(prompt?.title, 'Open as JSON');
    assert.ok((prompt?.updates ?? 0) >= 2, 'the pick was not filled progressively');
    assert.equal(prompt?.outcome, 'picked');
  });

  it('a failed read is one sentence through the error presenter, and no document opens', async () => {
    const target = { ...instanceTarget(at(), 'ml-prod'), cloudMlId: 'ml-does-not-exist', name: 'ghost' };
    const ui = new ScriptedUserInput();
    api.setUserInput(ui);
    const document = await open(target);
    assert.equal(document, undefined);
    const shown = ui.messages.find((m) => m.severity === 'error');
    assert.ok(shown, 'no error was shown');
    assert.equal(plainSentenceProblem(shown.message), undefined, shown.message);
    assert.ok(shown.actions.includes('Show log'));
    assert.deepEqual(ourDocuments().filter((d) => d.uri.path.includes('ghost')), []);
  });
});
