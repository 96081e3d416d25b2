/**
 * Live rows: what an edit of some rows of a plan tab calls for, without Refresh. The computed
 * cells of exactly those rows (under Refresh's ownership rules: only blank cells or OpsPlan's own
 * formulas), and the check-in stamps: a new Actual stamps Updated with today when Updated is empty
 * or older; State set to Done stamps Completed when Completed is empty (a date someone entered is
 * theirs, as in My items). Pure: the onEdit adapter reads the rows and writes the result.
 */
import { type FormulaBlock, type FormulaConflict, formulaPlan } from './refresh';
import type { TabSpec } from './spec/types';
import { readTable, type TabInput } from './tables';
import { isoFromDay } from './values';

/** The rows and columns a person edited (1-based, inclusive of the first, counts of each). */
export interface EditedRange {
  row: number;
  numRows: number;
  column: number;
  numColumns: number;
}

export interface LiveRowsPlan {
  formulas: FormulaBlock[];
  conflicts: FormulaConflict[];
  /** Date cells to stamp, as ISO dates (Sheets reads them as dates in the column's format). */
  stamps: { row: number; column: number; value: string }[];
}

/** The tabs live rows serve: those with computed columns or check-in stamps. */
export const LIVE_TAB_KEYS = ['goals', 'budget', 'timeline', 'risks'] as const;

/**
 * `rows` and `formulas` are the edited rows only (sheet rows edit.row onward), as wide as the
 * header; the header is row 1 as read.
 */
export function liveRowsPlan(
  spec: TabSpec,
  input: Omit<TabInput, 'rows' | 'formulas'> & {
    rows: TabInput['rows'];
    formulas: NonNullable<TabInput['formulas']>;
  },
  edit: EditedRange,
  today: number,
): LiveRowsPlan {
  const table = readTable(spec, input);
  const plan = formulaPlan(table, edit.row);
  const edited = (key: string) => {
    const index = table.map.byKey.get(key);
    return index !== undefined && index + 1 >= edit.column && index + 1 < edit.column + edit.numColumns;
  };
  const columnOf = (key: string) => table.map.byKey.get(key)! + 1;
  const stamps: LiveRowsPlan['stamps'] = [];
  // Row objects number body rows from 2; the read started at edit.row.
  const sheetRow = (bodyRow: number) => edit.row + bodyRow - 2;
  for (const row of table.records) {
    if (spec.key === 'goals' && edited('actual') && table.hasColumn('updated') && row.has('actual')) {
      const updated = row.num('updated');
      if (updated === null || updated < today)
        stamps.push({ row: sheetRow(row.row), column: columnOf('updated'), value: isoFromDay(today) });
    }
    if (
      spec.key === 'timeline' &&
      edited('state') &&
      table.hasColumn('completed') &&
      row.text('state') === 'Done' &&
      !row.has('completed')
    )
      stamps.push({ row: sheetRow(row.row), column: columnOf('completed'), value: isoFromDay(today) });
  }
  return { formulas: plan.blocks, conflicts: plan.conflicts, stamps };
}
