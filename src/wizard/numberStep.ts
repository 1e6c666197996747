import { inputStep, resolveText } from './inputStep';
import { checkNumber, parseNumber, type NumberProblem, type NumberRange } from './validation';
import type { WizardStep } from './wizardStep';

export interface NumberStepOptions<C> {
  id: string;
  /** The field name, already localized. */
  label: string;
  /** The current answer or the default (e.g. from the cluster estimate), offered prefilled. */
  get: (ctx: C) => number | undefined;
  set: (ctx: C, value: number) => void;
  /** Limits, possibly from earlier answers (e.g. the chosen cluster's estimate). */
  range: NumberRange | ((ctx: C) => NumberRange);
  /** Turns a problem into a localized sentence. */
  message: (problem: NumberProblem) => string;
  prompt?: string | ((ctx: C) => string | undefined);
  placeholder?: string | ((ctx: C) => string | undefined);
  shouldPrompt?: (ctx: C) => boolean;
  summary?: (ctx: C) => string | undefined;
}

/** A step that asks for a number within limits, refusing anything else while typing. */
export function numberStep<C>(options: NumberStepOptions<C>): WizardStep<C> {
  const rangeOf = (ctx: C): NumberRange => (typeof options.range === 'function' ? options.range(ctx) : options.range);
  return inputStep<C>({
    id: options.id,
    label: options.label,
    get: (ctx) => {
      const value = options.get(ctx);
      return value === undefined ? undefined : String(value);
    },
    set: (ctx, text) => options.set(ctx, parseNumber(text)),
    prompt: (ctx) => resolveText(options.prompt, ctx),
    placeholder: (ctx) => resolveText(options.placeholder, ctx),
    validate: (text, ctx) => {
      const problem = checkNumber(text, rangeOf(ctx));
      return problem === undefined ? undefined : options.message(problem);
    },
    shouldPrompt: options.shouldPrompt,
    summary: options.summary,
  });
}
