/**
 * Redaction for everything that leaves the client as text (logs, error messages, details): secret keys,
 * signatures, registry secrets and any field whose name says it is secret never appear in clear.
 */

export const REDACTED = '***';

/**
 * Values shorter than this are not looked for in text. Every secret this client knows of is far longer (SCP
 * secret keys, 44-character signatures, registry keys), while a short value matches pieces of ordinary words:
 * a 1-character secret turned "service is" into "***ervice i***", garbling the text and, by what the masks
 * stand in for, giving the value away. Fields named like secrets are masked whatever their length.
 */
export const MIN_REDACTED_VALUE_LENGTH = 8;

/** Key names whose values are secret wherever they appear (JSON field, query parameter, header). */
const SENSITIVE_KEY = /secret|signature|password/i;

export function isSensitiveKey(name: string): boolean {
  return SENSITIVE_KEY.test(name);
}

/**
 * Replaces every occurrence of each secret (also in its URL-encoded forms) and every value written after
 * a sensitive key (`"secret_key": "…"`, `secret_key=…`, `Scp-Signature: …`).
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  // Most texts (every request URL logged) hold no secret: finding that out needs no list of forms to be built.
  if (holdsAnySecret(out, secrets)) for (const secret of expandSecrets(secrets)) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  // Every pattern below needs one of the sensitive words: text without one (nearly every URL) is done here.
  if (!SENSITIVE_KEY.test(out)) return out;
  // "some_secret_key": "value"  (JSON, also when a server echoes the body in an error detail)
  out = out.replace(/("[^"]*(?:secret|signature|password)[^"]*"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${REDACTED}"`);
  // some_secret_key=value  (query strings, form bodies)
  out = out.replace(/(\b[\w-]*(?:secret|signature|password)[\w-]*=)([^&\s"',;]+)/gi, (match: string, prefix: string, value: string) =>
    value === REDACTED ? match : prefix + REDACTED,
  );
  // Scp-Signature: value  (headers; only token-looking values, so prose such as "signature: expired" stays readable)
  out = out.replace(/(\b[\w-]*(?:secret|signature|password)[\w-]*:[ \t]*)([A-Za-z0-9+/=_-]{16,})/gi, `$1${REDACTED}`);
  return out;
}

/**
 * Redacts a URL without re-encoding it: values of sensitive query parameters, any user info, then the
 * known secrets anywhere in it. The result is for display only.
 */
export function redactUrl(url: string, secrets: readonly string[] = []): string {
  let out = url.includes('@') ? url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, `$1${REDACTED}@`) : url;
  const queryStart = out.indexOf('?');
  // A parameter name is sensitive only when it says so in clear or once decoded: without a sensitive word or an
  // escape ('%', '+') in the query, no pair needs a look.
  if (queryStart >= 0 && (SENSITIVE_KEY.test(out.slice(queryStart)) || /[%+]/.test(out.slice(queryStart)))) {
    const hashStart = out.indexOf('#', queryStart);
    const end = hashStart >= 0 ? hashStart : out.length;
    const query = out
      .slice(queryStart + 1, end)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq < 0) return pair;
        const name = safeDecode(pair.slice(0, eq));
        return isSensitiveKey(name) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
      })
      .join('&');
    out = out.slice(0, queryStart + 1) + query + out.slice(end);
  }
  return redactText(out, secrets);
}

/**
 * A deep copy of `value` in which every property whose name is sensitive holds "***", and every string
 * holding a known secret is redacted. Cycles are cut, not followed.
 */
export function redactObject<T>(value: T, secrets: readonly string[] = []): T {
  return redactValue(value, secrets, new WeakSet<object>()) as T;
}

/** The values of sensitive keys anywhere in `value`: what a request body adds to the redaction list. */
export function collectSecretValues(value: unknown, found: string[] = [], seen = new WeakSet<object>()): string[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return found;
  seen.add(value);
  for (const [key, child] of Object.entries(value)) {
    if (isSensitiveKey(key) && typeof child === 'string' && child !== '') found.push(child);
    else collectSecretValues(child, found, seen);
  }
  return found;
}

function redactValue(value: unknown, secrets: readonly string[], seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return secrets.length > 0 ? redactText(value, secrets) : value;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return REDACTED;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    copy[key] = isSensitiveKey(key) ? REDACTED : redactValue(child, secrets, seen);
  }
  return copy;
}

/** Characters that URL encoding and JSON escaping leave as they are: a secret made of them has one written form. */
const SAME_IN_EVERY_FORM = /^[A-Za-z0-9_.!~*'()-]*$/;

/** Whether `text` holds any of `secrets` in any form expandSecrets lists (without building that list). */
function holdsAnySecret(text: string, secrets: readonly string[]): boolean {
  for (const secret of secrets) {
    if (secret.length < MIN_REDACTED_VALUE_LENGTH) continue;
    if (text.includes(secret)) return true;
    if (SAME_IN_EVERY_FORM.test(secret)) continue;
    if (text.includes(encodeURIComponent(secret)) || text.includes(JSON.stringify(secret).slice(1, -1))) return true;
  }
  return false;
}

/** Each secret as written and as it would look URL-encoded or JSON-escaped; longest first. Short values are left out. */
function expandSecrets(secrets: readonly string[]): string[] {
  if (secrets.length === 0) return [];
  const all = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_REDACTED_VALUE_LENGTH) continue;
    all.add(secret);
    all.add(encodeURIComponent(secret));
    all.add(JSON.stringify(secret).slice(1, -1));
  }
  return [...all].sort((a, b) => b.length - a.length);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
