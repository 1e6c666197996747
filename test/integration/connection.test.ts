import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AccountStatusSnapshot } from '../../src/connection/accountStatusItem';
import type { Profile } from '../../src/connection/profile';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import { BACK } from '../../src/ui/userInput';
import { CANCEL, ScriptedUserInput, type MessageAnswer, type RecordedPrompt, type ScriptedAnswer } from '../support/scriptedUserInput';

const EXTENSION_ID = 'scp-tools.scp-cloud-ml';
const WRONG_SECRET = 'wrong-secret-key-Vb93kq0z-never-stored';
const UNCHECKED_ACCESS_KEY = 'UNCHECKEDACCESSKEY0042';
const OVERRIDE_ROW = 'Advanced: endpoint override…';
/** Every key of the fixture folders (test/integration/fixtures/scpconf-*). */
const FIXTURE_KEYS = [
  'ALPHAFIXTUREACCESS0001',
  'alpha-fixture-secret-Qm7c2f9a',
  'BETAFIXTUREACCESS0002',
  'beta-fixture-secret-Zr4k8p1d',
  'SINGLEFIXTUREACCESS003',
  'single-fixture-secret-Hd3n5w0e',
];
const ENV_KEYS = { access: 'ENVFIXTUREACCESSKEY0004', secret: 'env-fixture-secret-Kp2x7c4v' };
const SCP_TF_VARIABLES = ['SCP_TF_ACCESS_KEY', 'SCP_TF_SECRET_KEY', 'SCP_TF_DEFAULT_REGION', 'SCP_TF_ENDPOINT_OVERRIDE', 'SCP_TF_AUTH_URL'];

describe('connection', function () {
  this.timeout(60_000);

  let api: ExtensionTestApi;
  let emu: RunningEmulator;
  /** A second account, with other clusters, to switch to. */
  let emuB: RunningEmulator;
  let ui: ScriptedUserInput;
  const savedEnv = new Map<string, string | undefined>();

  const fixture = (name: string): string => path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test', 'integration', 'fixtures', name);
  const connection = (): ExtensionTestApi['services']['connection'] => api.services.connection;
  const status = (): AccountStatusSnapshot => api.services.accountStatus.snapshot();
  const clusterRequests = (emulator: RunningEmulator): number => emulator.admin.counters().byRoute['GET /v1/clusters'] ?? 0;
  const profileNamed = (name: string): Profile | undefined => connection().profiles().find((p) => p.name === name);

  /** Every secret this suite ever hands to the extension: none may show up in state, settings, log or messages. */
  function knownSecrets(): string[] {
    return [emu.secretKey, emu.accessKey, emuB.secretKey, emuB.accessKey, WRONG_SECRET, UNCHECKED_ACCESS_KEY, ...FIXTURE_KEYS, ENV_KEYS.access, ENV_KEYS.secret];
  }

  /** Installs a scripted UI for one command run. */
  function script(answers: ScriptedAnswer[], messageAnswers: MessageAnswer[] = []): ScriptedUserInput {
    ui = new ScriptedUserInput(answers, { messageAnswers });
    api.setUserInput(ui);
    return ui;
  }

  /** Runs a command through VS Code; the script must be used up and (unless `allowErrors`) no error shown. */
  async function run(command: string, arg?: unknown, allowErrors = false): Promise<void> {
    await vscode.commands.executeCommand(command, arg);
    ui.assertFinished();
    if (!allowErrors) assert.deepEqual(ui.messages.filter((m) => m.severity === 'error').map((m) => m.message), []);
  }

  /** The form's answers up to the keys, for a profile on the test emulator behind an endpoint override. */
  function formUpToKeys(name: string, region = 'kr-west1', emulator = emu): ScriptedAnswer[] {
    return [name, 'e', OVERRIDE_ROW, emulator.url, region];
  }

  async function activateNew(id: string, name: string, emulator: RunningEmulator, secretKey = emulator.secretKey): Promise<Profile> {
    const profile: Profile = { id, name, environment: 'e', region: 'kr-west1', endpointOverride: emulator.url, source: 'manual' };
    await connection().saveProfile(profile, { accessKey: emulator.accessKey, secretKey }, true);
    return profile;
  }

  async function clusterLabels(): Promise<string[]> {
    const roots = await api.services.explorer.provider.getChildren();
    return roots
      .map((node) => node.treeItem())
      .filter((item) => String(item.contextValue ?? '').startsWith('scpCloudMl.cluster.'))
      .map((item) => String(typeof item.label === 'object' ? item.label.label : item.label))
      .sort();
  }

  function assertNoSecretAnywhere(): void {
    const places: [string, string][] = [];
    const state = api.services.context.globalState;
    for (const key of state.keys()) places.push([`globalState ${key}`, JSON.stringify(state.get(key)) ?? '']);
    const properties = Object.keys(
      (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { configuration: { properties: Record<string, unknown> } } }).contributes.configuration
        .properties,
    );
    const configuration = vscode.workspace.getConfiguration();
    for (const property of properties) places.push([`setting ${property}`, JSON.stringify(configuration.inspect(property)) ?? '']);
    const userSettings = path.resolve(api.services.context.globalStorageUri.fsPath, '..', '..', 'settings.json');
    if (existsSync(userSettings)) places.push(['settings.json', readFileSync(userSettings, 'utf8')]);
    places.push(['log', api.logText()]);
    if (ui) places.push(['messages', JSON.stringify(ui.messages)]);
    // The failure names the secret by its place in knownSecrets(), so that not even a part of it is printed.
    knownSecrets().forEach((secret, index) => {
      for (const [where, text] of places) assert.ok(!text.includes(secret), `secret #${index} of knownSecrets() appears in ${where}`);
    });
  }

  before(async () => {
    api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as ExtensionTestApi;
    // Start from no profile, whatever ran before in this extension host.
    for (const profile of api.services.connection.profiles()) await api.services.connection.remove(profile.id, true);
    emu = await startEmulator({ port: 0, deploySeconds: 1 });
    emuB = await startEmulator({ port: 0, deploySeconds: 1, clusters: 3, seed: 7 });
    // The host machine's own SCP_TF_* variables must not leak into the import tests.
    for (const name of SCP_TF_VARIABLES) {
      savedEnv.set(name, process.env[name]);
      delete process.env[name];
    }
  });

  beforeEach(() => {
    emu.admin.resetCounters();
    emuB.admin.resetCounters();
  });

  afterEach(async () => {
    assertNoSecretAnywhere();
    api.setUserInput(undefined);
    for (const name of SCP_TF_VARIABLES) delete process.env[name];
    emu.admin.clearFaults();
    for (const profile of connection().profiles()) await connection().remove(profile.id, true);
  });

  after(async () => {
    for (const [name, value] of savedEnv) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await emu?.close();
    await emuB?.close();
  });

  describe('sign in', () => {
    it('says "not connected" in the status bar while no profile exists, and signs in on click', () => {
      assert.equal(connection().activeProfile(), undefined);
      assert.equal(status().text, '$(cloud) SCP: not connected');
      assert.equal(status().command, 'scpCloudMl.signIn');
      assert.equal(api.contextKey('scpCloudMl.hasProfile'), false);
    });

    it('signs in through the form, proving the keys with one signed call before saving', async () => {
      script([...formUpToKeys('dev'), emu.accessKey, emu.secretKey]);
      await run('scpCloudMl.signIn');

      const profile = profileNamed('dev');
      assert.ok(profile, 'the profile was not saved');
      assert.deepEqual({ ...profile, id: undefined }, { id: undefined, name: 'dev', environment: 'e', region: 'kr-west1', endpointOverride: emu.url, source: 'manual' });
      assert.match(profile.id, /^[0-9a-f-]{36}$/, 'the id is a random UUID');
      assert.equal(connection().activeProfile()?.id, profile.id);
      assert.deepEqual(await connection().credentials(profile.id), { accessKey: emu.accessKey, secretKey: emu.secretKey });
      assert.equal(clusterRequests(emu), 1, 'exactly one cheap signed call checks the keys');
      assert.deepEqual(ui.progress.map((p) => [p.title, p.cancellable, p.finished]), [['Checking the keys with SCP…', true, true]]);

      // The form as VS Code showed it: numbered steps, the override only after asking for it, a password box.
      assert.deepEqual(ui.promptTitles(), [
        'Sign in to SCP (1/5)',
        'Sign in to SCP (2/5)',
        'Sign in to SCP (3/5)',
        'Sign in to SCP (3/5)',
        'Sign in to SCP (3/5)',
        'Sign in to SCP (4/5)',
        'Sign in to SCP (5/5)',
      ]);
      const regionRows = ui.prompts[2].items.filter((item) => !item.separator).map((item) => item.label);
      assert.deepEqual(regionRows, ['kr-west1', 'kr-east1', OVERRIDE_ROW], 'only the regions of environment e, then the override on request');
      assert.deepEqual(
        ui.prompts[1].items.map((item) => item.description),
        ['s', 'g', 'e'],
      );
      assert.equal(ui.prompts[5].password, false);
      assert.equal(ui.prompts[6].password, true);

      assert.equal(status().text, '$(cloud) SCP: dev · kr-west1');
      assert.equal(status().command, 'scpCloudMl.switchProfile');
      assert.equal(status().backgroundColor, undefined);
      assert.ok(status().tooltip.includes('Environment: e'), status().tooltip);
      assert.ok(status().tooltip.includes(`Endpoint override: ${emu.url}`), status().tooltip);
      assert.equal(api.contextKey('scpCloudMl.hasProfile'), true);
    });

    it('refuses a wrong secret and returns to the key steps with every other answer kept', async () => {
      let savedBeforeRetry: Profile | undefined | 'not asked' = 'not asked';
      script([
        ...formUpToKeys('staging', 'kr-east1'),
        emu.accessKey,
        WRONG_SECRET,
        (prompt) => {
          savedBeforeRetry = profileNamed('staging');
          return prompt.value ?? '';
        },
        emu.secretKey,
      ]);
      await run('scpCloudMl.signIn');

      assert.equal(savedBeforeRetry, undefined, 'nothing was saved after the refusal');
      const [, , , , , , , accessAgain, secretAgain] = ui.prompts as (RecordedPrompt | undefined)[];
      assert.equal(accessAgain?.fullTitle, 'Sign in to SCP (4/5)', 'the form came back at the access key');
      assert.equal(accessAgain?.value, emu.accessKey, 'the typed access key is kept');
      assert.match(accessAgain?.prompt ?? '', /SCP refused these keys/);
      assert.equal(accessAgain?.canGoBack, true);
      assert.equal(secretAgain?.password, true);
      assert.equal(ui.prompts.length, 9, 'name, environment and region were not asked again');

      const profile = profileNamed('staging');
      assert.ok(profile);
      assert.equal(profile.region, 'kr-east1');
      assert.equal(profile.endpointOverride, emu.url);
      assert.deepEqual(await connection().credentials(profile.id), { accessKey: emu.accessKey, secretKey: emu.secretKey });
      assert.equal(clusterRequests(emu), 2, 'one refused check, one accepted');
    });

    it('keeps every answer when going Back through the steps', async () => {
      script([
        'n1',
        'e',
        OVERRIDE_ROW,
        emu.url,
        'kr-west1',
        BACK, // access key -> region
        BACK, // region -> environment
        BACK, // environment -> name
        'n2',
        'e',
        'kr-west1',
        emu.accessKey,
        BACK, // secret key -> access key
        emu.accessKey,
        CANCEL,
      ]);
      await run('scpCloudMl.signIn');

      const [name, environment, region, , , access, regionAgain, environmentAgain, nameAgain, , regionThird, , , accessAgain] = ui.prompts;
      assert.equal(access?.fullTitle, 'Sign in to SCP (4/5)');
      assert.equal(regionAgain?.activeValue, 'kr-west1');
      assert.ok(
        regionAgain?.items.some((item) => item.description === emu.url),
        'the endpoint override is still there when coming back to the region',
      );
      assert.equal(environmentAgain?.activeValue, 'e');
      assert.equal(nameAgain?.value, 'n1');
      assert.equal(regionThird?.activeValue, 'kr-west1');
      assert.equal(accessAgain?.value, emu.accessKey);
      assert.equal(name?.canGoBack, false);
      assert.equal(environment?.canGoBack, true);
      assert.equal(region?.canGoBack, true);

      assert.deepEqual(connection().profiles(), [], 'cancel saves nothing');
      assert.equal(clusterRequests(emu), 0, 'cancel sends nothing');
    });

    const cancelPoints: [string, ScriptedAnswer[]][] = [
      ['name', []],
      ['environment', ['c1']],
      ['region', ['c1', 'e']],
      ['endpoint override', ['c1', 'e', OVERRIDE_ROW]],
      ['access key', ['c1', 'e', 'kr-west1']],
      ['secret key', ['c1', 'e', 'kr-west1', 'SOMEACCESSKEY']],
    ];
    for (const [step, before] of cancelPoints) {
      it(`saves nothing and sends nothing when cancelled at the ${step}`, async () => {
        script([...before, CANCEL]);
        await run('scpCloudMl.signIn');
        assert.deepEqual(connection().profiles(), []);
        assert.equal(clusterRequests(emu), 0);
        assert.deepEqual(ui.messages, []);
        assert.equal(status().text, '$(cloud) SCP: not connected');
      });
    }

    it('refuses an endpoint override that would send the signature in clear text', async () => {
      script(['c1', 'e', OVERRIDE_ROW, 'http://scp.example.com', 'https://scp-gateway.example.com', BACK, CANCEL]);
      await run('scpCloudMl.signIn');
      const box = ui.prompts[3];
      assert.equal(box?.rejected.length, 1);
      assert.match(box?.rejected[0]?.message ?? '', /only for a loopback host/);
      assert.deepEqual(connection().profiles(), []);
    });

    describe('when SCP cannot be reached', () => {
      beforeEach(() => emu.admin.injectFault({ kind: 'connectionReset', path: '/v1/clusters', count: -1 }));

      it('offers Save anyway / Edit / Cancel, and Cancel saves nothing', async () => {
        script([...formUpToKeys('offline'), emu.accessKey, emu.secretKey], [undefined]);
        await run('scpCloudMl.signIn');
        const warning = ui.messages.find((m) => m.severity === 'warn');
        assert.ok(warning, 'no warning was shown');
        assert.equal(warning.modal, true, 'a modal, so VS Code adds its Cancel button');
        assert.deepEqual(warning.actions, ['Save Anyway', 'Edit']);
        assert.match(warning.message, /Could not check the keys with SCP\. Could not reach SCP/);
        assert.deepEqual(connection().profiles(), []);
      });

      it('Save anyway saves the profile without its keys being checked', async () => {
        script([...formUpToKeys('offline'), UNCHECKED_ACCESS_KEY, emu.secretKey], ['Save Anyway']);
        await run('scpCloudMl.signIn');
        const profile = profileNamed('offline');
        assert.ok(profile);
        assert.equal(connection().activeProfile()?.id, profile.id);
        assert.deepEqual(await connection().credentials(profile.id), { accessKey: UNCHECKED_ACCESS_KEY, secretKey: emu.secretKey });
      });

      it('Edit reopens the form on a summary with everything kept, and checks again', async () => {
        script(
          [
            ...formUpToKeys('offline'),
            emu.accessKey,
            emu.secretKey,
            (prompt) => {
              assert.equal(prompt.fullTitle, 'Sign in to SCP');
              emu.admin.clearFaults();
              return 'Sign in';
            },
          ],
          ['Edit'],
        );
        await run('scpCloudMl.signIn');
        const summary = ui.prompts[7];
        assert.deepEqual(
          summary?.items.map((item) => [item.label, item.description]),
          [
            ['Sign in', undefined],
            ['Edit Profile name…', 'offline'],
            ['Edit Environment…', 'Samsung Cloud Platform Enterprise'],
            ['Edit Region…', `kr-west1 via ${emu.url}`],
            ['Edit Access key…', '••••'],
            ['Edit Secret key…', '••••••••'],
            ['Cancel', undefined],
          ],
        );
        const profile = profileNamed('offline');
        assert.ok(profile, 'saved after the second check');
        assert.deepEqual(await connection().credentials(profile.id), { accessKey: emu.accessKey, secretKey: emu.secretKey });
      });
    });

    it('offers to replace a profile of the same name, or to choose another name', async () => {
      const first = await activateNew('first-id', 'dev', emu);
      script([...formUpToKeys('dev'), emu.accessKey, emu.secretKey, (prompt) => (prompt.value === 'dev' ? 'dev2' : 'unexpected')], ['Choose Another Name']);
      await run('scpCloudMl.signIn');
      assert.deepEqual(connection().profiles().map((p) => p.name).sort(), ['dev', 'dev2']);
      assert.equal(ui.messages[0]?.message, 'A profile named "dev" already exists.');

      script([...formUpToKeys('dev', 'kr-east1'), emu.accessKey, emu.secretKey], ['Replace']);
      await run('scpCloudMl.signIn');
      const replaced = connection().profiles().filter((p) => p.name === 'dev');
      assert.equal(replaced.length, 1);
      assert.equal(replaced[0]?.id, first.id, 'the replaced profile keeps its id');
      assert.equal(replaced[0]?.region, 'kr-east1');
    });

    it('turns the account item red after SCP refuses the keys, and "Sign in again" renews them', async () => {
      const profile = await activateNew('renew-id', 'renew', emu, WRONG_SECRET);
      const session = await connection().session();
      await session.ske.listClusters({ page: 0, size: 1 }).catch(() => undefined);
      assert.equal(connection().authFailed, true);
      assert.equal(status().backgroundColor, 'statusBarItem.errorBackground');
      assert.match(status().tooltip, /Last error: SCP refused the keys/);

      // Started with no argument while the active profile's keys are refused: that profile, at its keys.
      script([emu.accessKey, emu.secretKey]);
      await run('scpCloudMl.signIn');
      assert.deepEqual(
        ui.prompts.map((p) => [p.fullTitle, p.value]),
        [
          ['Sign in to SCP (4/5)', emu.accessKey],
          ['Sign in to SCP (5/5)', undefined],
        ],
      );
      assert.deepEqual(connection().profiles().map((p) => p.id), [profile.id]);
      assert.deepEqual(await connection().credentials(profile.id), { accessKey: emu.accessKey, secretKey: emu.secretKey });
      assert.equal(status().backgroundColor, undefined);
      await (await connection().session()).ske.listClusters({ page: 0, size: 1 });
      assert.equal(connection().authFailed, false);
    });
  });

  describe('account status item', () => {
    it('keeps the last failure in the tooltip, with its time, without the error background', async () => {
      await activateNew('tooltip-id', 'tooltip', emu);
      assert.doesNotMatch(status().tooltip, /Last error/);
      emu.admin.injectFault({ kind: 'gateway404', path: '/v1/clusters', count: 1 });
      const session = await connection().session();
      await assert.rejects(session.ske.listClusters({ page: 0, size: 1 }));
      assert.match(status().tooltip, /Last error \(.+\): SCP could not find this resource/);
      assert.equal(status().backgroundColor, undefined, 'only refused keys turn the item red');

      await session.ske.listClusters({ page: 0, size: 1 });
      assert.match(status().tooltip, /Last error \(.+\)/, 'a later success does not erase what went wrong');
    });

    it('escapes Markdown in the tooltip, and icon syntax in the status text', async () => {
      await activateNew('markdown-id', '*bold* [link](command:x) $(zap)', emu);
      assert.equal(status().text, '$(cloud) SCP: *bold* [link](command:x) $\u200b(zap) · kr-west1');
      assert.ok(status().tooltip.startsWith('SCP profile: *bold* [link](command:x) $(zap)'), status().tooltip);
      assert.ok(
        status().tooltipMarkdown.startsWith('**SCP profile\\: \\*bold\\* \\[link\\]\\(command\\:x\\) \\$\\(zap\\)**'),
        status().tooltipMarkdown,
      );
    });
  });

  describe('import', () => {
    it('imports two profiles from a folder after showing them with masked keys', async () => {
      script(['Import all 2 profiles']);
      await run('scpCloudMl.importProfiles', fixture('scpconf-two'));

      const preview = ui.prompts[0];
      assert.deepEqual(
        preview.items.map((item) => [item.label, item.description]),
        [
          ['Import all 2 profiles', undefined],
          ['alpha', 'e · kr-west1 · via http://127.0.0.1:9 · access key ••••0001'],
          ['beta', 'g · kr-south1 · via http://127.0.0.1:9 · access key ••••0002'],
        ],
      );
      const alpha = profileNamed('alpha');
      const beta = profileNamed('beta');
      assert.ok(alpha && beta);
      assert.equal(alpha.source, 'imported');
      assert.equal(beta.environment, 'g');
      assert.deepEqual(await connection().credentials(alpha.id), { accessKey: 'ALPHAFIXTUREACCESS0001', secretKey: 'alpha-fixture-secret-Qm7c2f9a' });
      assert.deepEqual(await connection().credentials(beta.id), { accessKey: 'BETAFIXTUREACCESS0002', secretKey: 'beta-fixture-secret-Zr4k8p1d' });
      assert.equal(connection().activeProfile()?.id, alpha.id);
      assert.equal(status().text, '$(cloud) SCP: alpha · kr-west1');
    });

    it('finds one profile in the files and one in the SCP_TF_* variables, and saves only the one picked', async () => {
      process.env.SCP_TF_ACCESS_KEY = ENV_KEYS.access;
      process.env.SCP_TF_SECRET_KEY = ENV_KEYS.secret;
      process.env.SCP_TF_AUTH_URL = 'https://iam.g.samsungsdscloud.com/v1';
      process.env.SCP_TF_DEFAULT_REGION = 'kr-south2';
      script(['terraform-env']);
      await run('scpCloudMl.importProfiles', fixture('scpconf-single'));

      assert.deepEqual(
        ui.prompts[0].items.map((item) => item.label),
        ['Import all 2 profiles', 'default', 'terraform-env'],
      );
      assert.deepEqual(connection().profiles().map((p) => [p.name, p.environment, p.region, p.endpointOverride]), [
        // The variables set no override, so the files' top level supplies it, as Terraform combines them.
        ['terraform-env', 'g', 'kr-south2', 'http://127.0.0.1:9'],
      ]);
    });

    it('saves nothing when the preview is cancelled', async () => {
      script([CANCEL]);
      await run('scpCloudMl.importProfiles', fixture('scpconf-two'));
      assert.deepEqual(connection().profiles(), []);
    });

    it('names the file, line and column of malformed JSON', async () => {
      script([]);
      await run('scpCloudMl.importProfiles', fixture('scpconf-malformed'), true);
      const file = path.join(fixture('scpconf-malformed'), 'config.json');
      assert.deepEqual(
        ui.messages.map((m) => [m.severity, m.message]),
        [['error', `No profile could be imported. ${file} is not valid JSON at line 3, column 3 (unexpected "\\"").`]],
      );
      assert.deepEqual(connection().profiles(), []);
    });

    it('says which file is missing and what it should hold', async () => {
      script([]);
      await run('scpCloudMl.importProfiles', fixture('scpconf-missing-credentials'), true);
      const file = path.join(fixture('scpconf-missing-credentials'), 'credentials.json');
      assert.equal(ui.messages[0]?.message, `No profile could be imported. ${file} was not found; it should hold "access-key" and "secret-key".`);

      script([]);
      const nowhere = fixture('scpconf-does-not-exist');
      await run('scpCloudMl.importProfiles', nowhere, true);
      assert.match(ui.messages[0]?.message ?? '', /Found no config\.json or credentials\.json in .*scpconf-does-not-exist: config\.json should hold/);
      assert.deepEqual(connection().profiles(), []);
    });
  });

  describe('profiles', () => {
    it('switching profile changes the status bar and clears the tree', async () => {
      const a = await activateNew('profile-a', 'account-a', emu);
      const b = await activateNew('profile-b', 'account-b', emuB);
      await connection().activate(a.id);
      const seededA = emu.admin.snapshot().clusters.map((c) => c.name).sort();
      assert.deepEqual(await clusterLabels(), seededA);

      script([{ value: b.id }]);
      await run('scpCloudMl.switchProfile');
      const switchPick = ui.prompts[0];
      assert.equal(switchPick.activeValue, a.id, 'the active profile is highlighted');
      assert.deepEqual(
        switchPick.items.filter((item) => !item.separator).map((item) => [item.label, item.description]),
        [
          ['$(check) account-a', `e · kr-west1 · via ${emu.url} · active`],
          ['$(blank) account-b', `e · kr-west1 · via ${emuB.url}`],
          ['$(add) Add profile…', undefined],
          ['$(cloud-download) Import…', undefined],
          ['$(beaker) Try the built-in emulator', undefined],
        ],
      );
      assert.equal(connection().activeProfile()?.id, b.id);
      assert.equal(status().text, '$(cloud) SCP: account-b · kr-west1');

      const requestsToA = emu.admin.counters().total;
      const seededB = emuB.admin.snapshot().clusters.map((c) => c.name).sort();
      assert.notDeepEqual(seededB, seededA);
      assert.deepEqual(await clusterLabels(), seededB, "the tree shows B's clusters, nothing cached from A");
      assert.equal(emu.admin.counters().total, requestsToA, 'nothing more was asked of A');
    });

    it('"Add profile…" in the switcher opens the sign-in form', async () => {
      await activateNew('profile-a', 'account-a', emu);
      script(['$(add) Add profile…', CANCEL]);
      await run('scpCloudMl.switchProfile');
      assert.equal(ui.prompts[1]?.fullTitle, 'Sign in to SCP (1/5)');
      assert.deepEqual(connection().profiles().map((p) => p.name), ['account-a']);
    });

    it('signs out after a confirmation, keeping the profile to sign in again later', async () => {
      const profile = await activateNew('profile-out', 'leaving', emu);
      script([], [undefined]);
      await run('scpCloudMl.signOut');
      assert.equal(ui.messages[0]?.modal, true);
      assert.deepEqual(ui.messages[0]?.actions, ['Sign Out', 'Sign Out and Forget Profile']);
      assert.ok(await connection().credentials(profile.id), 'dismissing the confirmation keeps everything');
      assert.equal(connection().activeProfile()?.id, profile.id);

      script([], ['Sign Out']);
      await run('scpCloudMl.signOut');
      assert.equal(await connection().credentials(profile.id), undefined, 'the keys are gone');
      assert.deepEqual(connection().profiles().map((p) => p.id), [profile.id], 'the profile is kept');
      assert.equal(connection().activeProfile(), undefined);
      assert.equal(status().text, '$(cloud) SCP: not connected');
      assert.equal(api.contextKey('scpCloudMl.hasProfile'), false);

      // Picking the signed-out profile asks for its keys again, starting at the access key.
      script([{ value: profile.id }, emu.accessKey, emu.secretKey]);
      await run('scpCloudMl.switchProfile');
      assert.match(ui.prompts[0]?.items.find((item) => item.value === profile.id)?.description ?? '', /signed out/);
      assert.equal(ui.prompts[1]?.fullTitle, 'Sign in to SCP (4/5)');
      assert.equal(connection().activeProfile()?.id, profile.id);
      assert.ok(await connection().credentials(profile.id));
    });

    it('"Sign Out and Forget Profile" removes the profile too', async () => {
      const profile = await activateNew('profile-forget', 'forgotten', emu);
      script([], ['Sign Out and Forget Profile']);
      await run('scpCloudMl.signOut');
      assert.deepEqual(connection().profiles(), []);
      assert.equal(await connection().credentials(profile.id), undefined);
    });
  });

  describe('built-in emulator', () => {
    it('useEmulator gives a working profile whose tree shows the seeded clusters', async () => {
      script([]);
      await run('scpCloudMl.useEmulator');
      const profile = connection().activeProfile();
      assert.equal(profile?.source, 'emulator');
      assert.match(profile?.endpointOverride ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
      const running = await api.services.emulator.current();
      assert.ok(running, 'the built-in emulator is running');
      const seeded = running.admin.snapshot().clusters.map((c) => c.name).sort();
      assert.ok(seeded.length > 0);
      assert.deepEqual(await clusterLabels(), seeded);
      assert.equal(status().text, '$(cloud) SCP: Emulator · kr-west1');
      await api.services.emulator.stop();
    });
  });
});
