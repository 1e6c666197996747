import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSettings, SETTING_KEYS } from '../../../src/ui/settingsSchema';

interface ManifestSetting {
  type?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
}

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, ManifestSetting> } };
};
const properties = manifest.contributes.configuration.properties;
const numeric = Object.entries(properties)
  .filter(([, setting]) => setting.type === 'number' || setting.type === 'integer')
  .map(([id, setting]) => ({ key: id.replace(/^scpCloudMl\./, ''), setting }));

describe('settingsSchema', () => {
  it('reads only settings the manifest contributes, every number among them', () => {
    const contributed = Object.keys(properties).map((id) => id.replace(/^scpCloudMl\./, ''));
    for (const key of SETTING_KEYS) assert.ok(contributed.includes(key), `${key} is contributed`);
    for (const { key } of numeric) assert.ok(SETTING_KEYS.includes(key), `${key} is read`);
    assert.ok(numeric.length >= 5, `numeric settings found: ${numeric.map((n) => n.key).join(', ')}`);
  });

  it('holds each number to the manifest bounds, which settings.json does not enforce: outside them, the default', () => {
    for (const { key, setting } of numeric) {
      assert.ok(setting.minimum !== undefined && setting.maximum !== undefined, `${key} has bounds in the manifest`);
      const read = (value: unknown): unknown => parseSettings({ [key]: value })[key as keyof ReturnType<typeof parseSettings>];
      assert.equal(read(undefined), setting.default, `${key}: absent`);
      assert.equal(read(setting.minimum), setting.minimum, `${key}: at the minimum`);
      assert.equal(read(setting.maximum), setting.maximum, `${key}: at the maximum`);
      assert.equal(read(setting.maximum + 1), setting.default, `${key}: over the maximum`);
      assert.equal(read(setting.minimum - 0.5), setting.default, `${key}: under the minimum`);
      assert.equal(read('10'), setting.default, `${key}: a string`);
    }
  });

  it('a poll interval of 0.2 s or a timeout of 0.02 min in settings.json is not honoured (only the test API polls that fast)', () => {
    const settings = parseSettings({ pollIntervalSeconds: 0.2, pollTimeoutMinutes: 0.02 });
    assert.equal(settings.pollIntervalSeconds, 5);
    assert.equal(settings.pollTimeoutMinutes, 120);
  });

  it('an unknown choice falls back to the default choice', () => {
    const settings = parseSettings({ deleteConfirmation: 'none', language: 'fr-FR', notifyExternalChanges: 'loud' });
    assert.equal(settings.deleteConfirmation, 'typeName');
    assert.equal(settings.language, 'auto');
    assert.equal(settings.notifyExternalChanges, 'statusBar');
  });
});
