import { pickProgressively } from './pickProgressively';
import { plainNotificationText } from './plainNotificationText';
import type { Answer, InputOptions, MessageOptions, PickItem, PickOptions, ProgressiveItems, ProgressOptions, ProgressReporter, UserInput } from './userInput';

/**
 * The one UserInput every command and wizard holds. It forwards to the real VS Code implementation, or to a
 * scripted one that an integration test installs through the test API — so tests drive the same code paths.
 * Being the one place every notification passes, it also makes their text plain (plainNotificationText).
 */
export class SwitchableUserInput implements UserInput {
  private target: UserInput;

  constructor(private readonly real: UserInput) {
    this.target = real;
  }

  /** Replaces the target; `undefined` restores the real one. */
  use(target: UserInput | undefined): void {
    this.target = target ?? this.real;
  }

  pick<T>(items: PickItem<T>[] | Promise<PickItem<T>[]>, options: PickOptions<T>): Promise<Answer<T>> {
    return this.target.pick(items, options);
  }

  pickProgressive<T>(source: ProgressiveItems<T>, options: PickOptions<T>): Promise<Answer<T>> {
    return pickProgressively(this.target, source, options);
  }

  input(options: InputOptions): Promise<Answer<string>> {
    return this.target.input(options);
  }

  info(message: string, options?: MessageOptions, ...actions: string[]): Promise<string | undefined> {
    return this.target.info(plainNotificationText(message), plainOptions(options), ...actions);
  }

  warn(message: string, options?: MessageOptions, ...actions: string[]): Promise<string | undefined> {
    return this.target.warn(plainNotificationText(message), plainOptions(options), ...actions);
  }

  error(message: string, options?: MessageOptions, ...actions: string[]): Promise<string | undefined> {
    return this.target.error(plainNotificationText(message), plainOptions(options), ...actions);
  }

  withProgress<R>(options: ProgressOptions, task: (progress: ProgressReporter, signal: AbortSignal) => Promise<R>): Promise<R> {
    return this.target.withProgress({ ...options, title: plainNotificationText(options.title) }, (progress, signal) =>
      task({ report: (message) => progress.report(plainNotificationText(message)) }, signal),
    );
  }
}

function plainOptions(options: MessageOptions | undefined): MessageOptions | undefined {
  return options?.detail === undefined ? options : { ...options, detail: plainNotificationText(options.detail) };
}
