import * as assert from 'node:assert/strict';
import { BACK } from '../../../src/ui/userInput';
import { runWizard } from '../../../src/wizard/runWizard';
import { inputStep, MASKED_VALUE } from '../../../src/wizard/inputStep';
import type { WizardStep } from '../../../src/wizard/wizardStep';
import { CANCEL, ScriptedUserInput, type RecordedPrompt, type ScriptedAnswer } from '../../support/scriptedUserInput';
import { runSample, sampleSteps, SUMMARY, TITLE, type SampleContext } from './sampleWizard';

const SECRET = 'S3cr3t-registry-key!';

/** The answers of each step on the copilot path (the tags step takes three prompts). */
const COPILOT_PATH: ScriptedAnswer[][] = [
  ['cluster-two'],
  ['my-ml'],
  ['Image A (copilot)'],
  ['Yes'],
  ['4'],
  [SECRET],
  ['Add tag…', 'env=prod', 'Done'],
];

const COPILOT_RESULT: SampleContext = {
  cluster: 'c2',
  name: 'my-ml',
  image: 'img-a',
  useCopilot: true,
  copilotCpu: 4,
  secret: SECRET,
  tags: [{ key: 'env', value: 'prod' }],
};

const PLAIN_PATH: ScriptedAnswer[][] = [['cluster-one'], ['my-ml'], ['Image B'], [SECRET], ['Done']];

/** Re-accepts whatever the prompt shows prefilled; fails the script when nothing is prefilled. */
function keepPrefilled(prompt: RecordedPrompt): ScriptedAnswer {
  if (prompt.kind === 'pick') {
    assert.notEqual(prompt.activeValue, undefined, `${prompt.fullTitle} should highlight the previous answer`);
    return { value: prompt.activeValue };
  }
  const prefilled = prompt.password ? prompt.secretValue : prompt.value;
  assert.ok(prefilled !== undefined && prefilled !== '', `${prompt.fullTitle} should be prefilled`);
  return prefilled;
}

function summaryPrompts(ui: ScriptedUserInput): RecordedPrompt[] {
  return ui.prompts.filter((prompt) => prompt.placeholder === SUMMARY.placeholder);
}

describe('wizard engine (runWizard)', () => {
  it('given steps are not asked on the way through, but are in the summary (with their detail) and can be edited there', async () => {
    const ui = new ScriptedUserInput(['my-ml', 'Image A (copilot)', '4', SECRET, 'Done', 'Edit Cluster…', 'cluster-one', 'Create']);
    const result = await runWizard({
      title: TITLE,
      steps: sampleSteps(),
      context: { cluster: 'c2', useCopilot: true, tags: [] },
      ui,
      summary: SUMMARY,
      given: new Set(['cluster', 'copilot']),
      summaryDetail: (step) => (step.id === 'cluster' || step.id === 'copilot' ? 'given' : undefined),
    });
    ui.assertFinished();
    assert.deepEqual(result, { cluster: 'c1', name: 'my-ml', image: 'img-a', useCopilot: true, copilotCpu: 4, secret: SECRET, tags: [] });
    const asked = ui.prompts.filter((prompt) => prompt.placeholder !== SUMMARY.placeholder).map((prompt) => prompt.fullTitle);
    assert.deepEqual(asked.slice(0, 5), [`${TITLE} (2/5)`, `${TITLE} (3/5)`, `${TITLE} (5/7)`, `${TITLE} (6/7)`, `${TITLE} (7/7)`]);
    assert.equal(ui.prompts[0].canGoBack, false, 'nothing asked before the first question');
    const summary = summaryPrompts(ui)[0];
    assert.deepEqual(
      summary.items.filter((item) => item.detail !== undefined).map((item) => item.label),
      ['Edit Cluster…', 'Edit Copilot…'],
    );
  });

  it('fills the context from every step and returns it after "Create"', async () => {
    const ui = new ScriptedUserInput([...COPILOT_PATH.flat(), 'Create']);
    const result = await runSample(ui);
    assert.deepEqual(result, COPILOT_RESULT);
    ui.assertFinished();
  });

  describe('step counter', () => {
    it('counts only the steps that apply, recomputed as answers change', async () => {
      const ui = new ScriptedUserInput([...COPILOT_PATH.flat(), 'Create']);
      await runSample(ui);
      assert.deepEqual(ui.promptTitles(), [
        `${TITLE} (1/5)`,
        `${TITLE} (2/5)`,
        // Copilot does not apply until an image that supports it is picked.
        `${TITLE} (3/5)`,
        `${TITLE} (4/6)`,
        `${TITLE} (5/7)`,
        `${TITLE} (6/7)`,
        `${TITLE} (7/7)`,
        `${TITLE} (7/7)`,
        `${TITLE} (7/7)`,
        TITLE,
      ]);
    });

    it('skips steps that do not apply: an image without copilot gives 5 steps', async () => {
      const ui = new ScriptedUserInput([...PLAIN_PATH.flat(), 'Create']);
      const result = await runSample(ui);
      assert.equal(result?.image, 'img-b');
      assert.equal(result?.useCopilot, undefined);
      assert.deepEqual(ui.promptTitles(), [1, 2, 3, 4, 5].map((n) => `${TITLE} (${n}/5)`).concat(TITLE));
    });

    it('a preset cluster is not asked and not counted', async () => {
      const ui = new ScriptedUserInput([...PLAIN_PATH.slice(1).flat(), 'Create']);
      const result = await runSample(ui, { presetCluster: true, cluster: 'c9', tags: [] });
      assert.equal(result?.cluster, 'c9');
      assert.deepEqual(ui.promptTitles(), [1, 2, 3, 4].map((n) => `${TITLE} (${n}/4)`).concat(TITLE));
      assert.equal(ui.prompts[0].canGoBack, false, 'the first asked step has no Back button');
    });
  });

  describe('Back', () => {
    for (let stepIndex = 1; stepIndex < COPILOT_PATH.length; stepIndex++) {
      it(`from step ${stepIndex + 1} returns to step ${stepIndex} with its answer kept`, async () => {
        const before = COPILOT_PATH.slice(0, stepIndex).flat();
        const ui = new ScriptedUserInput([...before, BACK, keepPrefilled, ...COPILOT_PATH.slice(stepIndex).flat(), 'Create']);
        const result = await runSample(ui);
        assert.deepEqual(result, COPILOT_RESULT);
        const backAt = before.length;
        const previousFirstPrompt = COPILOT_PATH.slice(0, stepIndex - 1).flat().length;
        assert.equal(ui.prompts[backAt].outcome, 'back');
        // Compare step numbers only: the total may have grown with the answer given on the previous step.
        assert.equal(ui.prompts[backAt + 1].step, ui.prompts[previousFirstPrompt].step, 'Back lands on the previous step');
        assert.equal(ui.prompts[backAt + 1].step, stepIndex);
        ui.assertFinished();
      });
    }

    it('is offered on every prompt but the first', () => {
      const ui = new ScriptedUserInput([...COPILOT_PATH.flat(), 'Create']);
      return runSample(ui).then(() => {
        assert.deepEqual(
          ui.prompts.map((prompt) => prompt.canGoBack),
          [false, true, true, true, true, true, true, true, true, true],
        );
      });
    });

    it('from the entry box of a list returns to the list, not to the previous step', async () => {
      const path: ScriptedAnswer[] = [...COPILOT_PATH.slice(0, 6).flat(), 'Add tag…', BACK, 'Add tag…', 'a=1', 'Done', 'Create'];
      const ui = new ScriptedUserInput(path);
      const result = await runSample(ui);
      assert.deepEqual(result?.tags, [{ key: 'a', value: '1' }]);
      ui.assertFinished();
    });

    it('from the summary goes to the last step, then on to the summary again', async () => {
      const ui = new ScriptedUserInput([...COPILOT_PATH.flat(), BACK, keepPrefilled, 'Create']);
      const result = await runSample(ui);
      assert.deepEqual(result, COPILOT_RESULT);
      const titles = ui.promptTitles();
      assert.deepEqual(titles.slice(-3), [TITLE, `${TITLE} (7/7)`, TITLE]);
      ui.assertFinished();
    });

    it('from the summary walks back through the steps in order, each prefilled', async () => {
      const ui = new ScriptedUserInput([...PLAIN_PATH.flat(), BACK, BACK, BACK, keepPrefilled, keepPrefilled, keepPrefilled, 'Create']);
      const result = await runSample(ui);
      assert.equal(result?.image, 'img-b');
      assert.equal(result?.secret, SECRET);
      assert.deepEqual(ui.promptTitles().slice(6), [`${TITLE} (5/5)`, `${TITLE} (4/5)`, `${TITLE} (3/5)`, `${TITLE} (4/5)`, `${TITLE} (5/5)`, TITLE]);
    });
  });

  describe('cancel', () => {
    const script = [...COPILOT_PATH.flat(), 'Create'];
    for (let promptIndex = 0; promptIndex < script.length; promptIndex++) {
      it(`at prompt ${promptIndex + 1} of ${script.length} returns undefined and asks nothing more`, async () => {
        const ui = new ScriptedUserInput([...script.slice(0, promptIndex), CANCEL]);
        const result = await runSample(ui);
        assert.equal(result, undefined);
        assert.equal(ui.prompts.length, promptIndex + 1);
        assert.equal(ui.prompts.at(-1)?.outcome, 'cancel');
        ui.assertFinished();
      });
    }

    it('by the summary\'s Cancel item returns undefined', async () => {
      const ui = new ScriptedUserInput([...PLAIN_PATH.flat(), 'Cancel']);
      assert.equal(await runSample(ui), undefined);
      ui.assertFinished();
    });
  });

  describe('summary', () => {
    it('lists Create, one "Edit <field>…" per answered step with its value (secrets masked), and Cancel', async () => {
      const ui = new ScriptedUserInput([...COPILOT_PATH.flat(), 'Create']);
      await runSample(ui);
      const [summary] = summaryPrompts(ui);
      assert.deepEqual(
        summary.items.map((item) => [item.label, item.description]),
        [
          ['Create', undefined],
          ['Edit Cluster…', 'cluster-two'],
          ['Edit Name…', 'my-ml'],
          ['Edit Image…', 'Image A (copilot)'],
          ['Edit Copilot…', 'Yes'],
          ['Edit Copilot CPU…', '4'],
          ['Edit Registry secret key…', MASKED_VALUE],
          ['Edit Tags…', 'env=prod'],
          ['Cancel', undefined],
        ],
      );
      assert.ok(!JSON.stringify(ui.prompts).includes(SECRET), 'the secret never shows in what was asked');
    });

    it('"Edit <field>…" re-asks only that field and returns to the summary, changing only that field', async () => {
      const ui = new ScriptedUserInput([...COPILOT_PATH.flat(), 'Edit Name…', 'new-name', 'Create']);
      const result = await runSample(ui);
      assert.deepEqual(result, { ...COPILOT_RESULT, name: 'new-name' });
      const afterSummary = ui.prompts.slice(COPILOT_PATH.flat().length + 1);
      assert.equal(afterSummary.length, 2, 'the name, then the summary; no other step');
      assert.equal(afterSummary[0].fullTitle, `${TITLE} (2/7)`);
      assert.equal(afterSummary[0].value, 'my-ml', 'the edited field starts from its answer');
      assert.equal(afterSummary[1].placeholder, SUMMARY.placeholder);
      assert.equal(afterSummary[1].items.find((item) => item.label === 'Edit Name…')?.description, 'new-name');
      ui.assertFinished();
    });

    it('Back from an edited field returns to the summary with the field unchanged', async () => {
      const ui = new ScriptedUserInput([...COPILOT_PATH.flat(), 'Edit Name…', BACK, 'Create']);
      assert.deepEqual(await runSample(ui), COPILOT_RESULT);
      const summaries = summaryPrompts(ui);
      assert.equal(summaries.length, 2, 'the summary, then the summary again after Back');
      const shown = (prompt: RecordedPrompt): unknown[] => prompt.items.map((item) => [item.label, item.description]);
      assert.ok(shown(summaries[0]).length > 2, 'the first summary lists the answered steps');
      assert.deepEqual(shown(summaries[1]), shown(summaries[0]), 'every "Edit <field>…" is still offered, with its value');
      ui.assertFinished();
    });

    it('an edit that makes later steps newly required asks those, and only those', async () => {
      const ui = new ScriptedUserInput([...PLAIN_PATH.flat(), 'Edit Image…', 'Image A (copilot)', 'Yes', '2', 'Create']);
      const result = await runSample(ui);
      assert.deepEqual(result, { cluster: 'c1', name: 'my-ml', image: 'img-a', useCopilot: true, copilotCpu: 2, secret: SECRET, tags: [] });
      assert.deepEqual(ui.promptTitles().slice(PLAIN_PATH.flat().length + 1), [`${TITLE} (3/5)`, `${TITLE} (4/6)`, `${TITLE} (5/7)`, TITLE]);
      const last = summaryPrompts(ui).at(-1)!;
      assert.ok(last.items.some((item) => item.label === 'Edit Copilot CPU…'));
      ui.assertFinished();
    });

    it('Back from a newly required step returns to the edited step', async () => {
      const ui = new ScriptedUserInput([...PLAIN_PATH.flat(), 'Edit Image…', 'Image A (copilot)', BACK, 'Image B', 'Create']);
      const result = await runSample(ui);
      assert.equal(result?.image, 'img-b');
      const imageAgain = ui.prompts[PLAIN_PATH.flat().length + 3];
      assert.equal(imageAgain.activeValue, 'img-a', 'the edited step shows the answer just given');
      ui.assertFinished();
    });

    it('an edit that makes steps moot drops them from the summary', async () => {
      const ui = new ScriptedUserInput([...COPILOT_PATH.flat(), 'Edit Image…', 'Image B', 'Create']);
      const result = await runSample(ui);
      assert.equal(result?.image, 'img-b');
      const labels = summaryPrompts(ui).at(-1)!.items.map((item) => item.label);
      assert.deepEqual(labels, ['Create', 'Edit Cluster…', 'Edit Name…', 'Edit Image…', 'Edit Registry secret key…', 'Edit Tags…', 'Cancel']);
      ui.assertFinished();
    });
  });

  describe('start and finish', () => {
    it('without summary labels, returns right after the last step', async () => {
      const ui = new ScriptedUserInput(PLAIN_PATH.flat());
      const result = await runSample(ui, { tags: [] }, false);
      assert.equal(result?.name, 'my-ml');
      assert.equal(ui.prompts.at(-1)?.fullTitle, `${TITLE} (5/5)`);
      ui.assertFinished();
    });

    it("startAt 'summary' keeps everything typed (e.g. Edit after a failed create)", async () => {
      const context: SampleContext = { ...COPILOT_RESULT, tags: [...COPILOT_RESULT.tags] };
      const ui = new ScriptedUserInput(['Edit Copilot CPU…', '6', 'Create']);
      const result = await runWizard({ title: TITLE, steps: sampleSteps(), context, ui, summary: SUMMARY, startAt: 'summary' });
      assert.deepEqual(result, { ...COPILOT_RESULT, copilotCpu: 6 });
      assert.equal(ui.prompts[0].canGoBack, true, 'Back from the summary reaches the last step');
      ui.assertFinished();
    });

    it('startAt a step asks from there on, and Back reaches the earlier steps prefilled', async () => {
      const context: SampleContext = { ...COPILOT_RESULT, tags: [] };
      const ui = new ScriptedUserInput([BACK, keepPrefilled, 'other-secret', 'Done', 'Create']);
      const result = await runWizard({ title: TITLE, steps: sampleSteps(), context, ui, summary: SUMMARY, startAt: { stepId: 'secret' } });
      assert.equal(result?.secret, 'other-secret');
      assert.equal(result?.copilotCpu, 4);
      assert.deepEqual(ui.promptTitles(), [`${TITLE} (6/7)`, `${TITLE} (5/7)`, `${TITLE} (6/7)`, `${TITLE} (7/7)`, TITLE]);
      ui.assertFinished();
    });

    it('refuses an unknown startAt step id', async () => {
      await assert.rejects(
        runWizard({ title: TITLE, steps: sampleSteps(), context: { tags: [] }, ui: new ScriptedUserInput(), startAt: { stepId: 'nope' } }),
        /no step with id "nope"/,
      );
    });
  });
});

/** Letter steps for the engine's edges: each asks for text whose prompt is its own id. */
type Letters = Partial<Record<'a' | 'b' | 'c' | 'd', string>>;

function letterSteps(applies: Partial<Record<keyof Letters, (ctx: Letters) => boolean>> = {}): WizardStep<Letters>[] {
  return (['a', 'b', 'c', 'd'] as const).map((id) =>
    inputStep<Letters>({ id, label: id.toUpperCase(), prompt: id, get: (ctx) => ctx[id], set: (ctx, value) => (ctx[id] = value), shouldPrompt: applies[id] }),
  );
}

/** The prompt texts in order, 'summary' for the summary pick. */
function asked(ui: ScriptedUserInput): string[] {
  return ui.prompts.map((prompt) => (prompt.kind === 'pick' ? 'summary' : (prompt.prompt ?? '?')));
}

describe('wizard engine (runWizard): edges', () => {
  it('Back to the first step and on again asks the next step again, even though it was answered', async () => {
    const ctx: Letters = {};
    const ui = new ScriptedUserInput(['a1', 'b1', 'c1', BACK, BACK, BACK, 'a2', keepPrefilled, keepPrefilled, 'd1', 'Create']);
    const result = await runWizard({ title: 'T', steps: letterSteps(), context: ctx, ui, summary: SUMMARY });
    assert.deepEqual(result, { a: 'a2', b: 'b1', c: 'c1', d: 'd1' });
    assert.deepEqual(asked(ui), ['a', 'b', 'c', 'd', 'c', 'b', 'a', 'b', 'c', 'd', 'summary']);
    ui.assertFinished();
  });

  it('lists the Edit items in step order, and Back from the summary goes to the last step, after an edit asked an earlier step', async () => {
    const ctx: Letters = {};
    const ui = new ScriptedUserInput(['a1', 'b1', 'd1', 'Edit A…', 'more', 'c1', BACK, keepPrefilled, 'Create']);
    const result = await runWizard({ title: 'T', steps: letterSteps({ c: (c) => c.a === 'more' }), context: ctx, ui, summary: SUMMARY });
    assert.deepEqual(result, { a: 'more', b: 'b1', c: 'c1', d: 'd1' });
    assert.deepEqual(asked(ui), ['a', 'b', 'd', 'summary', 'a', 'c', 'summary', 'd', 'summary']);
    const second = ui.prompts[6];
    assert.deepEqual(
      second.items.map((item) => item.label),
      ['Create', 'Edit A…', 'Edit B…', 'Edit C…', 'Edit D…', 'Cancel'],
    );
    assert.deepEqual(
      second.items.map((item) => item.alwaysShow === true),
      [true, false, false, false, false, true],
      'Create and Cancel stay visible whatever the user types to filter',
    );
    ui.assertFinished();
  });

  it('Back skips a step that a later answer made moot', async () => {
    const ctx: Letters = {};
    const ui = new ScriptedUserInput(['a1', 'b1', 'skip', BACK, BACK, CANCEL]);
    const result = await runWizard({ title: 'T', steps: letterSteps({ b: (c) => c.c !== 'skip' }), context: ctx, ui, summary: SUMMARY });
    assert.equal(result, undefined);
    assert.deepEqual(asked(ui), ['a', 'b', 'c', 'd', 'c', 'a']);
    ui.assertFinished();
  });

  it('with no step that applies: no Back on the summary, and without a summary nothing is asked', async () => {
    const never = (): boolean => false;
    const none = { a: never, b: never, c: never, d: never };
    const ui = new ScriptedUserInput(['Create']);
    const ctx: Letters = {};
    assert.equal(await runWizard({ title: 'T', steps: letterSteps(none), context: ctx, ui, summary: SUMMARY }), ctx);
    assert.equal(ui.prompts[0].canGoBack, false);
    assert.deepEqual(ui.prompts[0].items.map((item) => item.label), ['Create', 'Cancel']);
    ui.assertFinished();
    const silent = new ScriptedUserInput();
    assert.equal(await runWizard({ title: 'T', steps: letterSteps(none), context: ctx, ui: silent }), ctx);
    assert.equal(silent.prompts.length, 0);
  });

  it('startAt the first step is the same as no startAt', async () => {
    const ui = new ScriptedUserInput(['a1', 'b1', 'c1', 'd1']);
    const result = await runWizard({ title: 'T', steps: letterSteps(), context: {}, ui, startAt: { stepId: 'a' } });
    assert.deepEqual(result, { a: 'a1', b: 'b1', c: 'c1', d: 'd1' });
    assert.equal(ui.prompts[0].fullTitle, 'T (1/4)');
    assert.equal(ui.prompts[0].canGoBack, false);
    ui.assertFinished();
  });
});
