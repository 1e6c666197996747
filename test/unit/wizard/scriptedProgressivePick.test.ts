import * as assert from 'node:assert/strict';
import { BACK, type PickItem, type ProgressiveItems } from '../../../src/ui/userInput';
import { CANCEL, ScriptedUserInput, type RecordedPrompt } from '../../support/scriptedUserInput';

const item = (n: number): PickItem<number> => ({ label: `Item ${n}`, value: n });

/** Delivers one item per batch, each after the previous batch was taken, until `count` or the signal aborts. */
function batches(count: number): { source: ProgressiveItems<number>; delivered: () => number; abortedAfter: () => number | undefined } {
  let delivered = 0;
  let abortedAfter: number | undefined;
  const source: ProgressiveItems<number> = async (add, signal) => {
    signal.addEventListener('abort', () => (abortedAfter = delivered), { once: true });
    for (let n = 1; n <= count; n++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (signal.aborted) throw new Error('cancelled');
      delivered = n;
      add([item(n)]);
    }
  };
  return { source, delivered: () => delivered, abortedAfter: () => abortedAfter };
}

describe('ScriptedUserInput: progressive picks', () => {
  it('takes the answer as soon as it is offered and stops the source', async () => {
    const ui = new ScriptedUserInput(['Item 3']);
    const fill = batches(10);
    assert.equal(await ui.pickProgressive(fill.source, { title: 'Find' }), 3);
    assert.equal(fill.abortedAfter(), 3);
    const [prompt] = ui.prompts;
    assert.equal(prompt.outcome, 'picked');
    assert.equal(prompt.updates, 3);
    assert.equal(prompt.sourceFinished, false);
    ui.assertFinished();
  });

  it('answers CANCEL and BACK at once, stopping the source before it delivers', async () => {
    const ui = new ScriptedUserInput([CANCEL, BACK]);
    const first = batches(10);
    assert.equal(await ui.pickProgressive(first.source, { title: 'Find' }), undefined);
    assert.equal(first.delivered(), 0);
    const second = batches(10);
    assert.equal(await ui.pickProgressive(second.source, { title: 'Find', canGoBack: true }), BACK);
    assert.equal(second.delivered(), 0);
    assert.deepEqual(
      ui.prompts.map((p) => p.outcome),
      ['cancel', 'back'],
    );
    ui.assertFinished();
  });

  it('a function answer that turns into CANCEL while the pick fills cancels then, with work still under way', async () => {
    const ui = new ScriptedUserInput([(prompt: RecordedPrompt) => (prompt.items.length >= 2 ? CANCEL : 'not offered')]);
    const fill = batches(10);
    assert.equal(await ui.pickProgressive(fill.source, { title: 'Find' }), undefined);
    assert.equal(fill.abortedAfter(), 2, 'the source was stopped after the second batch');
    assert.equal(fill.delivered(), 2);
    const [prompt] = ui.prompts;
    assert.equal(prompt.outcome, 'cancel');
    assert.deepEqual(
      prompt.items.map((i) => i.label),
      ['Item 1', 'Item 2'],
    );
    assert.equal(prompt.sourceFinished, false);
    ui.assertFinished();
  });

  it('answers after the source finished when nothing matched while it filled, and fails loudly on a missing label', async () => {
    const ui = new ScriptedUserInput([(prompt: RecordedPrompt) => (prompt.items.length === 3 ? 'Item 2' : 'not yet'), 'Item 9']);
    assert.equal(await ui.pickProgressive(batches(3).source, { title: 'Find' }), 2);
    assert.equal(ui.prompts[0].sourceFinished, false, 'matched on the last batch');
    await assert.rejects(ui.pickProgressive(batches(2).source, { title: 'Find' }), /matches no item/);
    assert.equal(ui.prompts[1].sourceFinished, true);
  });
});
