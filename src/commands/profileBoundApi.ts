import * as vscode from 'vscode';
import type { CloudMlApi } from '../scp/cloudMlApi';
import { ScpError } from '../scp/scpError';
import type { CommandServices } from './commandServices';

/**
 * The Cloud ML API of the profile a command started with. Every call asks for the current session (a sign-in
 * in between gives a fresh one), but refuses to act when the user switched profile meanwhile: cluster and
 * instance ids of one profile mean nothing in another.
 */
export function cloudMlFor(services: Pick<CommandServices, 'connection'>, profileId: string): () => Promise<CloudMlApi> {
  return async () => {
    const session = await services.connection.session();
    if (session.profile.id !== profileId) {
      throw new ScpError({
        kind: 'badInput',
        message: vscode.l10n.t('The active SCP profile changed while this was open. Run the command again.'),
      });
    }
    return session.cloudMl;
  };
}
