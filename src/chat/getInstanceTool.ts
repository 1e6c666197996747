import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { instanceEndpoint } from '../model/commandTargets';
import type { CloudMlDetail } from '../scp/cloudMlSchemas';
import { classifyState } from '../scp/instanceState';
import { redactObject } from '../scp/redact';
import { ScpError } from '../scp/scpError';
import type { SkeCluster } from '../scp/skeSchemas';
import type { ChatToolServices } from './chatToolServices';
import type { ReadOnlyToolSpec } from './readOnlyTool';

export const GET_INSTANCE_TOOL = 'scpCloudMl_getInstance';

const inputSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
});
type GetInput = z.infer<typeof inputSchema>;

/** One Cloud ML instance, by name or id: read fresh from SCP, every field, secrets masked. */
export function getInstanceTool(services: ChatToolServices): ReadOnlyToolSpec<GetInput> {
  return {
    name: GET_INSTANCE_TOOL,
    input: inputSchema,
    invocationMessage: (input) => vscode.l10n.t('Reading Cloud ML {0}…', input.name),
    run: async (input, signal) => {
      const session = await services.connection.session();
      let match: { cluster: SkeCluster; detail: CloudMlDetail } | undefined;
      const summary = await services.catalog.findInstances((cluster, detail) => {
        if (detail.cloud_ml_name === input.name || detail.cloud_ml_id === input.name) match ??= { cluster, detail };
      }, signal);
      if (!match) {
        const unchecked = summary.failures.length;
        throw new ScpError({
          kind: 'badInput',
          message:
            unchecked > 0
              ? vscode.l10n.t('No Cloud ML named {0} was found in profile {1}; {2} clusters could not be checked.', input.name, session.profile.name, String(unchecked))
              : vscode.l10n.t('No Cloud ML named {0} is in profile {1}.', input.name, session.profile.name),
        });
      }
      const { cluster } = match;
      const cloudMlId = match.detail.cloud_ml_id;
      // The catalog may hold an older state: "is it deployed?" needs SCP's answer now.
      const detail = await session.limiter.run(() => session.cloudMl.get(cloudMlId, signal), signal);
      return instanceText(cluster, detail);
    },
  };
}

function instanceText(cluster: SkeCluster, detail: CloudMlDetail): string {
  const state = detail.cloud_ml_state ?? '?';
  const endpoint = instanceEndpoint(detail);
  const lines = [
    vscode.l10n.t('Cloud ML {0} on cluster {1}: state {2} ({3}).', detail.cloud_ml_name, cluster.name, state, stateMeaning(state)),
    endpoint !== undefined
      ? vscode.l10n.t('Endpoint: {0} ({1}), domain {2}.', endpoint, detail.endpoint_type ?? '?', detail.domain_name ?? '?')
      : vscode.l10n.t('No endpoint address yet.'),
    vscode.l10n.t('All fields:'),
  ];
  for (const [key, value] of Object.entries(redactObject(detail))) {
    if (value === undefined || value === null || value === '') continue;
    lines.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return lines.join('\n');
}

function stateMeaning(state: string): string {
  switch (classifyState(state)) {
    case 'healthy':
      return vscode.l10n.t('deployed and healthy');
    case 'transitional':
      return vscode.l10n.t('an operation is in progress');
    case 'failed':
      return vscode.l10n.t('failed');
    case 'unknown':
      return vscode.l10n.t('not a state this extension knows');
  }
}
