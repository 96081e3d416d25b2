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

/** One getValues (and one getFormulas when asked) of the tab that plays the spec's part. */
export function readTab<T extends TabSpec>(
  index: SheetIndex,
  spec: T,
  withFormulas = false,
): TabData<T> | undefined {
  const found = findTab(spec, index.sheets);
  if (!found) return undefined;
  const sheet = found.sheet;
  const range = sheet.getDataRange();
  const values = cellValues(range.getValues(), index.timeZone);
  const formulas = withFormulas && values.length > 1 ? range.getFormulas().slice(1) : undefined;
  const input: TabInput = { sheetName: found.name, header: values[0] ?? [], rows: values.slice(1), formulas };
  return { sheet, gid: sheet.getSheetId(), maxRows: sheet.getMaxRows(), table: readTable(spec, input) };
}

/** A generated tab, created at the end if missing, without taking the user away from where they are. */
export function sheetNamed(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  colour: string,
): Sheet {
  const existing = ss.getSheetByName(name);
  if (existing) return existing;
  const previous = ss.getActiveSheet();
  const sheet = ss.insertSheet(name, ss.getNumSheets());
  sheet.setTabColor(colour);
  ss.setActiveSheet(previous);
  return sheet;
}
