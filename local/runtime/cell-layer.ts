import type { GridRect } from './a1.js';

/** A sparse per-cell property layer (formats, notes, colours, validation) of one sheet. */
export class CellLayer<T> {
  private cells = new Map<number, T>();

  private static key(row: number, column: number): number {
    return row * 20_000 + column;
  }

  get(row: number, column: number): T | undefined {
    return this.cells.get(CellLayer.key(row, column));
  }

  set(row: number, column: number, value: T | undefined): void {
    const k = CellLayer.key(row, column);
    if (value === undefined) this.cells.delete(k);
    else this.cells.set(k, value);
  }

  fill(rect: GridRect, value: T | undefined): void {
    for (let r = rect.row; r < rect.row + rect.numRows; r++)
      for (let c = rect.column; c < rect.column + rect.numColumns; c++) this.set(r, c, value);
  }

  grid(rect: GridRect): (T | undefined)[][] {
    const out: (T | undefined)[][] = [];
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      const line: (T | undefined)[] = [];
      for (let c = rect.column; c < rect.column + rect.numColumns; c++) line.push(this.get(r, c));
      out.push(line);
    }
    return out;
  }

  /** Moves cells at or after `from` by `count` rows (or columns), as inserting or deleting does. */
  shift(axis: 'row' | 'column', from: number, count: number): void {
    const next = new Map<number, T>();
    for (const [k, v] of this.cells) {
      let row = Math.floor(k / 20_000);
      let column = k % 20_000;
      if (axis === 'row' && row >= from) row += count;
      if (axis === 'column' && column >= from) column += count;
      if (row >= 1 && column >= 1) next.set(CellLayer.key(row, column), v);
    }
    this.cells = next;
  }

  /** Every set cell as [A1-style row, column, value], for snapshots and comparisons. */
  entries(): [number, number, T][] {
    return [...this.cells.entries()]
      .map(([k, v]) => [Math.floor(k / 20_000), k % 20_000, v] as [number, number, T])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }

  clear(): void {
    this.cells.clear();
  }

  get size(): number {
    return this.cells.size;
  }
}
