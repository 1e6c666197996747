/**
 * Everything a runner starts (code-server, the browser, temp folders) registers how to undo itself
 * here. `runAll` undoes them in reverse order; Ctrl-C, SIGTERM and SIGHUP run it too before exiting,
 * so a stopped run never leaves a server or a browser behind.
 */
export class CleanupStack {
  private readonly steps: { name: string; undo: () => Promise<void> | void }[] = [];
  private running: Promise<void> | undefined;

  /** Registers an undo step; returns a function that unregisters it (for things already undone). */
  add(name: string, undo: () => Promise<void> | void): () => void {
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
      while (this.steps.length > 0) {
        const step = this.steps.pop()!;
        try {
          await step.undo();
        } catch (err) {
          log(`Cleanup "${step.name}" failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    })();
    return this.running;
  }

  /** On SIGINT/SIGTERM/SIGHUP: clean up, then exit with 128 + signal number (130 for Ctrl-C). */
  exitOnSignals(log: (line: string) => void = console.error): void {
    const codes: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
    for (const signal of Object.keys(codes) as NodeJS.Signals[]) {
      process.once(signal, () => {
        log(`\nReceived ${signal}: stopping everything this run started…`);
        void this.runAll(log).finally(() => process.exit(codes[signal]));
      });
    }
  }
}
