// Builds the extension bundle, the webview apps, the two CLIs and the test bundles.
//   node esbuild.js                 dist/extension.js + dist/webview/* (sourcemaps)
//   node esbuild.js --production    the same, minified, no sourcemaps (what ships)
//   node esbuild.js --cli           dist/cli/emulator.js + dist/cli/scp.js
//   node esbuild.js --tests         dist/test/** (unit, integration, e2e, host runners)
//   node esbuild.js --watch         rebuild the extension and webviews on change
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

/** Lists files under `dir` whose names end with `suffix` (recursive). */
function filesUnder(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

/**
 * `module` before `main`: jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot follow ("Cannot
 * find module './impl/format'" at run time); its ES module build bundles. Packages with an `exports` map (axios,
 * zod) resolve through that map either way.
 */
const common = { bundle: true, logLevel: 'warning', target: 'es2022', mainFields: ['module', 'main'] };

/**
 * Leaves out what the extension never runs but its dependencies import unconditionally (found with `npm run
 * bench`: these were 60% of dist/extension.js): zod's 40+ error-message locales (only English, zod's default, is
 * kept; nothing calls z.locales) and form-data with its 130 KB MIME table (axios imports it for FormData bodies,
 * which this extension never sends). Also axios's fetch adapter, which probes fetch, Request and Response when it
 * is loaded (in plain Node that loads undici: most of the time requiring dist/scpRuntime.js took), and node:http2
 * (loaded at once, used only for HTTP/2 requests): the client uses the http adapter (createScpAxios) over HTTP/1.1.
 */
const unusedDependencyParts = {
  name: 'unused-dependency-parts',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'unused-parts' } : undefined,
    );
    build.onResolve({ filter: /^form-data$/ }, () => ({ path: 'form-data', namespace: 'unused-parts' }));
    build.onResolve({ filter: /^\.\/fetch\.js$/ }, (args) =>
      /[\\/]axios[\\/]lib[\\/]adapters$/.test(args.resolveDir) ? { path: 'axios-fetch', namespace: 'unused-parts' } : undefined,
    );
    build.onResolve({ filter: /^(https-proxy-agent|follow-redirects)$/ }, (args) =>
      /[\\/]node_modules[\\/]axios[\\/]/.test(args.importer) ? { path: args.path, namespace: 'unused-parts' } : undefined,
    );
    build.onResolve({ filter: /^http2$/ }, (args) =>
      /[\\/]node_modules[\\/]axios[\\/]/.test(args.importer) ? { path: 'http2', namespace: 'unused-parts' } : undefined,
    );
    build.onLoad({ filter: /^zod-locales$/, namespace: 'unused-parts' }, () => ({
      contents: `export { default as en } from ${JSON.stringify(path.resolve('node_modules/zod/v4/locales/en.js'))};`,
      resolveDir: __dirname,
      loader: 'js',
    }));
    // axios reads globalThis.FormData once when loaded, and in Node that getter loads undici (most of the time the
    // runtime bundle took to load); without it axios recognises FormData by its shape, and none is ever sent.
    build.onLoad({ filter: /[\\/]node_modules[\\/]axios[\\/]lib[\\/]utils\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const eager = "const FormDataCtor = typeof G.FormData !== 'undefined' ? G.FormData : undefined;";
      if (!source.includes(eager)) return { contents: source, loader: 'js', warnings: [{ text: 'axios/lib/utils.js changed: its eager FormData read is no longer left out' }] };
      return { contents: source.replace(eager, 'const FormDataCtor = undefined;'), loader: 'js' };
    });
    build.onLoad({ filter: /^axios-fetch$/, namespace: 'unused-parts' }, () => ({
      contents: 'export const getFetch = () => false; export default false;',
      loader: 'js',
    }));
    // axios's proxy agent and redirect follower (with the debug package they load): the client turns both off
    // (proxy: false, maxRedirects: 0, createScpAxios), so axios uses node:http/https directly.
    build.onLoad({ filter: /^https-proxy-agent$/, namespace: 'unused-parts' }, () => ({
      contents: "module.exports = class HttpsProxyAgent { constructor() { throw new Error('axios proxies are turned off in this extension.'); } };",
      loader: 'js',
    }));
    build.onLoad({ filter: /^follow-redirects$/, namespace: 'unused-parts' }, () => ({
      contents: "const off = { request() { throw new Error('Redirects are not followed by this extension.'); } }; module.exports = { http: off, https: off };",
      loader: 'js',
    }));
    build.onLoad({ filter: /^http2$/, namespace: 'unused-parts' }, () => ({
      contents: "module.exports = { constants: {}, connect() { throw new Error('HTTP/2 is not used by this extension.'); } };",
      loader: 'js',
    }));
    build.onLoad({ filter: /^form-data$/, namespace: 'unused-parts' }, () => ({
      contents: "module.exports = class FormData { constructor() { throw new Error('FormData request bodies are not supported.'); } };",
      loader: 'js',
    }));
  },
};

/**
 * Keeps the SCP runtime (axios, the zod schemas: src/connection/scpRuntime.ts) and the emulator
 * (src/connection/emulatorRuntime.ts) out of dist/extension.js: loadScpRuntime() requires dist/scpRuntime.js on the
 * first SCP call and loadEmulatorRuntime() dist/emulatorRuntime.js when the Emulator profile starts one, so
 * activation loads and parses only the UI half, and a real profile's first call does not load the emulator.
 */
const lazyScpRuntime = {
  name: 'lazy-scp-runtime',
  setup(build) {
    build.onResolve({ filter: /^\.\/scpRuntime(\.js)?$/ }, (args) =>
      /loadScpRuntime\.ts$/.test(args.importer) ? { path: './scpRuntime.js', external: true } : undefined,
    );
    build.onResolve({ filter: /^\.\/emulatorRuntime(\.js)?$/ }, (args) =>
      /loadEmulatorRuntime\.ts$/.test(args.importer) ? { path: './emulatorRuntime.js', external: true } : undefined,
    );
  },
};

const extensionBuild = {
  ...common,
  plugins: [unusedDependencyParts, lazyScpRuntime],
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  platform: 'node',
  format: 'cjs',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  // The emulator is loaded lazily (useEmulator) so activation does not pay for it.
  splitting: false,
};

const scpRuntimeBuild = {
  ...common,
  plugins: [unusedDependencyParts],
  entryPoints: ['src/connection/scpRuntime.ts'],
  outfile: 'dist/scpRuntime.js',
  platform: 'node',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
};

/** The built-in emulator (src/connection/emulatorRuntime.ts): required only when the Emulator profile starts one. */
const emulatorRuntimeBuild = {
  ...common,
  plugins: [unusedDependencyParts],
  entryPoints: ['src/connection/emulatorRuntime.ts'],
  outfile: 'dist/emulatorRuntime.js',
  platform: 'node',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
};

const webviewBuild = {
  ...common,
  entryPoints: filesUnder('media/webview', 'App.ts'),
  outdir: 'dist/webview',
  platform: 'browser',
  format: 'iife',
  minify: production,
  sourcemap: !production,
};

const cliBuild = {
  ...common,
  entryPoints: { emulator: 'src/emulator/cli.ts', scp: 'src/scp/cli.ts' },
  outdir: 'dist/cli',
  platform: 'node',
  format: 'cjs',
  sourcemap: true,
};

const testBuild = {
  ...common,
  entryPoints: [
    ...filesUnder('test/unit', '.test.ts'),
    ...filesUnder('test/integration', '.ts'),
    ...filesUnder('test/e2e', '.ts'),
    ...filesUnder('test/host', '.ts'),
    ...filesUnder('test/bench', '.ts'),
  ],
  outdir: 'dist/test',
  outbase: 'test',
  platform: 'node',
  format: 'cjs',
  packages: 'external',
  external: ['vscode'],
  sourcemap: true,
};

/** Copies the codicon font and CSS next to the webview bundles (the webview loads only from dist/webview and media). */
function copyCodicons() {
  const from = path.join('node_modules', '@vscode', 'codicons', 'dist');
  fs.mkdirSync('dist/webview', { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) {
    fs.copyFileSync(path.join(from, file), path.join('dist/webview', file));
  }
}

async function main() {
  const builds = [];
  if (args.has('--cli')) builds.push(cliBuild);
  if (args.has('--tests')) builds.push(testBuild);
  if (builds.length === 0) {
    builds.push(extensionBuild, scpRuntimeBuild, emulatorRuntimeBuild);
    if (webviewBuild.entryPoints.length > 0) builds.push(webviewBuild);
    copyCodicons();
  }
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
    console.log('[esbuild] watching…');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}

// Tests read the configurations (test/unit/packaging/activationBundle.test.ts).
module.exports = { extensionBuild, scpRuntimeBuild, emulatorRuntimeBuild };
