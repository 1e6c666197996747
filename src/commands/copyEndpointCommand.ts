import * as vscode from 'vscode';
import type { CommandServices } from './commandServices';
import { instanceEndpoint, targetOf, type InstanceTarget } from '../model/commandTargets';
import { pickInstanceProgressively } from './progressiveInstancePick';

/** The endpoint of a target, asking SCP when the target did not carry one (it may have been assigned since). */
async function endpointOf(services: CommandServices, target: InstanceTarget): Promise<string | undefined> {
  if (target.endpoint) return target.endpoint;
  const session = await services.connection.session();
  return instanceEndpoint(await session.cloudMl.get(target.cloudMlId, session.signal));
}

/** Copies a Cloud ML instance's endpoint (address, else domain name). */
export async function copyEndpointCommand(services: CommandServices, arg?: unknown): Promise<void> {
  const given = targetOf(arg);
  const target =
    given?.kind === 'instance'
      ? given
      : await pickInstanceProgressively(services, { title: vscode.l10n.t('Copy Cloud ML endpoint'), placeholder: vscode.l10n.t('Which instance?') });
  if (!target) return;
  const endpoint = await endpointOf(services, target);
  if (!endpoint) {
    await services.ui.warn(vscode.l10n.t('Cloud ML {0} has no endpoint yet. Try again when it is deployed.', target.name));
    return;
  }
  await vscode.env.clipboard.writeText(endpoint);
  void services.ui.info(vscode.l10n.t('Copied the endpoint of {0} to the clipboard.', target.name));
}
