// StrykerJS configuration of `npm run test:mutation` (see docs/testing.md). Mutates the UI-free and decision code
// that the unit layer covers and checks that the unit tests notice.
//
// The unit tests are TypeScript bundled by esbuild (dist/test/unit/**/*.test.js inline the src they import), so
// Stryker instruments src in its sandbox, `buildCommand` bundles the instrumented src into the test bundles
// (mutation switching survives esbuild: the switches read a global, `__stryker__`), and the mocha runner runs the
// bundles. "perTest" coverage works through the bundle for the same reason (the coverage counters are that global),
// so each mutant runs only the tests that reach it.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'mocha',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  // One type check of all mutants at once, splitting only groups that fail: minutes instead of hours on 2 cores.
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  buildCommand: 'node esbuild.js --tests',
  mochaOptions: {
    spec: [
      'dist/test/unit/scp/**/*.test.js',
      'dist/test/unit/emulator/**/*.test.js',
      'dist/test/unit/wizard/**/*.test.js',
      'dist/test/unit/deployments/**/*.test.js',
      'dist/test/unit/commands/**/*.test.js',
      'dist/test/unit/connection/**/*.test.js',
      'dist/test/unit/webview/**/*.test.js',
      'dist/test/unit/explorer/**/*.test.js',
      'dist/test/unit/ui/**/*.test.js',
    ],
    // `npm run scp` runs in a child process, where no mutant is switched on; in this process these tests only
    // start emulators (covered by the emulator's own tests) and rebuild the CLI, which cost seconds per mutant.
    ignore: ['dist/test/unit/scp/cli.test.js'],
  },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level code run once at load: the zod schemas, header lists, tables) can only be tested
  // by a fresh process running the whole suite per mutant: in src/scp 6% of the mutants took 46% of the time. They
  // are reported as Ignored ("static" in the table), not counted; STRYKER_STATIC=1 tests them too (hours more).
  ignoreStatic: process.env.STRYKER_STATIC !== '1',
  mutate: [
    'src/scp/**/*.ts',
    // Process entry points: their tests run them as child processes, which Stryker cannot switch mutants in.
    '!src/scp/cli.ts',
    '!src/emulator/cli.ts',
    // About to be deleted (replaced by the deployment tracker and the explorer's own paging).
    '!src/scp/poller.ts',
    '!src/scp/paging.ts',
    'src/emulator/**/*.ts',
    'src/wizard/**/*.ts',
    'src/deployments/pollDecision.ts',
    'src/deployments/pollSchedule.ts',
    'src/deployments/deploymentsStatus.ts',
    'src/deployments/operationStore.ts',
    'src/deployments/trackedOperation.ts',
    'src/commands/resourceBounds.ts',
    'src/commands/createRequest.ts',
    'src/commands/clusterEstimates.ts',
    'src/commands/createdInstanceLookup.ts',
    'src/connection/profileImporter.ts',
    'src/connection/jsonWithPosition.ts',
    'src/connection/keyMask.ts',
    'src/webview/secretStripping.ts',
    'src/webview/resourceComparison.ts',
    'src/webview/resourceText.ts',
    'src/explorer/explorerFilter.ts',
    'src/explorer/pageHasMore.ts',
    'src/explorer/sharedLoad.ts',
    'src/ui/latestOnly.ts',
    'src/ui/plainNotificationText.ts',
  ],
  // Equivalent mutants, each with its reason: reported as Ignored, not counted (stryker-equivalent-mutants.mjs).
  appendPlugins: ['./stryker-equivalent-mutants.mjs'],
  ignorers: ['equivalent-mutants'],
  // The incremental file stays local (reports/ is gitignored): it records results for exact file contents, so a
  // committed copy would conflict on every merge and be stale after any change to src or tests. A re-run on the
  // same machine tests only the mutants whose code or covering tests changed; `--force` runs everything.
  // Test sources: dist/test/unit (built by `npm run test:mutation` before Stryker reads the project) is an input,
  // so a changed test body re-runs the mutants it covers instead of reusing results by test name.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  ignorePatterns: ['/dist/*', '!/dist/test', '/dist/test/*', '!/dist/test/unit', 'test/host/artifacts', '.cache', '.vscode-test', 'reports', '*.vsix'],
  // The machine is shared and has 2 cores: one checker, then test runners, never more than two processes.
  concurrency: 2,
  // The suite talks to a real emulator over loopback: generous, so that load is not mistaken for a hang.
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { reportMutants: false, reportTests: false },
  // break: `npm run test:mutation` fails below 85 overall (src/scp's 90 is checked by .ci/mutation.js).
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
