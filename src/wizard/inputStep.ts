import { BACK } from '../ui/userInput';
import type { WizardStep } from './wizardStep';

/** Shown in the summary instead of a password's value (never its length either). */
export const MASKED_VALUE = '••••••••';

export interface InputStepOptions<C> {
  id: string;
  /** The field name, already localized. */
  label: string;
  /** The current answer, offered prefilled (coming back, editing, or a default). */
  get: (ctx: C) => string | undefined;
  /** Stores an accepted answer. */
  set: (ctx: C, value: string) => void;
  prompt?: string | ((ctx: C) => string | undefined);
  placeholder?: string | ((ctx: C) => string | undefined);
  /** Masks the box and the summary row. */
  password?: boolean;
  /** Runs while typing; returns an error sentence or `undefined`. */
  validate?: (value: string, ctx: C) => string | undefined | Promise<string | undefined>;
  /** Runs on Enter (e.g. a duplicate check); an error sentence keeps the box open. */
  validateOnAccept?: (value: string, ctx: C) => Promise<string | undefined>;
  /** Default: always. */
  shouldPrompt?: (ctx: C) => boolean;
  /** Default: the value itself, masked for passwords, nothing when empty. */
  summary?: (ctx: C) => string | undefined;
}

/** A step that asks for one line of text. */
export function inputStep<C>(options: InputStepOptions<C>): WizardStep<C> {
  return {
    id: options.id,
    label: options.label,
    shouldPrompt: (ctx) => options.shouldPrompt?.(ctx) ?? true,
    summary: (ctx) => {
      if (options.summary) return options.summary(ctx);
      const value = options.get(ctx);
      if (value === undefined || value === '') return undefined;
      return options.password ? MASKED_VALUE : value;
    },
    async prompt(ctx, ui, step) {
      const { validate, validateOnAccept } = options;
      const answer = await ui.input({
        ...step,
        prompt: resolveText(options.prompt, ctx),
        placeholder: resolveText(options.placeholder, ctx),
        value: options.get(ctx),
        password: options.password,
        validate: validate && ((value) => validate(value, ctx)),
        validateOnAccept: validateOnAccept && ((value) => validateOnAccept(value, ctx)),
      });
      if (answer === undefined || answer === BACK) return answer;
      options.set(ctx, answer);
      return 'next';
    },
  };
}

export function resolveText<C>(text: string | ((ctx: C) => string | undefined) | undefined, ctx: C): string | undefined {
  return typeof text === 'function' ? text(ctx) : text;
}
