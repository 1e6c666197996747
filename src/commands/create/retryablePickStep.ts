import * as vscode from 'vscode';
import { describeError, logError } from '../../ui/errorPresenter';
import type { ExtensionLog } from '../../ui/extensionLog';
import type { PickItem } from '../../ui/userInput';
import { pickStep, type PickSource, type PickStepOptions } from '../../wizard/pickStep';
import type { WizardStep } from '../../wizard/wizardStep';

/** The value of the row that reloads a list whose load failed. */
const RETRY = Symbol('retry');
type Retry = typeof RETRY;

/**
 * A pick step whose items come from the network. When loading fails, the pick shows one "Retry" row with the
 * reason instead of failing the whole form, so nothing typed in earlier steps is lost (Back and cancel still work).
 * A progressive source keeps the rows it already added and gets the "Retry" row after them.
 */
export function retryablePickStep<C, T>(options: PickStepOptions<C, T> & { log: ExtensionLog; operation: string }): WizardStep<C> {
  let retryChosen = false;
  const equals = options.equals ?? Object.is;
  const retryRow = (error: unknown): PickItem<Retry> => {
    logError(options.log, error, options.operation);
    return { label: vscode.l10n.t('$(refresh) Retry'), description: describeError(error), value: RETRY, alwaysShow: true };
  };
  const { items, progressiveItems, ...settings } = options;
  const source: PickSource<C, T | Retry> = progressiveItems
    ? {
        progressiveItems: async (ctx, add, signal) => {
          try {
            await progressiveItems(ctx, add, signal);
          } catch (error) {
            if (!signal.aborted) add([retryRow(error)]);
          }
        },
      }
    : {
        items: async (ctx): Promise<PickItem<T | Retry>[]> => {
          try {
            return await items(ctx);
          } catch (error) {
            return [retryRow(error)];
          }
        },
      };
  const inner = pickStep<C, T | Retry>({
    ...settings,
    ...source,
    get: (ctx) => options.get(ctx),
    set: (ctx, value) => {
      retryChosen = value === RETRY;
      if (value !== RETRY) options.set(ctx, value);
    },
    equals: (a, b) => (a === RETRY || b === RETRY ? a === b : equals(a, b)),
  });
  return {
    ...inner,
    async prompt(ctx, ui, step) {
      for (;;) {
        retryChosen = false;
        const outcome = await inner.prompt(ctx, ui, step);
        if (outcome !== 'next' || !retryChosen) return outcome;
      }
    },
  };
}
