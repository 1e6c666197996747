import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BenchMetric } from './benchMetric';

const KB = 1024;
const MB = 1024 * 1024;

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.error) throw new Error(`Could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${String(result.status)}):\n${result.stdout}${result.stderr}`);
}

/**
 * Packages the extension with vsce (its prepublish step builds the production bundle) into `outDir`, and unpacks
 * it next to it: the unpacked copy is both what the size of dist/extension.js is read from (exactly what ships)
 * and the extension folder the activation starts load (so a concurrent development build in the clone cannot
 * change what is measured).
 */
export function packageAndUnpack(repoRoot: string, outDir: string): { vsixPath: string; extensionPath: string } {
  const vsixPath = path.join(outDir, 'scp-cloud-ml-bench.vsix');
  const vsce = path.join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'vsce.cmd' : 'vsce');
  run(vsce, ['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsixPath], repoRoot);
  const unpacked = path.join(outDir, 'unpacked');
  fs.mkdirSync(unpacked, { recursive: true });
  run('unzip', ['-q', '-o', vsixPath, '-d', unpacked], outDir);
  return { vsixPath, extensionPath: path.join(unpacked, 'extension') };
}

export function sizeMetrics(vsixPath: string, extensionPath: string): BenchMetric[] {
  const bundle = path.join(extensionPath, 'dist', 'extension.js');
  const text = fs.readFileSync(bundle, 'utf8');
  if (text.includes('//# sourceMappingURL=')) throw new Error('The packaged dist/extension.js is not the production build (it has a source map).');
  const files = fs.readdirSync(extensionPath, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  return [
    {
      id: 'size.extensionJs',
      label: 'dist/extension.js (production, minified)',
      value: Buffer.byteLength(text) / KB,
      unit: 'KB',
      budget: { max: 300, of: 'value' },
      note: 'the bundle inside the .vsix; KB = 1,024 bytes',
    },
    {
      id: 'size.scpRuntimeJs',
      label: 'dist/scpRuntime.js (loaded on the first SCP call)',
      value: fs.statSync(path.join(extensionPath, 'dist', 'scpRuntime.js')).size / KB,
      unit: 'KB',
      note: 'axios and the zod schemas: kept out of the activation bundle; no budget (its load time is the runtime load row)',
    },
    {
      id: 'size.vsix',
      label: '.vsix',
      value: fs.statSync(vsixPath).size / MB,
      unit: 'MB',
      budget: { max: 1, of: 'value' },
      note: `vsce package --no-dependencies; ${files} files; MB = 1,048,576 bytes`,
    },
  ];
}
