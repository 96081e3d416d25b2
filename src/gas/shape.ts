/** Reads the workbook's shape for Set up: headers and notes of plan tabs, Plan and People rows. */
import { findTab } from '../core/headers';
import type { SheetShape, WorkbookShape } from '../core/scaffold';
import { PLAN_TABS } from '../core/spec/tabs';
import { cellValues } from './values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Tabs whose whole body Set up needs (settings; names for RACI columns). */
const READ_BODY = new Set(['plan', 'people']);

export interface ShapeRead {
  shape: WorkbookShape;
  sheets: Map<string, Sheet>;
}

export function readWorkbookShape(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ShapeRead {
  const timeZone = ss.getSpreadsheetTimeZone();
  const all = ss.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
  const relevant = new Map<string, string>(); // sheet name → tab key
  for (const spec of PLAN_TABS) {
    const found = findTab(spec, all);
    if (found) relevant.set(found.name, spec.key);
  }
  const sheets = new Map<string, Sheet>();
  const shapes: SheetShape[] = all.map(({ sheet, name }) => {
    sheets.set(name, sheet);
    const key = relevant.get(name);
    if (!key)
      return { name, header: [], headerNotes: [], lastRow: 0, lastColumn: 0, maxRows: 0, maxColumns: 0 };
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    const shape: SheetShape = {
      name,
      header: [],
      headerNotes: [],
      lastRow,
      lastColumn,
      maxRows: sheet.getMaxRows(),
      maxColumns: sheet.getMaxColumns(),
      frozenRows: sheet.getFrozenRows(),
      frozenColumns: sheet.getFrozenColumns(),
    };
    if (lastColumn === 0) return shape;
    const wantBody = READ_BODY.has(key) && lastRow > 1;
    const range = sheet.getRange(1, 1, wantBody ? lastRow : 1, lastColumn);
    const values = cellValues(range.getValues(), timeZone);
    return {
      ...shape,
      header: values[0] ?? [],
      headerNotes: sheet.getRange(1, 1, 1, lastColumn).getNotes()[0] ?? [],
      body: wantBody ? values.slice(1) : undefined,
    };
  });
  const namedRanges: Record<string, string> = {};
  for (const named of ss.getNamedRanges()) {
    const name = named.getName();
    if (!name.startsWith('OpsPlan_')) continue;
    const range = named.getRange();
    namedRanges[name] = `${range.getSheet().getName()}!${range.getA1Notation()}`;
  }
  return { shape: { sheets: shapes, namedRanges }, sheets };
}
