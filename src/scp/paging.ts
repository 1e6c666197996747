/** One page as an SCP list API returns it: `count` is the total over all pages, possibly null. */
export interface Page<T> {
  items: T[];
  count?: number | null;
}

export interface NumberedPage<T> extends Page<T> {
  /** 0-based, as SCP numbers pages. */
  page: number;
}

export type FetchPage<T> = (page: number, size: number) => Promise<Page<T>>;

/** Guards against a server that ignores `page` and `count` and answers full pages forever. */
const DEFAULT_MAX_PAGES = 10_000;

/**
 * Yields pages 0, 1, 2, ... until one of: a short page, `(page + 1) * size >= count`, or a page longer
 * than `size` (the server ignored `size` and sent everything; SCP-API.md says some list APIs do).
 */
export async function* pages<T>(fetchPage: FetchPage<T>, size: number, maxPages: number = DEFAULT_MAX_PAGES): AsyncGenerator<NumberedPage<T>> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`Page size must be a positive integer, got ${size}`);
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(page, size);
    yield { ...result, page };
    if (isLastPage(page, size, result)) return;
  }
}

/** Whether no page follows `page` (see `pages`). */
export function isLastPage(page: number, size: number, result: Page<unknown>): boolean {
  if (result.items.length !== size) return true;
  const count = result.count;
  return typeof count === 'number' && (page + 1) * size >= count;
}

/** Every item of every page, in order. */
export async function collectAll<T>(fetchPage: FetchPage<T>, size: number, maxPages?: number): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages(fetchPage, size, maxPages)) all.push(...page.items);
  return all;
}
