import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { requiredVsixEntries } from '../../e2e/support/requiredVsixEntries';
import { missingVsixEntries, unexpectedVsixEntries } from '../../e2e/support/vsixAllowList';
import { zipEntryNames } from '../../e2e/support/zipEntryNames';

/** A stored (uncompressed) zip with these entries, written the way zip tools write one. */
function zipOf(entries: Record<string, string>, comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(Buffer.byteLength(comment), 20);
  return Buffer.concat([...locals, directory, end, Buffer.from(comment)]);
}

/** What vsce 3 writes for this extension today. */
const SHIPPED = [
  'extension.vsixmanifest',
  '[Content_Types].xml',
  'extension/package.json',
  'extension/package.nls.json',
  'extension/package.nls.ko.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/dist/extension.js',
  'extension/dist/scpRuntime.js',
  'extension/dist/webview/detailsApp.js',
  'extension/dist/webview/detailsApp.css',
  'extension/dist/webview/codicon.css',
  'extension/dist/webview/codicon.ttf',
  'extension/media/icon.png',
  'extension/media/scp-cloud-ml.svg',
  'extension/media/panel-icon-light.svg',
  'extension/media/panel-icon-dark.svg',
  'extension/media/readme/explorer-tree.png',
  'extension/media/readme/create-form.png',
  'extension/l10n/bundle.l10n.json',
  'extension/l10n/bundle.l10n.ko.json',
];

describe('packaging: the .vsix allow-list', () => {
  it('reads entry names from a zip, also behind an archive comment', () => {
    assert.deepEqual(zipEntryNames(zipOf({ 'extension/package.json': '{}', 'extension/dist/extension.js': 'x' }, 'a comment')), [
      'extension/package.json',
      'extension/dist/extension.js',
    ]);
  });

  it('refuses a buffer that is not a zip, and a truncated central directory', () => {
    assert.throws(() => zipEntryNames(Buffer.from('not a zip at all, just text')), /Not a zip archive/);
    const zip = zipOf({ 'a.txt': 'a', 'b.txt': 'b' });
    const end = zip.length - 22;
    zip.writeUInt16LE(3, end + 10); // claims a third entry that is not there
    assert.throws(() => zipEntryNames(zip), /entry 3 of 3 is missing/);
  });

  it('accepts exactly what ships', () => {
    assert.deepEqual(unexpectedVsixEntries(SHIPPED), []);
  });

  it('names every entry that must not ship', () => {
    const unwanted = [
      'extension/src/extension.ts',
      'extension/test/e2e/personJourney.e2e.ts',
      'extension/dist/extension.js.map',
      'extension/dist/webview/detailsApp.js.map',
      'extension/dist/test/unit/scp/signer.test.js',
      'extension/dist/cli/emulator.js',
      'extension/node_modules/axios/package.json',
      'extension/.emulator-state.json',
      'extension/media/webview/detailsRenderer.ts',
      'extension/media/readme/tree.jpg',
      'extension/test/e2e/screenshots/journey-01-welcome.png',
      'extension/scp-cloud-ml-0.1.0.vsix',
      'extension/tsconfig.json',
      'extension/esbuild.js',
      'extension/.vscodeignore',
    ];
    assert.deepEqual(unexpectedVsixEntries([...SHIPPED, ...unwanted]), unwanted);
  });

  it("requires what the repository has, matching vsce's renamed README, CHANGELOG and LICENSE", () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-vsix-required-'));
    try {
      fs.writeFileSync(
        path.join(repo, 'package.json'),
        JSON.stringify({ main: './dist/extension.js', icon: 'media/icon.png', contributes: { viewsContainers: { activitybar: [{ icon: 'media/scp-cloud-ml.svg' }] } } }),
      );
      for (const file of ['package.nls.json', 'package.nls.ko.json', 'README.md', 'CHANGELOG.md', 'LICENSE']) fs.writeFileSync(path.join(repo, file), '');
      fs.mkdirSync(path.join(repo, 'l10n'));
      fs.writeFileSync(path.join(repo, 'l10n', 'bundle.l10n.ko.json'), '{}');
      fs.mkdirSync(path.join(repo, 'media', 'webview'), { recursive: true });
      fs.writeFileSync(path.join(repo, 'media', 'webview', 'detailsApp.ts'), '');
      fs.writeFileSync(path.join(repo, 'media', 'webview', 'detailsRenderer.ts'), '');

      const required = requiredVsixEntries(repo);
      assert.deepEqual(missingVsixEntries(SHIPPED, required), []);
      const withoutBundle = SHIPPED.filter((name) => name !== 'extension/dist/webview/detailsApp.js' && name !== 'extension/readme.md');
      assert.deepEqual(missingVsixEntries(withoutBundle, required).sort(), ['extension/README.md', 'extension/dist/webview/detailsApp.js']);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  it('requires every walkthrough step\'s media and the panels\' tab icons', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-vsix-walkthrough-'));
    try {
      const steps = [{ media: { image: 'media/readme/explorer-tree.png' } }, { media: { image: { light: 'media/readme/create-form.png', dark: 'media/readme/create-form.png' } } }];
      fs.writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ main: './dist/extension.js', contributes: { walkthroughs: [{ steps }] } }));
      fs.mkdirSync(path.join(repo, 'media'));
      for (const theme of ['light', 'dark']) fs.writeFileSync(path.join(repo, 'media', `panel-icon-${theme}.svg`), '');
      const required = requiredVsixEntries(repo);
      assert.deepEqual(missingVsixEntries(SHIPPED, required), []);
      const withoutMedia = SHIPPED.filter((name) => name !== 'extension/media/readme/create-form.png' && name !== 'extension/media/panel-icon-dark.svg');
      assert.deepEqual(missingVsixEntries(withoutMedia, required).sort(), ['extension/media/panel-icon-dark.svg', 'extension/media/readme/create-form.png']);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});
