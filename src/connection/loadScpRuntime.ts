export type ScpRuntime = typeof import('./scpRuntime');

let loading: Promise<ScpRuntime> | undefined;

/**
 * Loads the SCP client and emulator on first use. In the shipped extension esbuild keeps './scpRuntime.js' out
 * of dist/extension.js and it resolves to dist/scpRuntime.js beside it; in test bundles it is bundled inline.
 * A plain require, not import(): the extension host loads CommonJS, and this keeps one module system.
 */
export function loadScpRuntime(): Promise<ScpRuntime> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loading ??= Promise.resolve().then(() => require('./scpRuntime.js') as ScpRuntime);
  return loading;
}
