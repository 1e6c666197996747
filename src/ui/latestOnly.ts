/** The result of one LatestOnly run: its value, or `stale` when a newer run started meanwhile. */
export type LatestResult<T> = { stale: false; value: T } | { stale: true };

/**
 * Keeps only the newest of overlapping async results (validation while typing: a slow check of "ab" must
 * never overwrite the quick answer for "abc"). Each run takes a ticket; its result counts only if no newer
 * run started and nobody called invalidate() before it settled. No vscode here, so it is unit-tested in Node.
 */
export class LatestOnly {
  private generation = 0;

  async run<T>(work: () => T | Promise<T>): Promise<LatestResult<T>> {
    const ticket = ++this.generation;
    try {
      const value = await work();
      return ticket === this.generation ? { stale: false, value } : { stale: true };
    } catch (error) {
      // A stale failure is as irrelevant as a stale success.
      if (ticket !== this.generation) return { stale: true };
      throw error;
    }
  }

  /** Makes every run still in flight stale (e.g. the box was accepted or closed). */
  invalidate(): void {
    this.generation++;
  }
}
