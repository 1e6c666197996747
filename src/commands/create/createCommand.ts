import * as vscode from 'vscode';
import { describeError } from '../../ui/errorPresenter';
import { runWizard } from '../../wizard/runWizard';
import { ClusterEstimates, type EstimateLoader } from './clusterEstimates';
import { createCloudMlSteps, createSummaryLabels, createTitle } from './createCloudMlWizard';
import { newCreateContext, copilotRequested, type ChosenCluster, type CreateCloudMlContext } from './createCloudMlContext';
import type { CreateAttempt } from './createdInstanceLookup';
import { buildCreateRequest } from './createRequest';
import { resourceLabel } from './createResourceSteps';
import type { CommandServices } from '../commandServices';
import { targetOf } from '../../model/commandTargets';
import { submitCreate, trackIfLanded } from './createSubmission';
import { askAfterFailure } from '../failureChoice';
import { fillResourceDefaults, resourceProblems, type ResourceProblem } from './resourceBounds';
import { createClusterItems } from '../targetPickers';

/**
 * scpCloudMl.create: the create form (preset cluster when started from a cluster node), then the POST with
 * progress. Nothing typed is lost when something fails: the form returns to its summary ("Edit"). After a POST
 * whose outcome is unknown, every way to the next POST first asks SCP whether it went through (createSubmission),
 * so a create is never sent twice, and a form closed meanwhile still tracks what landed.
 */
export async function createCommand(services: CommandServices, arg?: unknown): Promise<void> {
  const target = targetOf(arg);
  const preset: ChosenCluster | undefined = target?.kind === 'cluster' ? { id: target.clusterId, name: target.clusterName } : undefined;
  await runCreateForm(services, newCreateContext(preset));
}

/** How a create form started elsewhere (find a cluster, create like this) differs from the plain one. */
export interface CreateFormStart {
  /** Steps already answered before the form (shown in the summary, editable there, not asked again). */
  given?: ReadonlySet<string>;
  /** A summary row's second line, e.g. where a copied answer came from. */
  summaryDetail?: (stepId: string) => string | undefined;
  /** Where the estimates come from (default: read by this form alone). */
  estimates?: EstimateLoader;
  /** The form's title (default "Create Cloud ML"). */
  title?: string;
}

/**
 * The create form over `ctx` (prefilled answers are offered as defaults), then the POST; shared by every way to
 * create so that each gets the same checks and the same no-double-create submission.
 */
export async function runCreateForm(services: CommandServices, ctx: CreateCloudMlContext, start: CreateFormStart = {}): Promise<void> {
  const session = await services.connection.session();
  const profileId = session.profile.id;
  const cloudMl = async () => (await services.connection.sessionFor(profileId)).cloudMl;

  const estimates = new ClusterEstimates(start.estimates ?? (async (clusterId, useCopilot, signal) => (await cloudMl()).getEstimate(clusterId, useCopilot, signal)));
  if (ctx.cluster) estimates.prefetch(ctx.cluster.id, false);
  const steps = createCloudMlSteps({
    log: services.log,
    estimates,
    clusterItems: (add, signal) => createClusterItems(services, add, signal),
    images: () => services.catalog.imageList(),
    isTaken: async (query) => (await cloudMl()).checkDuplication(query),
  });
  const summaryDetail = start.summaryDetail;

  let startAt: 'summary' | undefined;
  // POSTs of this form whose outcome is unknown: kept across Edit, so the next POST looks for them first.
  const unsettled: CreateAttempt[] = [];
  try {
    for (;;) {
      const filled = await runWizard({
        title: start.title ?? createTitle(),
        steps,
        context: ctx,
        ui: services.ui,
        summary: createSummaryLabels(),
        startAt,
        ...(start.given ? { given: start.given } : {}),
        ...(summaryDetail ? { summaryDetail: (step: { id: string }) => summaryDetail(step.id) } : {}),
      });
      if (!filled) return;
      // From now on every way back leads to the summary with every answer kept.
      startAt = 'summary';
      if (!(await resourcesFitEstimate(services, ctx, estimates))) continue;
      const request = buildCreateRequest(ctx);
      const cluster = { id: request.cluster_id, name: ctx.cluster?.name ?? request.cluster_id };
      const outcome = await submitCreate(services, request, cluster, profileId, cloudMl, unsettled);
      if (outcome !== 'edit') return;
    }
  } finally {
    if (unsettled.length > 0) trackIfLanded(services, [...unsettled], profileId, cloudMl);
  }
}

/**
 * The estimate that applies may have changed since the resources were typed (copilot switched on, another
 * cluster): check again before sending, and send the user back to the summary with the bound when it is exceeded.
 */
async function resourcesFitEstimate(services: CommandServices, ctx: CreateCloudMlContext, estimates: ClusterEstimates): Promise<boolean> {
  const cluster = ctx.cluster;
  if (!cluster) return true;
  const needed = copilotRequested(ctx) ? [true] : [false];
  for (;;) {
    try {
      await services.ui.withProgress({ title: vscode.l10n.t('Reading the resource estimate of cluster {0}…', cluster.name), location: 'window' }, () =>
        Promise.all(needed.map((useCopilot) => estimates.get(cluster.id, useCopilot))),
      );
      break;
    } catch (error) {
      const choice = await askAfterFailure(services, error, {
        message: vscode.l10n.t('Could not read the resource estimate of cluster {0}: {1}', cluster.name, describeError(error)),
        operation: 'read cluster estimate',
        edit: true,
      });
      if (choice !== 'retry') return false;
    }
  }
  const estimateOf = (useCopilot: boolean): unknown => estimates.cached(cluster.id, useCopilot);
  // Answers dropped by a change of cluster take the new cluster's defaults.
  fillResourceDefaults(ctx, estimateOf);
  const problems = resourceProblems(ctx, estimateOf);
  if (problems.length === 0) return true;
  void services.ui.warn(problems.map(problemSentence).join(' '));
  return false;
}

function problemSentence(problem: ResourceProblem): string {
  const label = resourceLabel(problem.field);
  switch (problem.kind) {
    case 'missing':
      return vscode.l10n.t('{0} has no value; edit it before creating.', label);
    case 'aboveEstimate':
      return vscode.l10n.t('{0} is {1}, more than the cluster estimate allows ({2}); edit it before creating.', label, String(problem.value), String(problem.max));
    case 'belowMinimum':
      return vscode.l10n.t('{0} is {1}, less than the minimum ({2}); edit it before creating.', label, String(problem.value), String(problem.min));
  }
}
