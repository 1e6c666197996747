import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BACK, type Answer } from '../../src/ui/userInput';
import { VscodeUserInput } from '../../src/ui/vscodeUserInput';

/**
 * The real VscodeUserInput in a real VS Code: each test opens a quick pick or an input box and drives it with
 * the workbench's own commands (the ones the keyboard runs), reading the widget through the observer seam.
 * VS Code offers no command that types into a quick input (and reports no change event for a value set by an
 * extension), so typing is left to the e2e layer; the ordering of validations is unit-tested (LatestOnly).
 */

type Widget = vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

/** Waits for a condition that depends on the UI process (not a timing assertion: the limit only stops a hang). */
async function waitFor(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Lets already-delivered UI events run their handlers. */
function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Tracks whether a prompt's promise has settled, without awaiting it. */
function tracked<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  return { promise, settled: () => done };
}

describe('userInput', () => {
  let shown: Widget[];
  let ui: VscodeUserInput;

  beforeEach(() => {
    shown = [];
    ui = new VscodeUserInput({ onDidShow: (widget) => shown.push(widget) });
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  async function nextWidget<W extends Widget>(index: number): Promise<W> {
    await waitFor(`widget #${index + 1} to show`, () => shown.length > index);
    return shown[index] as W;
  }

  describe('pick', () => {
    it('shows "title (n/total)" with Back, stays open on focus loss, is busy and disabled while loading, then highlights the active value', async () => {
      const items = deferred<{ label: string; value: string }[]>();
      const answer = ui.pick(items.promise, { title: 'Create Cloud ML', step: 2, totalSteps: 9, canGoBack: true, placeholder: 'Pick an image', activeValue: 'b' });
      const quickPick = await nextWidget<vscode.QuickPick<vscode.QuickPickItem>>(0);
      assert.equal(quickPick.title, 'Create Cloud ML');
      assert.equal(quickPick.step, 2);
      assert.equal(quickPick.totalSteps, 9);
      assert.equal(quickPick.ignoreFocusOut, true);
      assert.deepEqual(quickPick.buttons, [vscode.QuickInputButtons.Back]);
      assert.equal(quickPick.placeholder, 'Pick an image');
      assert.equal(quickPick.busy, true);
      assert.equal(quickPick.enabled, false);

      items.resolve([
        { label: 'Alpha', value: 'a' },
        { label: 'Beta', value: 'b' },
        { label: 'Gamma', value: 'c' },
      ]);
      await waitFor('the items to load', () => !quickPick.busy);
      assert.equal(quickPick.enabled, true);
      assert.deepEqual(quickPick.items.map((item) => item.label), ['Alpha', 'Beta', 'Gamma']);
      // Accepting without moving takes the highlighted row: the active value, not the first row.
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      assert.equal(await answer, 'b');
    });

    it('moves the selection with the keyboard commands and returns the accepted value', async () => {
      const answer = ui.pick([{ label: 'One', value: 1 }, { label: 'Numbers', value: 0, separator: true }, { label: 'Two', value: 2 }], { title: 'Numbers' });
      const quickPick = await nextWidget<vscode.QuickPick<vscode.QuickPickItem>>(0);
      assert.deepEqual(quickPick.buttons, [], 'no Back button on a first step');
      await waitFor('the first row to be active', () => quickPick.activeItems.length > 0);
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await waitFor('the second row to be active', () => quickPick.activeItems[0]?.label === 'Two');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      assert.equal(await answer, 2);
    });

    it('returns BACK for the Back button and undefined for Escape', async () => {
      const back = ui.pick([{ label: 'One', value: 1 }], { title: 'T', step: 2, totalSteps: 2, canGoBack: true });
      await nextWidget(0);
      await vscode.commands.executeCommand('workbench.action.quickInputBack');
      assert.equal(await back, BACK);

      const escaped = ui.pick([{ label: 'One', value: 1 }], { title: 'T' });
      await nextWidget(1);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(await escaped, undefined);
    });

    it('shows the empty message for an empty list, and Enter on it does nothing', async () => {
      const answer = tracked<Answer<string>>(ui.pick(Promise.resolve([]), { title: 'Cluster', emptyMessage: 'No running cluster without Cloud ML.' }));
      const quickPick = await nextWidget<vscode.QuickPick<vscode.QuickPickItem>>(0);
      await waitFor('the list to load', () => !quickPick.busy);
      assert.equal(quickPick.placeholder, 'No running cluster without Cloud ML.');
      assert.deepEqual(quickPick.items.map((item) => item.label), ['No running cluster without Cloud ML.']);
      // Put the cursor on the message row, as a user pressing Down would.
      quickPick.activeItems = [quickPick.items[0]];
      await waitFor('the message row to be active', () => quickPick.activeItems.length === 1);
      let acceptSeen = false;
      quickPick.onDidAccept(() => (acceptSeen = true));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      // Proof that Enter reached the extension: otherwise "not settled" below would prove nothing.
      await waitFor('Enter to reach the extension', () => acceptSeen);
      await flush();
      assert.equal(answer.settled(), false, 'the message row is not an answer');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(await answer.promise, undefined);
    });
  });

  describe('input', () => {
    it('is prefilled and masked, checks on accept while busy, keeps the box open on refusal, and drops a stale check', async () => {
      // The check of the prefilled value is slow; it must not overwrite what the later accept found.
      const slowCheck = deferred<string | undefined>();
      const acceptCheck = deferred<string | undefined>();
      const checked: string[] = [];
      const accepted: string[] = [];
      const answer = tracked(
        ui.input({
          title: 'Sign in',
          step: 5,
          totalSteps: 5,
          canGoBack: true,
          prompt: 'Secret key',
          value: 'ab',
          password: true,
          validate: (value) => {
            checked.push(value);
            return value === 'ab' ? slowCheck.promise : undefined;
          },
          validateOnAccept: (value) => {
            accepted.push(value);
            return accepted.length === 1 ? acceptCheck.promise : Promise.resolve(undefined);
          },
        }),
      );
      const box = await nextWidget<vscode.InputBox>(0);
      assert.equal(box.title, 'Sign in');
      assert.equal(box.step, 5);
      assert.equal(box.totalSteps, 5);
      assert.equal(box.prompt, 'Secret key');
      assert.equal(box.password, true);
      assert.equal(box.ignoreFocusOut, true);
      assert.deepEqual(box.buttons, [vscode.QuickInputButtons.Back]);
      assert.equal(box.value, 'ab');
      assert.deepEqual(checked, ['ab'], 'the prefilled value is checked at once');

      // VS Code reports no change event for a value set by an extension; typing itself is covered by the e2e layer.
      box.value = 'taken-name';
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await waitFor('the accept check to start', () => accepted.length === 1);
      assert.equal(box.busy, true);
      assert.equal(box.enabled, false);
      acceptCheck.resolve('The name is already taken.');
      await waitFor('the refusal to show', () => box.validationMessage === 'The name is already taken.');
      assert.equal(box.busy, false);
      assert.equal(box.enabled, true);
      assert.equal(answer.settled(), false, 'a refused value keeps the box open');

      slowCheck.resolve('Too short.');
      await flush();
      await flush();
      assert.equal(box.validationMessage, 'The name is already taken.', 'the stale check of "ab" was dropped');

      box.value = 'free-name';
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      assert.equal(await answer.promise, 'free-name');
      assert.deepEqual(accepted, ['taken-name', 'free-name']);
    });

    it('shows the check of a prefilled value at once', async () => {
      const answer = ui.input({ title: 'Name', value: 'x', validate: (value) => (value.length < 3 ? 'Too short.' : undefined) });
      const box = await nextWidget<vscode.InputBox>(0);
      await waitFor('the message to show', () => box.validationMessage === 'Too short.');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(await answer, undefined);
    });

    it('refuses on Enter a value that fails validation, without running the accept check', async () => {
      const accepted: string[] = [];
      const answer = tracked(
        ui.input({
          title: 'Name',
          validate: (value) => (value === '' ? 'Enter a name.' : undefined),
          validateOnAccept: (value) => {
            accepted.push(value);
            return Promise.resolve(undefined);
          },
        }),
      );
      const box = await nextWidget<vscode.InputBox>(0);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await waitFor('the refusal to show', () => box.validationMessage === 'Enter a name.');
      assert.equal(answer.settled(), false);
      assert.deepEqual(accepted, []);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(await answer.promise, undefined);
    });

    it('returns BACK for the Back button', async () => {
      const answer = ui.input({ title: 'T', step: 2, totalSteps: 3, canGoBack: true });
      const box = await nextWidget<vscode.InputBox>(0);
      assert.deepEqual(box.buttons, [vscode.QuickInputButtons.Back]);
      await vscode.commands.executeCommand('workbench.action.quickInputBack');
      assert.equal(await answer, BACK);
    });
  });

  it('withProgress runs the task, shows its title and each reported step, and returns its result', async () => {
    // What reaches VS Code's progress UI (which an extension cannot read back): the real withProgress is
    // wrapped, not replaced, so the progress still shows.
    const shownProgress: { options: vscode.ProgressOptions; messages: (string | undefined)[] }[] = [];
    const window = vscode.window as { withProgress: typeof vscode.window.withProgress };
    const realWithProgress = window.withProgress;
    const recording: typeof vscode.window.withProgress = (options, task) => {
      const shown = { options, messages: [] as (string | undefined)[] };
      shownProgress.push(shown);
      return realWithProgress(options, (progress, token) =>
        task(
          {
            report: (value) => {
              shown.messages.push(value.message);
              progress.report(value);
            },
          },
          token,
        ),
      );
    };
    window.withProgress = recording;
    assert.equal(vscode.window.withProgress, recording, 'the progress UI can be observed in this host');
    try {
      const result = await ui.withProgress({ title: 'Loading', location: 'window' }, (progress, signal) => {
        progress.report('halfway');
        progress.report('almost');
        return Promise.resolve(signal.aborted ? 'aborted' : 'done');
      });
      assert.equal(result, 'done');
      const notified = await ui.withProgress({ title: 'Saving', location: 'notification', cancellable: true }, () => Promise.resolve(1));
      assert.equal(notified, 1);
    } finally {
      window.withProgress = realWithProgress;
    }
    assert.deepEqual(
      shownProgress.map(({ options, messages }) => [options.title, options.location, options.cancellable, messages]),
      [
        ['Loading', vscode.ProgressLocation.Window, false, ['halfway', 'almost']],
        ['Saving', vscode.ProgressLocation.Notification, true, []],
      ],
    );
  });
});
