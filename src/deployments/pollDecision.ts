import type { CloudMlDetail } from '../scp/cloudMlSchemas';
import { classifyState } from '../scp/instanceState';
import { isScpError } from '../scp/scpError';
import type { OperationKind } from './instanceChange';

/** Polls that may fail in a row before the operation is shown as "unknown — retrying" (as the Terraform provider). */
export const TOLERATED_POLL_FAILURES = 3;

/**
 * How long after a create a 404 still means "not visible yet" rather than "gone", until the instance is first
 * seen: SCP may accept a create before its GET can find the new instance.
 */
export const CREATE_VISIBILITY_GRACE_MS = 60_000;

/** What the poll decision needs to know about the operation beyond its kind. */
export interface PollContext {
  /** Polls that failed in a row so far. */
  failures: number;
  /** A poll has answered with the instance at least once. */
  seen: boolean;
  /** Time since tracking started. */
  elapsedMs: number;
  /** See CREATE_VISIBILITY_GRACE_MS. */
  createGraceMs: number;
}

export type PollResult = { ok: true; detail: CloudMlDetail } | { ok: false; error: unknown };

export type PollDecision =
  /** Still on its way; `state` is what the API said. */
  | { type: 'progress'; state: string }
  /** Over: healthy (succeeded), broken (failed), left its transitional state for an unknown one (settled), gone (deleted). */
  | { type: 'settle'; outcome: 'succeeded' | 'failed' | 'settled' | 'deleted'; state?: string }
  /** The GET failed; keep polling. `retrying` = more failures in a row than tolerated silently. */
  | { type: 'pollFailed'; failures: number; retrying: boolean; reason: string }
  /** A create not seen yet answered 404 within its grace period: keep polling, it is not gone. */
  | { type: 'notVisibleYet' }
  /** SCP rejected the credentials: stop polling until they work again. */
  | { type: 'pauseForAuth' }
  /** The call was aborted (profile switched, tracker disposed): nothing happened. */
  | { type: 'ignore' };

/**
 * What one poll result means for an operation. A GET failure never fails the operation: SCP's firewall, a
 * 5xx or the network come and go, so the operation is only shown as unknown while polling continues.
 */
export function decidePoll(kind: OperationKind, result: PollResult, context: PollContext): PollDecision {
  if (!result.ok) {
    const error = result.error;
    if (isScpError(error)) {
      if (error.kind === 'cancelled') return { type: 'ignore' };
      if (error.kind === 'auth') return { type: 'pauseForAuth' };
      if (error.kind === 'notFound') {
        // Just after a create, SCP may not show the new instance yet: that is not a deletion.
        if (kind === 'create' && !context.seen && context.elapsedMs < context.createGraceMs) return { type: 'notVisibleYet' };
        // After a delete, "not found" is the success signal; otherwise it means someone removed it.
        return { type: 'settle', outcome: 'deleted' };
      }
    }
    const failures = context.failures + 1;
    return { type: 'pollFailed', failures, retrying: failures > TOLERATED_POLL_FAILURES, reason: failureKindOf(error) };
  }
  const state = result.detail.cloud_ml_state ?? '';
  switch (classifyState(state)) {
    case 'transitional':
      return { type: 'progress', state };
    case 'failed':
      return { type: 'settle', outcome: 'failed', state };
    case 'healthy':
      // A delete is over only when the instance is gone; a healthy answer means SCP has not started it yet.
      return kind === 'delete' ? { type: 'progress', state } : { type: 'settle', outcome: 'succeeded', state };
    case 'unknown':
      return kind === 'delete' ? { type: 'progress', state } : { type: 'settle', outcome: 'settled', state };
  }
}

function failureKindOf(error: unknown): string {
  if (isScpError(error)) return error.status !== undefined ? `${error.kind} ${String(error.status)}` : error.kind;
  return error instanceof Error ? error.name : 'error';
}

/** Field names SCP might use to say why an instance failed (undocumented: look at the likely ones). */
const REASON_FIELDS = ['reason', 'failure_reason', 'fail_reason', 'error_message', 'state_message', 'status_message', 'message'];

/**
 * The API's reason for a failed instance, if it gives one: a reason-like text field, else the
 * `cluster_request_failed` flag (described by the caller's localized sentence).
 */
export function failureReason(detail: CloudMlDetail | undefined, clusterRequestFailedText: string): string | undefined {
  if (!detail) return undefined;
  const record = detail as Record<string, unknown>;
  for (const field of REASON_FIELDS) {
    const value = record[field];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return detail.cluster_request_failed === true ? clusterRequestFailedText : undefined;
}
