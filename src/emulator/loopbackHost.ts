import { isIP } from 'node:net';

/**
 * The emulator checks signatures but is no security boundary (its admin API takes a token, not a signature),
 * so it only ever listens on loopback: 127.0.0.0/8, ::1 or the name localhost.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}
