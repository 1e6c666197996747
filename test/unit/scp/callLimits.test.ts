import * as assert from 'node:assert/strict';
import { z } from 'zod';
import { retryFits } from '../../../src/scp/retryPolicy';
import { startCannedServer, type CannedServer } from './helpers/cannedServer';
import { countOf, emulatorPerTest } from './helpers/emulator';
import { rejection } from './helpers/rejection';
import { testClient } from './helpers/testClient';

const credentials = { accessKey: 'AK-limits', secretKey: 'SK-limits-very-secret-value' };
const anyBody = z.unknown();

/** What bounds one call: the timeout over every attempt and back-off, redirects, the body size limit. */
describe('scp http client: limits of one call', () => {
  describe('against the emulator', () => {
    const env = emulatorPerTest({}, { timeoutMs: 400, maxRetries: 3 });

    it('spends the timeout once for the whole call: a hanging route is asked once, not once per retry', async () => {
      const { client, emulator } = env();
      emulator.admin.injectFault({ kind: 'hang', path: '/v1/clusters', count: -1 });
      const error = await rejection(client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody }));
      assert.equal(error.kind, 'timeout');
      assert.match(error.message, /within 0\.4 seconds/);
      assert.equal(countOf(emulator, 'GET /v1/clusters'), 1);
    });

    it('gives a retry after a fast 503 only the time that is left', async () => {
      const { client, emulator, logger } = env();
      emulator.admin.injectFault({ kind: 'status', status: 503, path: '/v1/clusters', count: 1 });
      emulator.admin.injectFault({ kind: 'hang', path: '/v1/clusters', count: -1 });
      const error = await rejection(client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody }));
      // The 503 was retried once; the hanging retry used up the rest of the 0.4 s, so no third attempt.
      assert.equal(error.kind, 'timeout');
      assert.equal(countOf(emulator, 'GET /v1/clusters'), 2);
      assert.equal(logger.retries.length, 1);
    });
  });

  describe('against a canned server', () => {
    let server: CannedServer;
    beforeEach(async () => {
      server = await startCannedServer();
    });
    afterEach(async () => {
      await server.close();
    });

    it('starts no retry whose back-off the remaining time cannot hold (Retry-After 2 s in a 1 s call)', async () => {
      const { client, logger } = testClient(server.url, credentials, { timeoutMs: 1000 });
      server.reply({ status: 503, body: '', headers: { 'retry-after': '2' } }, { status: 200, body: '{}' });
      const error = await rejection(client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody }));
      assert.equal(error.kind, 'server');
      assert.equal(server.requests.length, 1);
      assert.equal(logger.retries.length, 0);
    });

    it('does not follow or retry a redirect, and says a proxy or captive portal may be in the way', async () => {
      const { client } = testClient(server.url, credentials);
      server.reply({ status: 302, body: '<html>login</html>', headers: { location: 'http://portal.example:8080/login?session=tok-123', 'content-type': 'text/html' } });
      const error = await rejection(client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody }));
      assert.equal(error.kind, 'redirected');
      assert.equal(error.status, 302);
      assert.equal(error.isTransient, false);
      assert.match(error.message, /redirected \(302\) to portal\.example:8080; a proxy or captive portal/);
      assert.ok(!error.message.includes('tok-123'), error.message);
      assert.equal(server.requests.length, 1);
    });

    it('reads a body over the size limit once: malformed, no retry', async () => {
      const { client } = testClient(server.url, credentials, { maxBodyBytes: 1024 });
      server.reply({ status: 200, body: JSON.stringify({ clusters: [], padding: 'x'.repeat(8000) }) });
      const error = await rejection(client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody }));
      assert.equal(error.kind, 'malformed');
      assert.match(error.message, /larger than this client reads/);
      assert.equal(server.requests.length, 1);
    });
  });

  it('fits a retry only when the back-off leaves a tenth of the timeout for the attempt', () => {
    assert.equal(retryFits(1000, 100, 1000), true);
    assert.equal(retryFits(1000, 900, 1000), true);
    assert.equal(retryFits(1000, 901, 1000), false);
    assert.equal(retryFits(50, 10, 1000), false);
  });
});
