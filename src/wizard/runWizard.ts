import { BACK, type PickItem, type UserInput } from '../ui/userInput';
import type { WizardStep } from './wizardStep';

/** The texts of the final summary pick, already localized by the caller. */
export interface SummaryLabels {
  /** E.g. "Create". */
  executeLabel: string;
  /** E.g. (label) => l10n.t('Edit {0}…', label). */
  editLabel: (fieldLabel: string) => string;
  /** E.g. "Cancel". */
  cancelLabel: string;
  /** E.g. "Review and create". */
  placeholder: string;
}

export interface WizardOptions<C> {
  /** E.g. "Create Cloud ML"; prompts show "Create Cloud ML (3/9)". */
  title: string;
  steps: readonly WizardStep<C>[];
  /** Filled in place by the steps; prefilled values are offered as defaults. */
  context: C;
  ui: UserInput;
  /** Without it the wizard finishes after the last step; with it the user reviews and confirms first. */
  summary?: SummaryLabels;
  /**
   * Where to begin: the first step (default), a step by id with the applicable steps before it counted as
   * answered (e.g. back to the key steps after a refused sign-in), or 'summary' with every applicable step
   * counted as answered (e.g. "Edit" after a failed create keeps everything typed).
   */
  startAt?: { stepId: string } | 'summary';
  /**
   * Steps answered before the form opened (asked by a form before this one, or copied from an instance): not
   * asked on the way through, but shown in the summary, where they can be edited like any other answer.
   */
  given?: ReadonlySet<string>;
  /** A second line for a summary row, e.g. where a copied answer came from. */
  summaryDetail?: (step: WizardStep<C>) => string | undefined;
}

/** Where the wizard is: a step index or the summary. */
type Position = number | 'summary';

type SummaryChoice = { kind: 'execute' } | { kind: 'cancel' } | { kind: 'edit'; index: number };

/**
 * Runs the steps in order and resolves to the filled context, or `undefined` when the user cancelled
 * anywhere (then nothing else happens). Back returns to the previously prompted step with its answer kept;
 * the step counter counts only the steps that apply to the answers so far. With a summary, "Edit <field>…"
 * re-asks that one field and returns to the summary, asking only the steps the change made newly required.
 */
export async function runWizard<C>(options: WizardOptions<C>): Promise<C | undefined> {
  const { title, steps, context: ctx, ui, summary } = options;
  const applies = (index: number): boolean => steps[index].shouldPrompt(ctx);
  const isGiven = (index: number): boolean => options.given?.has(steps[index].id) === true;
  const answered = new Set<number>();
  // The positions Back walks through, most recent last.
  let history: Position[] = [];
  // After the summary was reached by an edit, moving on skips steps that already have an answer.
  let reviewing = false;

  const nextAfter = (index: number): Position => {
    for (let next = index + 1; next < steps.length; next++) {
      if (!applies(next)) continue;
      if (isGiven(next) && !answered.has(next)) {
        answered.add(next);
        continue;
      }
      if (!(reviewing && answered.has(next))) return next;
    }
    return 'summary';
  };

  let current: Position = startPosition(options, applies, answered, history);
  if (typeof current === 'number' && isGiven(current) && !answered.has(current)) current = nextAfter(current - 1);

  for (;;) {
    if (current === 'summary') {
      if (!summary) return ctx;
      for (const index of [...answered]) if (!applies(index)) answered.delete(index);
      history = [...answered].sort((a, b) => a - b);
      reviewing = true;
      const choice = await ui.pick(summaryItems(steps, ctx, answered, summary, options.summaryDetail), {
        title,
        placeholder: summary.placeholder,
        canGoBack: history.length > 0,
      });
      if (choice === undefined || (choice !== BACK && choice.kind === 'cancel')) return undefined;
      if (choice === BACK) {
        // Back from the summary walks the steps again in order, like Back anywhere else.
        reviewing = false;
        current = popApplicable(history, applies) ?? 'summary';
      } else if (choice.kind === 'execute') {
        return ctx;
      } else {
        history = ['summary'];
        current = choice.index;
      }
      continue;
    }

    const index: number = current;
    const outcome = await steps[index].prompt(ctx, ui, {
      title,
      ...stepCounter(steps.length, applies, index),
      canGoBack: history.length > 0,
    });
    if (outcome === undefined) return undefined;
    if (outcome === BACK) {
      current = popApplicable(history, applies) ?? index;
      continue;
    }
    answered.add(index);
    history.push(index);
    current = nextAfter(index);
  }
}

function startPosition<C>(
  options: WizardOptions<C>,
  applies: (index: number) => boolean,
  answered: Set<number>,
  history: Position[],
): Position {
  const { steps, startAt } = options;
  let startIndex: number;
  if (startAt === undefined) startIndex = firstApplicable(steps.length, applies);
  else if (startAt === 'summary') startIndex = steps.length;
  else {
    startIndex = steps.findIndex((s) => s.id === startAt.stepId);
    // A programming error, not a user-facing failure.
    if (startIndex < 0) throw new Error(`runWizard: no step with id "${startAt.stepId}"`);
  }
  for (let index = 0; index < startIndex && index < steps.length; index++) {
    if (!applies(index)) continue;
    answered.add(index);
    history.push(index);
  }
  return startIndex < steps.length ? startIndex : 'summary';
}

function firstApplicable(count: number, applies: (index: number) => boolean): number {
  for (let index = 0; index < count; index++) if (applies(index)) return index;
  return count;
}

/** Pops the most recent position that still applies (an earlier answer may have made a step moot). */
function popApplicable(history: Position[], applies: (index: number) => boolean): Position | undefined {
  for (let position = history.pop(); position !== undefined; position = history.pop()) {
    if (position === 'summary' || applies(position)) return position;
  }
  return undefined;
}

/** "n/total" among the steps that apply to the answers so far. */
function stepCounter(count: number, applies: (index: number) => boolean, index: number): { step: number; totalSteps: number } {
  let step = 1;
  let totalSteps = 0;
  for (let other = 0; other < count; other++) {
    if (other !== index && !applies(other)) continue;
    totalSteps++;
    if (other < index) step++;
  }
  return { step, totalSteps };
}

function summaryItems<C>(
  steps: readonly WizardStep<C>[],
  ctx: C,
  answered: ReadonlySet<number>,
  labels: SummaryLabels,
  detailOf: ((step: WizardStep<C>) => string | undefined) | undefined,
): PickItem<SummaryChoice>[] {
  const edits = [...answered]
    .sort((a, b) => a - b)
    .map((index): PickItem<SummaryChoice> => {
      const detail = detailOf?.(steps[index]);
      return {
        label: labels.editLabel(steps[index].label),
        description: steps[index].summary?.(ctx),
        ...(detail !== undefined ? { detail } : {}),
        value: { kind: 'edit', index },
      };
    });
  return [
    { label: labels.executeLabel, value: { kind: 'execute' }, alwaysShow: true },
    ...edits,
    { label: labels.cancelLabel, value: { kind: 'cancel' }, alwaysShow: true },
  ];
}
