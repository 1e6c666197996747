/**
 * The built-in emulator as its own bundle (dist/emulatorRuntime.js, see esbuild.js): loadEmulatorRuntime()
 * requires it only when the "Emulator" profile starts one, so a real SCP profile's first call loads the client
 * alone. A bundle entry point, not a convenience barrel: nothing else imports it directly.
 */
export { startEmulator } from '../emulator/startEmulator';
