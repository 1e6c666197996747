import type { OperationKind } from './instanceChange';
import { isTakingLong, roughDuration } from './usualDuration';

/**
 * What the deployments status-bar item shows, computed from the in-flight operations. Pure: the localized
 * phrases come in through `DeploymentsStatusTexts`, so the choice of text is unit-tested without VS Code.
 */
export interface StatusOperation {
  name: string;
  kind: OperationKind;
  /** The last state seen, if any. */
  state: string | undefined;
  elapsedMs: number;
  /** Polls keep failing: shown as "unknown — retrying" rather than as failed. */
  retrying: boolean;
  /** Polling waits for working credentials. */
  paused: boolean;
  /** How long this kind usually takes for this profile, once known (see usualDuration). */
  usualMs?: number | undefined;
}

export interface DeploymentsStatusTexts {
  /** One operation: "deploying <name>", "updating <name>", "deleting <name>". */
  single(kind: OperationKind, name: string): string;
  /** Several: "N operations". */
  many(count: number): string;
  /** One tooltip line. */
  line(name: string, kind: OperationKind, state: string, elapsed: string): string;
  /** The state shown before the first poll answered. */
  pending: string;
  /** The state shown after repeated poll failures. */
  unknownRetrying: string;
  /** Added to a line while polling waits for credentials. */
  paused: string;
  /** The tooltip's first line. */
  header: string;
  /** Added to a line once the usual duration is known: "usually about 12 min". */
  usually(duration: string): string;
  /** Added to a line past twice the usual duration. */
  slow: string;
}

export interface DeploymentsStatus {
  visible: boolean;
  text: string;
  tooltip: string;
  /** One operation runs past twice its usual duration: the tooltip offers the log. */
  slow?: boolean;
}

const SPINNER = '$(sync~spin)';

export function deploymentsStatus(operations: readonly StatusOperation[], texts: DeploymentsStatusTexts): DeploymentsStatus {
  if (operations.length === 0) return { visible: false, text: '', tooltip: '' };
  const [only] = operations;
  const summary = operations.length === 1 && only ? texts.single(only.kind, only.name) : texts.many(operations.length);
  let slow = false;
  const lines = operations.map((op) => {
    const state = op.retrying ? texts.unknownRetrying : (op.state ?? texts.pending);
    let line = texts.line(op.name, op.kind, state, formatElapsed(op.elapsedMs));
    if (op.usualMs !== undefined) line = `${line} · ${texts.usually(roughDuration(op.usualMs))}`;
    if (isTakingLong(op.elapsedMs, op.usualMs)) {
      slow = true;
      line = `${line} · ${texts.slow}`;
    }
    return op.paused ? `${line} ${texts.paused}` : line;
  });
  const status: DeploymentsStatus = { visible: true, text: `${SPINNER} Cloud ML: ${summary}`, tooltip: [texts.header, ...lines].join('\n') };
  if (slow) status.slow = true;
  return status;
}

/** "45s", "3m 05s", "1h 02m": short, and the same in every language. */
export function formatElapsed(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  if (hours > 0) return `${hours}h ${two(minutes)}m`;
  if (minutes > 0) return `${minutes}m ${two(seconds)}s`;
  return `${seconds}s`;
}
