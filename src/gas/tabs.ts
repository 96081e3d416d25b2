/** One batched read per plan tab: its header map, values and (when asked) formulas. */
import { findTab, mapHeaders } from '../core/headers';
import type { TabSpec } from '../core/spec/types';
import { namingColumns, readTable, type TabInput, type Table } from '../core/tables';
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
 * What Refresh needs of a tab and no more (docs/ARCHITECTURE.md, "Refresh"): its header row, the
 * columns that name a row (ID and name) and the formulas of its formula columns; every other cell
 * of the table reads as blank. A tab with neither ID nor name column is read whole.
 */
export function readForRefresh<T extends TabSpec>(
  index: SheetIndex,
  spec: T,
  found: { name: string; sheet: Sheet } | undefined = findTab(spec, index.sheets),
): Pick<TabData<T>, 'sheet' | 'table'> | undefined {
  if (!found) return undefined;
  const sheet = found.sheet;
  const [lastRow, lastColumn] = [sheet.getLastRow(), sheet.getLastColumn()];
  if (lastRow < 1 || lastColumn < 1) return readTab(index, spec, true, found);
  const header = cellValues(sheet.getRange(1, 1, 1, lastColumn).getValues(), index.timeZone)[0] ?? [];
  const naming = namingColumns(spec, mapHeaders(spec, header));
  if (!naming.length) return readTab(index, spec, true, found);
  const values: unknown[][] = [
    header,
    ...Array.from({ length: lastRow - 1 }, () => new Array<unknown>(lastColumn).fill('')),
  ];
  if (lastRow > 1)
    for (const [first, width] of spans(naming)) {
      const cells = cellValues(sheet.getRange(2, first + 1, lastRow - 1, width).getValues(), index.timeZone);
      cells.forEach((line, r) => line.forEach((v, c) => (values[r + 1]![first + c] = v)));
    }
  const formulas = values.length > 1 ? formulaColumns(sheet, spec, values) : undefined;
  const input: TabInput = {
    sheetName: found.name,
    header,
    rows: values.slice(1) as TabInput['rows'],
    formulas,
  };
  return { sheet, table: readTable(spec, input) };
}

/** Column indices as [first, width] runs of adjacent columns: one read per run. */
function spans(indices: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const i of [...indices].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === i) last[1]++;
    else runs.push([i, 1]);
  }
  return runs;
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
