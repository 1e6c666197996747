import * as vscode from 'vscode';
import { describeError, logError } from '../../ui/errorPresenter';
import type { ExtensionLog } from '../../ui/extensionLog';
import { BACK, type StepInfo, type UserInput } from '../../ui/userInput';
import { numberStep } from '../../wizard/numberStep';
import type { NumberProblem } from '../../wizard/validation';
import type { StepOutcome, WizardStep } from '../../wizard/wizardStep';
import type { ClusterEstimates } from './clusterEstimates';
import type { CreateCloudMlContext } from './createCloudMlContext';
import { RESOURCE_FIELDS, type ResourceField } from '../../model/estimateAmounts';
import { estimateUsesCopilot, resourceApplies, resourceLimit, resourceValue, setResourceValue } from './resourceBounds';

export interface ResourceStepDeps {
  estimates: ClusterEstimates;
  log: ExtensionLog;
}

/**
 * One number step per resource (analytics cpu/gpu/memory, application cpu/memory, copilot cpu/gpu/memory),
 * prefilled with the cluster estimate and refusing anything above it while typing.
 */
export function createResourceSteps(deps: ResourceStepDeps): WizardStep<CreateCloudMlContext>[] {
  return RESOURCE_FIELDS.map((field) => resourceStep(field, deps));
}

function resourceStep(field: ResourceField, deps: ResourceStepDeps): WizardStep<CreateCloudMlContext> {
  const estimateOf = (ctx: CreateCloudMlContext): unknown =>
    ctx.cluster ? deps.estimates.cached(ctx.cluster.id, estimateUsesCopilot(ctx, field)) : undefined;
  const limitOf = (ctx: CreateCloudMlContext): ReturnType<typeof resourceLimit> => resourceLimit(estimateOf(ctx), field);
  const inner = numberStep<CreateCloudMlContext>({
    id: `${field.group}.${field.kind}`,
    label: resourceLabel(field),
    get: (ctx) => resourceValue(ctx, field) ?? limitOf(ctx).defaultValue,
    set: (ctx, value) => setResourceValue(ctx, field, value),
    range: (ctx) => limitOf(ctx).range,
    message: numberMessage,
    prompt: (ctx) => {
      const max = limitOf(ctx).range.max;
      return max === undefined
        ? vscode.l10n.t('{0}. The cluster estimate states no limit; SCP checks the value.', resourceLabel(field))
        : vscode.l10n.t('{0}: at most {1}, what the cluster estimate allows.', resourceLabel(field), String(max));
    },
    shouldPrompt: (ctx) => resourceApplies(ctx, field),
    summary: (ctx) => {
      const value = resourceValue(ctx, field);
      return value === undefined ? vscode.l10n.t('cluster estimate') : String(value);
    },
  });
  return {
    ...inner,
    async prompt(ctx, ui, step) {
      const ready = await waitForEstimate(ctx, field, ui, step, deps);
      return ready === 'ready' ? inner.prompt(ctx, ui, step) : ready;
    },
  };
}

/**
 * The bounds must be known before the box opens. A failed estimate read offers Retry; otherwise the form goes
 * back one step (nothing typed is lost) rather than asking without limits.
 */
async function waitForEstimate(
  ctx: CreateCloudMlContext,
  field: ResourceField,
  ui: UserInput,
  step: StepInfo,
  deps: ResourceStepDeps,
): Promise<'ready' | StepOutcome> {
  const cluster = ctx.cluster;
  if (!cluster) return 'ready';
  const useCopilot = estimateUsesCopilot(ctx, field);
  for (;;) {
    if (deps.estimates.cached(cluster.id, useCopilot)) return 'ready';
    try {
      await ui.withProgress({ title: vscode.l10n.t('Reading the resource estimate of cluster {0}…', cluster.name), location: 'window' }, () =>
        deps.estimates.get(cluster.id, useCopilot),
      );
      return 'ready';
    } catch (error) {
      logError(deps.log, error, 'read cluster estimate');
      const retry = vscode.l10n.t('Retry');
      const choice = await ui.error(vscode.l10n.t('Could not read the resource estimate of cluster {0}: {1}', cluster.name, describeError(error)), {}, retry);
      if (choice !== retry) return step.canGoBack ? BACK : undefined;
    }
  }
}

/** The field name of a resource, in the form and in messages about it. */
export function resourceLabel(field: ResourceField): string {
  switch (`${field.group}.${field.kind}`) {
    case 'analytics.cpu':
      return vscode.l10n.t('Analytics CPU (cores)');
    case 'analytics.gpu':
      return vscode.l10n.t('Analytics GPU (cards)');
    case 'analytics.memory':
      return vscode.l10n.t('Analytics memory (GiB)');
    case 'application.cpu':
      return vscode.l10n.t('Application CPU (cores)');
    case 'application.memory':
      return vscode.l10n.t('Application memory (GiB)');
    case 'copilot.cpu':
      return vscode.l10n.t('Copilot CPU (cores)');
    case 'copilot.gpu':
      return vscode.l10n.t('Copilot GPU (cards)');
    default:
      return vscode.l10n.t('Copilot memory (GiB)');
  }
}

export function numberMessage(problem: NumberProblem): string {
  switch (problem.kind) {
    case 'empty':
      return vscode.l10n.t('Enter a number.');
    case 'notANumber':
      return vscode.l10n.t('Enter a plain number, e.g. 4 or 2.5.');
    case 'notInteger':
      return vscode.l10n.t('Enter a whole number.');
    case 'belowMin':
      return vscode.l10n.t('Enter at least {0}.', String(problem.min));
    case 'aboveMax':
      return vscode.l10n.t('This cluster can give at most {0} (its resource estimate). Enter {0} or less.', String(problem.max));
  }
}
