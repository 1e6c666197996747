import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

interface BuildConfigs {
  extensionBuild: esbuild.BuildOptions;
  scpRuntimeBuild: esbuild.BuildOptions;
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
  it('leaves axios, the zod schemas, the client and the emulator to dist/scpRuntime.js', async () => {
    const { inputs, text } = await inputsOf(configs.extensionBuild);
    const heavy = inputs.filter((f) => /node_modules\/(axios|follow-redirects)\/|node_modules\/zod\/v4\/classic\/|src\/scp\/(scpHttpClient|cloudMlApi|skeApi|cloudMlSchemas)\.ts|src\/emulator\//.test(f));
    assert.deepEqual(heavy, []);
    assert.ok(text.includes('require("./scpRuntime.js")'), "dist/extension.js does not require ./scpRuntime.js");
  });

  it('puts them in the runtime bundle instead', async () => {
    const { inputs } = await inputsOf(configs.scpRuntimeBuild);
    for (const needed of ['src/scp/scpHttpClient.ts', 'src/scp/cloudMlApi.ts', 'src/emulator/startEmulator.ts']) {
      assert.ok(inputs.includes(needed), `${needed} missing from the runtime bundle`);
    }
    assert.ok(inputs.some((f) => f.includes('node_modules/axios/')), 'axios missing from the runtime bundle');
  });
});
