import { pickProgressively } from '../ui/pickProgressively';
import { BACK, type PickItem, type PickOptions } from '../ui/userInput';
import type { WizardStep } from './wizardStep';

/**
 * Where a pick's choices come from: all at once (`items`; a promise shows the pick busy until it resolves), or
 * added as they arrive (`progressiveItems`: the pick shows at once, busy, and is usable while the source adds;
 * `signal` aborts when the pick closes).
 */
export type PickSource<C, T> =
  | { items: (ctx: C) => PickItem<T>[] | Promise<PickItem<T>[]>; progressiveItems?: never }
  | { progressiveItems: (ctx: C, add: (items: PickItem<T>[]) => void, signal: AbortSignal) => Promise<void>; items?: never };

export type PickStepOptions<C, T> = PickSource<C, T> & PickStepSettings<C, T>;

interface PickStepSettings<C, T> {
  id: string;
  /** The field name, already localized. */
  label: string;
  /** The current answer, highlighted when the pick opens. */
  get: (ctx: C) => T | undefined;
  set: (ctx: C, value: T) => void;
  placeholder?: string;
  /** Shown instead of an empty list, e.g. "No running cluster without Cloud ML". */
  emptyMessage?: string;
  matchOnDescription?: boolean;
  matchOnDetail?: boolean;
  /** How to recognise the current answer among freshly loaded items (default: Object.is). */
  equals?: (a: T, b: T) => boolean;
  /** Default: always. */
  shouldPrompt?: (ctx: C) => boolean;
  /** Default: the label of the chosen item. */
  summary?: (ctx: C) => string | undefined;
}

/** A step that picks one of a list. */
export function pickStep<C, T>(options: PickStepOptions<C, T>): WizardStep<C> {
  const equals = options.equals ?? Object.is;
  // The last list shown, so the summary can show the chosen item's label rather than its raw value.
  let lastItems: readonly PickItem<T>[] = [];

  /** Reloaded items are new objects: give the matching one the context's own value so it is highlighted. */
  const withCurrent = (items: PickItem<T>[], current: T | undefined): PickItem<T>[] => {
    lastItems = items;
    return highlighted(items, current);
  };
  const highlighted = (items: PickItem<T>[], current: T | undefined): PickItem<T>[] => {
    if (current === undefined) return items;
    return items.map((item) => (!item.separator && item.value !== current && equals(item.value, current) ? { ...item, value: current } : item));
  };

  return {
    id: options.id,
    label: options.label,
    shouldPrompt: (ctx) => options.shouldPrompt?.(ctx) ?? true,
    summary: (ctx) => {
      if (options.summary) return options.summary(ctx);
      const value = options.get(ctx);
      if (value === undefined) return undefined;
      const item = lastItems.find((candidate) => !candidate.separator && equals(candidate.value, value));
      if (item) return item.label;
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    },
    async prompt(ctx, ui, step) {
      const current = options.get(ctx);
      const pickOptions: PickOptions<T> = {
        ...step,
        placeholder: options.placeholder,
        activeValue: current,
        emptyMessage: options.emptyMessage,
        matchOnDescription: options.matchOnDescription,
        matchOnDetail: options.matchOnDetail,
      };
      let answer;
      if (options.progressiveItems) {
        const source = options.progressiveItems;
        const shown: PickItem<T>[] = [];
        lastItems = shown;
        answer = await pickProgressively(
          ui,
          (add, signal) =>
            source(
              ctx,
              (more) => {
                shown.push(...more);
                add(highlighted(more, current));
              },
              signal,
            ),
          pickOptions,
        );
      } else {
        const loading = options.items(ctx);
        const items = Array.isArray(loading) ? withCurrent(loading, current) : loading.then((list) => withCurrent(list, current));
        answer = await ui.pick(items, pickOptions);
      }
      if (answer === undefined) return undefined;
      if (answer === BACK) return BACK;
      options.set(ctx, answer);
      return 'next';
    },
  };
}
