import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..', '..', '..');

/** The literal entries of `mutate: [...]` in stryker.config.mjs. */
function mutateEntries(): string[] {
  const config = fs.readFileSync(path.join(root, 'stryker.config.mjs'), 'utf8');
  const list = /\bmutate:\s*\[([\s\S]*?)\]/.exec(config)?.[1];
  assert.ok(list, 'stryker.config.mjs has a mutate list');
  const code = list.replace(/\/\/.*$/gm, '');
  return [...code.matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
}

describe('mutation testing scope', () => {
  // A file moved or renamed keeps its old path in the list, and Stryker mutates nothing there without a word.
  it('names only files that exist, and each glob matches a folder that exists', () => {
    const entries = mutateEntries();
    assert.ok(entries.length > 20, `entries: ${entries.length}`);
    for (const entry of entries) {
      const pattern = entry.replace(/^!/, '');
      const literal = pattern.includes('*') ? pattern.slice(0, pattern.indexOf('*')) : pattern;
      assert.ok(fs.existsSync(path.join(root, literal)), `stryker.config.mjs names ${entry}, which does not exist`);
    }
  });
});
