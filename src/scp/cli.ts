/**
 * `npm run scp -- METHOD SERVICE PATH [--query k=v ...] [--data JSON]`: one signed request from the
 * terminal through the same client as the extension. Exit 0 with the JSON body on stdout; exit 1 with
 * the ScpError sentence (and request id) on stderr; exit 2 on bad usage. Never prints a stack trace.
 */
import { z } from 'zod';
import { CLI_USAGE, CliUsageError, parseCliArguments, type CliInvocation } from './cliArguments';
import { redactText } from './redact';
import { isScpError } from './scpError';
import { ScpHttpClient, type RequestLogger } from './scpHttpClient';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const EXIT_INTERRUPTED = 130;

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let invocation: CliInvocation;
  try {
    const parsed = parseCliArguments(argv, env);
    if (parsed.help) {
      process.stdout.write(`${CLI_USAGE}\n`);
      return EXIT_OK;
    }
    invocation = parsed.invocation;
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`error: ${error.message}\n${error.hint}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }

  const secrets = [invocation.credentials.secretKey];
  const client = new ScpHttpClient({
    endpoint: invocation.endpoint,
    credentials: () => Promise.resolve(invocation.credentials),
    timeoutMs: invocation.timeoutMs,
    language: invocation.language,
    ...(invocation.verbose ? { logger: stderrLogger() } : {}),
  });
  const interrupt = new AbortController();
  const onSigint = (): void => interrupt.abort();
  process.once('SIGINT', onSigint);
  try {
    const body = await client.request({
      service: invocation.service,
      method: invocation.method,
      path: invocation.path,
      query: invocation.query,
      body: invocation.data,
      schema: z.unknown(),
      signal: interrupt.signal,
      // The same redaction as an error's: a server may echo the signature or a registry secret back.
      redactResponse: true,
    });
    if (body !== undefined) process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return EXIT_OK;
  } catch (error) {
    if (!isScpError(error)) throw error;
    const ids = error.requestIds.length > 0 ? ` (request id: ${error.requestIds.join(', ')})` : '';
    process.stderr.write(`error: ${redactText(error.message, secrets)}${ids}\n`);
    for (const detail of error.details) process.stderr.write(`  ${redactText(detail, secrets)}\n`);
    if (error.kind === 'cancelled') return EXIT_INTERRUPTED;
    return error.kind === 'badInput' ? EXIT_USAGE : EXIT_FAILED;
  } finally {
    process.removeListener('SIGINT', onSigint);
    client.dispose();
  }
}

/** `--verbose`: the same redacted request lines the extension writes to its log. */
function stderrLogger(): RequestLogger {
  return {
    request: (e) => {
      const outcome = e.status !== undefined ? String(e.status) : 'failed';
      process.stderr.write(`${e.method} ${e.url} -> ${outcome} (${Math.round(e.durationMs)} ms)${e.requestId ? ' ' + e.requestId : ''}\n`);
    },
    retry: (e) => process.stderr.write(`retry ${e.method} ${e.url} (attempt ${e.attempt} failed) in ${e.delayMs} ms: ${e.reason}\n`),
  };
}

/** Last line of defence: one sentence, no stack, and no secret from the environment. */
function reportUnexpected(error: unknown): void {
  const secrets = [process.env.SCP_SECRET_KEY, process.env.SCP_TF_SECRET_KEY].filter((s): s is string => !!s);
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(`error: unexpected failure: ${redactText(message ?? '', secrets)}\n`);
}

process.on('uncaughtException', (error) => {
  reportUnexpected(error);
  process.exit(EXIT_FAILED);
});

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    reportUnexpected(error);
    process.exitCode = EXIT_FAILED;
  },
);
