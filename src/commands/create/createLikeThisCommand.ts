import * as vscode from 'vscode';
import type { CommandServices } from '../commandServices';
import { runCreateForm } from './createCommand';
import { likeThisStart, type CopySource } from './likeThisContext';
import { resolveInstanceTarget } from '../targetPickers';

/** Optional registry fields the details do not carry: not asked (only what must differ is), editable in the summary. */
const NOT_IN_DETAILS = ['registry.projectId', 'registry.region'];

/**
 * scpCloudMl.createLikeThis ("Create Cloud ML Like This…"): the create form prefilled from an existing instance
 * (read fresh), asking only what must differ: a new name and domain (checked for availability), the cluster, and
 * the registry secret, which is never copied. The summary says where each copied answer came from.
 */
export async function createLikeThisCommand(services: CommandServices, arg?: unknown): Promise<void> {
  const target = await resolveInstanceTarget(services, arg, {
    title: vscode.l10n.t('Create Cloud ML Like This'),
    placeholder: vscode.l10n.t('Which instance to copy?'),
  });
  if (!target) return;
  const cloudMl = async () => (await services.connection.sessionFor(target.profileId)).cloudMl;
  const [source, images] = await services.ui.withProgress(
    { title: vscode.l10n.t('Reading Cloud ML {0}…', target.name), cancellable: true },
    async (_progress, signal) => Promise.all([(await cloudMl()).get(target.cloudMlId, signal), services.catalog.imageList(signal)]),
  );
  const { ctx, copied } = likeThisStart(source, images);
  // Tags are not a documented field of the details: copied when SCP sends them, otherwise left empty like the others.
  const notInDetails = copied.has('tags') ? NOT_IN_DETAILS : [...NOT_IN_DETAILS, 'tags'];
  const given = new Set([...copied.keys(), ...notInDetails]);
  const from = (where: CopySource): string =>
    where === 'details' ? vscode.l10n.t('copied from {0}', source.cloud_ml_name) : vscode.l10n.t("copied from {0}'s resource request", source.cloud_ml_name);
  services.log.info(`create like ${source.cloud_ml_name}: copied ${[...copied.keys()].join(', ') || 'nothing'}`);
  await runCreateForm(services, ctx, {
    title: vscode.l10n.t('Create Cloud ML like {0}', source.cloud_ml_name),
    given,
    summaryDetail: (stepId) => {
      const where = copied.get(stepId);
      if (where !== undefined) return from(where);
      if (notInDetails.includes(stepId)) return vscode.l10n.t('not in the details of {0}; add it here if needed', source.cloud_ml_name);
      if (stepId === 'registry.secretKey') return vscode.l10n.t('never copied: entered for this instance');
      return undefined;
    },
  });
}
