import type { EmulatorState } from './emulatorState';

/** What replaces a secret value wherever the state leaves the process: the state file, the admin snapshot. */
export const REDACTED = '<redacted>';

/**
 * The state with every secret-named field of the kept create requests replaced by REDACTED. The emulator never
 * reads those values back (only tests look at what was sent), so a redacted state loads and serves as before.
 */
export function redactStateSecrets(state: EmulatorState): EmulatorState {
  return {
    ...state,
    instances: state.instances.map((instance) => ({ ...instance, createRequest: redactSecretFields(instance.createRequest) })),
  };
}

/** Any field whose name contains "secret" is a secret (the house rule), at any depth. */
export function redactSecretFields(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (/secret/i.test(key) && field !== undefined && field !== '') copy[key] = REDACTED;
    else if (field !== null && typeof field === 'object' && !Array.isArray(field)) copy[key] = redactSecretFields(field as Record<string, unknown>);
    else copy[key] = field;
  }
  return copy;
}
