/**
 * The onEdit simple trigger's work (AuthMode.LIMITED, 30 seconds: docs/APPS-SCRIPT.md,
 * "Triggers"): for an edit of a plan tab OpsPlan manages, read row 1 and the edited rows once, then
 * write their computed cells and check-in stamps. Any other tab, or the header row, is left alone.
 */
import { contiguousRuns } from '../core/cells';
import { findTab } from '../core/headers';
import { LIVE_TAB_KEYS, liveRowsPlan } from '../core/live-rows';
import { TABS } from '../core/spec/tabs';
import { todayIn } from './plan-actions';
import { cellValues } from './values';

/** Rows one edit may hold for live rows; a larger paste is left to Refresh (the 30-second limit). */
export const MAX_LIVE_ROWS = 2_000;

export interface LiveRowsResult {
  tab: string;
  rows: number;
  formulas: number;
  stamps: number;
  kept: number;
}

export function fillEditedRows(event: GoogleAppsScript.Events.SheetsOnEdit): LiveRowsResult | null {
  const range = event.range;
  const sheet = range.getSheet();
  const name = sheet.getName();
  const ss = event.source;
  const sheets = ss.getSheets().map((s) => ({ name: s.getName() }));
  const spec = LIVE_TAB_KEYS.map((key) => TABS[key]).find((s) => findTab(s, sheets)?.name === name);
  if (!spec) return null;
  const first = Math.max(2, range.getRow());
  const last = range.getLastRow();
  if (last < first || last - first + 1 > MAX_LIVE_ROWS) return null;
  const width = sheet.getLastColumn();
  const timeZone = ss.getSpreadsheetTimeZone();
  const header = cellValues(sheet.getRange(1, 1, 1, width).getValues(), timeZone)[0] ?? [];
  const block = sheet.getRange(first, 1, last - first + 1, width);
  const plan = liveRowsPlan(
    spec,
    { sheetName: name, header, rows: cellValues(block.getValues(), timeZone), formulas: block.getFormulas() },
    { row: first, numRows: last - first + 1, column: range.getColumn(), numColumns: range.getNumColumns() },
    todayIn(timeZone),
  );
  // Stamps first: the formulas then compute from the stamped dates. One write per run of rows.
  const byColumn = new Map<number, typeof plan.stamps>();
  for (const s of plan.stamps) byColumn.set(s.column, [...(byColumn.get(s.column) ?? []), s]);
  for (const [column, stamps] of byColumn)
    for (const run of contiguousRuns(stamps, (s) => s.row))
      sheet.getRange(run[0]!.row, column, run.length, 1).setValues(run.map((s) => [s.value]));
  for (const b of plan.formulas)
    sheet
      .getRange(b.row, b.column, b.cells.length, b.cells[0]!.length)
      .setFormulas(b.cells.map((line) => line.map((c) => c.formula)));
  return {
    tab: name,
    rows: last - first + 1,
    formulas: plan.formulas.reduce((n, b) => n + b.cells.length * b.cells[0]!.length, 0),
    stamps: plan.stamps.length,
    kept: plan.conflicts.length,
  };
}
