import type { PickItem } from './userInput';

/**
 * The rows of a progressive pick as they arrive: appended, or kept in `order` (a ranked list) when one is given.
 * After each arrival it says which row the cursor rests on: in a ranked list the best row until the user moves,
 * otherwise the row the user is on, else the caller's `activeValue` once its row has come. No vscode here.
 */
export class ProgressiveRows<T, R extends { value?: T }> {
  private readonly rows: R[] = [];
  /** The rows as the caller gave them, for `order` (every row comes from one). */
  private readonly itemOf = new Map<R, PickItem<T>>();

  constructor(
    private readonly toRow: (item: PickItem<T>) => R,
    private readonly order?: (a: PickItem<T>, b: PickItem<T>) => number,
    private readonly activeValue?: T,
  ) {}

  get all(): readonly R[] {
    return this.rows;
  }

  /** Adds `items`; returns the row to make active (undefined: leave the cursor alone). */
  add(items: readonly PickItem<T>[], active: R | undefined): R | undefined {
    const onTop = this.order !== undefined && (active === undefined || active === this.rows[0]);
    for (const item of items) {
      const row = this.toRow(item);
      this.itemOf.set(row, item);
      this.rows.push(row);
    }
    const order = this.order;
    if (order) this.rows.sort((a, b) => order(this.itemOf.get(a)!, this.itemOf.get(b)!));
    const keep = onTop ? this.rows[0] : (active ?? this.rows.find((row) => this.activeValue !== undefined && row.value === this.activeValue));
    return keep !== undefined && this.rows.includes(keep) ? keep : undefined;
  }
}
