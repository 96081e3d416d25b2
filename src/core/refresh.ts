/** Which formula cells to (re)write, as blocks: the pure half of Refresh KPI status. */
import { columnLetters, contiguousRuns } from './cells';
import { buildFormula } from './formulas';
import type { ColumnSpec, FormulaKey } from './spec/types';
import type { Table } from './tables';
import { isBlank, preview } from './values';

export interface FormulaBlock {
  /** 1-based top-left cell. */
  row: number;
  column: number;
  formulas: string[][];
}

export interface FormulaConflict {
  row: number;
  column: number;
  header: string;
  value: string;
}

export interface FormulaPlan {
  blocks: FormulaBlock[];
  /** Cells of formula columns holding a value someone typed: kept, reported. */
  conflicts: FormulaConflict[];
  /** Formula columns that cannot be built because a column they read is missing. */
  unbuildable: { header: string; missing: string }[];
  /** Data rows that got formulas. */
  dataRows: number;
}

const ROW_MARK = '\u0000';
const sameFormula = (a: string, b: string) =>
  a === b || a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

/** The formula cells of a tab read with its formulas: what to write, and what to keep and report. */
export function formulaPlan(table: Table): FormulaPlan {
  const { spec, map } = table;
  const rows = table.input.rows;
  const formulas = table.input.formulas ?? [];
  const unbuildable: FormulaPlan['unbuildable'] = [];
  const columns: { spec: ColumnSpec; index: number; build: (row: number) => string }[] = [];
  for (const column of spec.columns) {
    if (column.type !== 'formula' || !map.byKey.has(column.key)) continue;
    const index = map.byKey.get(column.key)!;
    try {
      // Built once with a row marker, then stamped per row: 10,000 rows cost a join each.
      const parts = buildFormula(column.formula as FormulaKey, (key) => {
        const at = map.byKey.get(key);
        if (at === undefined) throw new MissingColumn(spec.columns.find((c) => c.key === key)?.header ?? key);
        return `${columnLetters(at + 1)}${ROW_MARK}`;
      }).split(ROW_MARK);
      columns.push({ spec: column, index, build: (row: number) => parts.join(String(row)) });
    } catch (e) {
      if (!(e instanceof MissingColumn)) throw e;
      unbuildable.push({ header: column.header, missing: e.header });
    }
  }
  const conflicts: FormulaConflict[] = [];
  let dataRows = 0;
  // Per row and formula column: the formula wanted, null to keep the cell as it is.
  const wanted: (string | null)[][] = rows.map((row, i) => {
    const hasData = table.hasData(i);
    if (hasData) dataRows++;
    return columns.map((c) => {
      const current = formulas[i]?.[c.index] ?? '';
      const value = row[c.index];
      if (current === '' && !isBlank(value)) {
        conflicts.push({ row: i + 2, column: c.index + 1, header: c.spec.header, value: preview(value) });
        return null;
      }
      const want = hasData ? c.build(i + 2) : '';
      return sameFormula(want, current) ? null : want;
    });
  });
  const conflictCells = new Set(conflicts.map((c) => `${c.row}:${c.column}`));
  const blocks: FormulaBlock[] = [];
  const runs = contiguousRuns(columns.map((c, k) => ({ column: c.index + 1, k })));
  for (const run of runs) {
    let start = -1;
    const flush = (end: number) => {
      if (start < 0) return;
      const slice = wanted.slice(start, end);
      if (slice.some((line) => run.some(({ k }) => line[k] !== null))) {
        blocks.push({
          row: start + 2,
          column: run[0]!.column,
          formulas: slice.map((line, j) =>
            run.map(({ k }) => line[k] ?? formulas[start + j]?.[columns[k]!.index] ?? ''),
          ),
        });
      }
      start = -1;
    };
    for (let i = 0; i <= rows.length; i++) {
      const blocked = i === rows.length || run.some(({ column }) => conflictCells.has(`${i + 2}:${column}`));
      if (blocked) flush(i);
      else if (start < 0) start = i;
    }
  }
  return { blocks, conflicts, unbuildable, dataRows };
}

class MissingColumn extends Error {
  constructor(readonly header: string) {
    super(header);
  }
}
