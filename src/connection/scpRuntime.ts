/**
 * The heavy half of the extension: the signed HTTP client (axios) and the API classes with their zod schemas (the
 * built-in emulator is a bundle of its own, emulatorRuntime.ts). This module is its own bundle (dist/scpRuntime.js, see esbuild.js) that
 * loadScpRuntime() requires on the first SCP call, so activation never loads or parses it. It is a bundle entry
 * point, not a convenience barrel: nothing else imports it directly.
 */
export { CloudMlApi } from '../scp/cloudMlApi';
export { ScpHttpClient } from '../scp/scpHttpClient';
export { SkeApi } from '../scp/skeApi';
