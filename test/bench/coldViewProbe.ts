import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import { coldApi, listRoundTrip, runProbe, runtimeLoadMs } from './coldProbe';
import { now, sleep } from './hostBenchContext';
import { reportToRunner } from './hostReport';

const FIRST_PAGE_TIMEOUT_MS = 30_000;

type ExplorerNode = Parameters<ExtensionTestApi['explorer']['provider']['getTreeItem']>[0];

/**
 * One fresh start of the cold path (an extensionTestsPath module): with a saved, active profile and the view
 * hidden, shows the SCP Cloud ML view (its focus command, as a click on the icon does) and times from VS Code's
 * first question for the root (the view has become visible) until the tree provider has answered it with clusters;
 * the time the workbench took to open the view is reported apart. The provider is observed, not driven: VS Code calls
 * it, the probe only notes when the root's answer holds clusters. Leaves the Explorer view showing again, so the
 * next start is cold too.
 */
export function run(): Promise<void> {
  return runProbe(async () => {
    const api = await coldApi();
    const provider = api.explorer.provider;
    const isCluster = (node: ExplorerNode): boolean => (provider.getTreeItem(node).contextValue ?? '').startsWith('scpCloudMl.cluster.');
    let pageShown!: (at: number) => void;
    const firstPage = new Promise<number>((resolve) => (pageShown = resolve));
    let askedAt: number | undefined;
    const original = provider.getChildren.bind(provider);
    provider.getChildren = (node?: ExplorerNode) => {
      if (node === undefined) askedAt ??= now();
      const answer = original(node);
      if (node === undefined) {
        void Promise.resolve(answer).then((roots) => {
          if ((roots ?? []).some(isCluster)) pageShown(now());
        });
      }
      return answer;
    };
    try {
      const started = now();
      await vscode.commands.executeCommand('scpCloudMl.explorer.focus');
      const shownAt = await Promise.race([firstPage, sleep(FIRST_PAGE_TIMEOUT_MS).then(() => undefined)]);
      if (shownAt === undefined) throw new Error(`The view showed no cluster page within ${FIRST_PAGE_TIMEOUT_MS / 1000} s.`);
      const loadMs = runtimeLoadMs();
      reportToRunner({
        kind: 'cold',
        what: 'view',
        // The view is visible from VS Code's first question for its root on: that is when the extension can start.
        elapsedMs: shownAt - (askedAt ?? started),
        shownMs: (askedAt ?? started) - started,
        roundTripMs: await listRoundTrip(api),
        ...(loadMs !== undefined ? { runtimeLoadMs: loadMs } : {}),
      });
    } finally {
      provider.getChildren = original;
      await vscode.commands.executeCommand('workbench.view.explorer');
    }
  });
}
