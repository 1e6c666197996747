/**
 * Waits until `condition` holds (checked every 50 ms); fails with `what`, and what `seen` reports, when it does
 * not within `withinMs`.
 */
export async function until(what: string, condition: () => boolean, withinMs = 20_000, seen?: () => string): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}${seen ? ` (${seen()})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
