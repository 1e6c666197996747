import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import { activateTestApi, EXTENSION_ID } from './extensionFixture';


describe('activation', () => {
  let api: ExtensionTestApi;

  before(async () => {
    api = await activateTestApi();
  });

  it('activates in test mode', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.equal(extension?.isActive, true);
    assert.equal(api.storage.extensionMode, vscode.ExtensionMode.Test);
  });

  it('starts with no profile in a fresh VS Code profile', () => {
    assert.equal(api.connection.activeProfile(), undefined);
  });

  it('makes no network request while activating', () => {
    assert.equal(api.connection.requestCount, 0);
  });

  it('logs its own wall time to the log channel', () => {
    const match = /activate\(\) took (\d+(?:\.\d+)?) ms/.exec(api.logText());
    assert.ok(match, `no activation time in the log:\n${api.logText()}`);
    assert.ok(api.activationMs > 0, 'activationMs was not measured');
    // The logged figure is the measured one, not a placeholder.
    assert.equal(match[1], api.activationMs.toFixed(1));
  });
});
