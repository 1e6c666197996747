// The import rules of the extension, checked by `npm run lint` (docs/architecture.md draws the layers).
// A violation prints the rule's name and fails the run. Bottom to top: scp, emulator, model, ui, wizard,
// connection, the features (explorer, deployments, webview, capacity, chat), commands, then extension.ts.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'No import cycle between files: a cycle means two files are one concept, or the shared part belongs lower.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      severity: 'error',
      comment: 'No cycle between folders: each folder is a layer or a feature, and dependencies point down.',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'scp-emulator-model-without-vscode',
      severity: 'error',
      comment: 'The SCP client, the emulator and the shared model run in plain Node (CLIs, unit tests): no vscode.',
      from: { path: '^src/(scp|emulator|model)/' },
      // `vscode` resolves to its typings (@types/vscode); the host provides the module at run time.
      to: { path: '^vscode$|(^|/)node_modules/@types/vscode/' },
    },
    {
      name: 'scp-is-the-floor',
      severity: 'error',
      comment: 'src/scp imports nothing else of the extension.',
      from: { path: '^src/scp/' },
      to: { path: '^src/', pathNot: '^src/scp/' },
    },
    {
      name: 'emulator-on-scp-only',
      severity: 'error',
      comment: 'The emulator stands in for SCP: it may share the client\'s schemas and types, nothing above them.',
      from: { path: '^src/emulator/' },
      to: { path: '^src/', pathNot: '^src/(emulator|scp)/' },
    },
    {
      name: 'model-on-scp-only',
      severity: 'error',
      comment: 'The shared vocabulary (targets, command ids) sits below every feature and may read only SCP types.',
      from: { path: '^src/model/' },
      to: { path: '^src/', pathNot: '^src/(model|scp)/' },
    },
    {
      name: 'ui-below-features',
      severity: 'error',
      comment: 'The UI seams (ui, wizard) serve every feature, so they import no feature, connection or command.',
      from: { path: '^src/(ui|wizard)/' },
      to: { path: '^src/(connection|explorer|deployments|webview|capacity|chat|commands)/|^src/extension' },
    },
    {
      name: 'connection-below-features',
      severity: 'error',
      comment: 'Profiles and sessions are used by the features; they import none of them.',
      from: { path: '^src/connection/' },
      to: { path: '^src/(explorer|deployments|webview|capacity|chat|commands)/|^src/extension' },
    },
    {
      name: 'features-never-import-commands',
      severity: 'error',
      comment: 'Commands sit on top of the features; only extension.ts wires them. Shared names live in src/model.',
      from: { path: '^src/', pathNot: '^src/(commands/|extension\\.ts$)' },
      to: { path: '^src/commands/' },
    },
    {
      name: 'webview-app-only-protocol',
      severity: 'error',
      comment: 'The webview scripts run in the browser sandbox: from the extension they share only the message protocol.',
      from: { path: '^media/webview/' },
      to: { path: '^src/', pathNot: '^src/webview/webviewMessages\\.ts$' },
    },
    {
      name: 'src-not-to-test',
      severity: 'error',
      comment: 'Shipped code never imports test code.',
      from: { path: '^(src|media)/' },
      to: { path: '^test/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves to a file or a package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle through types is still a cycle for the reader.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
