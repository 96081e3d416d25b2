/** A1 notation: parsing and formatting of cell and range addresses. */

export interface GridRect {
  row: number; // 1-based
  column: number; // 1-based
  numRows: number;
  numColumns: number;
}

export function columnToLetters(column: number): string {
  let s = '';
  let n = column;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1Of(rect: GridRect): string {
  const start = `${columnToLetters(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${columnToLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/**
 * Parses `A1`, `A1:C3`, `A:C` (whole columns) and `2:4` (whole rows), optionally with a
 * `'Sheet name'!` prefix. Whole columns or rows extend to the sheet's size. Returns null for
 * anything Sheets would reject.
 */
export function parseA1(
  notation: string,
  maxRows: number,
  maxColumns: number,
): { sheetName?: string; rect: GridRect } | null {
  let text = notation.trim();
  let sheetName: string | undefined;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = text.slice(0, bang);
    if (sheetName.startsWith("'") && sheetName.endsWith("'"))
      sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const parts = text.split(':');
  if (parts.length < 1 || parts.length > 2 || parts.some((p) => p === '')) return null;
  const cells = parts.map((p) => CELL.exec(p));
  if (cells.some((m) => !m || (!m[1] && !m[2]))) return null;
  const [a, b] = [cells[0]!, cells[1] ?? cells[0]!];
  if (parts.length === 1 && (!a[1] || !a[2])) return null;
  const colA = a[1] ? lettersToColumn(a[1]) : 1;
  const colB = b[1] ? lettersToColumn(b[1]) : maxColumns;
  const rowA = a[2] ? Number(a[2]) : 1;
  const rowB = b[2] ? Number(b[2]) : maxRows;
  if (rowA < 1 || rowB < 1) return null;
  const row = Math.min(rowA, rowB);
  const column = Math.min(colA, colB);
  return {
    sheetName,
    rect: { row, column, numRows: Math.abs(rowB - rowA) + 1, numColumns: Math.abs(colB - colA) + 1 },
  };
}
