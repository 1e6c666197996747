import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CleanupStack } from '../../host/cleanupStack';
import { type CodeServerProcess, startCodeServer } from '../../host/codeServerProcess';

/**
 * A stand-in for code-server's entry.js (the real one is a 300 MB install, exercised by the
 * integration layer): it records its argv, spawns a child like code-server spawns its extension host,
 * serves HTTP on the port it is given and prints code-server's ready line. On SIGTERM the parent exits
 * at once and leaves the child behind, the case where only a process-group kill cleans up.
 */
const fakeEntry = `
const fs = require('node:fs'), http = require('node:http'), { spawn } = require('node:child_process');
fs.writeFileSync(process.env.FAKE_ARGV_FILE, JSON.stringify(process.argv.slice(2)));
const mode = process.env.FAKE_MODE;
if (mode === 'crash') { console.error('kerberos.node: cannot open shared object'); process.exit(3); }
const child = spawn(process.execPath, ['-e', 'process.on("SIGTERM", () => {}); setInterval(() => {}, 1000)'], { stdio: 'ignore' });
fs.writeFileSync(process.env.FAKE_CHILD_PID_FILE, String(child.pid));
process.on('SIGTERM', () => process.exit(0));
if (mode === 'silent') { setInterval(() => {}, 1000); return; }
const bind = process.argv[process.argv.indexOf('--bind-addr') + 1];
const server = http.createServer((_q, r) => r.end('workbench')).listen(Number(bind.split(':')[1]), '127.0.0.1', () => {
  console.log('[2026-01-01T00:00:00.000Z] info  HTTP server listening on http://127.0.0.1:' + server.address().port + '/');
});
`;

/** Alive and not a zombie (an orphan's zombie can linger until init reaps it). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(condition(), what);
}

(process.platform === 'win32' ? describe.skip : describe)('host: startCodeServer', () => {
  let tmp: string;
  let started: CodeServerProcess | undefined;
  const saved = { ...process.env };

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-fake-code-server-'));
    fs.writeFileSync(path.join(tmp, 'entry.js'), fakeEntry);
    process.env.FAKE_ARGV_FILE = path.join(tmp, 'argv.json');
    process.env.FAKE_CHILD_PID_FILE = path.join(tmp, 'child.pid');
  });

  afterEach(async () => {
    await started?.stop();
    started = undefined;
    for (const key of ['FAKE_ARGV_FILE', 'FAKE_CHILD_PID_FILE', 'FAKE_MODE']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  function start(extra: { readyTimeoutMs?: number; cleanup?: CleanupStack } = {}): Promise<CodeServerProcess> {
    return startCodeServer({
      entryPath: path.join(tmp, 'entry.js'),
      userDataDir: path.join(tmp, 'user-data'),
      extensionsDir: path.join(tmp, 'extensions'),
      configPath: path.join(tmp, 'config.yaml'),
      folder: path.join(tmp, 'workspace'),
      log: () => undefined,
      ...extra,
    });
  }

  it('starts on a free loopback port, with no auth, telemetry, update check or gallery, and serves', async () => {
    started = await start();
    assert.match(started.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(started.port > 0);
    assert.equal(await (await fetch(started.baseUrl)).text(), 'workbench');
    const argv = JSON.parse(fs.readFileSync(path.join(tmp, 'argv.json'), 'utf8')) as string[];
    for (const flag of ['--disable-telemetry', '--disable-update-check', '--disable-workspace-trust']) assert.ok(argv.includes(flag), flag);
    assert.deepEqual(argv.slice(argv.indexOf('--auth'), argv.indexOf('--auth') + 4), ['--auth', 'none', '--bind-addr', '127.0.0.1:0']);
    assert.equal(argv.at(-1), path.join(tmp, 'workspace'));
  });

  it('stop() ends the server and everything it spawned, even children its exit left behind', async () => {
    started = await start();
    const childPid = Number(fs.readFileSync(path.join(tmp, 'child.pid'), 'utf8'));
    assert.ok(isRunning(started.pid) && isRunning(childPid));
    await started.stop();
    await waitUntil(() => !isRunning(childPid), `child ${childPid} still running after stop()`);
    assert.equal(isRunning(started.pid), false);
  });

  it('is stopped by the cleanup stack it registered with (Ctrl-C path)', async () => {
    const cleanup = new CleanupStack();
    started = await start({ cleanup });
    const pid = started.pid;
    await cleanup.runAll();
    await waitUntil(() => !isRunning(pid), 'server still running after the cleanup stack ran');
  });

  it('rejects with the server output when it exits before it is ready', async () => {
    process.env.FAKE_MODE = 'crash';
    await assert.rejects(start(), /exited \(3\) before it was ready[\s\S]*kerberos\.node/);
  });

  it('rejects and stops the server when it never reports ready', async () => {
    process.env.FAKE_MODE = 'silent';
    await assert.rejects(start({ readyTimeoutMs: 1500 }), /did not report "HTTP server listening" within 1\.5 s/);
    const childPid = Number(fs.readFileSync(path.join(tmp, 'child.pid'), 'utf8'));
    await waitUntil(() => !isRunning(childPid), 'the silent server was left running');
  });
});
