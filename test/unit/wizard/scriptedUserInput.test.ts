import * as assert from 'node:assert/strict';
import { BACK, type PickItem } from '../../../src/ui/userInput';
import { CANCEL, REDACTED, ScriptedUserInput } from '../../support/scriptedUserInput';

const ITEMS: PickItem<string | number>[] = [
  { label: 'Alpha', value: 'a' },
  { label: 'Group', value: 'sep', separator: true },
  { label: 'Beta', value: 'b', description: 'second' },
  { label: 'Three', value: 3 },
];

describe('ScriptedUserInput (the test double of UserInput)', () => {
  it('picks by label, by value and by { value }, and records what was asked', async () => {
    const ui = new ScriptedUserInput(['Beta', 'a', 3, { value: 'b' }]);
    const options = { title: 'Pick', step: 2, totalSteps: 5, canGoBack: true, placeholder: 'Choose', activeValue: 'b' };
    assert.equal(await ui.pick(ITEMS, options), 'b');
    assert.equal(await ui.pick(Promise.resolve(ITEMS), options), 'a');
    assert.equal(await ui.pick(ITEMS, options), 3);
    assert.equal(await ui.pick(ITEMS, options), 'b');
    const [first] = ui.prompts;
    assert.equal(first.fullTitle, 'Pick (2/5)');
    assert.equal(first.placeholder, 'Choose');
    assert.equal(first.activeValue, 'b');
    assert.equal(first.items.length, 4);
    assert.equal(first.outcome, 'picked');
    ui.assertFinished();
  });

  it('answers BACK and CANCEL, and refuses BACK where there is no Back button', async () => {
    const ui = new ScriptedUserInput([BACK, CANCEL, BACK]);
    assert.equal(await ui.pick(ITEMS, { title: 'T', canGoBack: true }), BACK);
    assert.equal(await ui.input({ title: 'T' }), undefined);
    await assert.rejects(ui.pick(ITEMS, { title: 'T', step: 1, totalSteps: 2 }), /answered BACK at "T \(1\/2\)", which has no Back button/);
    assert.deepEqual(ui.prompts.map((p) => p.outcome), ['back', 'cancel', 'pending']);
  });

  it('fails loudly when the script runs out, when a label is not offered, or when a pick gets text it cannot match', async () => {
    const ui = new ScriptedUserInput(['Gamma', 3]);
    await assert.rejects(ui.pick(ITEMS, { title: 'T' }), /answer "Gamma" matches no item of the pick "T"; its items: "Alpha", "Beta", "Three"/);
    await assert.rejects(ui.input({ title: 'Box' }), /answer 3 given to the input box "Box", which needs text/);
    await assert.rejects(ui.input({ title: 'Box', placeholder: 'name' }), /ran out of answers at the input "Box" \(name\)/);
    assert.equal(ui.failures.length, 3, 'failures are kept even if the code under test swallows them');
    assert.throws(() => ui.assertFinished(), /matches no item/);
  });

  it('separators cannot be picked', async () => {
    const ui = new ScriptedUserInput(['Group']);
    await assert.rejects(ui.pick(ITEMS, { title: 'T' }), /matches no item/);
  });

  it('assertFinished reports answers that were never asked for', async () => {
    const ui = new ScriptedUserInput(['Alpha', 'left over']);
    await ui.pick(ITEMS, { title: 'T' });
    assert.throws(() => ui.assertFinished(), /1 scripted answer\(s\) were never asked for/);
  });

  it('runs validate and validateOnAccept like the real box and moves on to the next answer after a refusal', async () => {
    const accepted: string[] = [];
    const ui = new ScriptedUserInput(['', 'taken', 'throws', 'free']);
    const value = await ui.input({
      title: 'Name',
      validate: (text) => Promise.resolve(text === '' ? 'Enter a name.' : undefined),
      validateOnAccept: (text) => {
        accepted.push(text);
        if (text === 'throws') return Promise.reject(new Error('network down'));
        return Promise.resolve(text === 'taken' ? 'Taken.' : undefined);
      },
    });
    assert.equal(value, 'free');
    assert.deepEqual(ui.prompts[0].rejected, [
      { text: '', message: 'Enter a name.', by: 'validate' },
      { text: 'taken', message: 'Taken.', by: 'validateOnAccept' },
      { text: 'throws', message: 'validateOnAccept threw: network down', by: 'validateOnAccept' },
    ]);
    assert.deepEqual(accepted, ['taken', 'throws', 'free']);
  });

  it('a function answer sees the prompt, including a password prefill that records never show', async () => {
    const ui = new ScriptedUserInput([(prompt) => `${prompt.secretValue ?? ''}-2`]);
    const value = await ui.input({ title: 'Secret', password: true, value: 'hunter' });
    assert.equal(value, 'hunter-2');
    const [record] = ui.prompts;
    assert.equal(record.value, REDACTED);
    assert.equal(record.answer, REDACTED);
    assert.ok(!JSON.stringify(ui.prompts).includes('hunter'));
  });

  it('records messages and answers them from the queue, then from onMessage, refusing actions not offered', async () => {
    const ui = new ScriptedUserInput([], { messageAnswers: ['Retry', undefined], onMessage: (m) => (m.actions.includes('Show log') ? 'Show log' : undefined) });
    assert.equal(await ui.error('It failed.', undefined, 'Retry', 'Edit'), 'Retry');
    assert.equal(await ui.warn('Careful.', { modal: true, detail: 'More.' }, 'OK'), undefined);
    assert.equal(await ui.info('Done.', undefined, 'Show log'), 'Show log');
    assert.equal(await ui.info('Plain.'), undefined);
    ui.pushMessageAnswers('Delete');
    await assert.rejects(ui.warn('Delete it?', { modal: true }, 'Keep'), /message answer "Delete" is not an action of the warn "Delete it\?"; its actions: "Keep"/);
    assert.deepEqual(ui.messages.slice(0, 2), [
      { severity: 'error', message: 'It failed.', modal: false, detail: undefined, actions: ['Retry', 'Edit'], answer: 'Retry' },
      { severity: 'warn', message: 'Careful.', modal: true, detail: 'More.', actions: ['OK'], answer: undefined },
    ]);
  });

  it('runs withProgress tasks directly, records titles and reports, and can cancel them', async () => {
    const ui = new ScriptedUserInput();
    const result = await ui.withProgress({ title: 'Creating', cancellable: true }, (progress) => {
      progress.report('step 1');
      return Promise.resolve(7);
    });
    assert.equal(result, 7);
    const aborted = ui.withProgress({ title: 'Waiting', location: 'window' }, (_progress, signal) => new Promise<string>((resolve) => signal.addEventListener('abort', () => resolve('aborted'))));
    ui.cancelRunningProgress();
    assert.equal(await aborted, 'aborted');
    assert.deepEqual(ui.progress, [
      { title: 'Creating', cancellable: true, location: 'notification', reports: ['step 1'], finished: true },
      { title: 'Waiting', cancellable: false, location: 'window', reports: [], finished: true },
    ]);
  });
});
