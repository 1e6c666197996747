import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import type { CleanupStack } from './cleanupStack';

/**
 * One running code-server on a loopback port. It is started in its own process group so that
 * `stop()` takes down everything it spawned (extension host, pty host, file watcher), and so that a
 * Ctrl-C in the terminal reaches our runner first, which then stops it in order.
 */
export interface CodeServerProcess {
  /** E.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly baseUrl: string;
  readonly port: number;
  readonly pid: number;
  /** Resolves with the exit code (or signal name) when the server process ends. */
  readonly exited: Promise<number | string>;
  stop(): Promise<void>;
}

export interface CodeServerStartOptions {
  /** node_modules/code-server/out/node/entry.js of the install. */
  entryPath: string;
  userDataDir: string;
  extensionsDir: string;
  /** code-server writes a default config here instead of ~/.config/code-server. */
  configPath: string;
  /** The folder the workbench opens. */
  folder: string;
  /** 0 = any free port (code-server reports the one it got). */
  port?: number;
  /** `--locale`: the display language (needs a language pack for it in the extensions folder and languagepacks.json). */
  locale?: string;
  /** Added to the server's environment; the extension host inherits it. */
  env?: Record<string, string>;
  /** Each output line of code-server. */
  log: (line: string) => void;
  /** How long to wait for "HTTP server listening"; default 60 s (a cold start on a busy 2-core machine). */
  readyTimeoutMs?: number;
  /** Registers the stop as soon as the process exists (a Ctrl-C during startup stops it too). */
  cleanup?: CleanupStack;
}

const listeningPattern = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))\/?/;

/** The command-line switches every host run uses (no auth on loopback, nothing phoning home, no trust prompt). */
export function codeServerArgs(options: Pick<CodeServerStartOptions, 'userDataDir' | 'extensionsDir' | 'configPath' | 'port' | 'locale'>): string[] {
  return [
    ...(options.locale ? ['--locale', options.locale] : []),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${options.port ?? 0}`,
    '--user-data-dir', options.userDataDir,
    '--extensions-dir', options.extensionsDir,
    '--config', options.configPath,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
}

function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
    return;
  }
  try {
    process.kill(-child.pid, signal); // the whole process group
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

export function startCodeServer(options: CodeServerStartOptions): Promise<CodeServerProcess> {
  const child = spawn(process.execPath, [options.entryPath, ...codeServerArgs(options), options.folder], {
    // EXTENSIONS_GALLERY={} turns the extension gallery off: no lookups of open-vsx.org from tests.
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  let quiet = false;
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      // Shutdown noise (SIGPIPE traces, hanging sockets) says nothing about the run: stop printing.
      quiet = true;
      if (child.exitCode === null && child.signalCode === null) {
        killTree(child, 'SIGTERM');
        const graceful = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
        if (!graceful) options.log('code-server did not stop within 5 s of SIGTERM; killing it.');
      }
      // Children of the server may outlive it: the group gets a SIGKILL either way.
      killTree(child, 'SIGKILL');
      await exited;
    })();
    return stopping;
  };
  const unregister = options.cleanup?.add('stop code-server', stop);
  void exited.then(() => unregister?.());

  return new Promise((resolve, reject) => {
    const output: string[] = [];
    let ready = false;
    let gaveUp = false;
    const timer = setTimeout(() => {
      gaveUp = true; // the exit that stop() causes is ours, not a crash
      void stop().finally(() => reject(new Error(`code-server did not report "HTTP server listening" within ${(options.readyTimeoutMs ?? 60000) / 1000} s.\n${output.join('\n')}`)));
    }, options.readyTimeoutMs ?? 60000);

    const onLine = (line: string): void => {
      output.push(line);
      if (!quiet) options.log(line);
      const match = ready ? null : listeningPattern.exec(line);
      if (match) {
        ready = true;
        clearTimeout(timer);
        resolve({ baseUrl: match[1], port: Number(match[2]), pid: child.pid!, exited, stop });
      }
    };
    let pending = { stdout: '', stderr: '' };
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream].setEncoding('utf8');
      child[stream].on('data', (chunk: string) => {
        const lines = (pending[stream] + chunk).split(/\r?\n/);
        pending = { ...pending, [stream]: lines.pop() ?? '' };
        for (const line of lines) if (line.trim() !== '') onLine(line);
      });
    }
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    void exited.then((code) => {
      if (ready || gaveUp) return;
      clearTimeout(timer);
      reject(new Error(`code-server exited (${String(code)}) before it was ready.\n${output.join('\n')}`));
    });
  });
}
