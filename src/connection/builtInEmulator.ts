import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { RunningEmulator } from '../emulator/startEmulator';
import { loadEmulatorRuntime } from './loadEmulatorRuntime';

/** How long the seed's CREATING instance takes on the built-in emulator. */
export const SEEDED_DEPLOYMENT_SECONDS = 120;

/**
 * The in-process SCP emulator behind the "Emulator" profile. Loaded from its own bundle (loadEmulatorRuntime) on first use,
 * so that neither activation nor a real SCP profile pays for it; started on a free loopback port; stopped on deactivate.
 */
export class BuiltInEmulator {
  private running: Promise<RunningEmulator> | undefined;

  constructor(private readonly stateFile?: string) {}

  /** Starts the emulator once; later calls return the same instance. */
  start(): Promise<RunningEmulator> {
    this.running ??= this.launch();
    this.running.catch(() => (this.running = undefined));
    return this.running;
  }

  /** The running emulator, if started. */
  current(): Promise<RunningEmulator> | undefined {
    return this.running;
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (running) await (await running).close();
  }

  private async launch(): Promise<RunningEmulator> {
    // VS Code does not create an extension's global storage folder; the state file lives there.
    if (this.stateFile) await mkdir(path.dirname(this.stateFile), { recursive: true });
    const { startEmulator } = await loadEmulatorRuntime();
    // The seed's analytics-dev-ml finishes deploying two minutes after the first start: a newcomer sees a
    // deployment started elsewhere followed to its end, not one that stays in the status bar for hours.
    return startEmulator({ host: '127.0.0.1', port: 0, seededDeploymentSeconds: SEEDED_DEPLOYMENT_SECONDS, ...(this.stateFile ? { stateFile: this.stateFile } : {}) });
  }
}
