import type { DuplicationQuery } from '../scp/cloudMlApi';
import { isScpError } from '../scp/scpError';

/** The sentences the check shows, localized by the caller (this module stays free of `vscode`). */
export interface AvailabilityTexts {
  taken(value: string, field: 'name' | 'domainName'): string;
  /** SCP answered, but in a form that cannot be read: the user may go on by pressing Enter again. */
  unreadable(value: string): string;
  /** The check failed (network, 5xx...): Enter tries again. */
  failed(value: string, error: unknown): string;
}

/**
 * check-duplication on Enter, for the name and domain boxes: a taken value keeps the box open. Its answer's
 * shape is not documented, so one that cannot be read must not trap the user in the box: the first Enter says
 * availability could not be checked, the second Enter with the same value goes on (SCP's answer to the create
 * is the authority). A failed call keeps the box open; Enter asks again.
 */
export function availabilityCheck(
  isTaken: (query: DuplicationQuery) => Promise<boolean>,
  texts: AvailabilityTexts,
  log: { warn(message: string): void },
): (query: DuplicationQuery, value: string) => Promise<string | undefined> {
  const unreadable = new Set<string>();
  return async (query, value) => {
    const key = 'name' in query ? `name:${query.name}` : `domain:${query.domainName}`;
    if (unreadable.has(key)) {
      log.warn(`check-duplication: going on with ${key} unchecked (the answer could not be read)`);
      return undefined;
    }
    try {
      return (await isTaken(query)) ? texts.taken(value, 'name' in query ? 'name' : 'domainName') : undefined;
    } catch (error) {
      if (isScpError(error) && error.kind === 'malformed') {
        unreadable.add(key);
        log.warn(`check-duplication: the answer for ${key} could not be read (${error.field ?? error.message})`);
        return texts.unreadable(value);
      }
      return texts.failed(value, error);
    }
  };
}
