import * as vscode from 'vscode';
import type { ResourceJsonRef } from '../documents/resourceJsonUri';
import type { CommandServices } from './commandServices';
import { targetOf, type CommandTarget } from '../model/commandTargets';
import { pickResourceProgressively } from './resourcePick';

function refOfTarget(target: CommandTarget): ResourceJsonRef {
  return target.kind === 'instance'
    ? { kind: 'instance', profileId: target.profileId, id: target.cloudMlId, name: target.name }
    : { kind: 'cluster', profileId: target.profileId, id: target.clusterId, name: target.clusterName };
}

/**
 * scpCloudMl.openAsJson: a cluster or instance (tree node, target, or picked from the palette) as a read-only JSON
 * document of SCP's answer. Given the URI of such a document (the editor title's refresh, or running it again), it
 * reads SCP again and the open document shows the fresh answer. A failed read is thrown: the command guard shows
 * it as one sentence, and no document opens.
 */
export async function openAsJsonCommand(services: CommandServices, arg?: unknown): Promise<vscode.TextDocument | undefined> {
  const fromDocument = arg instanceof vscode.Uri ? services.jsonDocuments.refOf(arg) : undefined;
  const target = fromDocument
    ? undefined
    : (targetOf(arg) ?? (await pickResourceProgressively(services, { title: vscode.l10n.t('Open as JSON'), placeholder: vscode.l10n.t('Which cluster or instance?') })));
  const ref = fromDocument ?? (target ? refOfTarget(target) : undefined);
  if (!ref) return undefined;
  let document = await services.ui.withProgress({ title: vscode.l10n.t('Reading {0} from SCP…', ref.name), location: 'window' }, () => services.jsonDocuments.load(ref));
  if (document.languageId !== 'json') document = await vscode.languages.setTextDocumentLanguage(document, 'json');
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
