import assert from 'node:assert/strict';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { DEFAULT_CLI_PORT, parseEmulatorArguments } from '../../../src/emulator/cliArguments';
import { adminCall, rawRequest, signedRequest } from '../../support/signedRequest';

describe('emulator CLI arguments', () => {
  it('defaults to port 8787 and passes every flag through', () => {
    assert.deepEqual(parseEmulatorArguments([]), { ok: true, help: false, options: { port: DEFAULT_CLI_PORT } });
    const parsed = parseEmulatorArguments([
      '--port', '0', '--host', '::1', '--access-key', 'K', '--secret-key', 'S', '--clusters', '120', '--seed', '4',
      '--deploy-seconds', '0.5', '--latency-ms', '100', '--state-file', 'state.json', '--cloud-ml-disabled',
    ]);
    assert.deepEqual(parsed, {
      ok: true,
      help: false,
      options: { port: 0, host: '::1', accessKey: 'K', secretKey: 'S', clusters: 120, seed: 4, deploySeconds: 0.5, latencyMs: 100, stateFile: 'state.json', cloudMlDisabled: true },
    });
  });

  const bad: [string[], RegExp][] = [
    [['--bogus'], /Unknown option '--bogus'/],
    [['extra'], /positional/i],
    [['--port'], /argument missing/i],
    [['--port', 'abc'], /--port must be a whole number from 0 to 65535, not "abc"/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--clusters', '-3'], /argument is ambiguous$/],
    [['--clusters=-3'], /--clusters must be a whole number/],
    [['--clusters', '2.5'], /--clusters must be a whole number/],
    [['--seed', 'x'], /--seed must be a whole number/],
    [['--deploy-seconds=-1'], /--deploy-seconds must be a number of 0 or more/],
    [['--deploy-seconds', 'soon'], /--deploy-seconds must be a number of 0 or more/],
    [['--latency-ms', '1e9'], /--latency-ms must be a whole number/],
    [['--host', '0.0.0.0'], /--host must be a loopback address/],
    [['--host', 'example.com'], /--host must be a loopback address/],
    [['--access-key', 'K'], /--access-key and --secret-key go together/],
    [['--secret-key', 'S'], /--access-key and --secret-key go together/],
    [['--state-file', ' '], /--state-file needs a file name/],
  ];
  for (const [argv, problem] of bad) {
    it(`refuses ${argv.join(' ')}`, () => {
      const parsed = parseEmulatorArguments(argv);
      assert.equal(parsed.ok, false);
      assert.match(parsed.ok ? '' : parsed.problem, problem);
    });
  }
});

describe('emulator CLI process', function () {
  this.timeout(60_000);
  let folder: string;
  let cli: string;
  const children: ChildProcessWithoutNullStreams[] = [];

  before(async () => {
    // Built the way esbuild.js --cli builds dist/cli/emulator.js, into a private folder so parallel builds don't collide.
    folder = mkdtempSync(join(tmpdir(), 'scp-emulator-cli-'));
    cli = join(folder, 'emulator.js');
    await build({ entryPoints: ['src/emulator/cli.ts'], outfile: cli, bundle: true, platform: 'node', format: 'cjs', target: 'es2022', logLevel: 'warning' });
  });
  after(() => rmSync(folder, { recursive: true, force: true }));
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  function run(args: string[]): { child: ChildProcessWithoutNullStreams; stdout: () => string; stderr: () => string; exit: Promise<number | null> } {
    const child = spawn(process.execPath, [cli, ...args], { stdio: 'pipe' });
    children.push(child);
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    return { child, stdout: () => out, stderr: () => err, exit };
  }

  async function started(p: ReturnType<typeof run>): Promise<{ url: string; accessKey: string; secretKey: string; adminToken: string }> {
    while (!p.stdout().includes('Press Ctrl-C to stop.')) {
      if (p.child.exitCode !== null) throw new Error(`the CLI exited early: ${p.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const line = (name: string): string => {
      const match = new RegExp(`^  export ${name}=(.+)$`, 'm').exec(p.stdout());
      if (!match?.[1]) throw new Error(`no ${name} line in:\n${p.stdout()}`);
      return match[1];
    };
    const token = /^token: (\S+)$/m.exec(p.stdout())?.[1];
    if (!token) throw new Error(`no token line in:\n${p.stdout()}`);
    return { url: line('SCP_ENDPOINT_OVERRIDE'), accessKey: line('SCP_ACCESS_KEY'), secretKey: line('SCP_SECRET_KEY'), adminToken: token };
  }

  it('prints its URL, credentials and the env lines for npm run scp; serves; exits 0 on SIGTERM', async () => {
    const p = run(['--port', '0', '--clusters', '7', '--seed', '3']);
    const endpoint = await started(p);
    assert.match(endpoint.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(p.stdout(), new RegExp(`^SCP emulator listening on ${endpoint.url}$`, 'm'));
    assert.match(p.stdout(), new RegExp(`access key: ${endpoint.accessKey}`));
    const res = await signedRequest(endpoint, '/v1/clusters');
    assert.equal(res.status, 200);
    assert.equal(res.json().count, 7);
    assert.match(p.stdout(), new RegExp(`^SCP emulator listening on ${endpoint.url}\ntoken: ${endpoint.adminToken}$`, 'm'), 'the token on its own line, next to the URL');
    assert.equal((await adminCall(endpoint, 'counters')).json().total, 1, 'the printed token opens the admin API');
    assert.equal((await rawRequest(endpoint.url, '/_emulator/counters')).status, 401, 'nothing opens it without');
    p.child.kill('SIGTERM');
    assert.equal(await p.exit, 0);
    assert.match(p.stdout(), /SCP emulator stopped \(SIGTERM\)/);
    assert.equal(p.stderr(), '');
  });

  it('uses the given keys and --cloud-ml-disabled, and exits 0 on SIGINT', async () => {
    const p = run(['--port', '0', '--access-key', 'CLIKEY', '--secret-key', 'CLISECRET', '--cloud-ml-disabled']);
    const endpoint = await started(p);
    assert.deepEqual([endpoint.accessKey, endpoint.secretKey], ['CLIKEY', 'CLISECRET']);
    assert.equal((await signedRequest(endpoint, '/v1/cloud-ml/images')).status, 404);
    assert.equal((await signedRequest(endpoint, '/v1/clusters')).status, 200);
    p.child.kill('SIGINT');
    assert.equal(await p.exit, 0);
  });

  for (const args of [['--bogus'], ['--port', 'abc'], ['--host', '0.0.0.0']]) {
    it(`exits 2 with one usage line on stderr for ${args.join(' ')}`, async () => {
      const p = run(args);
      assert.equal(await p.exit, 2);
      const lines = p.stderr().trimEnd().split('\n');
      assert.equal(lines.length, 1, p.stderr());
      assert.match(lines[0] ?? '', /^emulator: .+\. Usage: npm run emulator -- /);
      assert.equal(p.stdout(), '');
    });
  }

  it('exits 1 with one sentence when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as AddressInfo).port;
      const p = run(['--port', String(port)]);
      assert.equal(await p.exit, 1);
      assert.equal(p.stderr(), 'emulator: could not start: the port is already in use; pass another --port (0 = any free port).\n');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('prints the usage and exits 0 for --help', async () => {
    const p = run(['--help']);
    assert.equal(await p.exit, 0);
    assert.match(p.stdout(), /^Usage: npm run emulator -- /);
  });
});
