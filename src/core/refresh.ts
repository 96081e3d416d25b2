/**
 * Which formula cells Refresh may write, as blocks: the pure half of Refresh KPI status.
 *
 * A computed cell is OpsPlan's to write when it is blank, or when it holds a formula OpsPlan
 * recognises as its own: the formula it builds for that column, compared without spaces, case or
 * row numbers (a cut-and-pasted row keeps its old row numbers), or one an earlier OpsPlan version
 * built (src/core/formulas-earlier.ts), which Refresh upgrades. Anything else there — a typed
 * value, or a formula the team wrote — is kept and reported, never overwritten: when in doubt, it
 * is the team's.
 */
import { columnLetters } from './cells';
import { buildFormula } from './formulas';
import { earlierFormulas } from './formulas-earlier';
import type { ColumnSpec, FormulaKey } from './spec/types';
import type { Table } from './tables';
import { isBlank, preview } from './values';

/** One cell Refresh writes, with what it held when read ('' for a blank cell). */
export interface FormulaCell {
  /** 1-based. */
  row: number;
  column: number;
  formula: string;
  read: string;
  header: string;
}

export interface FormulaBlock {
  /** 1-based top-left cell. */
  row: number;
  column: number;
  /** Every cell of the block is written: the block holds only cells whose formula is missing or differs. */
  cells: FormulaCell[][];
}

export interface FormulaConflict {
  row: number;
  column: number;
  header: string;
  /** A typed value, or a formula OpsPlan did not write: kept as it is, and reported. */
  kind: 'value' | 'formula';
  value: string;
}

export interface FormulaPlan {
  blocks: FormulaBlock[];
  /** Cells of formula columns holding what the team put there: kept, reported. */
  conflicts: FormulaConflict[];
  /** Formula columns that cannot be built because a column they read is missing. */
  unbuildable: { header: string; missing: string }[];
  /** Named rows (ID or name filled in): the rows that get formulas. */
  dataRows: number;
}

const ROW_MARK = '\u0000';
const sameFormula = (a: string, b: string) =>
  a === b || a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

/** A1 references (A7, $A$7, A$7) outside string literals, with their row number. */
const CELL_REFERENCE = /(^|[^A-Z0-9_.$])(\$?[A-Z]{1,3}\$?)\d+(?![A-Z0-9_(!])/g;

/**
 * A formula as OpsPlan compares it: no spaces, upper case and row numbers masked outside string
 * literals; the literals themselves as they are.
 */
export function formulaShape(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(/\s+/g, '').toUpperCase().replace(CELL_REFERENCE, '$1$2#'),
    )
    .join('');
}

/** Whether a formula is the one OpsPlan builds for the column (any row). */
export const isOwnFormula = (formula: string, own: string): boolean =>
  formulaShape(formula) === formulaShape(own);

/** The cells to write as rectangles: runs of adjacent columns in a row, stacked over adjacent rows. */
export function formulaBlocks(cells: readonly FormulaCell[]): FormulaBlock[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const blocks: FormulaBlock[] = [];
  const open = new Map<string, FormulaBlock>(); // "first:last column" → block ending on the previous row
  let segment: FormulaCell[] = [];
  const close = () => {
    if (!segment.length) return;
    const first = segment[0]!;
    const key = `${first.column}:${segment.length}`;
    const block = open.get(key);
    if (block && block.row + block.cells.length === first.row) block.cells.push(segment);
    else {
      const fresh = { row: first.row, column: first.column, cells: [segment] };
      blocks.push(fresh);
      open.set(key, fresh);
    }
    segment = [];
  };
  for (const cell of sorted) {
    const last = segment[segment.length - 1];
    if (last && (last.row !== cell.row || last.column + 1 !== cell.column)) close();
    segment.push(cell);
  }
  close();
  return blocks;
}

/**
 * The formula cells of a tab read with its formulas: what to write, and what to keep and report.
 * `firstRow` is the sheet row of the table's first body row: 2 for a whole tab, or the first
 * edited row when only some rows were read (live rows).
 */
export function formulaPlan(table: Table, firstRow = 2): FormulaPlan {
  const { spec, map } = table;
  const rows = table.input.rows;
  const formulas = table.input.formulas ?? [];
  const unbuildable: FormulaPlan['unbuildable'] = [];
  const columns: {
    spec: ColumnSpec;
    index: number;
    build: (row: number) => string;
    /** Shapes of what earlier versions wrote in this column: OpsPlan's own too (formulas-earlier.ts). */
    earlier: Set<string>;
  }[] = [];
  for (const column of spec.columns) {
    if (column.type !== 'formula' || !map.byKey.has(column.key)) continue;
    const index = map.byKey.get(column.key)!;
    try {
      const ref = (key: string) => {
        const at = map.byKey.get(key);
        if (at === undefined) throw new MissingColumn(spec.columns.find((c) => c.key === key)?.header ?? key);
        return `${columnLetters(at + 1)}${ROW_MARK}`;
      };
      // Built once with a row marker, then stamped per row: 10,000 rows cost a join each.
      const parts = buildFormula(column.formula as FormulaKey, ref).split(ROW_MARK);
      const earlier = new Set(
        earlierFormulas(column.formula as FormulaKey, ref).map((f) =>
          formulaShape(f.split(ROW_MARK).join('2')),
        ),
      );
      columns.push({ spec: column, index, build: (row: number) => parts.join(String(row)), earlier });
    } catch (e) {
      if (!(e instanceof MissingColumn)) throw e;
      unbuildable.push({ header: column.header, missing: e.header });
    }
  }
  const conflicts: FormulaConflict[] = [];
  const cells: FormulaCell[] = [];
  let dataRows = 0;
  rows.forEach((line, i) => {
    const row = i + firstRow;
    const named = table.getsFormulas(i);
    if (named) dataRows++;
    for (const c of columns) {
      const column = c.index + 1;
      const current = formulas[i]?.[c.index] ?? '';
      const value = line[c.index];
      const header = c.spec.header;
      const own = c.build(row);
      const want = named ? own : '';
      if (current === '') {
        if (!isBlank(value)) conflicts.push({ row, column, header, kind: 'value', value: preview(value) });
        else if (want) cells.push({ row, column, formula: want, read: '', header });
      } else if (!sameFormula(current, want)) {
        if (isOwnFormula(current, own) || c.earlier.has(formulaShape(current)))
          cells.push({ row, column, formula: want, read: current, header });
        else conflicts.push({ row, column, header, kind: 'formula', value: preview(current) });
      }
    }
  });
  return { blocks: formulaBlocks(cells), conflicts, unbuildable, dataRows };
}

class MissingColumn extends Error {
  constructor(readonly header: string) {
    super(header);
  }
}
