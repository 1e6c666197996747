import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The header every admin API call carries (lower case, as node:http gives header names). */
export const ADMIN_TOKEN_HEADER = 'x-emulator-token';

/**
 * A new random token for one emulator start: 32 base64url characters (192 bits). Loopback is shared by every user
 * and every program on the machine, so the admin API answers only whoever was told the token (the CLI prints it;
 * in-process code reads it from the running emulator).
 */
export function newAdminToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Whether the request carries the token, compared in constant time. */
export function carriesAdminToken(headers: IncomingHttpHeaders, token: string): boolean {
  const given = headers[ADMIN_TOKEN_HEADER];
  if (typeof given !== 'string') return false;
  const left = Buffer.from(given, 'utf8');
  const right = Buffer.from(token, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
