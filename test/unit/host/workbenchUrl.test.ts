import * as assert from 'node:assert/strict';
import { workbenchUrl } from '../../host/workbenchUrl';

describe('host: workbenchUrl', () => {
  it('passes the extension and the tests entry as vscode-remote URIs of this host in the payload', () => {
    const url = new URL(
      workbenchUrl('http://127.0.0.1:4321', {
        folder: '/tmp/ws',
        extensionDevelopmentPath: '/work/main',
        extensionTestsPath: '/work/main/dist/test/integration/index',
      }),
    );
    assert.equal(url.origin, 'http://127.0.0.1:4321');
    assert.equal(url.searchParams.get('folder'), '/tmp/ws');
    assert.deepEqual(JSON.parse(url.searchParams.get('payload')!), [
      ['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:4321/work/main'],
      ['extensionTestsPath', 'vscode-remote://127.0.0.1:4321/work/main/dist/test/integration/index'],
    ]);
  });

  it('has no payload when no extension is loaded from a folder', () => {
    const url = new URL(workbenchUrl('http://127.0.0.1:4321', { folder: '/tmp/ws' }));
    assert.equal(url.searchParams.get('payload'), null);
  });

  it('writes Windows paths as URI paths and escapes spaces', () => {
    const url = new URL(workbenchUrl('http://127.0.0.1:1', { folder: 'C:\\ws', extensionDevelopmentPath: 'C:\\My Code\\ext' }));
    assert.equal(url.searchParams.get('folder'), '/C:/ws');
    assert.deepEqual(JSON.parse(url.searchParams.get('payload')!), [['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:1/C:/My%20Code/ext']]);
  });
});
