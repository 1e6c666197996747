import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { ENVIRONMENT_PROFILE_NAME, type ImportProblem } from '../../../src/connection/importedProfile';
import { profilesFromSources, readScpProfiles, type FileContent, type ImportSources } from '../../../src/connection/profileImporter';

const FOLDER = '/home/user/.scpconf';
const CONFIG = path.join(FOLDER, 'config.json');
const CREDENTIALS = path.join(FOLDER, 'credentials.json');
const SECRET = 'file-secret-key-1234567890';
const ENV_SECRET = 'env-secret-key-0987654321';

const json = (value: unknown): FileContent => ({ text: JSON.stringify(value, null, 2) });
const missing: FileContent = { missing: true };

function sources(overrides: Partial<ImportSources>): ImportSources {
  return { folder: FOLDER, config: missing, credentials: missing, env: {}, ...overrides };
}

const terraformConfig = { 'auth-url': 'https://iam.e.samsungsdscloud.com/v1', 'default-region': 'kr-east1' };
const terraformCredentials = { 'access-key': 'FILEACCESSKEY0001', 'secret-key': SECRET };

describe('profileImporter', () => {
  it("reads Terraform's own single-profile files as the profile \"default\"", () => {
    const result = profilesFromSources(sources({ config: json(terraformConfig), credentials: json(terraformCredentials) }));
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.profiles, [
      { name: 'default', origin: 'files', environment: 'e', region: 'kr-east1', accessKey: 'FILEACCESSKEY0001', secretKey: SECRET },
    ]);
  });

  it('reads a profiles map; entries inherit the top-level fields and may override them', () => {
    const result = profilesFromSources(
      sources({
        config: json({
          'auth-url': 'https://iam.s.samsungsdscloud.com/v1',
          profiles: {
            dev: { 'default-region': 'kr-west1', 'endpoint-override': 'HTTP://127.0.0.1:9000/' },
            gov: { 'auth-url': 'https://iam.g.samsungsdscloud.com/v1', 'default-region': 'kr-south2' },
          },
        }),
        credentials: json({
          'access-key': 'SHAREDACCESSKEY01',
          'secret-key': SECRET,
          profiles: { gov: { 'access-key': 'GOVACCESSKEY00002', 'secret-key': 'gov-secret-key-000002' } },
        }),
      }),
    );
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.profiles, [
      { name: 'dev', origin: 'files', environment: 's', region: 'kr-west1', endpointOverride: 'http://127.0.0.1:9000', accessKey: 'SHAREDACCESSKEY01', secretKey: SECRET },
      { name: 'gov', origin: 'files', environment: 'g', region: 'kr-south2', accessKey: 'GOVACCESSKEY00002', secretKey: 'gov-secret-key-000002' },
    ]);
  });

  it('reads the SCP_TF_* variables as one more profile', () => {
    const result = profilesFromSources(
      sources({
        config: json(terraformConfig),
        credentials: json(terraformCredentials),
        env: {
          SCP_TF_ACCESS_KEY: 'ENVACCESSKEY00001',
          SCP_TF_SECRET_KEY: ENV_SECRET,
          SCP_TF_AUTH_URL: 'https://iam.s.samsungsdscloud.com/v1',
          SCP_TF_DEFAULT_REGION: 'kr-west1',
        },
      }),
    );
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.profiles.map((p) => [p.name, p.origin, p.environment, p.region, p.accessKey]),
      [
        ['default', 'files', 'e', 'kr-east1', 'FILEACCESSKEY0001'],
        [ENVIRONMENT_PROFILE_NAME, 'environment', 's', 'kr-west1', 'ENVACCESSKEY00001'],
      ],
    );
  });

  it('completes the variables with the files (keys from the environment, the rest from config.json)', () => {
    const result = profilesFromSources(
      sources({ config: json(terraformConfig), env: { SCP_TF_ACCESS_KEY: 'ENVACCESSKEY00001', SCP_TF_SECRET_KEY: ENV_SECRET } }),
    );
    assert.deepEqual(result.profiles, [
      { name: ENVIRONMENT_PROFILE_NAME, origin: 'environment', environment: 'e', region: 'kr-east1', accessKey: 'ENVACCESSKEY00001', secretKey: ENV_SECRET },
    ]);
    // The files alone lack their credentials: said, with what the file should hold.
    assert.deepEqual(result.problems, [{ kind: 'missingFile', file: CREDENTIALS, expected: 'credentials' }]);
  });

  it('drops the variables profile when it is the same connection as one from the files', () => {
    const result = profilesFromSources(
      sources({
        config: json(terraformConfig),
        credentials: json(terraformCredentials),
        env: { SCP_TF_ACCESS_KEY: 'FILEACCESSKEY0001', SCP_TF_SECRET_KEY: SECRET },
      }),
    );
    assert.deepEqual(result.profiles.map((p) => p.name), ['default']);
  });

  it('says the folder has no files, and finds nothing without variables', () => {
    const result = profilesFromSources(sources({}));
    assert.deepEqual(result, { profiles: [], problems: [{ kind: 'noFiles', folder: FOLDER }] });
  });

  it('names the file, line and column of malformed JSON, and still reads the variables', () => {
    const result = profilesFromSources(
      sources({
        config: { text: '{\n  "auth-url": "https://iam.e.samsungsdscloud.com/v1"\n  "default-region": "kr-west1"\n}' },
        credentials: json(terraformCredentials),
        env: { SCP_TF_ACCESS_KEY: 'ENVACCESSKEY00001', SCP_TF_SECRET_KEY: ENV_SECRET, SCP_TF_AUTH_URL: 'https://iam.s.samsungsdscloud.com/v1', SCP_TF_DEFAULT_REGION: 'kr-east1' },
      }),
    );
    assert.deepEqual(result.problems, [{ kind: 'malformedJson', file: CONFIG, line: 3, column: 3, found: '"' }]);
    assert.deepEqual(result.profiles.map((p) => p.name), [ENVIRONMENT_PROFILE_NAME]);
  });

  it('refuses a file that is not a JSON object, and a profiles entry that is not one', () => {
    assert.deepEqual(profilesFromSources(sources({ config: { text: '[1, 2]' }, credentials: json(terraformCredentials) })).problems, [
      { kind: 'notAnObject', file: CONFIG },
    ]);
    const result = profilesFromSources(
      sources({ config: json({ ...terraformConfig, profiles: { a: 'oops', b: {} } }), credentials: json(terraformCredentials) }),
    );
    assert.deepEqual(result.problems, [{ kind: 'notAnObject', file: CONFIG, at: 'profiles.a' }]);
    assert.deepEqual(result.profiles.map((p) => p.name), ['b']);
  });

  it('keeps the variables profile when it differs from the files in any one field', () => {
    const same = { SCP_TF_ACCESS_KEY: 'FILEACCESSKEY0001', SCP_TF_SECRET_KEY: SECRET };
    const differing: Record<string, Record<string, string>> = {
      environment: { ...same, SCP_TF_AUTH_URL: 'https://iam.s.samsungsdscloud.com/v1', SCP_TF_DEFAULT_REGION: 'kr-west1' },
      region: { ...same, SCP_TF_DEFAULT_REGION: 'kr-west1' },
      endpointOverride: { ...same, SCP_TF_ENDPOINT_OVERRIDE: 'http://127.0.0.1:9000' },
      accessKey: { ...same, SCP_TF_ACCESS_KEY: 'ENVACCESSKEY00001' },
      secretKey: { ...same, SCP_TF_SECRET_KEY: ENV_SECRET },
    };
    for (const [field, env] of Object.entries(differing)) {
      const result = profilesFromSources(sources({ config: json(terraformConfig), credentials: json(terraformCredentials), env }));
      assert.deepEqual(result.problems, [], field);
      assert.deepEqual(result.profiles.map((p) => p.name), ['default', ENVIRONMENT_PROFILE_NAME], field);
    }
  });

  it('refuses a profiles map or entry that is null or not an object', () => {
    const notAMap = profilesFromSources(sources({ config: json({ ...terraformConfig, profiles: 'dev' }), credentials: json(terraformCredentials) }));
    assert.deepEqual(notAMap, { profiles: [], problems: [{ kind: 'notAnObject', file: CONFIG, at: 'profiles' }] });
    const nullMap = profilesFromSources(sources({ config: json(terraformConfig), credentials: json({ ...terraformCredentials, profiles: null }) }));
    assert.deepEqual(nullMap, { profiles: [], problems: [{ kind: 'notAnObject', file: CREDENTIALS, at: 'profiles' }] });
    const nullEntry = profilesFromSources(sources({ config: json({ ...terraformConfig, profiles: { a: null, b: {} } }), credentials: json(terraformCredentials) }));
    assert.deepEqual(nullEntry.problems, [{ kind: 'notAnObject', file: CONFIG, at: 'profiles.a' }]);
    assert.deepEqual(nullEntry.profiles.map((p) => p.name), ['b']);
    assert.deepEqual(profilesFromSources(sources({ config: { text: 'null' }, credentials: json(terraformCredentials) })).problems, [
      { kind: 'notAnObject', file: CONFIG },
    ]);
  });

  it('says a missing access key belongs in credentials.json', () => {
    const result = profilesFromSources(sources({ config: json(terraformConfig), credentials: json({ 'secret-key': SECRET }) }));
    assert.deepEqual(result.profiles, []);
    assert.deepEqual(result.problems, [{ kind: 'badField', source: CREDENTIALS, profile: 'default', field: 'access-key', problem: 'missing' }]);
  });

  it('names every missing field and where to add it', () => {
    const result = profilesFromSources(sources({ config: json({}), credentials: json({ 'access-key': 'FILEACCESSKEY0001' }) }));
    assert.deepEqual(result.profiles, []);
    assert.deepEqual(result.problems, [
      { kind: 'badField', source: CREDENTIALS, profile: 'default', field: 'secret-key', problem: 'missing' },
      { kind: 'badField', source: CONFIG, profile: 'default', field: 'default-region', problem: 'missing' },
      { kind: 'badField', source: CONFIG, profile: 'default', field: 'auth-url', problem: 'missing' },
    ]);
    const fromEnv = profilesFromSources(sources({ env: { SCP_TF_ACCESS_KEY: 'ENVACCESSKEY00001' } }));
    assert.deepEqual(
      fromEnv.problems.filter((p) => p.kind === 'badField').map((p) => (p.kind === 'badField' ? `${p.source}:${p.field}` : '')),
      ['environment:SCP_TF_SECRET_KEY', 'environment:SCP_TF_DEFAULT_REGION', 'environment:SCP_TF_AUTH_URL'],
    );
  });

  it('refuses an auth URL that names no SCP environment, unless an endpoint override is set', () => {
    const dev2 = { 'auth-url': 'https://iam.dev2.samsungsdscloud.com/v1', 'default-region': 'kr-south1' };
    const refused = profilesFromSources(sources({ config: json(dev2), credentials: json(terraformCredentials) }));
    assert.deepEqual(refused.problems, [
      { kind: 'badField', source: CONFIG, profile: 'default', field: 'auth-url', problem: 'unknownEnvironment', value: dev2['auth-url'] },
    ]);
    const overridden = profilesFromSources(
      sources({ config: json({ ...dev2, 'endpoint-override': 'https://gateway.example.com' }), credentials: json(terraformCredentials) }),
    );
    assert.deepEqual(overridden.problems, []);
    // The region tells the environment when the auth URL cannot.
    assert.equal(overridden.profiles[0]?.environment, 'g');
    assert.equal(overridden.profiles[0]?.endpointOverride, 'https://gateway.example.com');
  });

  it('refuses a region of another environment and a plain-http override to a remote host', () => {
    const wrongRegion = profilesFromSources(
      sources({ config: json({ ...terraformConfig, 'default-region': 'kr-south1' }), credentials: json(terraformCredentials) }),
    );
    assert.deepEqual(wrongRegion.problems, [
      { kind: 'badField', source: CONFIG, profile: 'default', field: 'default-region', problem: 'regionNotInEnvironment', value: 'kr-south1' },
    ]);
    const clearText = profilesFromSources(
      sources({ config: json({ ...terraformConfig, 'endpoint-override': 'http://gateway.example.com' }), credentials: json(terraformCredentials) }),
    );
    assert.deepEqual(clearText.problems, [
      { kind: 'badField', source: CONFIG, profile: 'default', field: 'endpoint-override', problem: 'badUrl', value: 'http://gateway.example.com' },
    ]);
  });

  it('reads profiles named toString, constructor and __proto__ (no prototype lookups)', () => {
    // Written by hand: a __proto__ key in an object literal would set the prototype, not a key.
    const config = { text: `{"auth-url": "https://iam.e.samsungsdscloud.com/v1", "default-region": "kr-east1", "profiles": {"toString": {}, "__proto__": {}}}` };
    const credentials = {
      text: `{"access-key": "FILEACCESSKEY0001", "secret-key": "${SECRET}", "profiles": {"constructor": {"access-key": "OTHERACCESSKEY01"}, "__proto__": {}}}`,
    };
    const result = profilesFromSources(sources({ config, credentials }));
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.profiles.map((p) => p.name).sort(),
      ['__proto__', 'constructor', 'toString'],
    );
    const ctor = profilesFromSources(sources({ config: json(terraformConfig), credentials }));
    assert.deepEqual(
      ctor.profiles.map((p) => [p.name, p.accessKey]),
      [
        ['constructor', 'OTHERACCESSKEY01'],
        ['__proto__', 'FILEACCESSKEY0001'],
      ],
    );
  });

  it('refuses a URL with user:password@ without ever echoing it', () => {
    const password = 'hunter2-pass-word';
    const config = { ...terraformConfig, 'endpoint-override': `https://admin:${password}@gateway.example.com`, 'auth-url': `https://u:${password}@iam.e.samsungsdscloud.com/v1` };
    const result = profilesFromSources(
      sources({ config: json(config), credentials: json(terraformCredentials), env: { SCP_TF_ACCESS_KEY: 'ENVACCESSKEY00001', SCP_TF_SECRET_KEY: ENV_SECRET, SCP_TF_ENDPOINT_OVERRIDE: `https://x:${password}@h:1 2` } }),
    );
    assert.equal(result.profiles.length, 0);
    assert.deepEqual(
      result.problems.map((p) => (p.kind === 'badField' ? [p.profile, p.field, p.problem] : p.kind)),
      [
        ['default', 'endpoint-override', 'userInfo'],
        ['default', 'auth-url', 'userInfo'],
        [ENVIRONMENT_PROFILE_NAME, 'SCP_TF_ENDPOINT_OVERRIDE', 'userInfo'],
        [ENVIRONMENT_PROFILE_NAME, 'auth-url', 'userInfo'],
      ],
    );
    assert.ok(!JSON.stringify(result.problems).includes(password), JSON.stringify(result.problems));
  });

  it('refuses keys with a line break or another control character, with a problem and not the key', () => {
    const result = profilesFromSources(
      sources({
        config: json(terraformConfig),
        credentials: json({ 'access-key': 'FILEACCESS\r\nX-Injected: 1', 'secret-key': `${SECRET}\n` }),
        env: { SCP_TF_ACCESS_KEY: 'ENVACCESSKEY00001', SCP_TF_SECRET_KEY: `env-secret\u0000key-0987654321` },
      }),
    );
    assert.equal(result.profiles.length, 0);
    assert.deepEqual(
      result.problems.map((p) => (p.kind === 'badField' ? [p.profile, p.field, p.problem] : p.kind)),
      [
        ['default', 'access-key', 'controlCharacter'],
        [ENVIRONMENT_PROFILE_NAME, 'SCP_TF_SECRET_KEY', 'controlCharacter'],
      ],
    );
    assert.ok(!JSON.stringify(result.problems).includes('FILEACCESS'));
    // A trailing newline is trimmed like any other surrounding space: that secret key was fine.
  });

  it('refuses a deeply nested or unclosed file with a problem, not a stack overflow', () => {
    const result = profilesFromSources(sources({ config: { text: '['.repeat(6000) }, credentials: json(terraformCredentials) }));
    assert.deepEqual(result.problems, [{ kind: 'tooDeep', file: CONFIG, line: 1, column: 65, maxDepth: 64 }]);
    const unclosed = profilesFromSources(sources({ config: { text: '{"profiles": {"a": [' }, credentials: json(terraformCredentials) }));
    assert.deepEqual(unclosed.problems, [{ kind: 'malformedJson', file: CONFIG, line: 1, column: 21, found: undefined }]);
  });

  it('never puts a key into a problem, even a key of the wrong type', () => {
    const result = profilesFromSources(
      sources({
        config: json(terraformConfig),
        credentials: json({ 'access-key': 'FILEACCESSKEY0001', 'secret-key': { nested: SECRET } }),
        // Complete with the file's access key, but refused for its region.
        env: { SCP_TF_SECRET_KEY: ENV_SECRET, SCP_TF_DEFAULT_REGION: 'kr-south9' },
      }),
    );
    assert.equal(result.profiles.length, 0);
    assert.ok(result.problems.some((p) => p.kind === 'badField' && p.field === 'SCP_TF_DEFAULT_REGION'));
    const text = JSON.stringify(result.problems);
    assert.ok(result.problems.some((p: ImportProblem) => p.kind === 'badField' && p.field === 'secret-key' && p.problem === 'notText'), text);
    assert.ok(!text.includes(SECRET) && !text.includes(ENV_SECRET) && !text.includes('FILEACCESSKEY0001'), 'a key leaked into the problems');
  });

  describe('readScpProfiles (real files)', () => {
    let folder: string;
    beforeEach(async () => {
      folder = await mkdtemp(path.join(os.tmpdir(), 'scpconf-'));
    });
    afterEach(async () => {
      await rm(folder, { recursive: true, force: true });
    });

    it('reads both files from the folder', async () => {
      await writeFile(path.join(folder, 'config.json'), JSON.stringify(terraformConfig));
      await writeFile(path.join(folder, 'credentials.json'), JSON.stringify(terraformCredentials));
      const result = await readScpProfiles({ folder, env: {} });
      assert.deepEqual(result.problems, []);
      assert.deepEqual(result.profiles.map((p) => [p.name, p.region]), [['default', 'kr-east1']]);
    });

    it('says which file is missing and what it should hold', async () => {
      await writeFile(path.join(folder, 'config.json'), JSON.stringify(terraformConfig));
      const result = await readScpProfiles({ folder, env: {} });
      assert.deepEqual(result.problems, [{ kind: 'missingFile', file: path.join(folder, 'credentials.json'), expected: 'credentials' }]);
    });

    it('reports a folder where the file should be as unreadable, not as missing', async () => {
      await writeFile(path.join(folder, 'credentials.json'), JSON.stringify(terraformCredentials));
      await (await import('node:fs/promises')).mkdir(path.join(folder, 'config.json'));
      const result = await readScpProfiles({ folder, env: {} });
      assert.equal(result.problems[0]?.kind, 'unreadableFile');
    });
  });
});
