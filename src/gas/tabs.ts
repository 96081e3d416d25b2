/** One batched read per plan tab: its header map, values and (when asked) formulas. */
import { findTab, mapHeaders } from '../core/headers';
import type { TabSpec } from '../core/spec/types';
import { readTable, type TabInput, type Table } from '../core/tables';
import { cellValues } from './values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A plan tab as read: its sheet, and its values (and formulas, when asked) as a typed table. */
export interface TabData<T extends TabSpec = TabSpec> {
  sheet: Sheet;
  gid: number;
  maxRows: number;
  table: Table<T>;
}

export interface SheetIndex {
  sheets: { name: string; sheet: Sheet }[];
  timeZone: string;
}

export function indexSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SheetIndex {
  return {
    sheets: ss.getSheets().map((sheet) => ({ name: sheet.getName(), sheet })),
    timeZone: ss.getSpreadsheetTimeZone(),
  };
}

/**
 * One getValues (and one getFormulas when asked) of the tab that plays the spec's part: found by
 * name, unless the caller found it already (OpsPlan's own tabs are found by their mark).
 */
export function readTab<T extends TabSpec>(
  index: SheetIndex,
  spec: T,
  withFormulas = false,
  found: { name: string; sheet: Sheet } | undefined = findTab(spec, index.sheets),
): TabData<T> | undefined {
  if (!found) return undefined;
  const sheet = found.sheet;
  const range = sheet.getDataRange();
  const values = cellValues(range.getValues(), index.timeZone);
  const formulas = withFormulas && values.length > 1 ? formulaColumns(sheet, spec, values) : undefined;
  const input: TabInput = { sheetName: found.name, header: values[0] ?? [], rows: values.slice(1), formulas };
  return { sheet, gid: sheet.getSheetId(), maxRows: sheet.getMaxRows(), table: readTable(spec, input) };
}

/**
 * The formulas of the spec's formula columns only (one getFormulas over their span), placed at
 * their columns in rows as wide as the values: other columns' formulas are never needed.
 */
function formulaColumns(sheet: Sheet, spec: TabSpec, values: readonly (readonly unknown[])[]): string[][] {
  const map = mapHeaders(spec, values[0] ?? []);
  const indices = spec.columns.flatMap((c) => {
    const index = c.type === 'formula' ? map.byKey.get(c.key) : undefined;
    return index === undefined ? [] : [index];
  });
  const width = values[0]?.length ?? 0;
  const rows = values.length - 1;
  const blank = () => new Array<string>(width).fill('');
  if (!indices.length) return Array.from({ length: rows }, blank);
  const first = Math.min(...indices);
  const span = sheet.getRange(2, first + 1, rows, Math.max(...indices) - first + 1).getFormulas();
  return span.map((part) => {
    const row = blank();
    for (const i of indices) row[i] = part[i - first] ?? '';
    return row;
  });
}
