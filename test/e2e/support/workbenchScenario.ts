import { saveArtifacts } from '../../host/hostArtifacts';
import { artifactsDir, findRepoRoot } from '../../host/hostPaths';
import { startWorkbench, type WorkbenchOptions, type WorkbenchSession } from '../../host/workbenchSession';
import { QuickInput } from './quickInput';
import { ScenarioScreenshots } from './scenarioScreenshots';

export interface WorkbenchScenarioOptions {
  /** Names the screenshots (`<name>-NN-….png`) and the artifacts folder of a failed step (`e2e-<name>`). */
  name: string;
  /** The scenario's own set-up (an emulator, a HOME, the .vsix), then how to start the workbench. */
  setUp(): Promise<WorkbenchOptions>;
  /** Runs after the workbench has stopped: the scenario's emulator, temporary folders. */
  tearDown?(): Promise<void> | void;
  /** For the set-up (packaging, installs, a cold start); default 360 s. */
  setUpTimeoutMs?: number;
  /** The steps build on each other (default): after a failed one the rest are skipped, not failed in a cascade. */
  skipAfterFailure?: boolean;
}

export interface WorkbenchScenario {
  readonly repoRoot: string;
  readonly shots: ScenarioScreenshots;
  readonly session: () => WorkbenchSession;
  readonly quick: QuickInput;
}

/**
 * The life of one e2e scenario (a `describe`): its set-up and one code-server workbench before the steps; a failed
 * step saves the page's screenshot, the host's lines and the logs; after the steps, the workbench stops and then the
 * scenario's own clean-up runs. Call it at the top of the `describe`.
 */
export function useWorkbenchScenario(options: WorkbenchScenarioOptions): WorkbenchScenario {
  const repoRoot = findRepoRoot();
  const shots = new ScenarioScreenshots(repoRoot, options.name);
  let wb: WorkbenchSession | undefined;
  let quick: QuickInput | undefined;
  let stopped = false;

  const session = (): WorkbenchSession => {
    if (!wb) throw new Error('The workbench did not start.');
    return wb;
  };

  before(async function () {
    this.timeout(options.setUpTimeoutMs ?? 360_000);
    shots.clearEarlierRun();
    wb = await startWorkbench(await options.setUp());
    quick = new QuickInput(wb.page);
  });

  beforeEach(function () {
    if (stopped) this.skip();
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !wb) return;
    if (options.skipAfterFailure !== false) stopped = true;
    await saveArtifacts(artifactsDir(repoRoot, `e2e-${options.name}`), { page: wb.page, lines: wb.lines, userDataDir: wb.profile.userDataDir }, console.log);
  });

  after(async () => {
    await wb?.stop();
    await options.tearDown?.();
  });

  return {
    repoRoot,
    shots,
    session,
    get quick(): QuickInput {
      if (!quick) throw new Error('The workbench did not start.');
      return quick;
    },
  };
}
