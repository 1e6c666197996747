import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHostProfile, quietSettings } from '../../host/hostProfile';

describe('host: createHostProfile', () => {
  it('writes settings (given ones over the quiet defaults), keybindings and workspace files before start, and removes it all', () => {
    const profile = createHostProfile({
      settings: { 'scpCloudMl.pageSize': 7, 'workbench.startupEditor': 'readme' },
      keybindings: [{ key: 'ctrl+alt+shift+1', command: 'scpCloudMl.create' }],
      workspaceFiles: { 'docs/README.md': '# hi' },
    });
    try {
      const settings = JSON.parse(fs.readFileSync(path.join(profile.userDataDir, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
      assert.equal(settings['scpCloudMl.pageSize'], 7);
      assert.equal(settings['workbench.startupEditor'], 'readme');
      assert.equal(settings['telemetry.telemetryLevel'], quietSettings['telemetry.telemetryLevel']);
      const keybindings = JSON.parse(fs.readFileSync(path.join(profile.userDataDir, 'User', 'keybindings.json'), 'utf8')) as unknown[];
      assert.deepEqual(keybindings, [{ key: 'ctrl+alt+shift+1', command: 'scpCloudMl.create' }]);
      assert.equal(fs.readFileSync(path.join(profile.folder, 'docs', 'README.md'), 'utf8'), '# hi');
      assert.ok(fs.statSync(profile.extensionsDir).isDirectory());
    } finally {
      profile.remove();
    }
    assert.equal(fs.existsSync(profile.root), false);
  });

  it('gives every run its own folders', () => {
    const a = createHostProfile();
    const b = createHostProfile();
    try {
      assert.notEqual(a.root, b.root);
    } finally {
      a.remove();
      b.remove();
    }
  });
});
