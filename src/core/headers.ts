/** Matching a team's own headers and tab names to the specs (adoption). */
import type { ColumnKeyOf, ColumnSpec, TabSpec } from './spec/types';

/** Case-, space- and punctuation-insensitive form of a header or tab name. */
export function normalizeName(text: unknown): string {
  return String(text ?? '')
    .toLowerCase()
    .replace(/[\u2010-\u2015_\-./:()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface HeaderMap<K extends string = string> {
  /** Column key → 0-based column index on the sheet. */
  byKey: Map<K, number>;
  /** Spec columns the sheet lacks, in spec order. */
  missing: ColumnSpec[];
  /** Columns OpsPlan does not know: kept, never touched (on RACI, the person columns). */
  unknown: number[];
  /** A second column that also matches an already-mapped spec column. */
  duplicates: { key: K; index: number }[];
  /** How each mapped column was recognised, for the preview. */
  matchedBy: Map<K, { header: string; viaAlias: boolean }>;
}

export function mapHeaders<T extends TabSpec>(
  tab: T,
  headerRow: readonly unknown[],
): HeaderMap<ColumnKeyOf<T>> {
  type K = ColumnKeyOf<T>;
  const names = new Map<string, ColumnSpec>();
  // Exact default headers first, so "Status" on Goals is Status even if another column aliases it.
  for (const column of tab.columns) names.set(normalizeName(column.header), column);
  for (const column of tab.columns)
    for (const alias of column.aliases ?? [])
      if (!names.has(normalizeName(alias))) names.set(normalizeName(alias), column);
  const byKey = new Map<K, number>();
  const matchedBy = new Map<K, { header: string; viaAlias: boolean }>();
  const unknown: number[] = [];
  const duplicates: { key: K; index: number }[] = [];
  headerRow.forEach((cell, index) => {
    const name = normalizeName(cell);
    if (!name) return;
    const column = names.get(name);
    if (!column) return unknown.push(index);
    const key = column.key as K;
    if (byKey.has(key)) return duplicates.push({ key, index });
    byKey.set(key, index);
    matchedBy.set(key, { header: String(cell), viaAlias: name !== normalizeName(column.header) });
  });
  const missing = tab.columns.filter((c) => !byKey.has(c.key as K));
  return { byKey, missing, unknown, duplicates, matchedBy };
}

/** The sheet that plays a tab's part: its default name first, then an alias (case-insensitive). */
export function findTab<T extends { name: string }>(tab: TabSpec, sheets: readonly T[]): T | undefined {
  const byName = new Map(sheets.map((s) => [normalizeName(s.name), s] as const));
  return (
    byName.get(normalizeName(tab.name)) ??
    tab.aliases.map((a) => byName.get(normalizeName(a))).find((s) => s !== undefined)
  );
}
