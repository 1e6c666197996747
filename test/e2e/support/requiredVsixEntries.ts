import * as fs from 'node:fs';
import * as path from 'node:path';

interface Manifest {
  main?: string;
  icon?: string;
  contributes?: {
    viewsContainers?: Record<string, { icon?: string }[]>;
    views?: Record<string, { icon?: string }[]>;
    walkthroughs?: { steps?: { media?: WalkthroughMedia }[] }[];
  };
}

/** A walkthrough step's media: an image (one path, or one per theme), a markdown file or an SVG. */
interface WalkthroughMedia {
  image?: string | Record<string, string>;
  markdown?: string;
  svg?: string;
}

/**
 * The vsix entries the installed extension cannot work without, derived from the repository so that a new
 * webview app, icon or language bundle is required as soon as it exists: package.json and what it points at
 * (main, icons, walkthrough media), the webview panels' tab icons, every package*.nls*.json and l10n bundle, each webview app bundle with the codicon font it
 * loads, and README / CHANGELOG / LICENSE when the repository has them.
 */
export function requiredVsixEntries(repoRoot: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
  const files = new Set<string>(['package.json']);
  const add = (relative: string | undefined): void => {
    if (relative) files.add(path.posix.normalize(relative.replace(/\\/g, '/')));
  };
  add(manifest.main);
  // The lazily loaded SCP runtime (esbuild.js: lazyScpRuntime) sits beside the main bundle.
  add('dist/scpRuntime.js');
  add(manifest.icon);
  for (const group of [manifest.contributes?.viewsContainers, manifest.contributes?.views]) {
    for (const entries of Object.values(group ?? {})) for (const entry of entries) add(entry.icon);
  }
  for (const walkthrough of manifest.contributes?.walkthroughs ?? []) {
    for (const { media } of walkthrough.steps ?? []) {
      const image = media?.image;
      for (const file of typeof image === 'string' ? [image] : Object.values(image ?? {})) add(file);
      add(media?.markdown);
      add(media?.svg);
    }
  }
  const media = path.join(repoRoot, 'media');
  if (fs.existsSync(media)) for (const name of fs.readdirSync(media)) if (/^panel-icon-[\w-]+\.svg$/.test(name)) add(`media/${name}`);
  for (const name of fs.readdirSync(repoRoot)) {
    if (/^package\.nls(\..+)?\.json$/.test(name) || ['README.md', 'CHANGELOG.md', 'LICENSE'].includes(name)) add(name);
  }
  const l10n = path.join(repoRoot, 'l10n');
  if (fs.existsSync(l10n)) for (const name of fs.readdirSync(l10n)) if (name.endsWith('.json')) add(`l10n/${name}`);
  const webviewSources = path.join(repoRoot, 'media', 'webview');
  const apps = fs.existsSync(webviewSources) ? fs.readdirSync(webviewSources).filter((name) => name.endsWith('App.ts')) : [];
  for (const app of apps) add(`dist/webview/${app.replace(/\.ts$/, '.js')}`);
  if (apps.length > 0) ['dist/webview/codicon.css', 'dist/webview/codicon.ttf'].forEach(add);
  return [...files].map((file) => `extension/${file}`);
}
