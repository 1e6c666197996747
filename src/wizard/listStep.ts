import { BACK, type Answer, type PickItem } from '../ui/userInput';
import type { WizardStep } from './wizardStep';

/** The texts of a repeatable list, already localized. */
export interface ListStepLabels {
  /** E.g. "Add tags, or pick one to remove it". */
  placeholder: string;
  /** E.g. "Add tag…". */
  add: string;
  /** E.g. "Done". */
  done: string;
  /** Description of each entry, e.g. "Remove". */
  remove: string;
  /** The input box's prompt, e.g. "Tag as key=value". */
  inputPrompt: string;
  inputPlaceholder?: string;
}

export interface ListStepOptions<C, V> {
  id: string;
  /** The field name, already localized. */
  label: string;
  get: (ctx: C) => readonly V[];
  set: (ctx: C, values: V[]) => void;
  /** How an entry shows in the list and the summary, e.g. "env=prod". */
  format: (value: V) => string;
  /** Runs while typing an entry; returns an error sentence or `undefined`. */
  validate: (text: string, existing: readonly V[]) => string | undefined;
  /** The entry of a text that passed `validate`. */
  parse: (text: string) => V;
  labels: ListStepLabels;
  /** Default: always. */
  shouldPrompt?: (ctx: C) => boolean;
  /** Default: the entries joined by ", ". */
  summary?: (ctx: C) => string | undefined;
}

/** 'done', 'add', or the index of the entry to remove. */
type ListChoice = 'done' | 'add' | number;

/**
 * A step that collects zero or more entries (e.g. tags): a pick with "Done", "Add…" and one row per entry
 * (picking a row removes it). Each change is stored at once, so Back keeps what was added.
 */
export function listStep<C, V>(options: ListStepOptions<C, V>): WizardStep<C> {
  const { labels } = options;
  return {
    id: options.id,
    label: options.label,
    shouldPrompt: (ctx) => options.shouldPrompt?.(ctx) ?? true,
    summary: (ctx) => {
      if (options.summary) return options.summary(ctx);
      const values = options.get(ctx);
      return values.length === 0 ? undefined : values.map((value) => options.format(value)).join(', ');
    },
    async prompt(ctx, ui, step) {
      let lastChoice: ListChoice = 'done';
      for (;;) {
        const values = [...options.get(ctx)];
        const items: PickItem<ListChoice>[] = [
          { label: labels.done, value: 'done', alwaysShow: true },
          { label: labels.add, value: 'add', alwaysShow: true },
          ...values.map((value, index): PickItem<ListChoice> => ({ label: options.format(value), description: labels.remove, value: index })),
        ];
        const choice: Answer<ListChoice> = await ui.pick(items, { ...step, placeholder: labels.placeholder, activeValue: lastChoice });
        if (choice === undefined || choice === BACK) return choice;
        if (choice === 'done') return 'next';
        lastChoice = choice === 'add' ? 'add' : 'done';
        if (typeof choice === 'number') {
          values.splice(choice, 1);
          options.set(ctx, values);
          continue;
        }
        // Back from the entry box returns to the list, not to the previous step.
        const text = await ui.input({
          ...step,
          canGoBack: true,
          prompt: labels.inputPrompt,
          placeholder: labels.inputPlaceholder,
          validate: (candidate) => options.validate(candidate, values),
        });
        if (text === undefined) return undefined;
        if (text === BACK) continue;
        options.set(ctx, [...values, options.parse(text)]);
      }
    },
  };
}
