import { redactUrl } from './redact';
import { ScpError, type BadInputReason } from './scpError';

/** SCP environments: `s` (public), `g` (government), `e` (enterprise). */
export type ScpEnvironment = 'e' | 's' | 'g';

export const SCP_ENVIRONMENTS: readonly ScpEnvironment[] = ['s', 'g', 'e'];

/** The regions each environment offers (docs/scp-api.md "Hosts"). */
export const REGIONS_BY_ENVIRONMENT: Readonly<Record<ScpEnvironment, readonly string[]>> = {
  s: ['kr-west1', 'kr-east1'],
  g: ['kr-south1', 'kr-south2', 'kr-south3'],
  e: ['kr-west1', 'kr-east1'],
};

/** Services that exist once per account, so their host has no region part. */
const ACCOUNT_WIDE_SERVICES: ReadonlySet<string> = new Set(['iam', 'resourcemanager', 'product', 'billing', 'notification']);

export interface EndpointConfig {
  environment: ScpEnvironment;
  region: string;
  /** One base URL for every service (Terraform's `endpoint-override`); replaces the host. */
  endpointOverride?: string;
}

export function isScpEnvironment(value: string): value is ScpEnvironment {
  return (SCP_ENVIRONMENTS as readonly string[]).includes(value);
}

/** True for 127.0.0.0/8, localhost and ::1: the only hosts a signature may reach over plain http. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  // WHATWG URL writes IPv4-mapped loopback as ::ffff:7f00:1 ... ::ffff:7fff:ffff.
  if (/^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host)) return true;
  const octets = host.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}

/**
 * Checks an endpoint override and returns it normalized (lower-case host, no default port, no trailing
 * slash) so that the URL we sign is the URL the server reconstructs. Throws ScpError 'badInput'.
 */
export function normalizeEndpointOverride(override: string): string {
  const text = override.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Shown without any user:password@ part: the text is echoed in the sentence.
    const shown = redactUrl(text);
    throw badInput(`The endpoint override "${shown}" is not a valid URL; use a base URL such as https://host:port.`, { code: 'endpointNotUrl', text: shown });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw badInput(`The endpoint override must start with https:// (got ${url.protocol}); use a base URL such as https://host:port.`, {
      code: 'endpointScheme',
      protocol: url.protocol,
    });
  }
  if (url.username !== '' || url.password !== '') {
    throw badInput('The endpoint override must not contain a user name or password; remove them from the URL.', { code: 'endpointUserInfo' });
  }
  if (url.search !== '' || url.hash !== '') {
    throw badInput('The endpoint override must not contain a query or fragment; remove the part from "?" or "#" on.', { code: 'endpointQueryOrFragment' });
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw badInput(
      `Plain http:// is refused for ${url.hostname} because the request signature would travel unencrypted; use https://, or http:// only for a loopback host such as 127.0.0.1.`,
      { code: 'plainHttpToRemote', host: url.hostname },
    );
  }
  const pathPrefix = url.pathname.replace(/\/+$/, '');
  return url.origin + pathPrefix;
}

/**
 * The base URL (no trailing slash) of `service`: `https://{service}.{region}.{env}.samsungsdscloud.com`,
 * without the region for account-wide services, or the override for every service when one is set.
 */
export function serviceBaseUrl(config: EndpointConfig, service: string): string {
  if (config.endpointOverride !== undefined && config.endpointOverride.trim() !== '') {
    return normalizeEndpointOverride(config.endpointOverride);
  }
  if (!/^[a-z][a-z0-9-]*$/.test(service)) {
    throw badInput(`"${service}" is not an SCP service name; use a lower-case name such as cloud-ml or ske.`);
  }
  if (!isScpEnvironment(config.environment)) {
    throw badInput(`"${String(config.environment)}" is not an SCP environment; choose s, g or e.`, { code: 'unknownEnvironment', environment: String(config.environment) });
  }
  if (ACCOUNT_WIDE_SERVICES.has(service)) {
    return `https://${service}.${config.environment}.samsungsdscloud.com`;
  }
  const regions = REGIONS_BY_ENVIRONMENT[config.environment];
  if (!regions.includes(config.region)) {
    throw badInput(`Region "${config.region}" does not exist in environment ${config.environment}; choose one of ${regions.join(', ')}.`, {
      code: 'unknownRegion',
      region: config.region,
      environment: config.environment,
      regions,
    });
  }
  return `https://${service}.${config.region}.${config.environment}.samsungsdscloud.com`;
}

function badInput(message: string, reason?: BadInputReason): ScpError {
  return new ScpError({ kind: 'badInput', message, ...(reason ? { reason } : {}) });
}
