import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { EmulatorState } from './emulatorState';
import { emulatorStateSchema } from './emulatorState';

/** What replaces a secret value in the state file: the file is plain text on disk. */
export const REDACTED = '<redacted>';

/**
 * Reads a state file written by `writeStateFile`. Returns undefined when the file does not exist; throws an
 * Error with one plain sentence when it exists but is not a valid emulator state.
 */
export function readStateFile(file: string): EmulatorState | undefined {
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`The emulator state file ${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}); delete it or pass another --state-file.`);
  }
  const parsed = emulatorStateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.map(String).join('.') || 'the top level' : 'the top level';
    throw new Error(`The emulator state file ${file} is not an emulator state (problem at ${where}); delete it or pass another --state-file.`);
  }
  return parsed.data;
}

/**
 * Writes the state atomically: a temporary file in the same folder, then a rename over the target, so a crash
 * mid-write never leaves half a file. Secret values in the kept create requests are redacted.
 */
export function writeStateFile(file: string, state: EmulatorState): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(redactSecrets(state), null, 1), { encoding: 'utf8', mode: 0o600 });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function redactSecrets(state: EmulatorState): EmulatorState {
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
