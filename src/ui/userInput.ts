/**
 * The UserInput seam: every question the extension asks and every message it shows goes through
 * this interface. The real implementation wraps vscode.window; integration tests replace it (via
 * the test API) with scripted answers. Nothing outside src/ui calls vscode.window.show* directly.
 */

/**
 * Returned instead of a value when the user pressed the Back button. A registered symbol, so that the copy of
 * this module in the integration-test bundle (ScriptedUserInput) and the one in the extension bundle agree.
 */
export const BACK = Symbol.for('scpCloudMl.userInput.back');
export type Back = typeof BACK;

/** `undefined` = cancelled (Escape); BACK = Back button; otherwise the value. */
export type Answer<T> = T | Back | undefined;

export interface PickItem<T> {
  label: string;
  value: T;
  description?: string;
  detail?: string;
  /** Shown as a separator row, not selectable (value ignored). */
  separator?: boolean;
  /** Keep this item visible whatever the user types (e.g. "Edit a field…"). */
  alwaysShow?: boolean;
}

export interface StepInfo {
  /** E.g. "Create Cloud ML". The implementation shows "title (step/totalSteps)" when a step is given. */
  title: string;
  step?: number;
  totalSteps?: number;
  /** Show the Back button. */
  canGoBack?: boolean;
}

export interface PickOptions<T> extends StepInfo {
  placeholder?: string;
  /** The value to highlight first (e.g. the previous answer when coming back). */
  activeValue?: T;
  matchOnDescription?: boolean;
  matchOnDetail?: boolean;
  /** Shown when the list is empty, instead of an empty box. */
  emptyMessage?: string;
  /** Progressive picks: the rows are kept in this order as they arrive (e.g. ranked), the cursor stays on its row. */
  order?: (a: PickItem<T>, b: PickItem<T>) => number;
}

export interface InputOptions extends StepInfo {
  prompt?: string;
  placeholder?: string;
  /** Prefilled value (the previous answer when coming back). */
  value?: string;
  password?: boolean;
  /** Runs while typing; the latest result wins. Returns an error sentence or undefined. */
  validate?: (value: string) => string | undefined | Promise<string | undefined>;
  /** Runs on Enter with a busy indicator; an error sentence keeps the box open. */
  validateOnAccept?: (value: string) => Promise<string | undefined>;
}

export interface MessageOptions {
  /** Modal dialog (use only for destructive confirmations). */
  modal?: boolean;
  /** Secondary text (modal only). */
  detail?: string;
}

export interface ProgressReporter {
  report(message: string): void;
}

export interface ProgressOptions {
  title: string;
  cancellable?: boolean;
  /** `notification` (default) for user-started work, `window` for background refreshes. */
  location?: 'notification' | 'window';
}

/**
 * Feeds a progressive pick: call `add` whenever items arrive and resolve when no more will come. `signal`
 * aborts when the pick closes (an item was chosen, or the user cancelled), so the source stops its work.
 */
export type ProgressiveItems<T> = (add: (items: PickItem<T>[]) => void, signal: AbortSignal) => Promise<void>;

export interface UserInput {
  /** A single-choice quick pick. `items` may be a promise: the pick shows busy until it resolves. */
  pick<T>(items: PickItem<T>[] | Promise<PickItem<T>[]>, options: PickOptions<T>): Promise<Answer<T>>;
  /**
   * Optional: a pick the user can already choose from while `source` is still adding items (busy until it
   * resolves). Call it through pickProgressively() (src/ui/pickProgressively.ts), which falls back to `pick`.
   */
  pickProgressive?<T>(source: ProgressiveItems<T>, options: PickOptions<T>): Promise<Answer<T>>;
  /** An input box. */
  input(options: InputOptions): Promise<Answer<string>>;
  /** Non-modal notifications; resolve to the chosen action's label or undefined. */
  info(message: string, options?: MessageOptions, ...actions: string[]): Promise<string | undefined>;
  warn(message: string, options?: MessageOptions, ...actions: string[]): Promise<string | undefined>;
  error(message: string, options?: MessageOptions, ...actions: string[]): Promise<string | undefined>;
  /** Runs `task` with a progress indicator; `signal` aborts when the user cancels. */
  withProgress<R>(options: ProgressOptions, task: (progress: ProgressReporter, signal: AbortSignal) => Promise<R>): Promise<R>;
}
