import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extensionTestApi';

const extensionId = 'scp-tools.scp-cloud-ml';

/** Activates the extension under test and returns the API it gives in ExtensionMode.Test. */
async function activatedTestApi(): Promise<ExtensionTestApi> {
  const extension = vscode.extensions.getExtension<ExtensionTestApi | undefined>(extensionId);
  assert.ok(extension, `${extensionId} is not loaded in this VS Code`);
  const api = await extension.activate();
  assert.ok(api, 'activate() returned no test API: the extension is not running in ExtensionMode.Test');
  return api;
}

describe('activation', () => {
  let api: ExtensionTestApi;

  before(async () => {
    api = await activatedTestApi();
  });

  it('activates in test mode', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.equal(extension?.isActive, true);
    assert.equal(api.services.context.extensionMode, vscode.ExtensionMode.Test);
  });

  it('starts with no profile in a fresh VS Code profile', () => {
    assert.equal(api.services.connection.activeProfile(), undefined);
  });

  it('makes no network request while activating', () => {
    assert.equal(api.services.connection.requestCount, 0);
  });

  it('logs its own wall time to the log channel', () => {
    const match = /activate\(\) took (\d+(?:\.\d+)?) ms/.exec(api.logText());
    assert.ok(match, `no activation time in the log:\n${api.logText()}`);
    assert.ok(api.activationMs > 0, 'activationMs was not measured');
    // The logged figure is the measured one, not a placeholder.
    assert.equal(match[1], api.activationMs.toFixed(1));
  });
});
