import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/connectionManager';
import type { ScpSession } from '../connection/scpSession';
import { ScpError } from '../scp/scpError';

/** A session to load a panel's data with, and the signal that cancels the load (panel closed, newer load, profile switched). */
export interface PanelLoad {
  session: ScpSession;
  signal: AbortSignal;
}

/**
 * The active session, if it belongs to the panel's profile: ids of one profile mean nothing in another, so a panel
 * of another profile says so instead of asking SCP.
 */
export async function sessionForPanel(connection: Pick<ConnectionManager, 'session'>, profileId: string, cancel: AbortSignal): Promise<PanelLoad> {
  const session = await connection.session();
  if (session.profile.id !== profileId) {
    throw new ScpError({
      kind: 'badInput',
      message: vscode.l10n.t('This panel belongs to another SCP profile. Switch back to that profile, then refresh.'),
    });
  }
  return { session, signal: AbortSignal.any([cancel, session.signal]) };
}
