import * as assert from 'node:assert/strict';
import { BACK } from '../../../src/ui/userInput';
import { inputStep, MASKED_VALUE } from '../../../src/wizard/inputStep';
import { numberStep } from '../../../src/wizard/numberStep';
import { listStep } from '../../../src/wizard/listStep';
import { pickStep } from '../../../src/wizard/pickStep';
import { runWizard } from '../../../src/wizard/runWizard';
import type { WizardStep } from '../../../src/wizard/wizardStep';
import { CANCEL, ScriptedUserInput } from '../../support/scriptedUserInput';
import { acceptChecks, runSample, type SampleContext } from './sampleWizard';

const TO_NAME: string[] = ['cluster-one'];
const AFTER_NAME: string[] = ['Image B', 'secret', 'Done', 'Create'];

function run<C>(steps: WizardStep<C>[], context: C, ui: ScriptedUserInput): Promise<C | undefined> {
  return runWizard({ title: 'T', steps, context, ui });
}

describe('wizard steps', () => {
  beforeEach(() => {
    acceptChecks.length = 0;
  });

  describe('inputStep', () => {
    it('refuses text that fails validation while typing, then accepts a valid one', async () => {
      const ui = new ScriptedUserInput([...TO_NAME, 'Bad_Name', 'ab', 'good-name', ...AFTER_NAME]);
      const result = await runSample(ui);
      assert.equal(result?.name, 'good-name');
      assert.deepEqual(ui.prompts[1].rejected, [
        { text: 'Bad_Name', message: 'name problem: pattern', by: 'validate' },
        { text: 'ab', message: 'name problem: tooShort', by: 'validate' },
      ]);
      assert.deepEqual(acceptChecks, ['good-name'], 'the accept check runs only for text that passed validation');
      ui.assertFinished();
    });

    it('keeps the box open when the check on accept refuses (a taken name), then accepts', async () => {
      const ui = new ScriptedUserInput([...TO_NAME, 'taken-name', 'free-name', ...AFTER_NAME]);
      const result = await runSample(ui);
      assert.equal(result?.name, 'free-name');
      assert.deepEqual(ui.prompts[1].rejected, [{ text: 'taken-name', message: 'The name taken-name is already taken.', by: 'validateOnAccept' }]);
      assert.deepEqual(acceptChecks, ['taken-name', 'free-name']);
    });

    it('passes prompt, placeholder and password through, and masks a password in the summary', async () => {
      const ctx: { secret?: string } = { secret: 'old-secret' };
      const step = inputStep<typeof ctx>({
        id: 'secret',
        label: 'Secret',
        prompt: (c) => (c.secret ? 'Change the secret' : 'Enter the secret'),
        placeholder: 'secret key',
        password: true,
        get: (c) => c.secret,
        set: (c, value) => (c.secret = value),
      });
      const ui = new ScriptedUserInput(['new-secret']);
      await run([step], ctx, ui);
      const [prompt] = ui.prompts;
      assert.equal(prompt.prompt, 'Change the secret');
      assert.equal(prompt.placeholder, 'secret key');
      assert.equal(prompt.password, true);
      assert.ok(prompt.secretValue === 'old-secret', 'prefilled with the previous secret');
      assert.equal(ctx.secret, 'new-secret');
      assert.equal(step.summary?.(ctx), MASKED_VALUE);
      assert.ok(!JSON.stringify(ui.prompts).includes('secret-'), 'no secret value in the recorded prompts');
    });

    it('does not store anything when the user goes back or cancels', async () => {
      const ctx: { a?: string; b?: string } = {};
      const steps = [
        inputStep<typeof ctx>({ id: 'a', label: 'A', get: (c) => c.a, set: (c, v) => (c.a = v) }),
        inputStep<typeof ctx>({ id: 'b', label: 'B', get: (c) => c.b, set: (c, v) => (c.b = v) }),
      ];
      const ui = new ScriptedUserInput(['first', BACK, 'second', CANCEL]);
      assert.equal(await run(steps, ctx, ui), undefined);
      assert.deepEqual(ctx, { a: 'second' });
    });
  });

  describe('step summaries and prompts', () => {
    it('an input step sums up nothing for an empty or absent answer, even a password', () => {
      for (const password of [false, true]) {
        const step = inputStep<{ v?: string }>({ id: 'v', label: 'V', get: (c) => c.v, set: (c, v) => (c.v = v), password });
        assert.equal(step.summary?.({}), undefined, `password: ${password}`);
        assert.equal(step.summary?.({ v: '' }), undefined, `password: ${password}`);
        assert.equal(step.summary?.({ v: 'x' }), password ? MASKED_VALUE : 'x');
      }
    });

    it('a number step without an answer offers an empty box, with its prompt and placeholder (fixed or from the context)', async () => {
      const ctx: { n?: number; unit: string } = { unit: 'cores' };
      const step = numberStep<typeof ctx>({
        id: 'n',
        label: 'N',
        get: (c) => c.n,
        set: (c, v) => (c.n = v),
        range: { min: 1, max: 8 },
        message: (problem) => problem.kind,
        prompt: (c) => `How many ${c.unit}?`,
        placeholder: '1 to 8',
      });
      const ui = new ScriptedUserInput(['4']);
      await run([step], ctx, ui);
      assert.equal(ctx.n, 4);
      assert.equal(ui.prompts[0].value ?? '', '');
      assert.equal(ui.prompts[0].prompt, 'How many cores?');
      assert.equal(ui.prompts[0].placeholder, '1 to 8');
      assert.equal(step.summary?.(ctx), '4');
    });
  });

  describe('numberStep', () => {
    it('refuses what is not a number or outside the range, and stores the number', async () => {
      const ui = new ScriptedUserInput(['cluster-one', 'my-ml', 'Image A (copilot)', 'Yes', '0', 'x', '9', '2.5', 'secret', 'Done', 'Create']);
      const result = await runSample(ui);
      assert.equal(result?.copilotCpu, 2.5);
      assert.deepEqual(
        ui.prompts[4].rejected.map((r) => r.message),
        ['cpu problem: belowMin', 'cpu problem: notANumber', 'cpu problem: aboveMax'],
      );
    });

    it('offers the default (or previous) number prefilled', async () => {
      const context: SampleContext = { tags: [], copilotCpu: 3 };
      const ui = new ScriptedUserInput(['cluster-one', 'my-ml', 'Image A (copilot)', 'Yes', (p) => p.value ?? 'none', 'secret', 'Done', 'Create']);
      const result = await runSample(ui, context);
      assert.equal(ui.prompts[4].value, '3');
      assert.equal(result?.copilotCpu, 3);
    });
  });

  describe('pickStep', () => {
    it('shows busy-loading items, highlights the current answer and matches reloaded objects with equals', async () => {
      interface Cluster {
        id: string;
        name: string;
      }
      const ctx: { cluster?: Cluster } = { cluster: { id: 'c2', name: 'two' } };
      const step = pickStep<typeof ctx, Cluster>({
        id: 'cluster',
        label: 'Cluster',
        // Fresh objects on every load, as from the API.
        items: () =>
          Promise.resolve([
            { label: 'one', value: { id: 'c1', name: 'one' } },
            { label: 'Running', value: { id: '', name: '' }, separator: true },
            { label: 'two', value: { id: 'c2', name: 'two' } },
          ]),
        equals: (a, b) => a.id === b.id,
        get: (c) => c.cluster,
        set: (c, value) => (c.cluster = value),
        emptyMessage: 'No cluster',
      });
      const current = ctx.cluster;
      const ui = new ScriptedUserInput([
        (prompt) => {
          const highlighted = prompt.items.find((item) => item.value === prompt.activeValue);
          assert.equal(highlighted?.label, 'two', 'the item equal to the current answer carries the very value highlighted');
          return { value: { id: 'c1', name: 'one' } };
        },
      ]);
      await run([step], ctx, ui);
      assert.notEqual(ctx.cluster, current);
      assert.deepEqual(ctx.cluster, { id: 'c1', name: 'one' });
      assert.equal(step.summary?.(ctx), 'one', 'the summary shows the label of the chosen item');
      assert.equal(ui.prompts[0].emptyMessage, 'No cluster');
    });

    it('a progressive source shows the pick at once and can be answered before the source is done', async () => {
      const ctx: { cluster?: string } = { cluster: 'c2' };
      let release!: () => void;
      const rest = new Promise<void>((resolve) => (release = resolve));
      let stoppedEarly = false;
      const step = pickStep<typeof ctx, string>({
        id: 'cluster',
        label: 'Cluster',
        progressiveItems: async (_ctx, add, signal) => {
          add([{ label: 'one', value: 'c1' }]);
          add([{ label: 'two', value: 'c2' }]);
          if (!signal.aborted) await Promise.race([rest, new Promise((resolve) => signal.addEventListener('abort', resolve))]);
          stoppedEarly = signal.aborted;
          add([{ label: 'three', value: 'c3' }]);
        },
        get: (c) => c.cluster,
        set: (c, value) => (c.cluster = value),
      });
      const ui = new ScriptedUserInput(['one']);
      await run([step], ctx, ui);
      release();
      assert.equal(ctx.cluster, 'c1');
      assert.equal(ui.prompts[0].activeValue, 'c2', 'the current answer is highlighted');
      assert.equal(ui.prompts[0].sourceFinished, false, 'answered while the source was still adding');
      assert.ok(stoppedEarly, 'closing the pick aborts the source');
      assert.equal(step.summary?.(ctx), 'one', 'the summary shows the label of the chosen item');
    });

    it('never highlights a separator, even one whose placeholder value equals the answer', async () => {
      const ctx: { v?: { id: string } } = { v: { id: 'x' } };
      const step = pickStep<typeof ctx, { id: string }>({
        id: 'v',
        label: 'V',
        items: () => [
          { label: 'Group', value: { id: 'x' }, separator: true },
          { label: 'X', value: { id: 'x' } },
        ],
        equals: (a, b) => a.id === b.id,
        get: (c) => c.v,
        set: (c, v) => (c.v = v),
      });
      const ui = new ScriptedUserInput([
        (prompt) => {
          const highlighted = prompt.items.filter((item) => item.value === prompt.activeValue).map((item) => item.label);
          assert.deepEqual(highlighted, ['X']);
          return CANCEL;
        },
      ]);
      await run([step], ctx, ui);
    });

    it('before any list was shown, the summary shows a plain answer as text and nothing for an object', () => {
      const step = pickStep<{ v?: unknown }, unknown>({ id: 'v', label: 'V', items: () => [], get: (c) => c.v, set: (c, v) => (c.v = v) });
      const summaryOf = (value: unknown): string | undefined => step.summary?.({ v: value });
      assert.equal(summaryOf('img-a'), 'img-a');
      assert.equal(summaryOf(''), '');
      assert.equal(summaryOf(4), '4');
      assert.equal(summaryOf(0), '0');
      assert.equal(summaryOf(false), 'false');
      assert.equal(summaryOf(true), 'true');
      assert.equal(summaryOf({ id: 'c1' }), undefined);
      assert.equal(summaryOf(null), undefined);
      assert.equal(summaryOf(undefined), undefined);
    });

    it('an empty list cannot be answered with an item: the script fails loudly', async () => {
      const ctx: { v?: string } = {};
      const step = pickStep<typeof ctx, string>({ id: 'v', label: 'V', items: () => Promise.resolve([]), get: (c) => c.v, set: (c, v) => (c.v = v), emptyMessage: 'Nothing here' });
      await assert.rejects(run([step], ctx, new ScriptedUserInput(['anything'])), /matches no item .*empty: "Nothing here"/);
      assert.equal(await run([step], ctx, new ScriptedUserInput([CANCEL])), undefined);
    });
  });

  describe('listStep (plain entries)', () => {
    const labels = { placeholder: 'Entries', add: 'Add…', done: 'Done', remove: 'Remove', inputPrompt: 'Entry' };
    const entries = () =>
      listStep<{ list: string[] }, string>({
        id: 'list',
        label: 'List',
        get: (c) => c.list,
        set: (c, values) => (c.list = values),
        format: (value) => value,
        validate: () => undefined,
        parse: (text) => text,
        labels,
      });

    it('highlights "Add…" after an add and "Done" after a removal; Done and Add… stay visible while filtering', async () => {
      const ctx = { list: ['a', 'b'] };
      const ui = new ScriptedUserInput(['Add…', 'c', 'a', 'Done']);
      await run([entries()], ctx, ui);
      assert.deepEqual(ctx.list, ['b', 'c']);
      const picks = ui.prompts.filter((prompt) => prompt.kind === 'pick');
      assert.deepEqual(picks.map((prompt) => prompt.activeValue), ['done', 'add', 'done']);
      assert.deepEqual(picks[0].items.map((item) => [item.label, item.alwaysShow === true]), [
        ['Done', true],
        ['Add…', true],
        ['a', false],
        ['b', false],
      ]);
      ui.assertFinished();
    });

    it('sums up the entries joined by ", ", and nothing when there are none', () => {
      const step = entries();
      assert.equal(step.summary?.({ list: [] }), undefined);
      assert.equal(step.summary?.({ list: ['a'] }), 'a');
      assert.equal(step.summary?.({ list: ['a', 'b'] }), 'a, b');
    });
  });

  describe('listStep (tags)', () => {
    it('adds entries, refuses bad and duplicate ones, removes by picking, and stores the list', async () => {
      const ui = new ScriptedUserInput([
        'cluster-one', 'my-ml', 'Image B', 'secret',
        'Add tag…', 'env=prod',
        'Add tag…', 'no-equals', '=value', 'team=ml',
        'Add tag…', 'env=other', BACK,
        'env=prod',
        'Done', 'Create',
      ]);
      const result = await runSample(ui);
      assert.deepEqual(result?.tags, [{ key: 'team', value: 'ml' }]);
      const rejected = ui.prompts.flatMap((prompt) => prompt.rejected.map((r) => r.message));
      assert.deepEqual(rejected, ['tag problem: noEquals', 'tag problem: emptyKey', 'tag problem: duplicateKey']);
      const lastList = ui.prompts.filter((prompt) => prompt.placeholder === 'Tags').at(-1)!;
      assert.deepEqual(lastList.items.map((item) => item.label), ['Done', 'Add tag…', 'team=ml']);
      ui.assertFinished();
    });

    it('keeps added entries when going Back and coming again', async () => {
      const ui = new ScriptedUserInput(['cluster-one', 'my-ml', 'Image B', 'secret', 'Add tag…', 'a=1', BACK, (p) => p.secretValue ?? '', 'Done', 'Create']);
      const result = await runSample(ui);
      assert.deepEqual(result?.tags, [{ key: 'a', value: '1' }]);
    });
  });
});
