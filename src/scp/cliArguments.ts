import { isScpEnvironment, serviceBaseUrl, type EndpointConfig, type ScpEnvironment } from './endpoints';
import { isScpError } from './scpError';
import type { ScpCredentials } from './requestSigning';
import type { ApiLanguage, HttpMethod } from './scpHttpClient';

export const CLI_USAGE = 'usage: npm run scp -- METHOD SERVICE PATH [--query key=value ...] [--data JSON] [--verbose]';

export const CLI_ENVIRONMENT_HELP =
  'Set SCP_ACCESS_KEY and SCP_SECRET_KEY (or SCP_TF_ACCESS_KEY and SCP_TF_SECRET_KEY), and either SCP_ENDPOINT_OVERRIDE ' +
  '(or SCP_TF_ENDPOINT_OVERRIDE) or SCP_ENVIRONMENT (s, g or e) with SCP_REGION.';

/** Bad arguments or environment: exit code 2, one sentence, never a stack. */
export class CliUsageError extends Error {
  constructor(
    message: string,
    readonly hint: string = CLI_USAGE,
  ) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export interface CliInvocation {
  method: HttpMethod;
  service: string;
  path: string;
  /** Repeated keys keep every value, in order. */
  query: Record<string, string[]>;
  data?: unknown;
  verbose: boolean;
  endpoint: EndpointConfig;
  credentials: ScpCredentials;
  language: ApiLanguage;
  timeoutMs: number;
}

export type ParsedCli = { help: true } | { help: false; invocation: CliInvocation };

const METHODS: readonly HttpMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Reads `METHOD SERVICE PATH [--query k=v ...] [--data JSON] [--verbose]` and the SCP_* variables. */
export function parseCliArguments(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedCli {
  const positional: string[] = [];
  const query: Record<string, string[]> = {};
  let dataText: string | undefined;
  let verbose = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inlineValue] = splitFlag(arg);
    const takeValue = (): string => {
      if (inlineValue !== undefined) return inlineValue;
      const next = argv[i + 1];
      if (next === undefined) throw new CliUsageError(`${flag} needs a value.`);
      i++;
      return next;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return { help: true };
      case '-q':
      case '--query': {
        const pair = takeValue();
        const eq = pair.indexOf('=');
        if (eq <= 0) throw new CliUsageError(`--query takes key=value, got "${pair}".`);
        (query[pair.slice(0, eq)] ??= []).push(pair.slice(eq + 1));
        break;
      }
      case '-d':
      case '--data':
        if (dataText !== undefined) throw new CliUsageError('--data may be given only once.');
        dataText = takeValue();
        break;
      case '-v':
      case '--verbose':
        verbose = true;
        break;
      default:
        if (arg.startsWith('-') && arg.length > 1) throw new CliUsageError(`Unknown option ${arg}.`);
        positional.push(arg);
    }
  }

  if (positional.length !== 3) throw new CliUsageError(`Expected METHOD SERVICE PATH, got ${positional.length} argument(s).`);
  const [methodText = '', service = '', path = ''] = positional;
  const method = methodText.toUpperCase() as HttpMethod;
  if (!METHODS.includes(method)) throw new CliUsageError(`Unknown method "${methodText}"; use one of ${METHODS.join(', ')}.`);
  if (!/^[a-z][a-z0-9-]*$/.test(service)) throw new CliUsageError(`"${service}" is not a service name; use e.g. cloud-ml or ske.`);
  if (!path.startsWith('/')) throw new CliUsageError(`PATH must start with "/", got "${path}".`);
  if (path.includes('?')) throw new CliUsageError('Put query parameters in --query key=value, not in PATH.');

  let data: unknown;
  if (dataText !== undefined) {
    try {
      data = JSON.parse(dataText);
    } catch (error) {
      throw new CliUsageError(`--data is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`);
    }
  }

  const invocation: CliInvocation = {
    method,
    service,
    path,
    query,
    verbose,
    endpoint: endpointFromEnvironment(env, service),
    credentials: credentialsFromEnvironment(env),
    language: languageFromEnvironment(env),
    timeoutMs: timeoutFromEnvironment(env),
  };
  if (data !== undefined) invocation.data = data;
  return { help: false, invocation };
}

function splitFlag(arg: string): [string, string | undefined] {
  if (!arg.startsWith('--')) return [arg, undefined];
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

function first(env: Readonly<Record<string, string | undefined>>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

function credentialsFromEnvironment(env: Readonly<Record<string, string | undefined>>): ScpCredentials {
  const accessKey = first(env, 'SCP_ACCESS_KEY', 'SCP_TF_ACCESS_KEY');
  const secretKey = first(env, 'SCP_SECRET_KEY', 'SCP_TF_SECRET_KEY');
  if (accessKey === undefined || secretKey === undefined) {
    throw new CliUsageError('No SCP credentials in the environment.', CLI_ENVIRONMENT_HELP);
  }
  return { accessKey, secretKey };
}

function endpointFromEnvironment(env: Readonly<Record<string, string | undefined>>, service: string): EndpointConfig {
  const override = first(env, 'SCP_ENDPOINT_OVERRIDE', 'SCP_TF_ENDPOINT_OVERRIDE');
  const region = first(env, 'SCP_REGION', 'SCP_TF_DEFAULT_REGION') ?? '';
  const environment = first(env, 'SCP_ENVIRONMENT') ?? environmentFromAuthUrl(first(env, 'SCP_TF_AUTH_URL'));
  let config: EndpointConfig;
  if (override !== undefined) {
    config = { environment: environment !== undefined && isScpEnvironment(environment) ? environment : 's', region, endpointOverride: override };
  } else {
    if (environment === undefined || region === '') throw new CliUsageError('No SCP endpoint in the environment.', CLI_ENVIRONMENT_HELP);
    if (!isScpEnvironment(environment)) throw new CliUsageError(`SCP_ENVIRONMENT must be s, g or e, got "${environment}".`, CLI_ENVIRONMENT_HELP);
    config = { environment, region };
  }
  try {
    serviceBaseUrl(config, service);
  } catch (error) {
    if (isScpError(error)) throw new CliUsageError(error.message, CLI_ENVIRONMENT_HELP);
    throw error;
  }
  return config;
}

/** Terraform's auth URL names the environment in its host: `https://iam.e.samsungsdscloud.com` -> `e`. */
function environmentFromAuthUrl(authUrl: string | undefined): ScpEnvironment | undefined {
  const match = authUrl === undefined ? null : /\biam\.([esg])\./.exec(authUrl);
  return match?.[1] !== undefined && isScpEnvironment(match[1]) ? match[1] : undefined;
}

function languageFromEnvironment(env: Readonly<Record<string, string | undefined>>): ApiLanguage {
  const language = first(env, 'SCP_LANGUAGE');
  if (language === undefined) return 'en-US';
  if (language === 'en-US' || language === 'ko-KR') return language;
  throw new CliUsageError(`SCP_LANGUAGE must be en-US or ko-KR, got "${language}".`, CLI_ENVIRONMENT_HELP);
}

function timeoutFromEnvironment(env: Readonly<Record<string, string | undefined>>): number {
  const text = first(env, 'SCP_TIMEOUT_SECONDS');
  if (text === undefined) return 30_000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new CliUsageError(`SCP_TIMEOUT_SECONDS must be a positive number, got "${text}".`, CLI_ENVIRONMENT_HELP);
  return seconds * 1000;
}
