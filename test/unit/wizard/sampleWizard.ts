import type { UserInput } from '../../../src/ui/userInput';
import { inputStep } from '../../../src/wizard/inputStep';
import { listStep } from '../../../src/wizard/listStep';
import { numberStep } from '../../../src/wizard/numberStep';
import { pickStep } from '../../../src/wizard/pickStep';
import { runWizard, type SummaryLabels } from '../../../src/wizard/runWizard';
import { checkResourceName, checkTag, formatTag, parseTag, withMessages, type Tag } from '../../../src/wizard/validation';
import type { WizardStep } from '../../../src/wizard/wizardStep';

/** A small create form shaped like the real one: a preset-able pick, checked text, conditional steps, a secret, tags. */
export interface SampleContext {
  presetCluster?: boolean;
  cluster?: string;
  name?: string;
  image?: string;
  useCopilot?: boolean;
  copilotCpu?: number;
  secret?: string;
  tags: Tag[];
}

export const TITLE = 'Create Cloud ML';
export const COPILOT_IMAGES = new Set(['img-a']);
export const TAKEN_NAMES = new Set(['taken-name']);

export const SUMMARY: SummaryLabels = {
  executeLabel: 'Create',
  editLabel: (label) => `Edit ${label}…`,
  cancelLabel: 'Cancel',
  placeholder: 'Review and create',
};

/** Counts the accept-time checks, so tests can prove validateOnAccept runs only after validate passes. */
export const acceptChecks: string[] = [];

export function sampleSteps(): WizardStep<SampleContext>[] {
  return [
    pickStep<SampleContext, string>({
      id: 'cluster',
      label: 'Cluster',
      placeholder: 'Pick a cluster',
      // A promise, as when the list comes from the API.
      items: () =>
        Promise.resolve([
          { label: 'cluster-one', value: 'c1', description: 'RUNNING' },
          { label: 'cluster-two', value: 'c2', description: 'RUNNING' },
        ]),
      get: (ctx) => ctx.cluster,
      set: (ctx, value) => (ctx.cluster = value),
      shouldPrompt: (ctx) => !ctx.presetCluster,
    }),
    inputStep<SampleContext>({
      id: 'name',
      label: 'Name',
      prompt: 'Name of the Cloud ML',
      get: (ctx) => ctx.name,
      set: (ctx, value) => (ctx.name = value),
      validate: withMessages(checkResourceName, (problem) => `name problem: ${problem}`),
      validateOnAccept: async (value) => {
        acceptChecks.push(value);
        await new Promise((resolve) => setImmediate(resolve));
        return TAKEN_NAMES.has(value) ? `The name ${value} is already taken.` : undefined;
      },
    }),
    pickStep<SampleContext, string>({
      id: 'image',
      label: 'Image',
      items: () => [
        { label: 'Image A (copilot)', value: 'img-a' },
        { label: 'Image B', value: 'img-b' },
      ],
      get: (ctx) => ctx.image,
      set: (ctx, value) => (ctx.image = value),
    }),
    pickStep<SampleContext, boolean>({
      id: 'copilot',
      label: 'Copilot',
      items: () => [
        { label: 'Yes', value: true },
        { label: 'No', value: false },
      ],
      get: (ctx) => ctx.useCopilot,
      set: (ctx, value) => (ctx.useCopilot = value),
      shouldPrompt: (ctx) => ctx.image !== undefined && COPILOT_IMAGES.has(ctx.image),
    }),
    numberStep<SampleContext>({
      id: 'copilotCpu',
      label: 'Copilot CPU',
      get: (ctx) => ctx.copilotCpu,
      set: (ctx, value) => (ctx.copilotCpu = value),
      range: { min: 1, max: 8 },
      message: (problem) => `cpu problem: ${problem.kind}`,
      shouldPrompt: (ctx) => ctx.image !== undefined && COPILOT_IMAGES.has(ctx.image) && ctx.useCopilot === true,
    }),
    inputStep<SampleContext>({
      id: 'secret',
      label: 'Registry secret key',
      password: true,
      get: (ctx) => ctx.secret,
      set: (ctx, value) => (ctx.secret = value),
      validate: (value) => (value.length === 0 ? 'Enter the secret key.' : undefined),
    }),
    listStep<SampleContext, Tag>({
      id: 'tags',
      label: 'Tags',
      get: (ctx) => ctx.tags,
      set: (ctx, tags) => (ctx.tags = tags),
      format: formatTag,
      parse: parseTag,
      validate: (text, existing) => {
        const problem = checkTag(text, existing);
        return problem === undefined ? undefined : `tag problem: ${problem}`;
      },
      labels: { placeholder: 'Tags', add: 'Add tag…', done: 'Done', remove: 'Remove', inputPrompt: 'key=value' },
    }),
  ];
}

export function runSample(ui: UserInput, context: SampleContext = { tags: [] }, withSummary = true): Promise<SampleContext | undefined> {
  return runWizard({ title: TITLE, steps: sampleSteps(), context, ui, summary: withSummary ? SUMMARY : undefined });
}
