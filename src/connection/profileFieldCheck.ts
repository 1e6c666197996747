import { isScpEnvironment, normalizeEndpointOverride, REGIONS_BY_ENVIRONMENT, SCP_ENVIRONMENTS, type ScpEnvironment } from '../scp/endpoints';
import type { FieldId, FieldProblem, ImportedProfile, ImportProblem } from './importedProfile';

/** A field as written in a source, plus its name there (for the problem text). */
export interface FieldValue {
  value: unknown;
  name: string;
  source: string;
}

export type ProfileFields = Partial<Record<FieldId, FieldValue>>;

/** Where a field absent from every source should be added: a file path (or ENVIRONMENT_SOURCE) and its name there. */
export interface MissingFieldSource {
  source: string;
  name: string;
}

/** Checks every field of one profile; reports each problem and returns the profile only when all are fine. */
export function resolveProfile(
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
