import type { Back, StepInfo, UserInput } from '../ui/userInput';

/** What a step's prompt ends with: go on, go back (Back button), or `undefined` when the user cancelled. */
export type StepOutcome = 'next' | Back | undefined;

/**
 * One question of a wizard. A step reads its previous answer from the context (so coming back shows it
 * prefilled) and writes the new answer into the context only when the user accepts.
 */
export interface WizardStep<C> {
  /** Unique within one wizard. */
  id: string;
  /** The field name, already localized; the summary shows "Edit <label>…". */
  label: string;
  /**
   * Whether this step applies given the answers so far. It must stay true after the step has written its own
   * answer (ask "does this field apply?", not "is it still empty?"), otherwise the step drops out of the
   * step count and the summary once answered.
   */
  shouldPrompt(ctx: C): boolean;
  /** Asks the user; `step` carries the title, the "n/total" counter and whether Back is offered. */
  prompt(ctx: C, ui: UserInput, step: StepInfo): Promise<StepOutcome>;
  /** The answer as shown in the summary row; `undefined` shows no value. Never return a secret. */
  summary?(ctx: C): string | undefined;
}
