import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import { ContextKeys } from '../../src/ui/contextKeys';
import { ScriptedUserInput } from '../support/scriptedUserInput';
import { until } from '../support/until';

const EXTENSION_ID = 'scp-tools.scp-cloud-ml';
const WALKTHROUGH_ID = 'scpCloudMl.gettingStarted';

interface Media {
  image?: string | Record<string, string>;
  altText?: string;
  markdown?: string;
  svg?: string;
}
interface Step {
  id: string;
  title: string;
  description: string;
  media: Media;
  completionEvents?: string[];
}
interface Manifest {
  contributes: {
    walkthroughs?: { id: string; title: string; description: string; steps: Step[] }[];
    views: Record<string, { id: string }[]>;
    viewsWelcome: { view: string; contents: string }[];
  };
}

describe('walkthrough', function () {
  this.timeout(60_000);

  let api: ExtensionTestApi;
  let extensionPath: string;
  let manifest: Manifest;
  let nls: Record<string, Record<string, string>>;
  /** A %key% of package.json in each language the extension ships. */
  const texts = (value: string): string[] => Object.values(nls).map((strings) => strings[value.replace(/^%|%$/g, '')] ?? value);

  const walkthrough = (): NonNullable<Manifest['contributes']['walkthroughs']>[number] => {
    const found = manifest.contributes.walkthroughs?.find((w) => w.id === WALKTHROUGH_ID);
    assert.ok(found, `no walkthrough ${WALKTHROUGH_ID}`);
    return found;
  };

  before(async () => {
    const extension = vscode.extensions.getExtension<ExtensionTestApi | undefined>(EXTENSION_ID);
    assert.ok(extension);
    const activated = await extension.activate();
    assert.ok(activated, 'no test API');
    api = activated;
    extensionPath = extension.extensionPath;
    manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as Manifest;
    nls = Object.fromEntries(
      fs
        .readdirSync(extensionPath)
        .filter((name) => /^package\.nls(\.[\w-]+)?\.json$/.test(name))
        .map((name) => [name, JSON.parse(fs.readFileSync(path.join(extensionPath, name), 'utf8')) as Record<string, string>]),
    );
    assert.ok(Object.keys(nls).length >= 2, 'English and Korean strings expected');
  });

  afterEach(() => api.setUserInput(undefined));

  it('walks through connect, browse, create, follow the deployment and open the details, each step with its media on disk', () => {
    const { steps, title } = walkthrough();
    assert.deepEqual(steps.map((s) => s.id), ['connect', 'browse', 'create', 'follow', 'details']);
    assert.ok(texts(title).every((t) => t.length > 0 && !t.startsWith('%')), 'the title is not translated');
    for (const step of steps) {
      for (const key of [step.title, step.description, step.media.altText ?? '']) {
        assert.ok(texts(key).every((t) => t.length > 0 && !t.startsWith('%')), `${step.id}: ${key} has no text in every language`);
      }
      const files = [
        ...(typeof step.media.image === 'string' ? [step.media.image] : Object.values(step.media.image ?? {})),
        ...(step.media.markdown ? [step.media.markdown] : []),
        ...(step.media.svg ? [step.media.svg] : []),
      ];
      assert.ok(files.length > 0, `${step.id} has no media`);
      if (step.media.image) assert.ok(step.media.altText, `${step.id}: an image needs altText`);
      for (const file of files) assert.ok(fs.statSync(path.join(extensionPath, file)).size > 0, `${step.id}: ${file} is missing or empty`);
    }
  });

  it('every button of every step runs a registered command, in every language', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const step of walkthrough().steps) {
      for (const description of texts(step.description)) {
        const commands = [...description.matchAll(/\]\(command:([\w.-]+)/g)].map((m) => m[1] ?? '');
        assert.ok(commands.length > 0, `${step.id} has no button`);
        for (const command of commands) assert.ok(registered.has(command), `${step.id}: ${command} is not a registered command`);
      }
    }
  });

  it('completes each step on an event the extension can raise: a command it registers, a view it contributes, a context key it sets', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const views = new Set(Object.values(manifest.contributes.views).flatMap((list) => list.map((v) => v.id)));
    const keys = new Set<string>(Object.values(ContextKeys));
    for (const step of walkthrough().steps) {
      assert.ok((step.completionEvents ?? []).length > 0, `${step.id} has no completion event (it would complete on any click)`);
      for (const event of step.completionEvents ?? []) {
        const [kind, name = ''] = event.split(/:(.*)/s);
        if (kind === 'onCommand') assert.ok(registered.has(name), `${step.id}: ${name} is not registered`);
        else if (kind === 'onView') assert.ok(views.has(name), `${step.id}: no view ${name}`);
        else if (kind === 'onContext') assert.ok(keys.has(name), `${step.id}: the extension never sets ${name}`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
    }
  });

  it("fires the first step's completion: the emulator button sets scpCloudMl.hasProfile", async () => {
    const connect = walkthrough().steps[0];
    assert.deepEqual(connect?.completionEvents, [`onContext:${ContextKeys.hasProfile}`]);
    assert.ok(texts(connect.description).every((d) => d.includes('(command:scpCloudMl.useEmulator)')));
    assert.equal(api.services.connection.activeProfile(), undefined, 'a profile is already active: the step would be complete before the click');
    api.setUserInput(new ScriptedUserInput());
    try {
      await vscode.commands.executeCommand('scpCloudMl.useEmulator');
      await until('the emulator profile sets scpCloudMl.hasProfile', () => api.contextKey(ContextKeys.hasProfile) === true);
    } finally {
      const profile = api.services.connection.activeProfile();
      if (profile) await api.services.connection.remove(profile.id, true);
      await api.services.emulator.stop();
    }
    await until('removing the profile clears it again', () => api.contextKey(ContextKeys.hasProfile) === false);
  });

  it('opens from the welcome view: its link names this walkthrough', async () => {
    const welcome = manifest.contributes.viewsWelcome.find((w) => w.view === 'scpCloudMl.explorer');
    assert.ok(welcome);
    for (const contents of texts(welcome.contents)) {
      const link = /\]\(command:workbench\.action\.openWalkthrough\?([^)\s]+)\)/.exec(contents);
      assert.ok(link?.[1], 'the welcome view has no walkthrough link');
      const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
      assert.equal(args[0], `${EXTENSION_ID}#${WALKTHROUGH_ID}`);
    }
    // The command takes exactly that argument (the e2e scenario clicks the link and sees this walkthrough open).
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH_ID}`, false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
