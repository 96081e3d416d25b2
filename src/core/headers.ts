/** Matching a team's own headers and tab names to the specs (adoption). */
import type { ColumnKeyOf, ColumnSpec, TabShape, TabSpec } from './spec/types';

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
  /** Spec columns the sheet lacks, in spec order (of its shape's columns, when the tab has shapes). */
  missing: ColumnSpec[];
  /** Columns OpsPlan does not know: kept, never touched (in a RACI matrix, the person columns). */
  unknown: number[];
  /** The shape the header shows, when the spec has shapes (see TabShape). */
  shape: TabShape | undefined;
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
  const blank = headerRow.every((cell) => !normalizeName(cell));
  const shape = shapeOf(tab, blank, (key) => byKey.has(key as K));
  const optional = blank ? [] : (shape?.optional ?? []);
  const missing = tab.columns.filter(
    (c) => !byKey.has(c.key as K) && (!shape || (shape.columns.includes(c.key) && !optional.includes(c.key))),
  );
  return { byKey, missing, unknown, duplicates, matchedBy, shape };
}

/** The first shape whose marks the header has; a blank header gets the first, no match the last. */
function shapeOf(tab: TabSpec, blank: boolean, has: (key: string) => boolean): TabShape | undefined {
  const shapes = tab.shapes ?? [];
  if (blank) return shapes[0];
  return (
    shapes.find((s) => s.detect.some(has)) ??
    shapes.find((s) => s.detect.length === 0) ??
    shapes[shapes.length - 1]
  );
}

/** The sheet that plays a tab's part: its default name first, then an alias (case-insensitive). */
export function findTab<T extends { name: string }>(tab: TabSpec, sheets: readonly T[]): T | undefined {
  const byName = new Map(sheets.map((s) => [normalizeName(s.name), s] as const));
  return (
    byName.get(normalizeName(tab.name)) ??
    tab.aliases.map((a) => byName.get(normalizeName(a))).find((s) => s !== undefined)
  );
}
