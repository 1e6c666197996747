import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import {
  ENV_VARIABLES,
  ENVIRONMENT_PROFILE_NAME,
  ENVIRONMENT_SOURCE,
  FILE_FIELDS,
  type FieldId,
  type ImportedProfile,
  type ImportProblem,
  type ProfileImportResult,
} from './importedProfile';
import { resolveProfile, type MissingFieldSource, type ProfileFields } from './profileFieldCheck';
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
