/**
 * What a handler answers, before the HTTP layer writes it (so faults can still corrupt or replace it), and the
 * four error body shapes of docs/scp-api.md "Errors".
 */
export interface ApiResponse {
  status: number;
  contentType: string;
  /** The exact body bytes as text ('' = no body). */
  text: string;
}

export function jsonResponse(status: number, body: unknown): ApiResponse {
  return { status, contentType: 'application/json', text: JSON.stringify(body) };
}

export function emptyResponse(status: number): ApiResponse {
  return { status, contentType: 'application/json', text: '' };
}

export interface StandardErrorEntry {
  code: string;
  title: string;
  detail: string | string[];
}

/** Shape 1, the standard one: `{"errors":[{code,title,detail,status,request_id,global_request_id,...}]}`. */
export function standardErrors(status: number, entries: readonly StandardErrorEntry[], requestId: string): ApiResponse {
  return jsonResponse(status, {
    errors: entries.map((entry) => ({
      code: entry.code,
      title: entry.title,
      detail: entry.detail,
      status: String(status),
      request_id: requestId,
      global_request_id: `g-${requestId}`,
      links: [],
      related_resources: [],
      response: null,
    })),
  });
}

export function standardError(status: number, code: string, title: string, detail: string | string[], requestId: string): ApiResponse {
  return standardErrors(status, [{ code, title, detail }], requestId);
}

/** Shape 2: the gateway's 404 for unknown paths and products not enabled for the account/region. */
export function gatewayNotFound(path: string, requestId: string): ApiResponse {
  return jsonResponse(404, { timestamp: new Date().toISOString(), path, status: 404, error: 'Not Found', requestId });
}

/** Shape 3: the gateway's 401 for a bad key, signature or timestamp. */
export function gatewayUnauthorized(message: string): ApiResponse {
  return jsonResponse(401, { status: 'UNAUTHORIZED', name: 'Request was rejected by gateway', message });
}

/** Shape 4: the firewall's 417 page under bursts: HTML, no JSON, no Retry-After. */
export function firewallRejected(requestId: string): ApiResponse {
  return {
    status: 417,
    contentType: 'text/html; charset=utf-8',
    text:
      '<html><head><title>Request Rejected</title></head><body>' +
      'The requested URL was rejected. Please consult with your administrator.<br><br>' +
      `Your support ID is: ${requestId}<br><br><a href="javascript:history.back();">[Go Back]</a></body></html>`,
  };
}
