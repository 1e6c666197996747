import assert from 'node:assert/strict';
import type { ApiLanguage } from '../../../src/scp/scpHttpClient';
import { CloudMlApi } from '../../../src/scp/cloudMlApi';
import { SkeApi } from '../../../src/scp/skeApi';
import { emulatorPerTest } from '../scp/helpers/emulator';

/** The client asks for the language at every request, so a changed scpCloudMl.language applies to the next call. */
describe('Accept-Language of the SCP client', () => {
  let language: ApiLanguage = 'en-US';
  const env = emulatorPerTest({}, { language: () => language });

  it('sends the language the function gives at each request, on SKE and Cloud ML alike', async () => {
    const { client, emulator } = env();
    const lastLanguage = (route: string): string | undefined => emulator.admin.lastRequestHeaders()[route]?.['accept-language'];

    language = 'ko-KR';
    await new SkeApi(client).listClusters({ page: 0, size: 1 });
    await new CloudMlApi(client).listImages();
    assert.deepEqual([lastLanguage('GET /v1/clusters'), lastLanguage('GET /v1/cloud-ml/images')], ['ko-KR', 'ko-KR']);

    language = 'en-US';
    await new SkeApi(client).listClusters({ page: 0, size: 1 });
    assert.equal(lastLanguage('GET /v1/clusters'), 'en-US');
  });
});
