import { randomBytes } from 'node:crypto';

/** Header carrying the request id on every answer (the body carries it too where the shape has a place for it). */
export const REQUEST_ID_HEADER = 'x-request-id';

/** 32 hex digits, like SCP's ids; random (not seeded) because request ids must never repeat across runs. */
export function newRequestId(): string {
  return randomBytes(16).toString('hex');
}
