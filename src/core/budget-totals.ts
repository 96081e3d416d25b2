/**
 * The Budget tab's totals (docs/ARCHITECTURE.md, "Budget totals"): OpsPlan's own cells in the header
 * row, to the right of the table after one empty column, each a label and a native formula that sums
 * a whole column. The header row is never sorted, filtered or deleted with budget lines and is never
 * read as one, and a whole-column sum counts every line however it was added (appended, inserted,
 * pasted), so the totals stay right with no script running.
 */
import { columnLetters, literal } from './cells';
import { normalizeName } from './headers';
import type { KeyOf } from './tables';

type BudgetKey = Extract<KeyOf<'budget'>, 'plannedTotal' | 'actual'>;
/** A whole column by spec key, e.g. K:K. */
type ColumnRange = (key: BudgetKey) => string;

export const BUDGET_TOTALS = [
  {
    label: 'Total planned',
    formula: (col: ColumnRange) => `=SUM(${col('plannedTotal')})`,
    note: 'Computed by OpsPlan: the sum of the whole Planned total column, so every line you add is counted.',
  },
  {
    label: 'Total actual',
    formula: (col: ColumnRange) => `=SUM(${col('actual')})`,
    note: 'Computed by OpsPlan: the sum of the whole Actual column.',
  },
  {
    label: 'Total variance',
    formula: (col: ColumnRange) => `=SUM(${col('plannedTotal')})-SUM(${col('actual')})`,
    note: 'Computed by OpsPlan: Total planned − Total actual (negative means over budget).',
  },
] as const;

/** Cells the block spans: a label and its value per total. */
export const TOTALS_WIDTH = BUDGET_TOTALS.length * 2;

export interface TotalsBlock {
  /** 1-based first column of the block, in row 1. */
  column: number;
  /** Row 1 from `column`: label, formula, label, formula… (labels as literal text). */
  cells: string[];
  /** Number format of each cell: text for labels, the budget's money format for totals. */
  formats: string[];
  /** Notes for the label cells. */
  notes: { column: number; note: string }[];
}

/**
 * The 0-based column where the header row holds OpsPlan's totals block (its first label), or -1.
 * OpsPlan writes the block once, into empty cells, and never again: a block found is left as it is.
 */
export function totalsAt(header: readonly unknown[]): number {
  const first = normalizeName(BUDGET_TOTALS[0].label);
  return header.findIndex((cell) => normalizeName(cell) === first);
}

/** The header-row columns (0-based) a found block spans, so Set up does not list them as the team's. */
export function totalsColumns(header: readonly unknown[]): Set<number> {
  const at = totalsAt(header);
  return new Set(at < 0 ? [] : Array.from({ length: TOTALS_WIDTH }, (_, i) => at + i));
}

/**
 * The block to write at `column` (1-based), from where the tab has its columns (0-based), or
 * undefined when Planned total or Actual has no column.
 */
export function budgetTotals(
  columnOf: ReadonlyMap<string, number>,
  column: number,
  moneyFormat: string,
): TotalsBlock | undefined {
  const [planned, actual] = [columnOf.get('plannedTotal'), columnOf.get('actual')];
  if (planned === undefined || actual === undefined) return undefined;
  const col: ColumnRange = (key) => {
    const letters = columnLetters((key === 'actual' ? actual : planned) + 1);
    return `${letters}:${letters}`;
  };
  return {
    column,
    cells: BUDGET_TOTALS.flatMap((t) => [literal(t.label), t.formula(col)]),
    formats: BUDGET_TOTALS.flatMap(() => ['@', moneyFormat]),
    notes: BUDGET_TOTALS.map((t, i) => ({ column: column + 2 * i, note: t.note })),
  };
}
