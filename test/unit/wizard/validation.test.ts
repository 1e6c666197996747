import * as assert from 'node:assert/strict';
import { checkDomainName, checkNumber, checkResourceName, checkTag, formatTag, parseNumber, parseTag, withMessages } from '../../../src/wizard/validation';

describe('wizard validation helpers', () => {
  it('resource names: ^[a-z][a-z0-9-]*[a-z0-9]$, 3 to 30 characters', () => {
    for (const good of ['abc', 'my-ml-1', 'a'.repeat(30), 'a1b']) assert.equal(checkResourceName(good), undefined, good);
    assert.equal(checkResourceName(''), 'empty');
    assert.equal(checkResourceName('ab'), 'tooShort');
    assert.equal(checkResourceName('a'.repeat(31)), 'tooLong');
    for (const bad of ['1abc', 'abc-', 'Abc', 'ab_c', 'ab c', '-abc', 'abç']) assert.equal(checkResourceName(bad), 'pattern', bad);
  });

  it('domain names: lower-case letters, digits, "-" and ".", 3 to 50 characters', () => {
    for (const good of ['ml.example.com', 'a-b', '123', 'x'.repeat(50)]) assert.equal(checkDomainName(good), undefined, good);
    assert.equal(checkDomainName(''), 'empty');
    assert.equal(checkDomainName('a.'), 'tooShort');
    assert.equal(checkDomainName('x'.repeat(51)), 'tooLong');
    for (const bad of ['ML.example.com', 'a_b.com', 'a b', 'a/b']) assert.equal(checkDomainName(bad), 'pattern', bad);
  });

  it('numbers: decimal text within [min, max], integers when asked', () => {
    const range = { min: 1, max: 8 };
    assert.equal(checkNumber('1', range), undefined);
    assert.equal(checkNumber(' 8 ', range), undefined);
    assert.equal(checkNumber('2.5', range), undefined);
    assert.deepEqual(checkNumber('', range), { kind: 'empty' });
    assert.deepEqual(checkNumber('0.5', range), { kind: 'belowMin', min: 1 });
    assert.deepEqual(checkNumber('8.01', range), { kind: 'aboveMax', max: 8 });
    for (const bad of ['abc', '1e3', '0x10', 'Infinity', '1.', '.5', '1,5']) assert.deepEqual(checkNumber(bad, range), { kind: 'notANumber' }, bad);
    assert.deepEqual(checkNumber('1.5', { integer: true }), { kind: 'notInteger' });
    assert.equal(checkNumber('-3', {}), undefined);
    assert.equal(parseNumber(' 2.5 '), 2.5);
  });

  it('tags: key=value with unique, non-empty keys; values may hold "="', () => {
    assert.equal(checkTag('env=prod', []), undefined);
    assert.equal(checkTag('env=', []), undefined);
    assert.equal(checkTag(' ', []), 'empty');
    assert.equal(checkTag('env', []), 'noEquals');
    assert.equal(checkTag(' =x', []), 'emptyKey');
    assert.equal(checkTag('env=x', [{ key: 'env', value: 'prod' }]), 'duplicateKey');
    assert.equal(checkTag('env = x', [{ key: 'env', value: 'prod' }]), 'duplicateKey', 'blanks around the key do not make it another key');
    assert.deepEqual(parseTag(' a = b=c '), { key: 'a', value: 'b=c' });
    assert.equal(formatTag({ key: 'a', value: 'b' }), 'a=b');
  });

  it('withMessages turns a problem code into the caller\'s sentence', () => {
    const validate = withMessages(checkResourceName, (problem) => `Problem: ${problem}.`);
    assert.equal(validate('ab'), 'Problem: tooShort.');
    assert.equal(validate('abc'), undefined);
  });
});
