import * as vscode from 'vscode';
import type { WorkloadRequest } from '../../capacity/clusterFit';
import type { UserInput } from '../../ui/userInput';
import { numberStep } from '../../wizard/numberStep';
import { pickStep } from '../../wizard/pickStep';
import { runWizard } from '../../wizard/runWizard';
import type { WizardStep } from '../../wizard/wizardStep';
import { numberMessage, resourceLabel } from './createResourceSteps';

/** The answers of "find a cluster for…" before any cluster is known. */
interface WorkloadAnswers {
  cpu?: number;
  gpu?: number;
  memory?: number;
  useCopilot?: boolean;
}

export function fittingTitle(): string {
  return vscode.l10n.t('Create Cloud ML: find a cluster for…');
}

/**
 * Asks what the workload needs (analytics CPU, GPU, memory, copilot) before any cluster is chosen. The step ids
 * are those of the create form, so its answers carry over as given. undefined = cancelled.
 */
export async function askWorkload(ui: UserInput): Promise<WorkloadRequest | undefined> {
  const answers: WorkloadAnswers = {};
  const amount = (kind: 'cpu' | 'gpu' | 'memory', example: string): WizardStep<WorkloadAnswers> =>
    numberStep<WorkloadAnswers>({
      id: `analytics.${kind}`,
      label: resourceLabel({ group: 'analytics', kind }),
      get: (ctx) => ctx[kind],
      set: (ctx, value) => (ctx[kind] = value),
      range: kind === 'gpu' ? { min: 0, integer: true } : kind === 'cpu' ? { min: 0.5 } : { min: 1 },
      message: numberMessage,
      prompt: vscode.l10n.t('{0} the workload needs; clusters are ranked by what they keep free after it.', resourceLabel({ group: 'analytics', kind })),
      placeholder: example,
    });
  const steps: WizardStep<WorkloadAnswers>[] = [
    amount('cpu', vscode.l10n.t('e.g. 4')),
    amount('gpu', vscode.l10n.t('e.g. 2')),
    amount('memory', vscode.l10n.t('e.g. 16')),
    pickStep<WorkloadAnswers, boolean>({
      id: 'useCopilot',
      label: vscode.l10n.t('Copilot'),
      items: () => [
        { label: vscode.l10n.t('No copilot'), value: false },
        { label: vscode.l10n.t('Use copilot'), description: vscode.l10n.t('Needs its own CPU, GPU and memory'), value: true },
      ],
      get: (ctx) => ctx.useCopilot,
      set: (ctx, use) => (ctx.useCopilot = use),
      placeholder: vscode.l10n.t('Copilot needs room of its own on the cluster'),
    }),
  ];
  const filled = await runWizard({ title: fittingTitle(), steps, context: answers, ui });
  if (!filled || filled.cpu === undefined || filled.gpu === undefined || filled.memory === undefined) return undefined;
  return { cpu: filled.cpu, gpu: filled.gpu, memory: filled.memory, useCopilot: filled.useCopilot ?? false };
}
