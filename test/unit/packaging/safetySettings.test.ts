import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { USER_ONLY_SETTINGS } from '../../../src/ui/userOnlySettings';

interface Manifest {
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, { scope?: string }> } };
}

describe('packaging: settings that weaken a safety check cannot be set by a workspace', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as Manifest;
  const properties = manifest.contributes.configuration.properties;
  const userOnly = USER_ONLY_SETTINGS.map((key) => `scpCloudMl.${key}`);

  it('deleteConfirmation is one of them', () => {
    assert.ok(userOnly.includes('scpCloudMl.deleteConfirmation'));
  });

  it('each has application scope and is a restricted configuration in untrusted workspaces (and nothing else is)', () => {
    for (const key of userOnly) assert.equal(properties[key]?.scope, 'application', `${key} scope`);
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.ok(untrusted.description, 'a limited support needs a description');
    assert.deepEqual([...(untrusted.restrictedConfigurations ?? [])].sort(), [...userOnly].sort());
  });
});
