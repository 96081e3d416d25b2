/** One batched read per plan tab: its header map, values and (when asked) formulas. */
import { findTab } from '../core/headers';
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
  const formulas = withFormulas && values.length > 1 ? range.getFormulas().slice(1) : undefined;
  const input: TabInput = { sheetName: found.name, header: values[0] ?? [], rows: values.slice(1), formulas };
  return { sheet, gid: sheet.getSheetId(), maxRows: sheet.getMaxRows(), table: readTable(spec, input) };
}
