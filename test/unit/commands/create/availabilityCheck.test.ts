import * as assert from 'node:assert/strict';
import { availabilityCheck, type AvailabilityTexts } from '../../../../src/commands/create/availabilityCheck';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator/startEmulator';
import { CloudMlApi } from '../../../../src/scp/cloudMlApi';
import { inputStep } from '../../../../src/wizard/inputStep';
import { runWizard } from '../../../../src/wizard/runWizard';
import { ScriptedUserInput } from '../../../support/scriptedUserInput';
import type { ScpHttpClient } from '../../../../src/scp/scpHttpClient';
import { testClient } from '../../scp/helpers/testClient';

const TEXTS: AvailabilityTexts = {
  taken: (value, field) => `${field} ${value} taken`,
  unreadable: (value) => `${value} unreadable, Enter again to go on`,
  failed: (value) => `${value} check failed, Enter to retry`,
};

describe('commands: the name/domain availability check on Enter', () => {
  let emulator: RunningEmulator;
  let http: ScpHttpClient;
  let api: CloudMlApi;
  const warnings: string[] = [];

  before(async () => {
    emulator = await startEmulator({ port: 0, deploySeconds: 60 });
    http = testClient(emulator.url, emulator, { timeoutMs: 10_000, retryBaseDelayMs: 1, maxRetries: 0 }).client;
    api = new CloudMlApi(http);
  });

  afterEach(() => {
    emulator.admin.clearFaults();
    warnings.length = 0;
  });

  after(async () => {
    http.dispose();
    await emulator.close();
  });

  /** The name step of a form, checked against the emulator's check-duplication. */
  async function askName(answers: string[]): Promise<{ ui: ScriptedUserInput; name: string | undefined }> {
    const check = availabilityCheck((query) => api.checkDuplication(query), TEXTS, { warn: (message) => warnings.push(message) });
    const form: { name?: string } = {};
    const step = inputStep<{ name?: string }>({
      id: 'name',
      label: 'Name',
      get: (f) => f.name,
      set: (f, value) => (f.name = value),
      validateOnAccept: (value) => check({ name: value }, value),
    });
    const ui = new ScriptedUserInput(answers);
    await runWizard({ title: 'Create', steps: [step], context: form, ui });
    ui.assertFinished();
    return { ui, name: form.name };
  }

  it('an answer that cannot be read does not trap the user: the box says so once, the same Enter again goes on', async () => {
    emulator.admin.injectFault({ kind: 'malformedJson', path: '/v1/cloud-ml/check-duplication', count: -1 });
    const { ui, name } = await askName(['fresh-name', 'fresh-name']);
    assert.equal(name, 'fresh-name');
    assert.deepEqual(ui.prompts[0]?.rejected, [{ text: 'fresh-name', message: 'fresh-name unreadable, Enter again to go on', by: 'validateOnAccept' }]);
    assert.ok(warnings.some((w) => w.includes('going on with name:fresh-name unchecked')));
  });

  it('a failed check (5xx) keeps the box open and asks again on Enter; a taken name is refused', async () => {
    emulator.admin.injectFault({ kind: 'status', status: 503, path: '/v1/cloud-ml/check-duplication' });
    const { ui, name } = await askName(['fresh-name', 'ml-prod', 'fresh-name']);
    assert.equal(name, 'fresh-name');
    assert.deepEqual(
      ui.prompts[0]?.rejected.map((r) => r.message),
      ['fresh-name check failed, Enter to retry', 'name ml-prod taken'],
    );
  });

  it('logs which value and what part of the answer could not be read, for a domain as for a name', async () => {
    emulator.admin.injectFault({ kind: 'malformedJson', path: '/v1/cloud-ml/check-duplication', count: -1 });
    const check = availabilityCheck((query) => api.checkDuplication(query), TEXTS, { warn: (message) => warnings.push(message) });
    assert.equal(await check({ domainName: 'ml.example.com' }, 'ml.example.com'), 'ml.example.com unreadable, Enter again to go on');
    assert.equal(warnings.length, 1, 'one warning');
    assert.match(warnings[0] ?? '', /^check-duplication: the answer for domain:ml\.example\.com could not be read \(.+\)$/);
    assert.doesNotMatch(warnings[0] ?? '', /\(undefined\)/);
    assert.equal(await check({ domainName: 'ml.example.com' }, 'ml.example.com'), undefined);
    assert.match(warnings[1] ?? '', /going on with domain:ml\.example\.com unchecked/);
  });
});
