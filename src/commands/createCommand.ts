import * as vscode from 'vscode';
import type { CloudMlApi } from '../scp/cloudMlApi';
import { isScpError } from '../scp/scpError';
import { describeError, logError } from '../ui/errorPresenter';
import { runWizard } from '../wizard/runWizard';
import { ClusterEstimates } from './clusterEstimates';
import { createCloudMlSteps, createSummaryLabels, createTitle } from './createCloudMlWizard';
import { newCreateContext, copilotRequested, type ChosenCluster, type CreateCloudMlContext } from './createCloudMlContext';
import { lookUpCreatedInstance } from './createdInstanceLookup';
import { buildCreateRequest } from './createRequest';
import { resourceLabel } from './createResourceSteps';
import type { CommandServices } from './commandServices';
import { instanceTarget, targetOf } from '../model/commandTargets';
import { askAfterFailure } from './failureChoice';
import { cloudMlFor } from './profileBoundApi';
import { fillResourceDefaults, resourceProblems, type ResourceProblem } from './resourceBounds';
import { createClusterItems } from './targetPickers';

type CloudMlOf = () => Promise<CloudMlApi>;

/**
 * scpCloudMl.create: the create form (preset cluster when started from a cluster node), then the POST with
 * progress. Nothing typed is lost when something fails: the form returns to its summary ("Edit"), and "Retry"
 * first asks SCP whether the failed POST went through after all, so a create is never sent twice.
 */
export async function createCommand(services: CommandServices, arg?: unknown): Promise<void> {
  const target = targetOf(arg);
  const session = await services.connection.session();
  const profileId = session.profile.id;
  const cloudMl = cloudMlFor(services, profileId);
  const preset: ChosenCluster | undefined = target?.kind === 'cluster' ? { id: target.clusterId, name: target.clusterName } : undefined;

  const estimates = new ClusterEstimates(async (clusterId, useCopilot, signal) => (await cloudMl()).getEstimate(clusterId, useCopilot, signal));
  if (preset) estimates.prefetch(preset.id, false);
  const ctx = newCreateContext(preset);
  const steps = createCloudMlSteps({
    log: services.log,
    estimates,
    clusterItems: () => createClusterItems(services),
    images: () => services.catalog.imageList(),
    isTaken: async (query) => (await cloudMl()).checkDuplication(query),
  });

  let startAt: 'summary' | undefined;
  for (;;) {
    const filled = await runWizard({ title: createTitle(), steps, context: ctx, ui: services.ui, summary: createSummaryLabels(), startAt });
    if (!filled) return;
    // From now on every way back leads to the summary with every answer kept.
    startAt = 'summary';
    if (!(await resourcesFitEstimate(services, ctx, estimates))) continue;
    const outcome = await submitCreate(services, ctx, profileId, cloudMl);
    if (outcome !== 'edit') return;
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

type Attempt = { kind: 'created'; cloudMlId: string } | { kind: 'nameTaken' };

async function submitCreate(services: CommandServices, ctx: CreateCloudMlContext, profileId: string, cloudMl: CloudMlOf): Promise<'created' | 'edit' | 'stop'> {
  const request = buildCreateRequest(ctx);
  const name = request.cloud_ml_name;
  const cluster = { id: request.cluster_id, name: ctx.cluster?.name ?? request.cluster_id };
  // After any failed POST the request may have arrived: from then on, ask before sending again.
  let mayHaveGoneThrough = false;
  for (;;) {
    let attempt: Attempt;
    try {
      attempt = await services.ui.withProgress(
        { title: vscode.l10n.t('Creating Cloud ML {0} on cluster {1}…', name, cluster.name), cancellable: true },
        async (progress, signal): Promise<Attempt> => {
          if (mayHaveGoneThrough) {
            progress.report(vscode.l10n.t('Checking whether the previous attempt went through…'));
            const found = await lookUpCreatedInstance(await cloudMl(), { name, clusterId: cluster.id }, signal);
            if (found.outcome === 'created') {
              services.log.info(`create ${name}: the earlier attempt went through (${found.detail.cloud_ml_id}); not sending it again`);
              return { kind: 'created', cloudMlId: found.detail.cloud_ml_id };
            }
            if (found.outcome === 'nameTakenElsewhere') return { kind: 'nameTaken' };
            progress.report(vscode.l10n.t('Sending the request again…'));
          }
          const created = await (await cloudMl()).create(request, signal);
          return { kind: 'created', cloudMlId: created.cloudMlId };
        },
      );
    } catch (error) {
      if (isScpError(error) && error.kind === 'cancelled') {
        services.log.info(`create ${name}: cancelled by the user`);
        return 'stop';
      }
      mayHaveGoneThrough = true;
      const choice = await askAfterFailure(services, error, {
        message: vscode.l10n.t('Creating Cloud ML {0} failed: {1}', name, describeError(error)),
        operation: `create Cloud ML ${name}`,
        edit: true,
      });
      if (choice === 'retry') continue;
      return choice;
    }
    if (attempt.kind === 'nameTaken') {
      const edit = vscode.l10n.t('Edit');
      const choice = await services.ui.error(vscode.l10n.t('The name {0} was taken by another Cloud ML meanwhile, so nothing was created. Edit the name, then create.', name), {}, edit);
      return choice === edit ? 'edit' : 'stop';
    }
    handOver(services, { profileId, cluster, cloudMlId: attempt.cloudMlId, name });
    return 'created';
  }
}

/** The new instance goes to deployment tracking (status bar, notification) and is shown in the tree. */
function handOver(services: CommandServices, created: { profileId: string; cluster: { id: string; name: string }; cloudMlId: string; name: string }): void {
  const { profileId, cluster, cloudMlId, name } = created;
  services.log.info(`create ${name}: accepted as ${cloudMlId} on cluster ${cluster.name}`);
  services.catalog.invalidate(cluster.id);
  services.tracker.track({ profileId, cloudMlId, clusterId: cluster.id, name, kind: 'create' });
  const target = instanceTarget(profileId, cluster, { cloudMlId, name, state: 'CREATING' });
  // Not awaited: the tree may have pages to load first; the instance is created and tracked either way.
  services.explorer.reveal(target).catch((error: unknown) => logError(services.log, error, `reveal ${name}`));
}
