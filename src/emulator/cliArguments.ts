import { parseArgs } from 'node:util';
import { isLoopbackHost } from './loopbackHost';
import type { EmulatorOptions } from './startEmulator';

/** The port the CLI listens on when --port is not given, so that `npm run scp` has a stable address. */
export const DEFAULT_CLI_PORT = 8787;

export const EMULATOR_USAGE =
  'Usage: npm run emulator -- [--port N (default 8787, 0 = free)] [--host 127.0.0.1 (loopback only)] [--access-key K --secret-key S] ' +
  '[--clusters N] [--seed N] [--deploy-seconds S] [--latency-ms M] [--state-file F] [--cloud-ml-disabled] [--help]';

export type CliArguments = { ok: true; help: boolean; options: EmulatorOptions } | { ok: false; problem: string };

/** Parses and validates the CLI flags; every problem is one sentence for the usage line. */
export function parseEmulatorArguments(argv: readonly string[]): CliArguments {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'access-key': { type: 'string' },
        'secret-key': { type: 'string' },
        clusters: { type: 'string' },
        seed: { type: 'string' },
        'deploy-seconds': { type: 'string' },
        'latency-ms': { type: 'string' },
        'state-file': { type: 'string' },
        'cloud-ml-disabled': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // parseArgs explains over several lines; the first says what is wrong.
    const first = error instanceof Error ? (error.message.split('\n')[0] ?? '') : '';
    return { ok: false, problem: first.replace(/\.$/, '') || 'bad arguments' };
  }
  if (values.help) return { ok: true, help: true, options: {} };

  const options: EmulatorOptions = {};
  try {
    options.port = wholeNumber(values.port ?? String(DEFAULT_CLI_PORT), '--port', 0, 65535);
    if (values.host !== undefined) {
      if (!isLoopbackHost(values.host)) return { ok: false, problem: `--host must be a loopback address (127.0.0.1, ::1, localhost), not ${values.host}` };
      options.host = values.host;
    }
    const accessKey = values['access-key'];
    const secretKey = values['secret-key'];
    if ((accessKey === undefined) !== (secretKey === undefined)) return { ok: false, problem: '--access-key and --secret-key go together' };
    if (accessKey !== undefined && secretKey !== undefined) {
      if (accessKey.trim() === '' || secretKey.trim() === '') return { ok: false, problem: '--access-key and --secret-key must not be empty' };
      options.accessKey = accessKey;
      options.secretKey = secretKey;
    }
    if (values.clusters !== undefined) options.clusters = wholeNumber(values.clusters, '--clusters', 0, 100_000);
    if (values.seed !== undefined) options.seed = wholeNumber(values.seed, '--seed', 0, 4_294_967_295);
    if (values['deploy-seconds'] !== undefined) options.deploySeconds = nonNegative(values['deploy-seconds'], '--deploy-seconds');
    if (values['latency-ms'] !== undefined) options.latencyMs = wholeNumber(values['latency-ms'], '--latency-ms', 0, 600_000);
    if (values['state-file'] !== undefined) {
      if (values['state-file'].trim() === '') return { ok: false, problem: '--state-file needs a file name' };
      options.stateFile = values['state-file'];
    }
    if (values['cloud-ml-disabled']) options.cloudMlDisabled = true;
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true, help: false, options };
}

function wholeNumber(text: string, flag: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim())) throw new Error(`${flag} must be a whole number from ${min} to ${max}, not "${text}"`);
  const value = Number(text);
  if (value < min || value > max) throw new Error(`${flag} must be a whole number from ${min} to ${max}, not "${text}"`);
  return value;
}

function nonNegative(text: string, flag: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) throw new Error(`${flag} must be a number of 0 or more, not "${text}"`);
  return value;
}
