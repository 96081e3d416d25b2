/** Matching a team's own headers and tab names to the specs (adoption). */
import type { ColumnSpec, TabSpec } from './spec/types';

/** Case-, space- and punctuation-insensitive form of a header or tab name. */
export function normalizeName(text: unknown): string {
  return String(text ?? '')
    .toLowerCase()
    .replace(/[\u2010-\u2015_\-./:()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface HeaderMap {
  /** Column key → 0-based column index on the sheet. */
  byKey: Map<string, number>;
  /** Spec columns the sheet lacks, in spec order. */
  missing: ColumnSpec[];
  /** Columns OpsPlan does not know: kept, never touched (on RACI, the person columns). */
  unknown: number[];
  /** A second column that also matches an already-mapped spec column. */
  duplicates: { key: string; index: number }[];
  /** How each mapped column was recognised, for the preview. */
  matchedBy: Map<string, { header: string; viaAlias: boolean }>;
}

export function mapHeaders(tab: TabSpec, headerRow: readonly unknown[]): HeaderMap {
  const names = new Map<string, ColumnSpec>();
  // Exact default headers first, so "Status" on Goals is Status even if another column aliases it.
  for (const column of tab.columns) names.set(normalizeName(column.header), column);
  for (const column of tab.columns)
    for (const alias of column.aliases ?? [])
      if (!names.has(normalizeName(alias))) names.set(normalizeName(alias), column);
  const byKey = new Map<string, number>();
  const matchedBy = new Map<string, { header: string; viaAlias: boolean }>();
  const unknown: number[] = [];
  const duplicates: { key: string; index: number }[] = [];
  headerRow.forEach((cell, index) => {
    const name = normalizeName(cell);
    if (!name) return;
    const column = names.get(name);
    if (!column) return unknown.push(index);
    if (byKey.has(column.key)) return duplicates.push({ key: column.key, index });
    byKey.set(column.key, index);
    matchedBy.set(column.key, { header: String(cell), viaAlias: name !== normalizeName(column.header) });
  });
  const missing = tab.columns.filter((c) => !byKey.has(c.key));
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
