import * as assert from 'node:assert/strict';
import { isLoopbackHost, normalizeEndpointOverride, REGIONS_BY_ENVIRONMENT, serviceBaseUrl } from '../../../src/scp/endpoints';
import { ScpError, type BadInputReason } from '../../../src/scp/scpError';

/** Refused with an English sentence (CLI, log) and the reason the UI words in the user's language. */
function badInput(fn: () => unknown, pattern: RegExp, reason: BadInputReason): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof ScpError, 'an ScpError');
    assert.equal(error.kind, 'badInput');
    assert.match(error.message, pattern);
    assert.deepEqual(error.reason, reason);
    return true;
  });
}

describe('scp endpoints', () => {
  it('lists the regions of each environment', () => {
    assert.deepEqual(REGIONS_BY_ENVIRONMENT.s, ['kr-west1', 'kr-east1']);
    assert.deepEqual(REGIONS_BY_ENVIRONMENT.g, ['kr-south1', 'kr-south2', 'kr-south3']);
    assert.deepEqual(REGIONS_BY_ENVIRONMENT.e, ['kr-west1', 'kr-east1']);
  });

  it('builds regional hosts for cloud-ml and ske', () => {
    assert.equal(serviceBaseUrl({ environment: 'e', region: 'kr-west1' }, 'cloud-ml'), 'https://cloud-ml.kr-west1.e.samsungsdscloud.com');
    assert.equal(serviceBaseUrl({ environment: 'g', region: 'kr-south2' }, 'ske'), 'https://ske.kr-south2.g.samsungsdscloud.com');
  });

  it('leaves the region out for account-wide services', () => {
    assert.equal(serviceBaseUrl({ environment: 's', region: 'kr-east1' }, 'iam'), 'https://iam.s.samsungsdscloud.com');
    assert.equal(serviceBaseUrl({ environment: 's', region: 'kr-east1' }, 'resourcemanager'), 'https://resourcemanager.s.samsungsdscloud.com');
  });

  it('refuses a region of another environment and an unknown environment', () => {
    badInput(() => serviceBaseUrl({ environment: 's', region: 'kr-south1' }, 'ske'), /kr-south1.*kr-west1, kr-east1/, {
      code: 'unknownRegion',
      region: 'kr-south1',
      environment: 's',
      regions: ['kr-west1', 'kr-east1'],
    });
    badInput(() => serviceBaseUrl({ environment: 'x' as 's', region: 'kr-west1' }, 'ske'), /not an SCP environment/, { code: 'unknownEnvironment', environment: 'x' });
  });

  it('uses the override for every service, normalized', () => {
    const config = { environment: 's' as const, region: 'kr-west1', endpointOverride: 'HTTPS://Api.Example.COM:443/scp/' };
    assert.equal(serviceBaseUrl(config, 'cloud-ml'), 'https://api.example.com/scp');
    assert.equal(serviceBaseUrl(config, 'iam'), 'https://api.example.com/scp');
    assert.equal(serviceBaseUrl({ ...config, endpointOverride: 'http://127.0.0.1:8787' }, 'ske'), 'http://127.0.0.1:8787');
  });

  it('refuses plain http to anything but loopback', () => {
    badInput(() => normalizeEndpointOverride('http://scp.example.com'), /Plain http:\/\/ is refused for scp\.example\.com/, { code: 'plainHttpToRemote', host: 'scp.example.com' });
    badInput(() => normalizeEndpointOverride('http://10.0.0.1:8080'), /refused/, { code: 'plainHttpToRemote', host: '10.0.0.1' });
    assert.equal(normalizeEndpointOverride('http://localhost:9000/'), 'http://localhost:9000');
    assert.equal(normalizeEndpointOverride('http://[::1]:9000'), 'http://[::1]:9000');
    assert.equal(normalizeEndpointOverride('http://127.10.0.3'), 'http://127.10.0.3');
  });

  it('refuses what is not a base URL, with a clear sentence', () => {
    badInput(() => normalizeEndpointOverride('not a url'), /is not a valid URL/, { code: 'endpointNotUrl', text: 'not a url' });
    badInput(() => normalizeEndpointOverride('ftp://host'), /must start with https:\/\//, { code: 'endpointScheme', protocol: 'ftp:' });
    badInput(() => normalizeEndpointOverride('https://user:pw@host'), /user name or password/, { code: 'endpointUserInfo' });
    badInput(() => normalizeEndpointOverride('https://host/?x=1'), /query or fragment/, { code: 'endpointQueryOrFragment' });
    // An unparseable URL is echoed, but never its user:password@ part.
    badInput(() => normalizeEndpointOverride('https://admin:hunter2-pw@bad host'), /"https:\/\/\*\*\*@bad host" is not a valid URL/, {
      code: 'endpointNotUrl',
      text: 'https://***@bad host',
    });
  });

  it('knows the loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.255.255.254', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:7f00:1']) assert.ok(isLoopbackHost(host), host);
    for (const host of ['128.0.0.1', '127.0.0.1.example.com', 'localhost.example.com', '::2', '10.0.0.1', '1127.0.0.1']) assert.ok(!isLoopbackHost(host), host);
  });
});
