// What a profile import finds (profiles, problems) and the names of its sources: shared by the reader
// (profileImporter.ts), the field check (profileFieldCheck.ts) and the problem text (importProblemText.ts).
import type { ScpEnvironment } from '../scp/endpoints';

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

export type FieldId = keyof typeof FILE_FIELDS;

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
