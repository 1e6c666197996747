import * as assert from 'node:assert/strict';
import { collectSecretValues, redactObject, redactText, redactUrl } from '../../../src/scp/redact';

describe('scp redaction', () => {
  const secret = 'S3cr3t/Key+with=odd&chars';

  it('masks a known secret as written, URL-encoded and JSON-escaped', () => {
    const text = `key ${secret} enc ${encodeURIComponent(secret)} json ${JSON.stringify('a"' + secret).slice(1, -1)}`;
    const out = redactText(text, [secret]);
    assert.ok(!out.includes(secret));
    assert.ok(!out.includes(encodeURIComponent(secret)));
    assert.match(out, /^key \*\*\* enc \*\*\* json a\\"\*\*\*$/);
  });

  it('masks a secret that appears only URL-encoded, or only JSON-escaped', () => {
    assert.equal(redactText(`https://h/v1?q=${encodeURIComponent(secret)}`, ['unrelated-value', secret]), 'https://h/v1?q=***');
    const quoted = 'pa"ss\\word-1234';
    assert.equal(redactText(`{"note":"${JSON.stringify(quoted).slice(1, -1)}"}`, [quoted]), '{"note":"***"}');
  });

  it('masks values written after a sensitive key in JSON, query and header form', () => {
    assert.equal(redactText('{"custom_registry_access_secret_key":"abc\\"def","name":"x"}'), '{"custom_registry_access_secret_key":"***","name":"x"}');
    assert.equal(redactText('a=1&client_secret=xyz&b=2'), 'a=1&client_secret=***&b=2');
    assert.equal(redactText('Scp-Signature: uEMqMjp/Av3dc9VOy/yLe0khA/T+cZBHTvT6tVcgo9c='), 'Scp-Signature: ***');
    assert.equal(redactText('{"Password": "hunter2"}'), '{"Password": "***"}');
  });

  it('keeps ordinary prose readable', () => {
    assert.equal(redactText('The signature does not match the request.'), 'The signature does not match the request.');
    assert.equal(redactText('cloud_ml_name must be 3-30 characters'), 'cloud_ml_name must be 3-30 characters');
  });

  it('does not look for values too short to be secrets inside text, but still masks fields named like secrets', () => {
    assert.equal(redactText('The service is unavailable.', ['s']), 'The service is unavailable.');
    assert.equal(redactText('token abcdefg here', ['abcdefg']), 'token abcdefg here');
    assert.equal(redactText('token abcdefgh here', ['abcdefgh']), 'token *** here');
    assert.equal(redactText('{"custom_registry_access_secret_key":"s"}', ['s']), '{"custom_registry_access_secret_key":"***"}');
    assert.deepEqual(redactObject({ note: 'service is up', password: 'p' }, ['s', 'p']), { note: 'service is up', password: '***' });
  });

  it('redacts a URL without re-encoding the rest of it', () => {
    const url = 'https://u:p@h.example/v1/x?name=a%20b%27c&secret_key=abc&Scp-Signature=zzz&status=A&status=B';
    assert.equal(redactUrl(url), 'https://***@h.example/v1/x?name=a%20b%27c&secret_key=***&Scp-Signature=***&status=A&status=B');
    assert.equal(redactUrl(`https://h/v1?q=${encodeURIComponent(secret)}`, [secret]), 'https://h/v1?q=***');
  });

  it('deep-copies objects with sensitive keys masked, cycles cut, input untouched', () => {
    const input: Record<string, unknown> = {
      cloud_ml_name: 'ml',
      custom_registry_access_secret_key: 'reg-secret',
      nested: { list: [{ mySignature: 'sig', ok: 1 }], note: `has ${secret} inside` },
    };
    input.self = input;
    const out = redactObject(input, [secret]);
    assert.equal(out.custom_registry_access_secret_key, '***');
    assert.deepEqual((out.nested as { list: unknown[] }).list, [{ mySignature: '***', ok: 1 }]);
    assert.equal((out.nested as { note: string }).note, 'has *** inside');
    assert.equal(out.self, '***');
    assert.equal(input.custom_registry_access_secret_key, 'reg-secret');
  });

  it('collects the values of sensitive keys from a request body', () => {
    assert.deepEqual(collectSecretValues({ a: 'x', custom_registry_access_secret_key: 'reg', deep: [{ password: 'pw' }] }), ['reg', 'pw']);
  });
});
