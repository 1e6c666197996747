import { isScpError, ScpError } from './scpError';
import { computeSignature } from './signer';

export interface ScpCredentials {
  accessKey: string;
  secretKey: string;
}

/** The three signing headers of one attempt, and the two values redaction must know about. */
export interface SignedAttempt {
  headers: { 'Scp-Accesskey': string; 'Scp-Timestamp': string; 'Scp-Signature': string };
  secretKey: string;
  signature: string;
}

/**
 * Signs one attempt: reads the credentials (every attempt, so a changed key applies at once), takes a fresh
 * timestamp and signs exactly `url`, the string that is then sent. A credentials failure becomes 'auth'.
 */
export async function signAttempt(
  method: string,
  url: string,
  readCredentials: () => Promise<ScpCredentials>,
  clock: () => number,
): Promise<SignedAttempt> {
  let credentials: ScpCredentials;
  try {
    credentials = await readCredentials();
  } catch (error) {
    if (isScpError(error)) throw error;
    throw new ScpError({ kind: 'auth', message: 'The stored SCP credentials could not be read; sign in again.' });
  }
  if (credentials.accessKey === '' || credentials.secretKey === '') {
    throw new ScpError({ kind: 'auth', message: 'No SCP access key or secret key is set; sign in again.' });
  }
  const timestamp = String(Math.trunc(clock()));
  const signature = computeSignature({ method, url, timestamp, accessKey: credentials.accessKey }, credentials.secretKey);
  return {
    headers: { 'Scp-Accesskey': credentials.accessKey, 'Scp-Timestamp': timestamp, 'Scp-Signature': signature },
    secretKey: credentials.secretKey,
    signature,
  };
}

/** Default `Scp-Api-Version` per product. */
const DEFAULT_API_VERSIONS: Readonly<Record<string, string>> = { 'cloud-ml': '1.0', ske: '1.0' };

/** The headers every SCP request carries besides the signature. */
export function baseHeaders(options: {
  service: string;
  apiVersion: string | undefined;
  language: string;
  hasBody: boolean;
  userAgent: string | undefined;
}): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': options.language,
    'Scp-ClientType': 'Openapi',
  };
  if (options.hasBody) headers['Content-Type'] = 'application/json';
  const version = options.apiVersion ?? DEFAULT_API_VERSIONS[options.service];
  if (version !== undefined) headers['Scp-Api-Version'] = version.includes(' ') ? version : `${options.service} ${version}`;
  if (options.userAgent !== undefined) headers['User-Agent'] = options.userAgent;
  return headers;
}
