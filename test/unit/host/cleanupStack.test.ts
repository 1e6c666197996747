import * as assert from 'node:assert/strict';
import { CleanupStack } from '../../host/cleanupStack';

describe('host: CleanupStack', () => {
  it('undoes newest first, and a failing step does not stop the others', async () => {
    const stack = new CleanupStack();
    const done: string[] = [];
    const logged: string[] = [];
    stack.add('browser', () => void done.push('browser'));
    stack.add('server', () => {
      throw new Error('boom');
    });
    stack.add('profile', async () => {
      await Promise.resolve();
      done.push('profile');
    });
    await stack.runAll((line) => logged.push(line));
    assert.deepEqual(done, ['profile', 'browser']);
    assert.deepEqual(logged, ['Cleanup "server" failed: boom']);
  });

  it('skips an unregistered step and runs each step once', async () => {
    const stack = new CleanupStack();
    let runs = 0;
    const unregister = stack.add('gone', () => void runs++);
    stack.add('kept', () => void runs++);
    unregister();
    await Promise.all([stack.runAll(), stack.runAll()]);
    assert.equal(runs, 1);
  });

  it('undoes at once what registers after cleanup began (a start that outlived a timeout)', async () => {
    const stack = new CleanupStack();
    await stack.runAll();
    let undone = false;
    stack.add('late server', () => void (undone = true));
    await stack.runAll();
    assert.equal(undone, true);
  });
});
