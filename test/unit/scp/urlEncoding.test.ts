import * as assert from 'node:assert/strict';
import { ScpError } from '../../../src/scp/scpError';
import { buildQueryString, buildRequestUrl, encodeStrict, pathSegment } from '../../../src/scp/urlEncoding';

describe('scp url encoding', () => {
  it('encodes every reserved character exactly once, including the ones encodeURIComponent leaves', () => {
    assert.equal(encodeStrict("a b%c&d+e=f'g(h)i*j!k"), 'a%20b%25c%26d%2Be%3Df%27g%28h%29i%2Aj%21k');
    assert.equal(encodeStrict('한글'), '%ED%95%9C%EA%B8%80');
    assert.equal(encodeStrict('%20'), '%2520');
  });

  it('builds a query with repeated keys for arrays and skips undefined', () => {
    assert.equal(buildQueryString({ page: 0, size: 50, name: undefined, status: ['RUNNING', 'ERROR'], flag: false }), 'page=0&size=50&status=RUNNING&status=ERROR&flag=false');
  });

  it('builds a URL that the WHATWG parser leaves as it is', () => {
    const url = buildRequestUrl('http://127.0.0.1:1', '/v1/x', { q: "it's 100% a&b+c 한" });
    assert.equal(url, 'http://127.0.0.1:1/v1/x?q=it%27s%20100%25%20a%26b%2Bc%20%ED%95%9C');
    const parsed = new URL(url);
    assert.equal(parsed.origin + parsed.pathname + parsed.search, url);
  });

  it('refuses paths that would change on the wire or smuggle a query', () => {
    for (const path of ['/v1/a b', '/v1/../x', 'v1/x', '/v1/x?y=1']) {
      assert.throws(() => buildRequestUrl('https://h.example', path), (e: unknown) => e instanceof ScpError && e.kind === 'badInput', path);
    }
  });

  it('encodes path segments and refuses dot segments', () => {
    assert.equal(pathSegment('a/b c'), 'a%2Fb%20c');
    for (const bad of ['', '.', '..']) {
      assert.throws(
        () => pathSegment(bad),
        (e: unknown) => e instanceof ScpError && e.kind === 'badInput' && e.reason?.code === 'invalidId' && e.reason.value === bad,
      );
    }
  });
});
