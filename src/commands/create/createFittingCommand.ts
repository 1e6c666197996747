import * as vscode from 'vscode';
import { compareFits, type WorkloadRequest } from '../../capacity/clusterFit';
import { judgeClusters, type ClusterFitResult } from '../../capacity/clusterFits';
import { amountsText, headroomText, refusalText, requestText } from '../../capacity/fitTexts';
import { targetOf } from '../../model/commandTargets';
import { pickProgressively } from '../../ui/pickProgressively';
import type { PickItem } from '../../ui/userInput';
import type { CommandServices } from '../commandServices';
import { newCreateContext, type CreateCloudMlContext } from './createCloudMlContext';
import { runCreateForm } from './createCommand';
import { askWorkload, fittingTitle } from './workloadForm';

/** The create form's steps that "find a cluster for…" has answered. */
const GIVEN_STEPS: ReadonlySet<string> = new Set(['cluster', 'analytics.cpu', 'analytics.gpu', 'analytics.memory', 'useCopilot']);

/**
 * scpCloudMl.createFitting ("Create Cloud ML: find a cluster for…"): asks what the workload needs, then lists
 * every cluster of the profile ranked by the room it keeps after the request, filling in as each estimate
 * arrives (under the limiter, cached for the session); clusters that cannot take it are listed with the reason
 * and refuse to be picked. The chosen cluster continues in the create form with those answers filled. Started
 * on a cluster (the estimate panel's "Create Cloud ML here with…"), only that cluster is judged.
 */
export async function createFittingCommand(services: CommandServices, arg?: unknown): Promise<void> {
  const target = targetOf(arg);
  let onlyCluster = target?.kind === 'cluster' ? target.clusterId : undefined;
  await services.connection.session();
  const request = await askWorkload(services.ui);
  if (!request) return;
  for (;;) {
    const chosen = await pickFittingCluster(services, request, onlyCluster);
    if (!chosen) return;
    const refusal = refusalText(chosen.verdict);
    if (refusal === undefined) {
      await continueInCreateForm(services, chosen, request);
      return;
    }
    // A cluster that cannot take it is shown, not chosen: say why and offer the list (again).
    const message = vscode.l10n.t('Cluster {0} cannot take {1}: {2}.', chosen.cluster.name, requestText(request), refusal);
    if (onlyCluster === undefined) {
      void services.ui.warn(message);
      continue;
    }
    const findAnother = vscode.l10n.t('Find another cluster');
    if ((await services.ui.warn(message, {}, findAnother)) !== findAnother) return;
    onlyCluster = undefined;
  }
}

function fitOrder(a: PickItem<ClusterFitResult>, b: PickItem<ClusterFitResult>): number {
  const av = a.value.verdict;
  const bv = b.value.verdict;
  if (av.kind === 'fits' && bv.kind === 'fits') return compareFits(av, bv) || a.value.cluster.name.localeCompare(b.value.cluster.name);
  if (av.kind === 'fits') return -1;
  if (bv.kind === 'fits') return 1;
  return a.value.cluster.name.localeCompare(b.value.cluster.name);
}

function fitItem(result: ClusterFitResult): PickItem<ClusterFitResult> {
  const { cluster, verdict } = result;
  if (verdict.kind === 'fits') {
    return {
      label: `$(pass) ${cluster.name}`,
      description: headroomText(verdict.headroom),
      detail: vscode.l10n.t('Estimate: {0}', amountsText(verdict.estimate)),
      value: result,
    };
  }
  return { label: `$(circle-slash) ${cluster.name}`, description: refusalText(verdict), value: result };
}

async function pickFittingCluster(services: CommandServices, request: WorkloadRequest, onlyCluster: string | undefined): Promise<ClusterFitResult | undefined> {
  const catalog = {
    allClusters: async (signal?: AbortSignal) => (await services.catalog.allClusters(signal)).filter((c) => onlyCluster === undefined || c.id === onlyCluster),
    instanceOf: (id: string, signal?: AbortSignal) => services.catalog.instanceOf(id, signal),
    hasUnreadableInstance: (id: string) => services.catalog.hasUnreadableInstance(id),
  };
  const answer = await pickProgressively<ClusterFitResult>(
    services.ui,
    async (add, signal) => {
      await judgeClusters({ catalog, estimates: services.estimates }, request, (result) => add([fitItem(result)]), signal);
    },
    {
      title: fittingTitle(),
      placeholder: vscode.l10n.t('Clusters for {0}, most room left first', requestText(request)),
      order: fitOrder,
      matchOnDescription: true,
      emptyMessage: vscode.l10n.t('This profile has no cluster.'),
    },
  );
  return typeof answer === 'object' ? answer : undefined;
}

async function continueInCreateForm(services: CommandServices, chosen: ClusterFitResult, request: WorkloadRequest): Promise<void> {
  const ctx: CreateCloudMlContext = newCreateContext();
  ctx.cluster = { id: chosen.cluster.id, name: chosen.cluster.name };
  ctx.analytics = { cpu: request.cpu, gpu: request.gpu, memory: request.memory };
  ctx.useCopilot = request.useCopilot;
  const fromSearch = vscode.l10n.t('from "find a cluster for…"');
  await runCreateForm(services, ctx, {
    given: GIVEN_STEPS,
    // The form reads the estimates the ranking already has.
    estimates: (clusterId, useCopilot, signal) => services.estimates.get(clusterId, useCopilot, signal),
    summaryDetail: (stepId) => (GIVEN_STEPS.has(stepId) ? fromSearch : undefined),
  });
}
