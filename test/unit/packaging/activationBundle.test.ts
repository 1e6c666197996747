import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

interface BuildConfigs {
  extensionBuild: esbuild.BuildOptions;
  scpRuntimeBuild: esbuild.BuildOptions;
  emulatorRuntimeBuild: esbuild.BuildOptions;
}

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const configs = require(path.join(repoRoot, 'esbuild.js')) as BuildConfigs;

async function inputsOf(options: esbuild.BuildOptions): Promise<{ inputs: string[]; text: string }> {
  const result = await esbuild.build({ ...options, absWorkingDir: repoRoot, write: false, metafile: true, minify: true, sourcemap: false, logLevel: 'silent' });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  assert.ok(output, 'no entry output');
  return { inputs: Object.keys(output.inputs), text: result.outputFiles?.find((f) => f.path.endsWith('.js'))?.text ?? '' };
}

describe('activation bundle (dist/extension.js)', () => {
  it('leaves axios, the zod schemas and the client to dist/scpRuntime.js, the emulator to dist/emulatorRuntime.js', async () => {
    const { inputs, text } = await inputsOf(configs.extensionBuild);
    const heavy = inputs.filter((f) => /node_modules\/(axios|follow-redirects)\/|node_modules\/zod\/v4\/classic\/|src\/scp\/(scpHttpClient|cloudMlApi|skeApi|cloudMlSchemas)\.ts|src\/emulator\//.test(f));
    assert.deepEqual(heavy, []);
    assert.ok(text.includes('require("./scpRuntime.js")'), "dist/extension.js does not require ./scpRuntime.js");
    assert.ok(text.includes('require("./emulatorRuntime.js")'), "dist/extension.js does not require ./emulatorRuntime.js");
  });

  it('puts them in the runtime bundles instead, and the emulator only in its own', async () => {
    const { inputs } = await inputsOf(configs.scpRuntimeBuild);
    for (const needed of ['src/scp/scpHttpClient.ts', 'src/scp/cloudMlApi.ts']) {
      assert.ok(inputs.includes(needed), `${needed} missing from the runtime bundle`);
    }
    assert.ok(inputs.some((f) => f.includes('node_modules/axios/')), 'axios missing from the runtime bundle');
    assert.deepEqual(inputs.filter((f) => f.startsWith('src/emulator/')), [], 'the emulator is in dist/scpRuntime.js');
    const emulator = await inputsOf(configs.emulatorRuntimeBuild);
    assert.ok(emulator.inputs.includes('src/emulator/startEmulator.ts'), 'the emulator is missing from dist/emulatorRuntime.js');
  });

  it('leaves out the axios parts the client never runs (fetch adapter, proxy agent, redirects, HTTP/2, the eager FormData read)', async () => {
    const { inputs, text } = await inputsOf(configs.scpRuntimeBuild);
    const unused = inputs.filter((f) => /node_modules\/(https-proxy-agent|follow-redirects|debug)\/|node_modules\/axios\/lib\/adapters\/fetch\.js/.test(f));
    assert.deepEqual(unused, []);
    assert.ok(!text.includes('G.FormData'), 'axios still reads globalThis.FormData when loaded (that loads undici)');
    assert.ok(!/require\("(node:)?http2"\)/.test(text), 'dist/scpRuntime.js still requires http2');
  });
});
