import { isScpError } from '../../scp/scpError';
import { describeError } from '../../ui/errorPresenter';
import { ErrorNode } from './errorNode';
import type { ExplorerNode } from './explorerNode';
import { SignInNode } from './signInNode';

/** A failed load stays on its branch: auth gets "Sign in again", anything else one error node. */
export function failureNode(parent: ExplorerNode | undefined, id: string, error: unknown): ExplorerNode {
  const sentence = describeError(error);
  if (isScpError(error) && error.kind === 'auth') return new SignInNode(`${id}/signIn`, parent, sentence);
  return new ErrorNode(id, parent, sentence);
}

/** A load stopped by a refresh or a profile switch: its branch shows nothing (the new load shows the rest). */
export function isCancelled(error: unknown): boolean {
  return isScpError(error) && error.kind === 'cancelled';
}
