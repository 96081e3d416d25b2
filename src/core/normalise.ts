/**
 * Values as people type them, written the canonical way: "done " becomes Done, " high" High, and a
 * number pasted as text ("97") the number. OpsPlan already reads the words the way the formulas do
 * (trimmed, non-breaking spaces as spaces, any case); writing them canonically keeps filters,
 * pivot tables and dropdown validation right too, and makes numbers count in the formulas.
 * Pure: Check reports each cell, and the Normalise values fix rewrites exactly these cells.
 */
import * as z from 'zod/mini';

import { a1 } from './cells';
import type { ColumnSpec, TabKey } from './spec/types';
import { SCALE_WORDS } from './spec/vocab';
import type { PlanTables, Table } from './tables';
import { type CellValue, comparableText, parseCell } from './values';

/** One cell whose value is understood but not written canonically. */
export interface Normalisation {
  tab: TabKey;
  sheetName: string;
  /** 1-based sheet row and column. */
  row: number;
  column: number;
  cell: string;
  header: string;
  /** What the cell holds (always text) and what it becomes. */
  from: string;
  to: string | number;
  kind: 'word' | 'number';
}

const NUMBER_TYPES: ReadonlySet<ColumnSpec['type']> = new Set([
  'number',
  'integer',
  'money',
  'hours',
  'percent',
]);

/** The canonical spelling of a scale word (the case the vocabulary gives it), by its lower case. */
const SCALE_CANONICAL: ReadonlyMap<string, string | number> = new Map(
  Object.entries(SCALE_WORDS).flatMap(([n, words]): [string, string | number][] => [
    [n, Number(n)],
    ...words.map((w): [string, string] => [w.toLowerCase(), w]),
  ]),
);

/** The canonical value of a cell, when it differs from what the cell holds; undefined otherwise. */
export function canonicalValue(
  column: ColumnSpec,
  raw: CellValue,
): { to: string | number; kind: Normalisation['kind'] } | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  if (column.type === 'choice') {
    const parsed = parseCell(column, raw);
    return parsed.ok && typeof parsed.value === 'string' && parsed.value !== raw
      ? { to: parsed.value, kind: 'word' }
      : undefined;
  }
  if (column.type === 'scale') {
    const to = SCALE_CANONICAL.get(comparableText(raw).toLowerCase());
    return to !== undefined && to !== raw ? { to, kind: 'word' } : undefined;
  }
  if (NUMBER_TYPES.has(column.type)) {
    const parsed = parseCell(column, raw);
    return parsed.ok && typeof parsed.value === 'number' ? { to: parsed.value, kind: 'number' } : undefined;
  }
  return undefined;
}

/** Tabs whose data cells are normalised (the RACI letters and settings are read as they are). */
const NORMALISED_TABS = ['people', 'goals', 'budget', 'timeline', 'risks'] as const;

function tableNormalisations(key: TabKey, table: Table): Normalisation[] {
  const columns = table.spec.columns.flatMap((spec) => {
    const index = table.map.byKey.get(spec.key);
    return spec.type === 'formula' || index === undefined ? [] : [{ spec, index }];
  });
  const found: Normalisation[] = [];
  for (const row of table.records)
    for (const { spec, index } of columns) {
      const raw = row.raw[index] ?? '';
      const canonical = canonicalValue(spec, raw);
      if (!canonical) continue;
      found.push({
        tab: key,
        sheetName: table.sheetName,
        row: row.row,
        column: index + 1,
        cell: a1(row.row, index + 1),
        header: table.headerOf(spec.key),
        from: String(raw),
        ...canonical,
      });
    }
  return found;
}

/** Every cell of the plan to normalise, tab by tab, in sheet order. */
export function normalisations(tables: PlanTables): Normalisation[] {
  return NORMALISED_TABS.flatMap((key) => {
    const table = tables[key] as Table | undefined;
    return table ? tableNormalisations(key, table) : [];
  });
}

/** Most cells one Normalise values call takes: a bound on what the sidebar can send. */
export const MAX_NORMALISE_CELLS = 20_000;

/** The cells the sidebar asks to rewrite: each as the preview showed it. */
export const NormaliseSelectionSchema = z
  .array(
    z.object({
      sheet: z.string().check(z.minLength(1), z.maxLength(1_000)),
      cell: z.string().check(z.regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/)),
      from: z.string().check(z.maxLength(50_000)),
    }),
  )
  .check(z.maxLength(MAX_NORMALISE_CELLS));
export type NormaliseSelection = z.infer<typeof NormaliseSelectionSchema>;

/**
 * The normalisations to apply now: those the user saw in the preview whose cell still holds what
 * the preview showed. Anything else (a cell edited since, an address the preview never gave) is
 * skipped, so the fix rewrites only cells the user approved.
 */
export function selectNormalisations(
  current: readonly Normalisation[],
  selection: NormaliseSelection,
): { apply: Normalisation[]; skipped: number } {
  const wanted = new Map(selection.map((s) => [`${s.sheet}!${s.cell}`, s.from]));
  const apply = current.filter((n) => wanted.get(`${n.sheetName}!${n.cell}`) === n.from);
  return { apply, skipped: wanted.size - apply.length };
}

/** Cells grouped into blocks of adjacent rows of one column of one tab: one write per block. */
export function normalisationBlocks(
  cells: readonly Normalisation[],
): { sheetName: string; row: number; column: number; values: (string | number)[] }[] {
  const sorted = [...cells].sort(
    (a, b) => a.sheetName.localeCompare(b.sheetName) || a.column - b.column || a.row - b.row,
  );
  const blocks: { sheetName: string; row: number; column: number; values: (string | number)[] }[] = [];
  for (const n of sorted) {
    const last = blocks[blocks.length - 1];
    if (
      last &&
      last.sheetName === n.sheetName &&
      last.column === n.column &&
      last.row + last.values.length === n.row
    )
      last.values.push(n.to);
    else blocks.push({ sheetName: n.sheetName, row: n.row, column: n.column, values: [n.to] });
  }
  return blocks;
}
