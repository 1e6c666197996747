import * as vscode from 'vscode';

/** The extension's own URI scheme: read-only documents served by ResourceJsonDocuments. */
export const RESOURCE_JSON_SCHEME = 'scp-cloud-ml';

/** Which resource a JSON document shows. Ids only: the URI ends up in editor history, so no secret may go in it. */
export interface ResourceJsonRef {
  kind: 'instance' | 'cluster';
  profileId: string;
  id: string;
  /** For the tab title only (`<name>.json`); never used to read. */
  name: string;
}

/** `scp-cloud-ml:/instance/ml-prod.json?profile=…&id=…`: the tab shows `ml-prod.json`, the language is JSON. */
export function resourceJsonUri(ref: ResourceJsonRef): vscode.Uri {
  const query = new URLSearchParams({ profile: ref.profileId, id: ref.id }).toString();
  return vscode.Uri.from({ scheme: RESOURCE_JSON_SCHEME, path: `/${ref.kind}/${fileNameOf(ref.name || ref.id)}.json`, query });
}

/** The resource behind a document URI, or undefined when the URI is not one of ours. */
export function parseResourceJsonUri(uri: vscode.Uri): ResourceJsonRef | undefined {
  if (uri.scheme !== RESOURCE_JSON_SCHEME) return undefined;
  const match = /^\/(instance|cluster)\/(.+)\.json$/.exec(uri.path);
  const params = new URLSearchParams(uri.query);
  const profileId = params.get('profile');
  const id = params.get('id');
  if (!match || !profileId || !id) return undefined;
  return { kind: match[1] as ResourceJsonRef['kind'], profileId, id, name: match[2] ?? id };
}

/** A name as one path segment (SCP names are DNS-like): anything but letters, digits and `._-` becomes `_`. */
function fileNameOf(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]/gu, '_');
}
