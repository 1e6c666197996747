import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';

/** Why a request is refused before the API or the admin API sees it. */
export interface OriginRefusal {
  /** 403 for a browser page (Origin), 421 for a Host that is not this emulator on loopback. */
  status: 403 | 421;
  /** One sentence. */
  message: string;
}

/**
 * The emulator listens on loopback, but a web page the user opens can still reach it: directly (the browser sends
 * an Origin header with every cross-origin fetch or form POST) or through DNS rebinding (a host name of the page's
 * that now resolves to 127.0.0.1: same-origin for the browser, so no Origin, but its Host header names that host).
 * Neither the extension's client nor the tests are browsers, so: no Origin at all, and a Host that is a loopback
 * literal or localhost with the port the request arrived on.
 */
export function originRefusal(headers: IncomingHttpHeaders, localPort: number | undefined): OriginRefusal | undefined {
  if (headers.origin !== undefined) {
    return { status: 403, message: 'The emulator refuses requests from web pages (the request has an Origin header).' };
  }
  const host = headers.host;
  if (host === undefined || localPort === undefined || !isLoopbackHostHeader(host, localPort)) {
    return { status: 421, message: `The emulator answers only for Host 127.0.0.1:${localPort ?? 'PORT'}, localhost:${localPort ?? 'PORT'} or [::1]:${localPort ?? 'PORT'}.` };
  }
  return undefined;
}

/** `name:port` where name is localhost, a 127.x.x.x literal or [::1], and port is the emulator's own. */
function isLoopbackHostHeader(host: string, localPort: number): boolean {
  const value = host.trim().toLowerCase();
  const bracketEnd = value.startsWith('[') ? value.indexOf(']') : -1;
  const portSeparator = bracketEnd >= 0 ? bracketEnd + 1 : value.lastIndexOf(':');
  const name = portSeparator >= 0 ? value.slice(0, portSeparator) : value;
  const portText = portSeparator >= 0 ? value.slice(portSeparator) : '';
  const portMatches = portText === `:${localPort}` || (portText === '' && localPort === 80);
  return portMatches && (name === 'localhost' || name === '[::1]' || (isIP(name) === 4 && name.startsWith('127.')));
}
