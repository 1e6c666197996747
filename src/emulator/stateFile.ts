import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { EmulatorState } from './emulatorState';
import { emulatorStateSchema } from './emulatorState';
import { redactStateSecrets } from './secretRedaction';

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
 * mid-write never leaves half a file. Secret values in the kept create requests are redacted (the file is plain
 * text on disk).
 */
export function writeStateFile(file: string, state: EmulatorState): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(redactStateSecrets(state), null, 1), { encoding: 'utf8', mode: 0o600 });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
