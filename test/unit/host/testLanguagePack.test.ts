import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { zipEntryNames } from '../../e2e/support/zipEntryNames';
import { codeServerArgs } from '../../host/codeServerProcess';
import { buildLanguagePackVsix, emptyCoreTranslations, languagePackManifest, testLanguagePack, writeLanguagePacksIndex } from '../../host/testLanguagePack';

interface Localization {
  languageId: string;
  localizedLanguageName: string;
  translations: { id: string; path: string }[];
}

describe('host: the test-only language pack', () => {
  let tmp: string;
  const pack = testLanguagePack('ko');

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-language-pack-'));
  });

  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("contributes a 'ko' localization whose VS Code core translations are an existing, empty file in the .vsix", async () => {
    const source = path.join(tmp, 'source');
    const vsix = path.join(tmp, 'pack.vsix');
    await buildLanguagePackVsix(pack, source, vsix);

    const manifest = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string; contributes: { localizations: Localization[] } };
    assert.equal(`${manifest.publisher}.${manifest.name}`, pack.id, 'the id the index names is the id VS Code gives the installed pack');
    assert.equal(manifest.version, pack.version);
    assert.deepEqual(manifest, languagePackManifest(pack));
    const [localization] = manifest.contributes.localizations;
    assert.equal(localization.languageId, 'ko');
    assert.equal(localization.localizedLanguageName, '한국어');
    assert.deepEqual(localization.translations.map((t) => t.id), ['vscode']);
    const core = path.join(source, localization.translations[0].path);
    assert.deepEqual(JSON.parse(fs.readFileSync(core, 'utf8')), emptyCoreTranslations, 'nothing of VS Code itself is translated');

    const entries = zipEntryNames(fs.readFileSync(vsix));
    for (const entry of ['extension.vsixmanifest', 'extension/package.json', `extension/${path.posix.normalize(localization.translations[0].path)}`]) {
      assert.ok(entries.includes(entry), `the .vsix holds ${entry}: ${JSON.stringify(entries)}`);
    }
  });

  it('languagepacks.json names the installed pack and the absolute path of its core translations', async () => {
    const extensionsDir = path.join(tmp, 'extensions');
    const userDataDir = path.join(tmp, 'user-data');
    fs.mkdirSync(userDataDir);
    // What code-server's --install-extension leaves: the pack's files in <extensions>/<id>-<version>.
    await buildLanguagePackVsix(pack, pack.installedFolder(extensionsDir), path.join(tmp, 'pack.vsix'));

    const indexPath = writeLanguagePacksIndex(pack, userDataDir, extensionsDir);
    assert.equal(indexPath, path.join(userDataDir, 'languagepacks.json'));
    const index = JSON.parse(fs.readFileSync(indexPath, 'utf8')) as Record<string, { hash: string; extensions: unknown[]; translations: { vscode: string } }>;
    assert.deepEqual(Object.keys(index), ['ko']);
    const entry = index.ko;
    assert.match(entry.hash, /^[0-9a-f]{32}$/);
    assert.deepEqual(entry.extensions, [{ extensionIdentifier: { id: pack.id }, version: pack.version }]);
    assert.ok(path.isAbsolute(entry.translations.vscode), entry.translations.vscode);
    assert.ok(entry.translations.vscode.startsWith(pack.installedFolder(extensionsDir) + path.sep), 'points at the installed copy');
    assert.deepEqual(JSON.parse(fs.readFileSync(entry.translations.vscode, 'utf8')), emptyCoreTranslations);
  });

  it('refuses to write the index when the pack is not installed (the server would silently stay English)', () => {
    assert.throws(() => writeLanguagePacksIndex(pack, tmp, path.join(tmp, 'extensions')), /is not installed/);
    assert.equal(fs.existsSync(path.join(tmp, 'languagepacks.json')), false);
  });

  it('code-server gets --locale only when a display language is asked for', () => {
    const dirs = { userDataDir: '/u', extensionsDir: '/e', configPath: '/c' };
    const withLocale = codeServerArgs({ ...dirs, locale: 'ko' });
    assert.equal(withLocale[withLocale.indexOf('--locale') + 1], 'ko');
    assert.ok(!codeServerArgs(dirs).includes('--locale'));
  });
});
