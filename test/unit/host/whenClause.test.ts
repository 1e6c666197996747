import * as assert from 'node:assert/strict';
import { contextKeysOf, evaluateWhen } from '../../support/whenClause';

describe('host: when clause evaluator (the palette suite checks package.json with it)', () => {
  const ctx = { 'scpCloudMl.hasProfile': true, 'scpCloudMl.filterActive': false, resourceScheme: 'scp-cloud-ml' };

  it('reads keys, negation, and / or with VS Code precedence, parentheses and equality', () => {
    assert.equal(evaluateWhen(undefined, {}), true);
    assert.equal(evaluateWhen('scpCloudMl.hasProfile', ctx), true);
    assert.equal(evaluateWhen('scpCloudMl.filterActive', ctx), false);
    assert.equal(evaluateWhen('!scpCloudMl.hasProfile', ctx), false);
    assert.equal(evaluateWhen('scpCloudMl.unsetKey', ctx), false);
    assert.equal(evaluateWhen('false', ctx), false);
    assert.equal(evaluateWhen('scpCloudMl.filterActive || scpCloudMl.hasProfile && !scpCloudMl.filterActive', ctx), true);
    assert.equal(evaluateWhen('(scpCloudMl.filterActive || scpCloudMl.hasProfile) && scpCloudMl.filterActive', ctx), false);
    assert.equal(evaluateWhen("resourceScheme == scp-cloud-ml && resourceScheme != 'file'", ctx), true);
    assert.equal(evaluateWhen('resourceScheme == file', ctx), false);
  });

  it('names the keys a clause reads, and refuses syntax outside the subset instead of guessing', () => {
    assert.deepEqual(contextKeysOf('scpCloudMl.hasProfile && !(scpCloudMl.filterActive || resourceScheme == file)'), [
      'scpCloudMl.hasProfile',
      'scpCloudMl.filterActive',
      'resourceScheme',
    ]);
    assert.throws(() => evaluateWhen('viewItem =~ /^x/', ctx), /outside the supported subset/);
    assert.throws(() => evaluateWhen('a && ', ctx), /ends too early/);
    assert.throws(() => evaluateWhen('(a', ctx), /ends too early|unbalanced/);
    assert.throws(() => evaluateWhen('a b', ctx), /unexpected "b"/);
  });
});
