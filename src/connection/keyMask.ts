/**
 * How an access key is shown to the user (import preview, profile lists): only its last 4 characters, enough to
 * tell two keys apart. A key of 8 characters or fewer is masked entirely, since 4 of 8 would give away half.
 * Secret keys are never shown in any form.
 */
export function maskAccessKey(accessKey: string): string {
  const visible = accessKey.length > 8 ? accessKey.slice(-4) : '';
  return `••••${visible}`;
}
