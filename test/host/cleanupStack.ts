type HandledSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';
const conventionalExitCodes: Record<HandledSignal, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * Everything a runner starts (code-server, the browser, temp folders) registers how to undo itself
 * here. `runAll` undoes them in reverse order; Ctrl-C, SIGTERM and SIGHUP run it too before exiting,
 * so a stopped run never leaves a server or a browser behind.
 */
export class CleanupStack {
  private readonly steps: { name: string; undo: () => Promise<void> | void }[] = [];
  private running: Promise<void> | undefined;
  private readonly lateUndos: Promise<void>[] = [];
  /** The exit code after a signal; default 128 + signal number. A demo stopped by Ctrl-C ended normally: it sets 0. */
  exitCodeOnSignal: (signal: HandledSignal) => number = (signal) => conventionalExitCodes[signal];

  /**
   * Registers an undo step; returns a function that unregisters it (for things already undone).
   * Once cleanup has begun (Ctrl-C or timeout while something was still starting), whatever
   * registers late is undone at once instead of being left behind.
   */
  add(name: string, undo: () => Promise<void> | void): () => void {
    if (this.running) {
      this.lateUndos.push(this.undoOne({ name, undo }, console.error));
      return () => undefined;
    }
    const step = { name, undo };
    this.steps.push(step);
    return () => {
      const index = this.steps.indexOf(step);
      if (index >= 0) this.steps.splice(index, 1);
    };
  }

  /** Runs every step once, newest first; a failing step is reported and does not stop the others. */
  runAll(log: (line: string) => void = console.error): Promise<void> {
    this.running ??= (async () => {
      while (this.steps.length > 0) await this.undoOne(this.steps.pop()!, log);
    })();
    return this.running.then(() => Promise.all(this.lateUndos)).then(() => undefined);
  }

  private async undoOne(step: { name: string; undo: () => Promise<void> | void }, log: (line: string) => void): Promise<void> {
    try {
      await step.undo();
    } catch (err) {
      log(`Cleanup "${step.name}" failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** On SIGINT/SIGTERM/SIGHUP: clean up, then exit with `exitCodeOnSignal` (130 for Ctrl-C by default). */
  exitOnSignals(log: (line: string) => void = console.error): void {
    for (const signal of Object.keys(conventionalExitCodes) as HandledSignal[]) {
      process.once(signal, () => {
        log(`\nReceived ${signal}: stopping everything this run started…`);
        void this.runAll(log).finally(() => process.exit(this.exitCodeOnSignal(signal)));
      });
    }
  }
}

const processStackKey = Symbol.for('scp-cloud-ml.test-host.cleanup');

/**
 * The one stack of this process, with the signal handlers installed once. It lives on globalThis
 * because each test file is its own esbuild bundle with its own copy of this module: every workbench
 * an e2e spec starts must still be stopped by the runner's Ctrl-C.
 */
export function processCleanup(): CleanupStack {
  const holder = globalThis as { [processStackKey]?: CleanupStack };
  if (!holder[processStackKey]) {
    holder[processStackKey] = new CleanupStack();
    holder[processStackKey].exitOnSignals();
  }
  return holder[processStackKey];
}
