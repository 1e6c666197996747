import { isDeepStrictEqual } from 'node:util';
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
  type UserInput,
} from '../../src/ui/userInput';

/** Scripted answer: press Escape. */
export const CANCEL = Symbol('cancel');

/** Scripted answer for a pick: the item whose value deep-equals this one (labels are matched by a plain string). */
export interface ByValue {
  value: unknown;
}

/**
 * One scripted answer, consumed by the next prompt: for a pick, a label (or a string/number/boolean value, or
 * `{ value }`) to choose; for an input box, the text to type; BACK or CANCEL anywhere; or a function that looks
 * at the prompt (title, step, items, prefilled value...) and returns one of those.
 */
export type ScriptedAnswer = string | number | boolean | ByValue | typeof BACK | typeof CANCEL | ((prompt: RecordedPrompt) => ScriptedAnswer);

/** Shown instead of a password prompt's values in records and errors. */
export const REDACTED = '<redacted>';

export interface RejectedText {
  /** The typed text (REDACTED for a password box). */
  text: string;
  /** The sentence the box showed. */
  message: string;
  /** Which check refused it. */
  by: 'validate' | 'validateOnAccept';
}

export interface RecordedPrompt {
  kind: 'pick' | 'input';
  title: string;
  /** What VS Code shows: "Title (3/9)". */
  fullTitle: string;
  step?: number;
  totalSteps?: number;
  canGoBack: boolean;
  placeholder?: string;
  /** Pick only: the loaded items ([] for an input box). */
  items: PickItem<unknown>[];
  activeValue?: unknown;
  emptyMessage?: string;
  /** Progressive pick only: how many times items arrived before the answer was taken. */
  updates?: number;
  /** Progressive pick only: whether the source had delivered everything when the answer was taken. */
  sourceFinished?: boolean;
  /** Input only. */
  prompt?: string;
  /** Input only: the prefilled value (REDACTED for a non-empty password; see `secretValue`). */
  value?: string;
  password: boolean;
  /** Typed texts the box refused before the accepted one. */
  rejected: RejectedText[];
  outcome: 'pending' | 'picked' | 'typed' | 'back' | 'cancel';
  /** The picked value or typed text (REDACTED for a password box). */
  answer?: unknown;
  /**
   * A password box's prefilled value, not enumerable so that assertion diffs and logs never print it; compare
   * with `assert.ok(prompt.secretValue === expected)`.
   */
  readonly secretValue?: string;
}

export interface RecordedMessage {
  severity: 'info' | 'warn' | 'error';
  message: string;
  modal: boolean;
  detail?: string;
  actions: string[];
  /** The action the script chose (`undefined` = dismissed). */
  answer?: string;
}

/** The action to choose for the next message: a label, `undefined` (dismiss), or a function of the message. */
export type MessageAnswer = string | undefined | ((message: RecordedMessage) => string | undefined);

export interface RecordedProgress {
  title: string;
  cancellable: boolean;
  location: 'notification' | 'window';
  reports: string[];
  finished: boolean;
}

export interface ScriptedUserInputOptions {
  /** Answers for messages, in order. */
  messageAnswers?: MessageAnswer[];
  /** Answers messages once `messageAnswers` is used up (default: dismiss). */
  onMessage?: (message: RecordedMessage) => string | undefined;
}

/**
 * A UserInput that answers from a script, for unit and integration tests. Input boxes run `validate` and
 * `validateOnAccept` like the real box: a refused text is recorded and the NEXT answer is typed into the same box.
 * Everything asked and shown is recorded. It throws a clear error when the script runs out or an answer does not
 * fit the prompt, and keeps that error in `failures` (a command may swallow the rejection).
 */
export class ScriptedUserInput implements UserInput {
  readonly prompts: RecordedPrompt[] = [];
  readonly messages: RecordedMessage[] = [];
  readonly progress: RecordedProgress[] = [];
  readonly failures: Error[] = [];
  private readonly answers: ScriptedAnswer[];
  private readonly messageAnswers: MessageAnswer[];
  private readonly runningProgress = new Set<AbortController>();

  constructor(answers: ScriptedAnswer[] = [], private readonly options: ScriptedUserInputOptions = {}) {
    this.answers = [...answers];
    this.messageAnswers = [...(options.messageAnswers ?? [])];
  }

  /** Appends answers to the script. */
  push(...answers: ScriptedAnswer[]): void {
    this.answers.push(...answers);
  }

  /** Appends message answers. */
  pushMessageAnswers(...answers: MessageAnswer[]): void {
    this.messageAnswers.push(...answers);
  }

  get remainingAnswers(): number {
    return this.answers.length;
  }

  /** Throws when an answer was left unused or a script failure happened (maybe swallowed by the code under test). */
  assertFinished(): void {
    if (this.failures.length > 0) throw this.failures[0];
    if (this.answers.length > 0) {
      throw new Error(`ScriptedUserInput: ${this.answers.length} scripted answer(s) were never asked for; prompts seen: ${this.promptTitles().join(' | ')}`);
    }
  }

  /** The full titles of every prompt so far, e.g. ["Create (1/3)", "Create (2/3)"]. */
  promptTitles(): string[] {
    return this.prompts.map((prompt) => prompt.fullTitle);
  }

  /** Aborts the signal of every withProgress task still running, like the user pressing Cancel. */
  cancelRunningProgress(): void {
    for (const controller of this.runningProgress) controller.abort();
  }

  async pick<T>(items: PickItem<T>[] | Promise<PickItem<T>[]>, options: PickOptions<T>): Promise<Answer<T>> {
    const loaded = await items;
    const record = this.record({
      kind: 'pick',
      ...stepFields(options),
      placeholder: options.placeholder,
      items: loaded,
      activeValue: options.activeValue,
      emptyMessage: options.emptyMessage,
      password: false,
    });
    const answer = this.nextAnswer(record);
    if (answer === CANCEL) return this.settle(record, 'cancel', undefined);
    if (answer === BACK) return this.settle(record, 'back', BACK);
    const selectable = loaded.filter((item) => !item.separator);
    const chosen = findItem(selectable, answer);
    if (!chosen) {
      const shown = selectable.length > 0 ? selectable.map((item) => `"${item.label}"`).join(', ') : `none (empty: "${options.emptyMessage ?? ''}")`;
      throw this.fail(`answer ${describeAnswer(answer)} matches no item of the pick "${record.fullTitle}"; its items: ${shown}`);
    }
    return this.settle(record, 'picked', chosen.value);
  }

  /**
   * A progressive pick answered like a user watching it fill: CANCEL/BACK at once; otherwise the answer is
   * tried after every batch of items (a function answer is re-evaluated each time, so keep it pure) and taken
   * as soon as it matches, which aborts the source. A function answer that turns into CANCEL after a batch is
   * Escape while the pick fills (the source is aborted with work still under way). If the source finishes
   * without a match, it fails loudly.
   */
  async pickProgressive<T>(source: ProgressiveItems<T>, options: PickOptions<T>): Promise<Answer<T>> {
    const items: PickItem<T>[] = [];
    const record = this.record({
      kind: 'pick',
      ...stepFields(options),
      placeholder: options.placeholder,
      items,
      activeValue: options.activeValue,
      emptyMessage: options.emptyMessage,
      password: false,
    });
    record.updates = 0;
    record.sourceFinished = false;
    if (this.answers.length === 0) throw this.fail(`the script ran out of answers at the pick "${record.fullTitle}"`);
    const stopSource = new AbortController();
    const peeked = this.peekAnswer(record);
    if (peeked === CANCEL || peeked === BACK) {
      const running = source(() => undefined, stopSource.signal).catch(() => undefined);
      this.answers.shift();
      stopSource.abort();
      await running;
      if (peeked === BACK && !record.canGoBack) throw this.fail(`answered BACK at "${record.fullTitle}", which has no Back button`);
      return peeked === CANCEL ? this.settle(record, 'cancel', undefined) : this.settle(record, 'back', BACK);
    }
    let chosen: PickItem<T> | undefined;
    let cancelledWhileFilling = false;
    const matchNow = (): PickItem<T> | undefined => {
      const answer = this.peekAnswer(record);
      if (answer === CANCEL || answer === BACK) return undefined;
      return findItem(items.filter((item) => !item.separator), answer);
    };
    await source((more) => {
      if (chosen || stopSource.signal.aborted || more.length === 0) return;
      items.push(...more);
      if (options.order) items.sort(options.order);
      record.updates = (record.updates ?? 0) + 1;
      if (this.peekAnswer(record) === CANCEL) {
        cancelledWhileFilling = true;
        stopSource.abort();
        return;
      }
      chosen = matchNow();
      if (chosen) stopSource.abort();
    }, stopSource.signal).then(
      () => {
        if (!chosen && !cancelledWhileFilling) record.sourceFinished = true;
      },
      (error: unknown) => {
        // A source stopped because the answer was taken (or the pick cancelled) is not a failure.
        if (!chosen && !cancelledWhileFilling) throw error;
      },
    );
    if (cancelledWhileFilling) {
      this.answers.shift();
      return this.settle(record, 'cancel', undefined);
    }
    if (!chosen) {
      // The source is done: answer like an ordinary pick (CANCEL, BACK, or a label that must now match).
      const answer = this.nextAnswer(record);
      if (answer === CANCEL) return this.settle(record, 'cancel', undefined);
      if (answer === BACK) return this.settle(record, 'back', BACK);
      const selectable = items.filter((item) => !item.separator);
      const found = findItem(selectable, answer);
      if (!found) {
        const shown = selectable.length > 0 ? selectable.map((item) => `"${item.label}"`).join(', ') : `none (empty: "${options.emptyMessage ?? ''}")`;
        throw this.fail(`answer ${describeAnswer(answer)} matches no item of the pick "${record.fullTitle}"; its items: ${shown}`);
      }
      return this.settle(record, 'picked', found.value);
    }
    this.answers.shift();
    return this.settle(record, 'picked', chosen.value);
  }

  async input(options: InputOptions): Promise<Answer<string>> {
    const password = options.password ?? false;
    const prefilled = options.value;
    const record = this.record({
      kind: 'input',
      ...stepFields(options),
      placeholder: options.placeholder,
      items: [],
      prompt: options.prompt,
      value: password && prefilled ? REDACTED : prefilled,
      password,
    });
    if (password) Object.defineProperty(record, 'secretValue', { value: prefilled, enumerable: false });
    for (;;) {
      const answer = this.nextAnswer(record);
      if (answer === CANCEL) return this.settle(record, 'cancel', undefined);
      if (answer === BACK) return this.settle(record, 'back', BACK);
      if (typeof answer !== 'string') throw this.fail(`answer ${describeAnswer(answer)} given to the input box "${record.fullTitle}", which needs text`);
      const shownText = password ? REDACTED : answer;
      const typingProblem = options.validate ? await options.validate(answer) : undefined;
      if (typingProblem !== undefined) {
        record.rejected.push({ text: shownText, message: typingProblem, by: 'validate' });
        continue;
      }
      const acceptProblem = options.validateOnAccept ? await acceptCheck(options.validateOnAccept, answer) : undefined;
      if (acceptProblem !== undefined) {
        record.rejected.push({ text: shownText, message: acceptProblem, by: 'validateOnAccept' });
        continue;
      }
      this.settle(record, 'typed', shownText);
      return answer;
    }
  }

  info(message: string, options?: MessageOptions, ...actions: string[]): Promise<string | undefined> {
    return this.message('info', message, options, actions);
  }

  warn(message: string, options?: MessageOptions, ...actions: string[]): Promise<string | undefined> {
    return this.message('warn', message, options, actions);
  }

  error(message: string, options?: MessageOptions, ...actions: string[]): Promise<string | undefined> {
    return this.message('error', message, options, actions);
  }

  async withProgress<R>(options: ProgressOptions, task: (progress: ProgressReporter, signal: AbortSignal) => Promise<R>): Promise<R> {
    const record: RecordedProgress = {
      title: options.title,
      cancellable: options.cancellable ?? false,
      location: options.location ?? 'notification',
      reports: [],
      finished: false,
    };
    this.progress.push(record);
    const controller = new AbortController();
    this.runningProgress.add(controller);
    try {
      return await task({ report: (message) => record.reports.push(message) }, controller.signal);
    } finally {
      record.finished = true;
      this.runningProgress.delete(controller);
    }
  }

  private message(severity: RecordedMessage['severity'], message: string, options: MessageOptions | undefined, actions: string[]): Promise<string | undefined> {
    const record: RecordedMessage = { severity, message, modal: options?.modal ?? false, detail: options?.detail, actions };
    this.messages.push(record);
    const scripted = this.messageAnswers.length > 0 ? this.messageAnswers.shift() : this.options.onMessage;
    const answer = typeof scripted === 'function' ? scripted(record) : scripted;
    if (answer !== undefined && !actions.includes(answer)) {
      return Promise.reject(this.fail(`message answer "${answer}" is not an action of the ${severity} "${message}"; its actions: ${actions.map((a) => `"${a}"`).join(', ') || 'none'}`));
    }
    record.answer = answer;
    return Promise.resolve(answer);
  }

  private record(fields: Omit<RecordedPrompt, 'fullTitle' | 'rejected' | 'outcome'>): RecordedPrompt {
    const record: RecordedPrompt = { ...fields, fullTitle: fullTitle(fields), rejected: [], outcome: 'pending' };
    this.prompts.push(record);
    return record;
  }

  /** The next answer with functions applied, without consuming it. */
  private peekAnswer(record: RecordedPrompt): Exclude<ScriptedAnswer, (prompt: RecordedPrompt) => ScriptedAnswer> {
    let answer = this.answers[0];
    while (typeof answer === 'function') answer = answer(record);
    return answer;
  }

  /** The next answer with functions applied; BACK is refused where the real widget shows no Back button. */
  private nextAnswer(record: RecordedPrompt): Exclude<ScriptedAnswer, (prompt: RecordedPrompt) => ScriptedAnswer> {
    if (this.answers.length === 0) {
      throw this.fail(`the script ran out of answers at the ${record.kind} "${record.fullTitle}"${record.placeholder ? ` (${record.placeholder})` : ''}`);
    }
    let answer = this.answers.shift()!;
    while (typeof answer === 'function') answer = answer(record);
    if (answer === BACK && !record.canGoBack) throw this.fail(`answered BACK at "${record.fullTitle}", which has no Back button`);
    return answer;
  }

  private settle<R>(record: RecordedPrompt, outcome: RecordedPrompt['outcome'], answer: R): R {
    record.outcome = outcome;
    record.answer = answer === BACK ? undefined : answer;
    return answer;
  }

  private fail(reason: string): Error {
    const error = new Error(`ScriptedUserInput: ${reason}`);
    this.failures.push(error);
    return error;
  }
}

function stepFields(options: { title: string; step?: number; totalSteps?: number; canGoBack?: boolean }): Pick<RecordedPrompt, 'title' | 'step' | 'totalSteps' | 'canGoBack'> {
  return { title: options.title, step: options.step, totalSteps: options.totalSteps, canGoBack: options.canGoBack ?? false };
}

/** The same text VS Code puts in the quick-input title bar. */
function fullTitle(fields: { title: string; step?: number; totalSteps?: number }): string {
  if (fields.step === undefined) return fields.title;
  return fields.totalSteps === undefined ? `${fields.title} (${fields.step})` : `${fields.title} (${fields.step}/${fields.totalSteps})`;
}

function findItem<T>(items: PickItem<T>[], answer: string | number | boolean | ByValue): PickItem<T> | undefined {
  if (typeof answer === 'object') return items.find((item) => isDeepStrictEqual(item.value, answer.value));
  if (typeof answer === 'string') {
    const byLabel = items.find((item) => item.label === answer);
    if (byLabel) return byLabel;
  }
  return items.find((item) => item.value === answer);
}

/** Like the real box: a check that throws keeps the box open with a message. */
async function acceptCheck(check: (value: string) => Promise<string | undefined>, value: string): Promise<string | undefined> {
  try {
    return await check(value);
  } catch (error) {
    return `validateOnAccept threw: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function describeAnswer(answer: ScriptedAnswer): string {
  if (typeof answer === 'symbol') return answer.description ?? 'symbol';
  if (typeof answer === 'object') return `{ value: ${JSON.stringify(answer.value)} }`;
  return JSON.stringify(answer);
}
