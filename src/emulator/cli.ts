import { EMULATOR_USAGE, parseEmulatorArguments } from './cliArguments';
import type { RunningEmulator } from './startEmulator';
import { startEmulator } from './startEmulator';

/**
 * `npm run emulator -- [flags]`: starts the SCP emulator, prints its URL, its admin token, its credentials and the
 * environment lines for `npm run scp`, and runs until SIGINT/SIGTERM. Exit codes: 0 stopped cleanly, 1 could not start,
 * 2 bad flags (one usage line on stderr).
 */
async function main(): Promise<number> {
  const parsed = parseEmulatorArguments(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`emulator: ${parsed.problem}. ${EMULATOR_USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${EMULATOR_USAGE}\n`);
    return 0;
  }

  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator(parsed.options);
  } catch (error) {
    process.stderr.write(`emulator: could not start: ${startProblem(error)}\n`);
    return 1;
  }

  const o = parsed.options;
  process.stdout.write(
    [
      `SCP emulator listening on ${emulator.url}`,
      `token: ${emulator.adminToken}`,
      `  access key: ${emulator.accessKey}`,
      `  secret key: ${emulator.secretKey}`,
      `  data: ${o.stateFile ? `state file ${o.stateFile}` : o.clusters !== undefined ? `${o.clusters} generated clusters` : 'six seeded clusters'}` +
        `${o.seed !== undefined ? `, seed ${o.seed}` : ''}; deploys take ${o.deploySeconds ?? 8} s${o.cloudMlDisabled ? '; Cloud ML disabled' : ''}`,
      '',
      'Use it with `npm run scp` (e.g. npm run scp -- GET cloud-ml /v1/cloud-ml/images):',
      `  export SCP_ENDPOINT_OVERRIDE=${emulator.url}`,
      `  export SCP_ACCESS_KEY=${emulator.accessKey}`,
      `  export SCP_SECRET_KEY=${emulator.secretKey}`,
      '',
      `Admin API (loopback only, header X-Emulator-Token: <the token above>): ${emulator.url}/_emulator/counters, /_emulator/snapshot, ...`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  await emulator.close();
  process.stdout.write(`SCP emulator stopped (${signal}).\n`);
  return 0;
}

function startProblem(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') return 'the port is already in use; pass another --port (0 = any free port).';
  if (code === 'EACCES') return 'not allowed to listen on that port; pass a port above 1023.';
  return error instanceof Error ? error.message : String(error);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
