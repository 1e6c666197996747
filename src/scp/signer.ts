import { createHmac } from 'node:crypto';

/** What SCP signs: the exact wire URL, the method, the millisecond timestamp and the access key. */
export interface SignatureInput {
  method: string;
  /** The full URL exactly as sent (scheme + host + path + "?" + query). Never re-encode it. */
  url: string;
  /** Epoch milliseconds as a decimal string. */
  timestamp: string;
  accessKey: string;
  /** Always "" in practice (the Terraform provider signs with an empty account id). */
  accountId?: string;
}

/** Base64(HMAC-SHA256(secretKey, METHOD + url + timestamp + accessKey + accountId + "Openapi")). */
export function computeSignature(input: SignatureInput, secretKey: string): string {
  const message = input.method.toUpperCase() + input.url + input.timestamp + input.accessKey + (input.accountId ?? '') + 'Openapi';
  return createHmac('sha256', secretKey).update(message, 'utf8').digest('base64');
}
