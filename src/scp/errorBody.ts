import { isRecord } from './jsonRecord';

/** Response headers as axios gives them (names lower case). */
export type ResponseHeaders = Readonly<Record<string, unknown>>;

/**
 * What a failed response's body can be: SCP's standard `errors[]` list, the gateway's 404 and 401 bodies, an HTML
 * page (the 417 firewall), or anything else (`other`: JSON of another form, or no JSON at all). See docs/scp-api.md
 * "Errors".
 */
export type ErrorBody =
  | { shape: 'standard'; details: string[]; codes: string[]; requestIds: string[] }
  | { shape: 'gateway404'; requestIds: string[]; error: string }
  | { shape: 'gateway401'; message: string; requestIds: string[] }
  | { shape: 'html' }
  | { shape: 'other'; json: unknown };

/** Which of the shapes the body is, read from the text and the content type; a body that is no JSON is `other`. */
export function classifyBody(bodyText: string, headers: ResponseHeaders): ErrorBody {
  const trimmed = bodyText.trim();
  const rawType = headers['content-type'];
  const contentType = typeof rawType === 'string' ? rawType.toLowerCase() : '';
  if (contentType.includes('text/html') || trimmed.startsWith('<')) return { shape: 'html' };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return { shape: 'other', json: undefined };
  }
  if (!isRecord(json)) return { shape: 'other', json };
  if (Array.isArray(json.errors)) {
    const details: string[] = [];
    const codes: string[] = [];
    const requestIds: string[] = [];
    for (const item of json.errors) {
      if (!isRecord(item)) continue;
      const detail = item.detail;
      if (typeof detail === 'string' && detail !== '') details.push(detail);
      else if (Array.isArray(detail)) details.push(...detail.filter((d): d is string => typeof d === 'string' && d !== ''));
      else if (typeof item.title === 'string' && item.title !== '') details.push(item.title);
      if (typeof item.code === 'string') codes.push(item.code);
      for (const key of ['request_id', 'global_request_id', 'requestId']) {
        const id = item[key];
        if (typeof id === 'string' && id !== '') requestIds.push(id);
      }
    }
    return { shape: 'standard', details, codes, requestIds };
  }
  if (json.status === 'UNAUTHORIZED' || (typeof json.name === 'string' && /rejected by gateway/i.test(json.name))) {
    return { shape: 'gateway401', message: typeof json.message === 'string' ? json.message : '', requestIds: bodyRequestIds(json) };
  }
  if ('timestamp' in json && 'path' in json && ('error' in json || 'status' in json)) {
    return { shape: 'gateway404', error: typeof json.error === 'string' ? json.error : '', requestIds: bodyRequestIds(json) };
  }
  return { shape: 'other', json };
}

/** The server's own words in a body, whatever its shape (for the message, the log and classification). */
export function detailsOf(body: ErrorBody): string[] {
  switch (body.shape) {
    case 'standard':
      return body.details;
    case 'gateway401':
      return body.message === '' ? [] : [body.message];
    case 'other':
      if (isRecord(body.json)) {
        for (const key of ['detail', 'message', 'error_message', 'error']) {
          const value = body.json[key];
          if (typeof value === 'string' && value !== '') return [value];
        }
      }
      return [];
    default:
      return [];
  }
}

function bodyRequestIds(json: Record<string, unknown>): string[] {
  const ids: string[] = [];
  for (const key of ['requestId', 'request_id', 'global_request_id']) {
    const id = json[key];
    if (typeof id === 'string' && id !== '') ids.push(id);
  }
  return ids;
}

const BUSY_STATES = /\b(?:CREATING|UPDATING|DELETING|DEPLOYING|INSTALLING|UNINSTALLING|UPGRADING|SCALING|TERMINATING|PENDING)\b/;
const BUSY_WORDS =
  /\b(?:busy|in progress|in-progress|another (?:operation|request|task)|not (?:yet )?(?:settled|finished|completed)|being (?:created|updated|deleted|deployed|processed)|transitional|concurrent)\b/i;

/** A 400 that says the instance is in the middle of something: the same conflict as a 409. */
export function looksBusy(detailText: string, body: ErrorBody): boolean {
  const codes = body.shape === 'standard' ? body.codes.join(' ') : '';
  return BUSY_WORDS.test(detailText) || BUSY_STATES.test(detailText) || /busy|conflict|in_?progress/i.test(codes);
}

/** A 400 or 403 whose detail says the resource is not there. */
export function looksMissing(detailText: string): boolean {
  return /\b(?:not (?:be )?found|does not exist|doesn't exist|do not exist|no such|not exist)\b/i.test(detailText);
}
