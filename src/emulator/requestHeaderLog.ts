import type { IncomingHttpHeaders } from 'node:http';

/** The headers of the latest request per route: "GET /v1/clusters" -> { "accept-language": "ko-KR", ... }. */
export type LastRequestHeaders = Record<string, Record<string, string>>;

/**
 * Remembers what the latest API request of each route carried, so tests can check headers the client derives
 * from settings (Accept-Language, Scp-Api-Version). The signature and anything named "secret" are never kept:
 * the admin API hands this out to anyone on loopback and tests print it on failure.
 */
export class RequestHeaderLog {
  private last = new Map<string, Record<string, string>>();

  record(route: string, headers: IncomingHttpHeaders): void {
    const kept: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || isSecretHeader(name)) continue;
      kept[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    this.last.set(route, kept);
  }

  snapshot(): LastRequestHeaders {
    return Object.fromEntries([...this.last].map(([route, headers]) => [route, { ...headers }]));
  }

  clear(): void {
    this.last.clear();
  }
}

function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.includes('signature') || lower.includes('secret') || lower === 'authorization';
}
