/** The `Scp-Api-Version` values the emulator serves, per product (`<product> <x.y>`). */
export const SUPPORTED_API_VERSIONS: Readonly<Record<ApiProduct, readonly string[]>> = {
  ske: ['1.0'],
  'cloud-ml': ['1.0'],
};

export type ApiProduct = 'ske' | 'cloud-ml';

/** True when the header is absent (the server then uses the current version) or names a served version. */
export function isSupportedApiVersion(header: string | undefined, product: ApiProduct): boolean {
  if (header === undefined) return true;
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(header);
  if (!match) return false;
  const [, name, version] = match;
  return name?.toLowerCase() === product && SUPPORTED_API_VERSIONS[product].includes(version ?? '');
}
