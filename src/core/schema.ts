/**
 * zod row schemas, derived from the tab specs (never written beside them): one field per spec
 * column, each parsing the cell as people write it and failing with the reason when it cannot.
 */
// zod/mini: the same schemas at a fraction of the bundle size (Apps Script parses Code.js on every run).
import * as z from 'zod/mini';

import type { ColumnSpec, TabSpec } from './spec/types';
import { parseCell, type ParsedCell } from './values';

export function cellSchema(column: ColumnSpec): z.ZodMiniType<ParsedCell | null> {
  return z.pipe(
    z.unknown(),
    z.transform((value, ctx) => {
      const parsed = parseCell(column, value);
      if (!parsed.ok) {
        ctx.issues.push({
          code: 'custom',
          message: parsed.problem,
          input: value,
          params: { column: column.key },
        });
        return z.NEVER;
      }
      return parsed.value;
    }),
  ) as unknown as z.ZodMiniType<ParsedCell | null>;
}

const cache = new Map<string, z.ZodMiniType<Record<string, ParsedCell | null>>>();

export function rowSchema(tab: TabSpec): z.ZodMiniType<Record<string, ParsedCell | null>> {
  let schema = cache.get(tab.key);
  if (!schema) {
    schema = z.object(
      Object.fromEntries(tab.columns.map((c) => [c.key, cellSchema(c)])),
    ) as unknown as z.ZodMiniType<Record<string, ParsedCell | null>>;
    cache.set(tab.key, schema);
  }
  return schema;
}

export interface ParsedRow {
  values: Record<string, ParsedCell | null>;
  /** Column key → why its cell could not be read. */
  problems: Map<string, string>;
}

/** Parses a sheet row (by header map) into typed values; unreadable cells become problems. */
export function parseRow(
  tab: TabSpec,
  byKey: ReadonlyMap<string, number>,
  row: readonly unknown[],
): ParsedRow {
  const input: Record<string, unknown> = {};
  for (const column of tab.columns)
    input[column.key] = byKey.has(column.key) ? row[byKey.get(column.key)!] : '';
  const result = rowSchema(tab).safeParse(input);
  if (result.success) return { values: result.data, problems: new Map() };
  const problems = new Map<string, string>();
  for (const issue of result.error.issues) problems.set(String(issue.path[0]), issue.message);
  // Keep the readable cells: parse each on its own so one bad cell does not hide the others.
  const values: Record<string, ParsedCell | null> = {};
  for (const column of tab.columns) {
    const parsed = problems.has(column.key) ? null : cellSchema(column).safeParse(input[column.key]);
    values[column.key] = parsed && parsed.success ? parsed.data : null;
  }
  return { values, problems };
}
