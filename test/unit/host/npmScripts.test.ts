import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findRepoRoot } from '../../host/hostPaths';

/**
 * The README promises that `npm install && npm start` and `npm install && npm test` each do all the set-up on their
 * own. npm runs the scripts through a recording shell here, so the test sees the commands npm really runs, in order,
 * without installing or starting anything.
 */
function commandsNpmRuns(script: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-npm-scripts-'));
  try {
    const record = path.join(dir, 'commands.txt');
    const shell = path.join(dir, 'recording-shell.sh');
    // npm calls `<script-shell> -c "<command>"`: write the command down, run nothing.
    fs.writeFileSync(shell, `#!/bin/sh\nprintf '%s\\n' "$2" >> '${record}'\n`, { mode: 0o755 });
    execFileSync('npm', ['run', script, '--script-shell', shell, '--silent'], { cwd: findRepoRoot(), stdio: 'pipe' });
    return fs.readFileSync(record, 'utf8').split('\n').filter((line) => line !== '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('npm scripts: the README\'s two commands do their own set-up', function () {
  this.timeout(60_000);

  for (const script of ['start', 'test']) {
    it(`npm ${script} runs the bootstrap (system packages, ripgrep cache) before anything else`, () => {
      const commands = commandsNpmRuns(script);
      assert.ok(commands.length >= 2, `npm ${script} ran: ${JSON.stringify(commands)}`);
      assert.match(commands[0], /^bash test\/host\/bootstrap\.sh$/);
      assert.doesNotMatch(commands.slice(1).join('\n'), /bootstrap/);
    });
  }
});
