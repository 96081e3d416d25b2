/**
 * A person editing cells in the Sheets UI, and the event object Sheets hands `onEdit(e)`:
 * https://developers.google.com/apps-script/guides/triggers/events#edit
 * `value` and `oldValue` exist only for a single-cell edit, and `oldValue` only if the cell had
 * content. Both are the cell's value as text (numbers as digits, dates as their serial number,
 * booleans as TRUE/FALSE).
 */
import { DetailedCellError } from 'hyperformula';

import { type GridRect } from './a1.js';
import { type CallLog, raw, service } from './calls.js';
import { AppsScriptException } from './errors.js';
import { Range, Spreadsheet, type SpreadsheetHost } from './spreadsheet.js';
import type { SheetStore } from './workbook.js';

/** A cell or block: "A1", "Goals!B3", or a sheet name (default: the active sheet) with a position. */
export type EditTarget = string | { sheet?: string; row: number; column: number };

export interface EditEvent {
  authMode: string;
  range: GoogleAppsScript.Spreadsheet.Range;
  source: GoogleAppsScript.Spreadsheet.Spreadsheet;
  user: GoogleAppsScript.Base.User;
  value?: string;
  oldValue?: string;
}

function eventText(cell: unknown): string | undefined {
  if (cell === null || cell === undefined || cell === '') return undefined;
  if (cell instanceof DetailedCellError) return cell.value;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

function targetRange(host: SpreadsheetHost, target: EditTarget, rows: number, columns: number): Range {
  const ss = raw(new Spreadsheet(host) as unknown as Spreadsheet);
  if (typeof target === 'string') return raw(ss.getRange(target) as unknown as Range);
  const sheet = target.sheet === undefined ? ss.getActiveSheet() : ss.getSheetByName(target.sheet);
  if (!sheet) throw new AppsScriptException(`No sheet named ${target.sheet}`);
  return raw(sheet.getRange(target.row, target.column, rows, columns) as unknown as Range);
}

/**
 * Writes what the user typed (text interpreted as Sheets interprets typed input; a rejecting
 * validation rule refuses it) without counting script calls, selects it, and returns the event.
 */
export function applyUserEdit(
  host: SpreadsheetHost,
  target: EditTarget,
  input: string | string[][],
  user: { email: string; log: CallLog },
): { event: EditEvent; store: SheetStore; rect: GridRect } {
  const grid = typeof input === 'string' ? [[input]] : input;
  const range = targetRange(host, target, grid.length, grid[0]?.length ?? 0);
  const { store, rect } = range;
  if (typeof input === 'string' && (rect.numRows !== 1 || rect.numColumns !== 1))
    throw new Error('type into one cell, or pass a grid of values for a block');
  const single = rect.numRows === 1 && rect.numColumns === 1;
  const before = single ? host.workbook.rawValues(store, rect)[0]![0] : undefined;
  range.setValues(grid);
  host.workbook.activeSheet = store;
  host.workbook.activeRange = { sheet: store, rect };
  const event: EditEvent = {
    authMode: 'LIMITED',
    range: new Range(host, store, rect) as unknown as GoogleAppsScript.Spreadsheet.Range,
    source: new Spreadsheet(host) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    user: service({ getEmail: () => user.email }, 'User', user.log) as unknown as GoogleAppsScript.Base.User,
  };
  if (single) {
    const value = eventText(host.workbook.rawValues(store, rect)[0]![0]);
    const oldValue = eventText(before);
    if (value !== undefined) event.value = value;
    if (oldValue !== undefined) event.oldValue = oldValue;
  }
  return { event, store, rect };
}
