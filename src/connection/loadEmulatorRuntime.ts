export type EmulatorRuntime = typeof import('./emulatorRuntime');

let loading: Promise<EmulatorRuntime> | undefined;

/**
 * Loads the built-in emulator on first use. In the shipped extension esbuild keeps './emulatorRuntime.js' out of
 * dist/extension.js and it resolves to dist/emulatorRuntime.js beside it; in test bundles it is bundled inline.
 */
export function loadEmulatorRuntime(): Promise<EmulatorRuntime> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loading ??= Promise.resolve().then(() => require('./emulatorRuntime.js') as EmulatorRuntime);
  return loading;
}
