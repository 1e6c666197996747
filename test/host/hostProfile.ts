import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DisplayLocale } from './testLanguagePack';

/**
 * A fresh, throw-away VS Code profile for one code-server run: user data (with settings.json and
 * keybindings.json written before start), extensions folder, config file and a workspace folder.
 * Nothing is shared between runs, so no state leaks from one suite into the next.
 */
export interface HostProfile {
  readonly root: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly configPath: string;
  /** The workspace folder the workbench opens. */
  readonly folder: string;
  remove(): void;
}

export interface HostProfileOptions {
  /** Merged over `quietSettings`. */
  settings?: Record<string, unknown>;
  keybindings?: unknown[];
  /** Open this folder instead of a fresh empty one. */
  folder?: string;
  /** Files to create in the fresh workspace folder (relative path -> content). */
  workspaceFiles?: Record<string, string>;
  /**
   * Run the workbench in this display language: a test-only language pack is generated and installed
   * (test/host/testLanguagePack.ts) and code-server starts with `--locale`. Default: English.
   */
  locale?: DisplayLocale;
}

/** Settings that keep the workbench quiet and deterministic: no welcome page, no telemetry, no update checks. */
export const quietSettings: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
};

export function createHostProfile(options: HostProfileOptions = {}): HostProfile {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-vscode-host-'));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  const folder = options.folder ?? path.join(root, 'workspace');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(folder, { recursive: true });
  const settings = { ...quietSettings, ...options.settings };
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  fs.writeFileSync(path.join(userDataDir, 'User', 'keybindings.json'), JSON.stringify(options.keybindings ?? [], null, 2));
  for (const [relative, content] of Object.entries(options.workspaceFiles ?? {})) {
    const file = path.join(folder, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return {
    root,
    userDataDir,
    extensionsDir,
    configPath: path.join(root, 'config.yaml'),
    folder,
    remove: () => fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 }),
  };
}

/** Installs a .vsix into the profile's extensions folder with code-server's own CLI (what a user's install does). */
export function installVsix(entryPath: string, profile: HostProfile, vsixPath: string, log: (line: string) => void): Promise<void> {
  const args = [
    entryPath,
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', profile.extensionsDir,
    '--config', profile.configPath,
    '--install-extension', path.resolve(vsixPath),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const collect = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split(/\r?\n/)) {
        if (line.trim() === '') continue;
        output.push(line);
        log(`[install-extension] ${line}`);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`Installing ${vsixPath} into code-server failed (exit ${String(code)}):\n${output.join('\n')}`));
    });
  });
}
