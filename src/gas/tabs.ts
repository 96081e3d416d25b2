/** One batched read per plan tab: its header map, values and (when asked) formulas. */
import { findTab, type HeaderMap, mapHeaders } from '../core/headers';
import type { TabSpec } from '../core/spec/types';
import { cellValues } from './values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface TabData {
  spec: TabSpec;
  sheet: Sheet;
  sheetName: string;
  gid: number;
  header: (string | number | boolean)[];
  map: HeaderMap;
  /** Rows 2..lastRow, each as wide as the header row. */
  rows: (string | number | boolean)[][];
  /** Same shape as rows, when read with formulas. */
  formulas?: string[][];
  maxRows: number;
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

export function readTab(index: SheetIndex, spec: TabSpec, withFormulas = false): TabData | undefined {
  const found = findTab(spec, index.sheets);
  if (!found) return undefined;
  const sheet = found.sheet;
  const range = sheet.getDataRange();
  const values = cellValues(range.getValues(), index.timeZone);
  const header = values[0] ?? [];
  const formulas = withFormulas && values.length > 1 ? range.getFormulas().slice(1) : undefined;
  return {
    spec,
    sheet,
    sheetName: found.name,
    gid: sheet.getSheetId(),
    header,
    map: mapHeaders(spec, header),
    rows: values.slice(1),
    formulas,
    maxRows: sheet.getMaxRows(),
  };
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
