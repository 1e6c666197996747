import type { Answer, PickItem, PickOptions, ProgressiveItems, UserInput } from './userInput';

/**
 * Shows a pick filled progressively by `source` when the UserInput supports it; otherwise waits for every item
 * and shows an ordinary pick (busy until then). Either way the source's signal aborts once the pick is done.
 */
export async function pickProgressively<T>(ui: UserInput, source: ProgressiveItems<T>, options: PickOptions<T>): Promise<Answer<T>> {
  if (ui.pickProgressive) return ui.pickProgressive(source, options);
  const controller = new AbortController();
  const items: PickItem<T>[] = [];
  try {
    return await ui.pick(
      source((more) => items.push(...more), controller.signal).then(() => (options.order ? items.sort(options.order) : items)),
      options,
    );
  } finally {
    controller.abort();
  }
}
