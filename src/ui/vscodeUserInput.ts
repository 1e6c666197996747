import * as vscode from 'vscode';
import { LatestOnly } from './latestOnly';
import { ProgressiveRows } from './progressiveRows';
import {
  BACK,
  type Answer,
  type InputOptions,
  type MessageOptions,
  type PickItem,
  type PickOptions,
  type ProgressiveItems,
  type ProgressOptions,
  type ProgressReporter,
  type StepInfo,
  type UserInput,
} from './userInput';

/** A quick-pick row carrying the caller's value; `inert` marks the "empty list" row that cannot be chosen. */
interface ValuedItem<T> extends vscode.QuickPickItem {
  value?: T;
  inert?: boolean;
}

/**
 * Test seam for integration tests: sees every widget right after it is shown, so a test can type into it
 * (`value`) and read what it shows (title, items, validation message, busy) while driving it with commands.
 */
export interface QuickInputObserver {
  onDidShow?(widget: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox): void;
}

/**
 * The real UserInput: quick picks and input boxes built with createQuickPick/createInputBox so that they get
 * a step counter, a Back button, busy states and async validation. Every widget stays open when focus moves
 * elsewhere (`ignoreFocusOut`), so nothing typed is lost by clicking into an editor.
 */
export class VscodeUserInput implements UserInput {
  constructor(private readonly observer: QuickInputObserver = {}) {}

  pick<T>(items: PickItem<T>[] | Promise<PickItem<T>[]>, options: PickOptions<T>): Promise<Answer<T>> {
    return new Promise<Answer<T>>((resolve, reject) => {
      const open = openPick(options, resolve);
      const { quickPick } = open;

      const showItems = (list: PickItem<T>[]): void => {
        const rows = list.map(toQuickPickItem);
        if (rows.length === 0 && options.emptyMessage !== undefined) {
          showEmpty(quickPick, options.emptyMessage);
          return;
        }
        quickPick.items = rows;
        const active = rows.find((row) => row.kind !== vscode.QuickPickItemKind.Separator && options.activeValue !== undefined && row.value === options.activeValue);
        if (active) quickPick.activeItems = [active];
      };

      if (Array.isArray(items)) {
        showItems(items);
        quickPick.show();
      } else {
        // Busy and disabled until the list arrives, so Enter cannot pick from a half-empty list.
        quickPick.busy = true;
        quickPick.enabled = false;
        quickPick.show();
        items.then(
          (list) => {
            if (open.settled) return;
            showItems(list);
            quickPick.busy = false;
            quickPick.enabled = true;
          },
          (error: unknown) => open.finish(() => reject(asError(error))),
        );
      }
      this.observer.onDidShow?.(quickPick);
    });
  }

  /**
   * A pick that is usable while `source` adds items (busy until it resolves): rows are appended in place and
   * the row the user is on stays active. Closing the pick aborts the source's signal.
   */
  pickProgressive<T>(source: ProgressiveItems<T>, options: PickOptions<T>): Promise<Answer<T>> {
    return new Promise<Answer<T>>((resolve, reject) => {
      const stopSource = new AbortController();
      const open = openPick(options, resolve, () => stopSource.abort());
      const { quickPick } = open;
      const rows = new ProgressiveRows<T, ValuedItem<T>>(toQuickPickItem, options.order, options.activeValue);

      const add = (items: PickItem<T>[]): void => {
        if (open.settled || items.length === 0) return;
        // Appending must not move the user's cursor (see ProgressiveRows for a ranked list).
        const keep = rows.add(items, quickPick.activeItems[0]);
        quickPick.items = [...rows.all];
        if (keep) quickPick.activeItems = [keep];
      };

      quickPick.busy = true;
      quickPick.show();
      this.observer.onDidShow?.(quickPick);
      source(add, stopSource.signal).then(
        () => {
          if (open.settled) return;
          quickPick.busy = false;
          if (rows.all.length === 0 && options.emptyMessage !== undefined) showEmpty(quickPick, options.emptyMessage);
        },
        (error: unknown) => open.finish(() => reject(asError(error))),
      );
    });
  }

  input(options: InputOptions): Promise<Answer<string>> {
    return new Promise<Answer<string>>((resolve) => {
      const box = vscode.window.createInputBox();
      const validations = new LatestOnly();
      let settled = false;
      let accepting = false;
      const listeners: vscode.Disposable[] = [];
      const finish = (answer: Answer<string>): void => {
        if (settled) return;
        settled = true;
        validations.invalidate();
        for (const listener of listeners) listener.dispose();
        box.dispose();
        resolve(answer);
      };

      applyStepInfo(box, options);
      box.prompt = options.prompt;
      box.placeholder = options.placeholder;
      box.password = options.password ?? false;
      box.value = options.value ?? '';

      const validateWhileTyping = (value: string): void => {
        const { validate } = options;
        if (!validate) return;
        validations.run(() => validate(value)).then(
          (result) => {
            if (!result.stale && !settled) box.validationMessage = result.value;
          },
          () => {
            // A validator that throws must not leave an old message standing.
            if (!settled) box.validationMessage = undefined;
          },
        );
      };

      const accept = async (): Promise<void> => {
        if (accepting) return;
        accepting = true;
        const value = box.value;
        const result = await validations.run(async () => {
          try {
            const typingProblem = options.validate ? await options.validate(value) : undefined;
            if (typingProblem !== undefined || !options.validateOnAccept) return typingProblem;
            box.busy = true;
            box.enabled = false;
            try {
              return await options.validateOnAccept(value);
            } finally {
              if (!settled) {
                box.busy = false;
                box.enabled = true;
              }
            }
          } catch {
            return vscode.l10n.t('The check could not be completed. Press Enter to try again, or Escape to cancel.');
          }
        });
        accepting = false;
        if (settled || result.stale) return;
        if (result.value !== undefined) {
          box.validationMessage = result.value;
          return;
        }
        finish(value);
      };

      listeners.push(
        box.onDidChangeValue(validateWhileTyping),
        box.onDidAccept(accept),
        box.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) finish(BACK);
        }),
        box.onDidHide(() => finish(undefined)),
      );

      if (box.value !== '') validateWhileTyping(box.value);
      box.show();
      this.observer.onDidShow?.(box);
    });
  }

  info(message: string, options?: MessageOptions, ...actions: string[]): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showInformationMessage(message, toMessageOptions(options), ...actions));
  }

  warn(message: string, options?: MessageOptions, ...actions: string[]): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showWarningMessage(message, toMessageOptions(options), ...actions));
  }

  error(message: string, options?: MessageOptions, ...actions: string[]): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showErrorMessage(message, toMessageOptions(options), ...actions));
  }

  withProgress<R>(options: ProgressOptions, task: (progress: ProgressReporter, signal: AbortSignal) => Promise<R>): Promise<R> {
    const location = options.location === 'window' ? vscode.ProgressLocation.Window : vscode.ProgressLocation.Notification;
    return Promise.resolve(
      vscode.window.withProgress({ location, title: options.title, cancellable: options.cancellable ?? false }, async (progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          return await task({ report: (message) => progress.report({ message }) }, controller.signal);
        } finally {
          subscription.dispose();
        }
      }),
    );
  }
}

/** A quick pick set up the way every pick is (step info, matching, Back, Enter, Escape), not shown yet. */
interface OpenPick<T> {
  readonly quickPick: vscode.QuickPick<ValuedItem<T>>;
  /** Settles the answer once: runs `onFinish`, drops the listeners and closes the pick. */
  finish(settle: () => void): void;
  readonly settled: boolean;
}

function openPick<T>(options: PickOptions<T>, resolve: (answer: Answer<T>) => void, onFinish: () => void = () => undefined): OpenPick<T> {
  const quickPick = vscode.window.createQuickPick<ValuedItem<T>>();
  const listeners: vscode.Disposable[] = [];
  let settled = false;
  const finish = (settle: () => void): void => {
    if (settled) return;
    settled = true;
    onFinish();
    for (const listener of listeners) listener.dispose();
    quickPick.dispose();
    settle();
  };

  applyStepInfo(quickPick, options);
  quickPick.placeholder = options.placeholder;
  quickPick.matchOnDescription = options.matchOnDescription ?? false;
  quickPick.matchOnDetail = options.matchOnDetail ?? false;
  listeners.push(
    quickPick.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) finish(() => resolve(BACK));
    }),
    quickPick.onDidAccept(() => {
      const chosen = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
      if (chosen === undefined || chosen.inert || chosen.kind === vscode.QuickPickItemKind.Separator) return;
      finish(() => resolve(chosen.value));
    }),
    quickPick.onDidHide(() => finish(() => resolve(undefined))),
  );
  return {
    quickPick,
    finish,
    get settled() {
      return settled;
    },
  };
}

/** The one inert row an empty list shows, its text also as the placeholder. */
function showEmpty<T>(quickPick: vscode.QuickPick<ValuedItem<T>>, message: string): void {
  quickPick.placeholder = message;
  quickPick.items = [{ label: message, inert: true, alwaysShow: true }];
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function applyStepInfo(widget: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox, info: StepInfo): void {
  widget.title = info.title;
  widget.step = info.step;
  widget.totalSteps = info.totalSteps;
  widget.ignoreFocusOut = true;
  widget.buttons = info.canGoBack ? [vscode.QuickInputButtons.Back] : [];
}

function toQuickPickItem<T>(item: PickItem<T>): ValuedItem<T> {
  if (item.separator) return { label: item.label, kind: vscode.QuickPickItemKind.Separator };
  return { label: item.label, description: item.description, detail: item.detail, alwaysShow: item.alwaysShow, value: item.value };
}

function toMessageOptions(options: MessageOptions | undefined): vscode.MessageOptions {
  return { modal: options?.modal ?? false, detail: options?.detail };
}
