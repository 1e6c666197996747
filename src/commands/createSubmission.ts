import * as vscode from 'vscode';
import type { CloudMlApi } from '../scp/cloudMlApi';
import type { CloudMlCreateRequest } from '../scp/cloudMlSchemas';
import { isScpError } from '../scp/scpError';
import { describeError, logError } from '../ui/errorPresenter';
import type { CommandServices } from './commandServices';
import { instanceTarget } from '../model/commandTargets';
import { lookUpLandedCreate, type CreateAttempt } from './createdInstanceLookup';
import { askAfterFailure } from './failureChoice';
import { waitUnlessCancelled } from './writeInFlight';

type CloudMlOf = () => Promise<CloudMlApi>;

type Attempt =
  | { kind: 'created'; cloudMlId: string }
  /** An earlier attempt whose answer was lost did land: that instance is the result, nothing was sent. */
  | { kind: 'adopted'; attempt: CreateAttempt; cloudMlId: string }
  | { kind: 'nameTaken' }
  /** Cancelled while the POST was on its way: it is followed in the background. */
  | { kind: 'letGo' }
  /** Cancelled before anything was sent. */
  | { kind: 'notSent' };

/**
 * One create of the form's answers. `unsettled` holds the earlier POSTs of this form whose outcome is unknown
 * (5xx, reset, timeout, an answer that could not be read); it outlives Edit, so whatever path leads to the next
 * POST (Retry, Edit then Create, a new name, another cluster), SCP is asked first whether one of them landed,
 * and a landed one is adopted instead of sending again. When that question cannot be answered, nothing is sent.
 */
export async function submitCreate(
  services: CommandServices,
  request: CloudMlCreateRequest,
  cluster: { id: string; name: string },
  profileId: string,
  cloudMl: CloudMlOf,
  unsettled: CreateAttempt[],
): Promise<'created' | 'edit' | 'stop'> {
  const name = request.cloud_ml_name;
  const thisAttempt: CreateAttempt = { name, cluster };
  for (;;) {
    let posting = false;
    let attempt: Attempt;
    try {
      attempt = await services.ui.withProgress(
        { title: vscode.l10n.t('Creating Cloud ML {0} on cluster {1}…', name, cluster.name), cancellable: true },
        async (progress, signal): Promise<Attempt> => {
          const api = await cloudMl();
          if (unsettled.length > 0) {
            progress.report(vscode.l10n.t('Checking whether the previous attempt went through…'));
            const found = await lookUpLandedCreate(api, unsettled, signal);
            if (found.landed) return { kind: 'adopted', attempt: found.attempt, cloudMlId: found.detail.cloud_ml_id };
            services.log.info(`create ${name}: no earlier attempt went through (${unsettled.map((a) => a.name).join(', ')})`);
            unsettled.length = 0;
            if (found.takenElsewhere.includes(name)) return { kind: 'nameTaken' };
            progress.report(vscode.l10n.t('Sending the request again…'));
          }
          if (signal.aborted) return { kind: 'notSent' };
          posting = true;
          // Not aborted by Cancel: once sent, SCP may apply it whatever the client does.
          const sent = api.create(request);
          const waited = await waitUnlessCancelled(sent, signal);
          if (waited.settled) return { kind: 'created', cloudMlId: waited.value.cloudMlId };
          followLetGoCreate(services, sent, thisAttempt, profileId, cloudMl);
          return { kind: 'letGo' };
        },
      );
    } catch (error) {
      if (isScpError(error) && error.kind === 'cancelled') {
        services.log.info(`create ${name}: cancelled by the user before anything was sent`);
        return 'stop';
      }
      if (posting && !(isScpError(error) && error.kind === 'badInput')) unsettled.push(thisAttempt);
      const message = posting
        ? vscode.l10n.t('Creating Cloud ML {0} failed: {1}', name, describeError(error))
        : vscode.l10n.t('Could not find out whether the earlier request to create Cloud ML {0} went through, so nothing was sent: {1}', name, describeError(error));
      const choice = await askAfterFailure(services, error, { message, operation: `create Cloud ML ${name}`, edit: true });
      if (choice === 'retry') continue;
      return choice;
    }
    switch (attempt.kind) {
      case 'notSent':
        services.log.info(`create ${name}: cancelled by the user before anything was sent`);
        return 'stop';
      case 'letGo':
        services.log.info(`create ${name}: cancelled while the request was on its way; following it in the background`);
        return 'stop';
      case 'nameTaken': {
        const edit = vscode.l10n.t('Edit');
        const choice = await services.ui.error(vscode.l10n.t('The name {0} was taken by another Cloud ML meanwhile, so nothing was created. Edit the name, then create.', name), {}, edit);
        return choice === edit ? 'edit' : 'stop';
      }
      case 'adopted':
        adopt(services, profileId, attempt.attempt, attempt.cloudMlId);
        unsettled.length = 0;
        return 'created';
      case 'created':
        unsettled.length = 0;
        handOver(services, { profileId, cluster, cloudMlId: attempt.cloudMlId, name });
        return 'created';
    }
  }
}

/** An earlier attempt landed: follow that instance and say so; the form's answers are not sent. */
function adopt(services: CommandServices, profileId: string, attempt: CreateAttempt, cloudMlId: string): void {
  services.log.info(`create ${attempt.name}: the earlier attempt went through (${cloudMlId}); not sending again`);
  handOver(services, { profileId, cluster: attempt.cluster, cloudMlId, name: attempt.name });
  void services.ui.info(
    vscode.l10n.t('The earlier request went through after all: Cloud ML {0} is being created on cluster {1}, so nothing was sent again.', attempt.name, attempt.cluster.name),
  );
}

/**
 * The user stopped waiting for a POST that was already sent: when it settles, find out whether it created the
 * instance (its answer, or the lookup when the answer was lost) and track it, so it never goes unnoticed.
 */
function followLetGoCreate(services: CommandServices, sent: Promise<{ cloudMlId: string }>, attempt: CreateAttempt, profileId: string, cloudMl: CloudMlOf): void {
  sent.then(
    (created) => landedMeanwhile(services, profileId, attempt, created.cloudMlId),
    (error: unknown) => {
      if (isScpError(error) && error.kind === 'badInput') return;
      trackIfLanded(services, [attempt], profileId, cloudMl);
    },
  );
}

/**
 * The form closed while earlier POSTs had an unknown outcome (cancelled, or the failure dismissed): look once
 * more in the background and track an instance that landed, so none is left behind untracked.
 */
export function trackIfLanded(services: CommandServices, attempts: readonly CreateAttempt[], profileId: string, cloudMl: CloudMlOf): void {
  const names = attempts.map((a) => a.name).join(', ');
  void (async () => {
    try {
      const found = await lookUpLandedCreate(await cloudMl(), attempts);
      if (found.landed) landedMeanwhile(services, profileId, found.attempt, found.detail.cloud_ml_id);
      else services.log.info(`create ${names}: the request(s) with an unknown outcome did not go through`);
    } catch (error) {
      logError(services.log, error, `look up the create of ${names}`);
      const first = attempts[0];
      if (first) {
        void services.ui.warn(
          vscode.l10n.t('Could not find out whether Cloud ML {0} was created after all. Refresh cluster {1} to see.', first.name, first.cluster.name),
        );
      }
    }
  })();
}

function landedMeanwhile(services: CommandServices, profileId: string, attempt: CreateAttempt, cloudMlId: string): void {
  services.log.info(`create ${attempt.name}: a request whose outcome was unknown went through (${cloudMlId})`);
  handOver(services, { profileId, cluster: attempt.cluster, cloudMlId, name: attempt.name });
  void services.ui.info(vscode.l10n.t('The request to create Cloud ML {0} went through after all: it is being created on cluster {1}.', attempt.name, attempt.cluster.name));
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
