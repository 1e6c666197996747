/**
 * Whether a cluster list has a page after `pageIndex` (docs/scp-api.md "SKE clusters"): `count` is the total and may be null;
 * a short page ends the list; a page LONGER than asked means the API ignored `size` and sent everything.
 */
export function pageHasMore(pageIndex: number, size: number, received: number, count: number | null): boolean {
  if (received !== size) return false;
  if (count === null) return true;
  return (pageIndex + 1) * size < count;
}
