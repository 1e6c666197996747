export type ScpRuntime = typeof import('./scpRuntime');

/**
 * The performance measure loadScpRuntime() records around the require (process-wide, read by `npm run bench`
 * through performance.getEntriesByName; nothing else reads it).
 */
export const SCP_RUNTIME_LOAD_MEASURE = 'scpCloudMl.scpRuntime.load';

let loading: Promise<ScpRuntime> | undefined;

/**
 * Loads the SCP client and emulator on first use. In the shipped extension esbuild keeps './scpRuntime.js' out
 * of dist/extension.js and it resolves to dist/scpRuntime.js beside it; in test bundles it is bundled inline.
 * A plain require, not import(): the extension host loads CommonJS, and this keeps one module system.
 */
export function loadScpRuntime(): Promise<ScpRuntime> {
  loading ??= Promise.resolve().then(() => {
    const started = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const runtime = require('./scpRuntime.js') as ScpRuntime;
    performance.measure(SCP_RUNTIME_LOAD_MEASURE, { start: started, end: performance.now() });
    return runtime;
  });
  return loading;
}
