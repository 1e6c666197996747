import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { isScpEnvironment, normalizeEndpointOverride, REGIONS_BY_ENVIRONMENT, SCP_ENVIRONMENTS, type ScpEnvironment } from '../scp/endpoints';
import { MAX_JSON_DEPTH, parseStrictJson } from './strictJson';

/**
 * Reads SCP profiles the way the Terraform v2 provider configures itself: `<folder>/config.json`
 * (`auth-url`, `default-region`, `endpoint-override`), `<folder>/credentials.json` (`access-key`, `secret-key`)
 * and the `SCP_TF_*` environment variables. Pure (no vscode import): it returns what it found and, as data, every
 * problem; the import command turns problems into localized sentences and asks before saving anything.
 *
 * Several profiles: both files may hold a `profiles` map keyed by profile name. Then the top-level keys are
 * defaults every entry inherits (e.g. one `auth-url`, or one key pair for several regions) and do not form a
 * profile of their own. Without a map, the top level is the one profile (Terraform's own format), named
 * "default". The variables form one more profile, "terraform-env", whose missing fields fall back to the
 * files' top level, as Terraform combines them; it is dropped when identical to a profile from the files.
 */

export const CONFIG_FILE = 'config.json';
export const CREDENTIALS_FILE = 'credentials.json';
export const SINGLE_PROFILE_NAME = 'default';
export const ENVIRONMENT_PROFILE_NAME = 'terraform-env';
/** The `source` of a problem found in the SCP_TF_* variables (files are named by their path). */
export const ENVIRONMENT_SOURCE = 'environment';

export const ENV_VARIABLES = {
  accessKey: 'SCP_TF_ACCESS_KEY',
  secretKey: 'SCP_TF_SECRET_KEY',
  region: 'SCP_TF_DEFAULT_REGION',
  endpointOverride: 'SCP_TF_ENDPOINT_OVERRIDE',
  authUrl: 'SCP_TF_AUTH_URL',
} as const;

/** The field names in the two files. */
export const FILE_FIELDS = {
  accessKey: 'access-key',
  secretKey: 'secret-key',
  region: 'default-region',
  endpointOverride: 'endpoint-override',
  authUrl: 'auth-url',
} as const;

type FieldId = keyof typeof FILE_FIELDS;

export interface ImportedProfile {
  /** The name proposed for the new profile. */
  name: string;
  /** Where it came from: the folder, or the environment variables. */
  origin: 'files' | 'environment';
  environment: ScpEnvironment;
  region: string;
  endpointOverride?: string;
  accessKey: string;
  secretKey: string;
}

/** `userInfo`: a URL with `user:password@` (never echoed); `controlCharacter`: a key with a line break or the like. */
export type FieldProblem = 'missing' | 'notText' | 'unknownEnvironment' | 'regionNotInEnvironment' | 'badUrl' | 'userInfo' | 'controlCharacter';

/** Everything that kept a file or a profile from being imported. Never carries a key's value. */
export type ImportProblem =
  /** Neither file exists in the folder. */
  | { kind: 'noFiles'; folder: string }
  | { kind: 'missingFile'; file: string; expected: 'config' | 'credentials' }
  | { kind: 'unreadableFile'; file: string; reason: string }
  | { kind: 'malformedJson'; file: string; line: number; column: number; found: string | undefined }
  /** Nested deeper than `maxDepth` levels at `line`, `column` (a profile file needs three). */
  | { kind: 'tooDeep'; file: string; line: number; column: number; maxDepth: number }
  /** The file (or its `profiles` map, or one entry of it, named by `at`) is not a JSON object. */
  | { kind: 'notAnObject'; file: string; at?: string }
  /** `field` is the name as written in its source (`default-region`, `SCP_TF_DEFAULT_REGION`). */
  | { kind: 'badField'; source: string; profile: string; field: string; problem: FieldProblem; value?: string };

export interface ProfileImportResult {
  profiles: ImportedProfile[];
  problems: ImportProblem[];
}

export interface ProfileImportOptions {
  folder: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** Reads the folder's two files (a missing file is a problem, not an error) and the variables. */
export async function readScpProfiles(options: ProfileImportOptions): Promise<ProfileImportResult> {
  const configFile = path.join(options.folder, CONFIG_FILE);
  const credentialsFile = path.join(options.folder, CREDENTIALS_FILE);
  const [config, credentials] = await Promise.all([readTextFile(configFile), readTextFile(credentialsFile)]);
  return profilesFromSources({ folder: options.folder, config, credentials, env: options.env });
}

/** A file's text, `missing`, or why it could not be read. */
export type FileContent = { text: string } | { missing: true } | { unreadable: string };

export interface ImportSources {
  folder: string;
  config: FileContent;
  credentials: FileContent;
  env: Readonly<Record<string, string | undefined>>;
}

/** The pure part of readScpProfiles: from the files' contents and the variables to profiles and problems. */
export function profilesFromSources(sources: ImportSources): ProfileImportResult {
  const problems: ImportProblem[] = [];
  const configFile = path.join(sources.folder, CONFIG_FILE);
  const credentialsFile = path.join(sources.folder, CREDENTIALS_FILE);

  const bothMissing = 'missing' in sources.config && 'missing' in sources.credentials;
  if (bothMissing) problems.push({ kind: 'noFiles', folder: sources.folder });
  const config = bothMissing ? undefined : parseObjectFile(sources.config, configFile, 'config', problems);
  const credentials = bothMissing ? undefined : parseObjectFile(sources.credentials, credentialsFile, 'credentials', problems);

  const profiles: ImportedProfile[] = [];
  const fromFiles = config && credentials ? fileProfiles(config, credentials, configFile, credentialsFile, problems) : [];
  profiles.push(...fromFiles);

  const fromEnv = environmentProfile(sources.env, config, credentials, configFile, credentialsFile, problems);
  if (fromEnv && !fromFiles.some((p) => sameConnection(p, fromEnv))) profiles.push(fromEnv);
  return { profiles, problems };
}

type JsonObject = Record<string, unknown>;

function parseObjectFile(content: FileContent, file: string, expected: 'config' | 'credentials', problems: ImportProblem[]): JsonObject | undefined {
  if ('missing' in content) {
    problems.push({ kind: 'missingFile', file, expected });
    return undefined;
  }
  if ('unreadable' in content) {
    problems.push({ kind: 'unreadableFile', file, reason: content.unreadable });
    return undefined;
  }
  const parsed = parseStrictJson(content.text);
  if (!parsed.ok) {
    problems.push(
      parsed.problem === 'tooDeep'
        ? { kind: 'tooDeep', file, line: parsed.line, column: parsed.column, maxDepth: MAX_JSON_DEPTH }
        : { kind: 'malformedJson', file, line: parsed.line, column: parsed.column, found: parsed.found },
    );
    return undefined;
  }
  if (!isObject(parsed.value)) {
    problems.push({ kind: 'notAnObject', file });
    return undefined;
  }
  return parsed.value;
}

/** A field as written in a source, plus its name there (for the problem text). */
interface FieldValue {
  value: unknown;
  name: string;
  source: string;
}

type ProfileFields = Partial<Record<FieldId, FieldValue>>;

/** Where a field absent from every source should be added: a file path (or ENVIRONMENT_SOURCE) and its name there. */
interface MissingFieldSource {
  source: string;
  name: string;
}

function fileProfiles(config: JsonObject, credentials: JsonObject, configFile: string, credentialsFile: string, problems: ImportProblem[]): ImportedProfile[] {
  const topLevel = fileFields(config, credentials, configFile, credentialsFile);
  const fileSource = (id: FieldId): MissingFieldSource => ({
    source: id === 'accessKey' || id === 'secretKey' ? credentialsFile : configFile,
    name: FILE_FIELDS[id],
  });
  const configMap = profilesMap(config, configFile, problems);
  const credentialsMap = profilesMap(credentials, credentialsFile, problems);
  if (configMap === 'invalid' || credentialsMap === 'invalid') return [];
  if (configMap === undefined && credentialsMap === undefined) {
    const single = resolveProfile(SINGLE_PROFILE_NAME, topLevel, fileSource, problems);
    return single ? [single] : [];
  }

  const names = [...new Set([...Object.keys(configMap ?? {}), ...Object.keys(credentialsMap ?? {})])];
  const profiles: ImportedProfile[] = [];
  for (const name of names) {
    const configEntry = entryOf(configMap, name, configFile, problems);
    const credentialsEntry = entryOf(credentialsMap, name, credentialsFile, problems);
    if (configEntry === 'invalid' || credentialsEntry === 'invalid') continue;
    const own = fileFields(configEntry ?? {}, credentialsEntry ?? {}, configFile, credentialsFile);
    const profile = resolveProfile(name, { ...topLevel, ...own }, fileSource, problems);
    if (profile) profiles.push(profile);
  }
  return profiles;
}

/** The `profiles` map of a file: absent, invalid (reported), or the map. */
function profilesMap(file: JsonObject, fileName: string, problems: ImportProblem[]): JsonObject | 'invalid' | undefined {
  const map = Object.hasOwn(file, 'profiles') ? file.profiles : undefined;
  if (map === undefined) return undefined;
  if (!isObject(map)) {
    problems.push({ kind: 'notAnObject', file: fileName, at: 'profiles' });
    return 'invalid';
  }
  return map;
}

function entryOf(map: JsonObject | undefined, name: string, file: string, problems: ImportProblem[]): JsonObject | 'invalid' | undefined {
  // Own keys only: a profile named "toString" or "constructor" must not find Object.prototype's.
  const entry = map !== undefined && Object.hasOwn(map, name) ? map[name] : undefined;
  if (entry === undefined) return undefined;
  if (!isObject(entry)) {
    problems.push({ kind: 'notAnObject', file, at: `profiles.${name}` });
    return 'invalid';
  }
  return entry;
}

/** The fields present in one config object and one credentials object (absent ones left out, so spreads inherit). */
function fileFields(config: JsonObject, credentials: JsonObject, configFile: string, credentialsFile: string): ProfileFields {
  const fields: ProfileFields = {};
  const take = (id: FieldId, from: JsonObject, source: string): void => {
    const name = FILE_FIELDS[id];
    if (Object.hasOwn(from, name) && from[name] !== undefined) fields[id] = { value: from[name], name, source };
  };
  take('authUrl', config, configFile);
  take('region', config, configFile);
  take('endpointOverride', config, configFile);
  take('accessKey', credentials, credentialsFile);
  take('secretKey', credentials, credentialsFile);
  return fields;
}

/** The SCP_TF_* profile, when a key variable is set; other fields fall back to the files' top level. */
function environmentProfile(
  env: Readonly<Record<string, string | undefined>>,
  config: JsonObject | undefined,
  credentials: JsonObject | undefined,
  configFile: string,
  credentialsFile: string,
  problems: ImportProblem[],
): ImportedProfile | undefined {
  const set = (name: string): boolean => (env[name] ?? '').trim() !== '';
  if (!set(ENV_VARIABLES.accessKey) && !set(ENV_VARIABLES.secretKey)) return undefined;
  const fields: ProfileFields = { ...fileFields(config ?? {}, credentials ?? {}, configFile, credentialsFile) };
  for (const id of Object.keys(ENV_VARIABLES) as FieldId[]) {
    const name = ENV_VARIABLES[id];
    if (set(name)) fields[id] = { value: env[name], name, source: ENVIRONMENT_SOURCE };
  }
  // A field missing everywhere is reported under its variable's name: that is where the user would add it.
  const profile = resolveProfile(ENVIRONMENT_PROFILE_NAME, fields, (id) => ({ source: ENVIRONMENT_SOURCE, name: ENV_VARIABLES[id] }), problems);
  return profile && { ...profile, origin: 'environment' };
}

/** Checks every field of one profile; reports each problem and returns the profile only when all are fine. */
function resolveProfile(
  name: string,
  fields: ProfileFields,
  whereMissing: (id: FieldId) => MissingFieldSource,
  problems: ImportProblem[],
): ImportedProfile | undefined {
  const before = problems.length;
  const report = (id: FieldId, problem: FieldProblem, value?: string): undefined => {
    const where = fields[id] ?? whereMissing(id);
    problems.push({
      kind: 'badField',
      source: where.source,
      profile: name,
      field: where.name,
      problem,
      ...(value === undefined ? {} : { value }),
    });
    return undefined;
  };
  const text = (id: FieldId, required: boolean): string | undefined => {
    const raw = fields[id]?.value;
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return required ? report(id, 'missing') : undefined;
    if (typeof raw !== 'string') return report(id, 'notText');
    return raw.trim();
  };

  // A key goes into a request header: a line break there would end the header (and axios refuses it anyway).
  const key = (id: FieldId): string | undefined => {
    const value = text(id, true);
    return value !== undefined && CONTROL_CHARACTER.test(value) ? report(id, 'controlCharacter') : value;
  };

  const accessKey = key('accessKey');
  const secretKey = key('secretKey');
  const region = text('region', true);
  const overrideText = text('endpointOverride', false);
  const authUrl = text('authUrl', false);

  let endpointOverride: string | undefined;
  // `user:password@` is refused without echoing the URL: the password would be in every problem text and log.
  if (overrideText?.includes('@')) {
    report('endpointOverride', 'userInfo');
  } else if (overrideText !== undefined) {
    try {
      endpointOverride = normalizeEndpointOverride(overrideText);
    } catch {
      report('endpointOverride', 'badUrl', overrideText);
    }
  }

  let environment: ScpEnvironment | undefined;
  if (authUrl !== undefined) {
    const fromUrl = authUrl.includes('@') ? 'userInfo' : environmentOfAuthUrl(authUrl);
    if (fromUrl === 'userInfo') report('authUrl', 'userInfo');
    else if (fromUrl === 'badUrl') report('authUrl', 'badUrl', authUrl);
    else if (fromUrl !== undefined) environment = fromUrl;
    // An auth URL that names no SCP environment (a private gateway, the emulator) is fine behind an override.
    else if (overrideText === undefined) report('authUrl', 'unknownEnvironment', authUrl);
  } else if (overrideText === undefined) {
    report('authUrl', 'missing');
  }
  if (environment === undefined && overrideText !== undefined && region !== undefined) environment = environmentOfRegion(region);
  if (environment !== undefined && region !== undefined && overrideText === undefined && !REGIONS_BY_ENVIRONMENT[environment].includes(region)) {
    report('region', 'regionNotInEnvironment', region);
  }

  if (problems.length > before || accessKey === undefined || secretKey === undefined || region === undefined || environment === undefined) return undefined;
  return { name, origin: 'files', environment, region, ...(endpointOverride ? { endpointOverride } : {}), accessKey, secretKey };
}

/** `iam.e.samsungsdscloud.com` -> `e`; undefined when the host names no SCP environment. */
export function environmentOfAuthUrl(authUrl: string): ScpEnvironment | 'badUrl' | undefined {
  let host: string;
  try {
    host = new URL(authUrl).hostname.toLowerCase();
  } catch {
    return 'badUrl';
  }
  const match = /^iam\.([a-z0-9-]+)\.samsungsdscloud\.com$/.exec(host);
  const environment = match?.[1];
  return environment !== undefined && isScpEnvironment(environment) ? environment : undefined;
}

/** For a profile behind an endpoint override without a usable auth URL: the environment that has this region. */
function environmentOfRegion(region: string): ScpEnvironment {
  return SCP_ENVIRONMENTS.find((environment) => REGIONS_BY_ENVIRONMENT[environment].includes(region)) ?? 's';
}

/** C0 controls and DEL: CR and LF above all. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

function sameConnection(a: ImportedProfile, b: ImportedProfile): boolean {
  return (
    a.environment === b.environment &&
    a.region === b.region &&
    a.endpointOverride === b.endpointOverride &&
    a.accessKey === b.accessKey &&
    a.secretKey === b.secretKey
  );
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readTextFile(file: string): Promise<FileContent> {
  try {
    return { text: await readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { missing: true };
    return { unreadable: code ?? (error instanceof Error ? error.message : String(error)) };
  }
}
