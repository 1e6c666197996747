import * as assert from 'node:assert/strict';
import { z } from 'zod';
import { formatFieldPath, parseRequestBody, parseResponseBody, schemaProblems } from '../../../src/scp/schemaValidation';
import { isScpError } from '../../../src/scp/scpError';

const request = { method: 'GET', url: 'https://h.example/v1/clusters', path: '/v1/clusters' };

describe('scp schema validation', () => {
  it('formats field paths the way a reader writes them', () => {
    assert.equal(formatFieldPath([]), '');
    assert.equal(formatFieldPath(['clusters', 3, 'status']), 'clusters[3].status');
    assert.equal(formatFieldPath([0, 'name']), '[0].name');
    assert.equal(formatFieldPath(['a', 'b', 1, 2]), 'a.b[1][2]');
  });

  it('lists every issue without zod\'s "Invalid input:" prefix', () => {
    const schema = z.object({ name: z.string(), size: z.number(), tag: z.string().refine(() => false, { message: '' }) });
    const parsed = schema.safeParse({ name: 1, size: 'x', tag: 't' });
    assert.ok(!parsed.success);
    const problems = schemaProblems(parsed.error);
    assert.deepEqual(
      problems.map((p) => p.field),
      ['name', 'size', 'tag'],
    );
    assert.ok(problems.slice(0, 2).every((p) => !/^invalid input/i.test(p.problem) && /expected/.test(p.problem)), JSON.stringify(problems));
    assert.equal(problems[2]?.problem, 'invalid value', 'an empty message becomes "invalid value"');
  });

  it('parseResponseBody returns the parsed body, or a malformed error naming the first field at fault', () => {
    const schema = z.object({ clusters: z.array(z.object({ status: z.string() })) });
    assert.deepEqual(parseResponseBody(schema, { clusters: [{ status: 'RUNNING' }] }, request), { clusters: [{ status: 'RUNNING' }] });
    assert.throws(
      () => parseResponseBody(schema, { clusters: [{ status: 'RUNNING' }, { status: 7 }] }, request),
      (error: unknown) => isScpError(error) && error.kind === 'malformed' && /clusters\[1\]\.status/.test(error.message),
    );
  });

  it('parseRequestBody refuses a bad body as badInput listing every field, never quoting a secret', () => {
    const schema = z.object({ cloud_ml_name: z.string().min(3), secret_key: z.string().max(3) });
    assert.deepEqual(parseRequestBody(schema, { cloud_ml_name: 'abc', secret_key: 'k' }, 'create'), { cloud_ml_name: 'abc', secret_key: 'k' });
    assert.throws(
      () => parseRequestBody(schema, { cloud_ml_name: 'a', secret_key: 'TOPSECRET' }, 'update', ['TOPSECRET']),
      (error: unknown) => {
        assert.ok(isScpError(error));
        assert.equal(error.kind, 'badInput');
        assert.equal(error.field, 'cloud_ml_name');
        assert.match(error.message, /^The update request is not valid \(cloud_ml_name: .+\); correct it and try again\.$/);
        assert.equal(error.details?.length, 2);
        assert.match(error.details?.[1] ?? '', /^secret_key: /);
        assert.deepEqual(error.reason && { code: error.reason.code }, { code: 'invalidRequestBody' });
        assert.ok(!JSON.stringify({ message: error.message, details: error.details, reason: error.reason }).includes('TOPSECRET'));
        return true;
      },
    );
  });

  it('a problem with the whole body has no field', () => {
    assert.throws(
      () => parseRequestBody(z.object({ a: z.string() }), 'not an object', 'create'),
      (error: unknown) => isScpError(error) && error.field === undefined && /^The create request is not valid \(expected object/.test(error.message),
    );
  });
});
