import * as assert from 'node:assert/strict';
import { CloudMlApi } from '../../../src/scp/cloudMlApi';
import { SkeApi } from '../../../src/scp/skeApi';
import { startCannedServer, type CannedServer } from './helpers/cannedServer';
import { testClient } from './helpers/testClient';

const credentials = { accessKey: 'AK-skips', secretKey: 'SK-skips-very-secret-value' };

/** One malformed item costs that item, logged through the client's logger, never the whole answer. */
describe('scp client: malformed items are skipped and logged', () => {
  let server: CannedServer;
  beforeEach(async () => {
    server = await startCannedServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('lists the readable images and logs the one with an empty id', async () => {
    const { client, logger } = testClient(server.url, credentials);
    server.reply({ status: 200, body: JSON.stringify({ contents: [{ image_id: 'img-1' }, { image_id: '', image_name: 'broken' }, { image_id: 'img-3' }] }) });
    const images = await new CloudMlApi(client).listImages();
    assert.deepEqual(
      images.map((i) => i.image_id),
      ['img-1', 'img-3'],
    );
    assert.equal(logger.skips.length, 1);
    assert.equal(logger.skips[0]?.where, 'contents[1]');
    assert.match(logger.skips[0]?.problem ?? '', /^image_id: /);
    assert.match(logger.skips[0]?.url ?? '', /\/v1\/cloud-ml\/images$/);
    assert.equal(server.requests.length, 1, 'not retried');
  });

  it('keeps the cluster page and says how many SCP sent, so paging does not stop early', async () => {
    const { client, logger } = testClient(server.url, credentials);
    const cluster = (id: string): Record<string, unknown> => ({ id, name: `n-${id}`, status: 'RUNNING' });
    server.reply({ status: 200, body: JSON.stringify({ clusters: [cluster('c1'), cluster(''), cluster('c3')], count: 7 }) });
    const page = await new SkeApi(client).listClusters({ page: 0, size: 3 });
    assert.deepEqual(
      page.clusters.map((c) => c.id),
      ['c1', 'c3'],
    );
    assert.equal(page.received, 3);
    assert.equal(page.count, 7);
    assert.deepEqual(
      logger.skips.map((s) => s.where),
      ['clusters[1]'],
    );
  });

  it('reads a Cloud ML block without an id as "present but unreadable", not as a failure', async () => {
    const { client, logger } = testClient(server.url, credentials);
    server.reply({ status: 200, body: JSON.stringify({ cloud_ml: { cloud_ml_name: 'ml-x', cloud_ml_state: 'DEPLOYED' }, cloud_ml_common: {} }) });
    const product = await new CloudMlApi(client).getClusterProduct('cluster-1');
    assert.equal(product.cloudMl, undefined);
    assert.equal(product.unreadableCloudMl, true);
    assert.equal(logger.skips[0]?.where, 'cloud_ml');

    server.reply({ status: 200, body: JSON.stringify({ cloud_ml: {}, cloud_ml_common: {} }) });
    const none = await new CloudMlApi(client).getClusterProduct('cluster-2');
    assert.equal(none.unreadableCloudMl, false);
    assert.equal(logger.skips.length, 1);
  });
});
