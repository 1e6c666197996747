import * as vscode from 'vscode';
import type { UserInput } from '../../src/ui/userInput';
import { coldApi, listRoundTrip, runProbe, runtimeLoadMs } from './coldProbe';
import { now } from './hostBenchContext';
import { reportToRunner } from './hostReport';

/**
 * One fresh start (an extensionTestsPath module): with a saved, active profile and the tree never loaded, runs
 * Create Cloud ML and times until its first step is shown, and until that step has items. A measuring UserInput
 * (installed through the test API) stands in for the quick input: it notes when the step is asked and when its
 * first items arrive, then cancels, so the form ends there.
 */
export function run(): Promise<void> {
  return runProbe(async () => {
    const api = await coldApi();
    let shownAt: number | undefined;
    let itemsAt: number | undefined;
    const problems: string[] = [];
    const noted = (): undefined => {
      shownAt ??= now();
      return undefined;
    };
    const measuring: UserInput = {
      async pick(items) {
        noted();
        const list = await items;
        if (list.length > 0) itemsAt ??= now();
        return undefined;
      },
      async pickProgressive(source) {
        noted();
        const controller = new AbortController();
        await source((more) => {
          if (more.length > 0 && itemsAt === undefined) {
            itemsAt = now();
            controller.abort();
          }
        }, controller.signal).catch(() => undefined);
        return undefined;
      },
      input: () => Promise.resolve(noted()),
      info: (message) => Promise.resolve(void problems.push(message)),
      warn: (message) => Promise.resolve(void problems.push(message)),
      error: (message) => Promise.resolve(void problems.push(message)),
      withProgress: (_options, task) => task({ report: () => undefined }, new AbortController().signal),
    };
    api.setUserInput(measuring);
    try {
      const started = now();
      await vscode.commands.executeCommand('scpCloudMl.create');
      if (shownAt === undefined || itemsAt === undefined) {
        throw new Error(`Create Cloud ML showed ${shownAt === undefined ? 'no step' : 'a first step without items'}${problems.length > 0 ? `: ${problems.join(' / ')}` : ''}.`);
      }
      const loadMs = runtimeLoadMs();
      reportToRunner({
        kind: 'cold',
        what: 'form',
        elapsedMs: itemsAt - started,
        shownMs: shownAt - started,
        roundTripMs: await listRoundTrip(api),
        ...(loadMs !== undefined ? { runtimeLoadMs: loadMs } : {}),
      });
    } finally {
      api.setUserInput(undefined);
    }
  });
}
