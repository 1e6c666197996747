import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startCannedServer } from './helpers/cannedServer';
import { countOf, emulatorPerTest } from './helpers/emulator';

/** The repository root: the nearest folder above this bundle (dist/test/unit/scp/) that holds esbuild.js. */
function repositoryRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'esbuild.js')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`no repository root above ${__dirname}`);
}

const ROOT = repositoryRoot();
const CLI = path.join(ROOT, 'dist/cli/scp.js');

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    // Only what the test gives: no SCP_* variable of the developer's shell leaks in.
    const cleanEnv: Record<string, string> = { PATH: process.env.PATH ?? '', ...env };
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env: cleanEnv, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

function assertNoStack(run: CliRun): void {
  assert.ok(!/\n\s+at .+[:(]\d+/.test(run.stderr), `no stack trace in: ${run.stderr}`);
}

describe('scp CLI (npm run scp)', () => {
  const env = emulatorPerTest();

  before(async function () {
    this.timeout(120_000);
    const build = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, ['esbuild.js', '--cli'], { cwd: ROOT }, (error, _stdout, stderr) => resolve({ code: error ? 1 : 0, stderr }));
    });
    assert.equal(build.code, 0, `node esbuild.js --cli failed: ${build.stderr}`);
  });

  function credentialsEnv(): Record<string, string> {
    const { emulator } = env();
    return { SCP_ACCESS_KEY: emulator.accessKey, SCP_SECRET_KEY: emulator.secretKey, SCP_ENDPOINT_OVERRIDE: emulator.url };
  }

  it('prints the images as pretty JSON and exits 0', async () => {
    const run = await runCli(['GET', 'cloud-ml', '/v1/cloud-ml/images'], credentialsEnv());
    assert.equal(run.code, 0, run.stderr);
    const body = JSON.parse(run.stdout) as { contents: unknown[] };
    assert.equal(body.contents.length, 4);
    assert.match(run.stdout, /\n {2}"contents": \[/);
  });

  it('accepts the Terraform variable names and repeated --query values encoded once', async () => {
    const { emulator } = env();
    const run = await runCli(['get', 'ske', '/v1/clusters', '--query', 'status=ERROR', '--query=status=CREATING', '--query', 'name=a b%&+한'], {
      SCP_TF_ACCESS_KEY: emulator.accessKey,
      SCP_TF_SECRET_KEY: emulator.secretKey,
      SCP_TF_ENDPOINT_OVERRIDE: emulator.url,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as { clusters: unknown[] }).clusters, []);
    const filtered = await runCli(['GET', 'ske', '/v1/clusters', '--query', 'status=ERROR', '--query', 'status=CREATING'], credentialsEnv());
    assert.equal((JSON.parse(filtered.stdout) as { clusters: unknown[] }).clusters.length, 2);
  });

  it('sends --data as the JSON body (a PUT of the description)', async () => {
    const { emulator } = env();
    const id = emulator.admin.snapshot().instances.find((i) => i.cloud_ml_name === 'ml-prod')?.cloud_ml_id ?? '';
    const run = await runCli(['PUT', 'cloud-ml', `/v1/cloud-ml/${id}`, '--data', '{"description":"from the CLI"}'], credentialsEnv());
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as { description: string }).description, 'from the CLI');
  });

  it('exits 1 with an auth sentence and no secret for a wrong secret key', async () => {
    const run = await runCli(['GET', 'cloud-ml', '/v1/cloud-ml/images'], { ...credentialsEnv(), SCP_SECRET_KEY: 'wrong-secret-key-value' });
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^error: SCP rejected the credentials \(401\); check the access key, the secret key and your clock, then sign in again\./);
    assert.ok(!run.stderr.includes('wrong-secret-key-value'));
    assertNoStack(run);
  });

  it('exits 1 with the sentence and request id of an API error', async () => {
    const run = await runCli(['GET', 'cloud-ml', '/v1/cloud-ml/0123456789abcdef'], credentialsEnv());
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^error: SCP could not find this resource \(404\).*\(request id: [0-9a-f]{32}/);
    assertNoStack(run);
  });

  it('exits 1 on a network failure without a stack trace', async () => {
    const run = await runCli(['GET', 'ske', '/v1/clusters'], { ...credentialsEnv(), SCP_ENDPOINT_OVERRIDE: 'http://127.0.0.1:1' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^error: Could not reach SCP at 127\.0\.0\.1:1 \(ECONNREFUSED\)/);
    assertNoStack(run);
  });

  it('exits 2 with the usage line on bad usage, sending nothing', async () => {
    const { emulator } = env();
    const cases: string[][] = [
      [],
      ['GET', 'cloud-ml'],
      ['FETCH', 'cloud-ml', '/v1/cloud-ml/images'],
      ['GET', 'cloud-ml', 'v1/no-slash'],
      ['GET', 'cloud-ml', '/v1/cloud-ml/images?x=1'],
      ['POST', 'cloud-ml', '/v1/cloud-ml', '--data', '{not json'],
      ['GET', 'cloud-ml', '/v1/cloud-ml/images', '--query', 'novalue'],
      ['GET', 'cloud-ml', '/v1/cloud-ml/images', '--bogus'],
    ];
    for (const args of cases) {
      const run = await runCli(args, credentialsEnv());
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /^error: .+\nusage: npm run scp -- METHOD SERVICE PATH/, args.join(' '));
      assertNoStack(run);
    }
    assert.equal(emulator.admin.counters().total, 0);
  });

  it('exits 2 naming the variables when the environment is incomplete or unsafe', async () => {
    const missingKeys = await runCli(['GET', 'ske', '/v1/clusters'], { SCP_ENDPOINT_OVERRIDE: env().emulator.url });
    assert.equal(missingKeys.code, 2);
    assert.match(missingKeys.stderr, /No SCP credentials in the environment\.\nSet SCP_ACCESS_KEY and SCP_SECRET_KEY/);
    const remoteHttp = await runCli(['GET', 'ske', '/v1/clusters'], { ...credentialsEnv(), SCP_ENDPOINT_OVERRIDE: 'http://scp.example.com' });
    assert.equal(remoteHttp.code, 2);
    assert.match(remoteHttp.stderr, /Plain http:\/\/ is refused/);
    const wrongRegion = await runCli(['GET', 'ske', '/v1/clusters'], { SCP_ACCESS_KEY: 'a', SCP_SECRET_KEY: 'b', SCP_ENVIRONMENT: 'g', SCP_REGION: 'kr-west1' });
    assert.equal(wrongRegion.code, 2);
    assert.match(wrongRegion.stderr, /Region "kr-west1" does not exist in environment g/);
  });

  it('prints a success body through the same redaction as errors: no echoed signature or registry secret', async () => {
    const server = await startCannedServer();
    try {
      const registrySecret = 'registry-secret-echoed-42';
      server.reply((req) => ({
        status: 200,
        body: JSON.stringify({
          echoed_headers: `scp-signature was ${String(req.headers['scp-signature'])}`,
          echoed_body: `you sent ${req.body}`,
          note: `registry key ${registrySecret} stored`,
          name: 'ml-echo',
        }),
      }));
      const data = JSON.stringify({ cloud_ml_name: 'ml-echo', custom_registry_access_secret_key: registrySecret });
      const run = await runCli(['POST', 'cloud-ml', '/v1/cloud-ml', '--data', data], { ...credentialsEnv(), SCP_ENDPOINT_OVERRIDE: server.url });
      assert.equal(run.code, 0, run.stderr);
      const signature = String(server.requests[0]?.headers['scp-signature']);
      assert.ok(signature.length > 20);
      assert.ok(!run.stdout.includes(signature), `the signature was printed: ${run.stdout}`);
      assert.ok(!run.stdout.includes(registrySecret), `the registry secret was printed: ${run.stdout}`);
      assert.match(run.stdout, /"note": "registry key \*\*\* stored"/);
      assert.match(run.stdout, /"name": "ml-echo"/);
    } finally {
      await server.close();
    }
  });

  it('does not retry a failed POST from the terminal either', async () => {
    const { emulator } = env();
    emulator.admin.injectFault({ kind: 'status', status: 503, count: 1, method: 'POST' });
    const run = await runCli(['POST', 'cloud-ml', '/v1/cloud-ml', '--data', '{}'], credentialsEnv());
    assert.equal(run.code, 1);
    assert.match(run.stderr, /internal error \(503\)/);
    assert.equal(countOf(emulator, 'POST /v1/cloud-ml'), 1);
  });
});
