import * as assert from 'node:assert/strict';
import type { z } from 'zod';
import { lenientBoolean, optionalBoolean, optionalNumber, optionalText, quantity } from '../../../src/scp/lenientScalars';

/** The parsed value, or the first issue's message. */
function read(schema: z.ZodType, value: unknown): unknown {
  const result = schema.safeParse(value);
  return result.success ? result.data : `issue: ${result.error.issues[0]?.message}`;
}

describe('scp lenient scalars (values SCP documents loosely)', () => {
  it('optionalNumber: numbers as numbers or numeric text; absent, null and blank text are undefined', () => {
    assert.equal(read(optionalNumber, 4), 4);
    assert.equal(read(optionalNumber, 0), 0);
    assert.equal(read(optionalNumber, '4'), 4);
    assert.equal(read(optionalNumber, ' -2.5 '), -2.5);
    assert.equal(read(optionalNumber, '+3'), 3);
    assert.equal(read(optionalNumber, '.5'), 0.5);
    assert.equal(read(optionalNumber, '5.'), 5);
    assert.equal(read(optionalNumber, '1e3'), 1000);
    assert.equal(read(optionalNumber, '2E-1'), 0.2);
    assert.equal(read(optionalNumber, '0'), 0);
    for (const absent of [undefined, null, '', '   ']) assert.equal(read(optionalNumber, absent), undefined, String(absent));
    for (const bad of ['four', '16Gi', '1.2.3', 'e3', '0x10', 'Infinity', '- 1']) assert.equal(read(optionalNumber, bad), 'issue: expected a number', bad);
    assert.match(String(read(optionalNumber, true)), /^issue: /);
  });

  it('quantity: a number when it reads as one, the text otherwise, undefined when empty', () => {
    assert.equal(read(quantity, 8), 8);
    assert.equal(read(quantity, '8'), 8);
    assert.equal(read(quantity, ' 1.5 '), 1.5);
    assert.equal(read(quantity, 'A100'), 'A100');
    assert.equal(read(quantity, '16Gi'), '16Gi');
    assert.equal(read(quantity, ' 16Gi '), ' 16Gi ', 'text is kept as sent');
    for (const absent of [undefined, null, '', ' ']) assert.equal(read(quantity, absent), undefined, String(absent));
  });

  it('lenientBoolean: booleans, and true/false, y/n, yes/no, 1/0 in any case and spacing', () => {
    for (const yes of [true, 'true', 'TRUE', ' y ', 'Y', 'yes', 'Yes', '1', 1]) assert.equal(read(lenientBoolean, yes), true, String(yes));
    for (const no of [false, 'false', 'False', 'n', 'N', 'no', ' NO ', '0', 0]) assert.equal(read(lenientBoolean, no), false, String(no));
    for (const bad of ['', 'maybe', 'ye', '2', 2, 'yess']) assert.equal(read(lenientBoolean, bad), 'issue: expected a boolean', String(bad));
  });

  it('optionalBoolean: like lenientBoolean, and absent for null, undefined and blank text', () => {
    assert.equal(read(optionalBoolean, 'Y'), true);
    assert.equal(read(optionalBoolean, false), false);
    assert.equal(read(optionalBoolean, 0), false);
    for (const absent of [undefined, null, '', '  ']) assert.equal(read(optionalBoolean, absent), undefined, String(absent));
    assert.equal(read(optionalBoolean, 'maybe'), 'issue: expected a boolean');
    assert.equal(read(optionalBoolean, 5), 'issue: expected a boolean');
  });

  it('optionalText: text as sent, null as undefined', () => {
    assert.equal(read(optionalText, 'x'), 'x');
    assert.equal(read(optionalText, ''), '');
    assert.equal(read(optionalText, null), undefined);
    assert.equal(read(optionalText, undefined), undefined);
    assert.match(String(read(optionalText, 3)), /^issue: /);
  });
});
