/**
 * History on the sheet: reads only the snapshots trends need and writes only this week's, through
 * an index of snapshot blocks kept in a document property. When the index is missing or does not
 * match the tab (a copy of the spreadsheet, someone sorted or edited History), History is read
 * whole once, put in order and rewritten, and the index starts again.
 */
import { clampCell, literal } from '../core/cells';
import {
  type Block,
  decodeIndex,
  encodeIndex,
  entriesOf,
  headerInOrder,
  HISTORY_INDEX_KEY,
  HISTORY_WIDTH,
  indexFits,
  type NormalisedHistory,
  normaliseHistory,
  planSnapshot,
  trendWindow,
  windowMatches,
} from '../core/history';
import { ROWS_GROWTH } from '../core/limits';
import type { Kpi } from '../core/plan-model';
import type { HistoryEntry } from '../core/report';
import { HISTORY } from '../core/spec/tabs';
import { cacheStore } from './state-store';
import { cellValues } from './values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface HistoryRead {
  /** Previous snapshots, for trends and "what changed". */
  entries: HistoryEntry[];
  blocks: Block[];
  lastRow: number;
  /** Set when History had to be read whole and put in order: written back with the snapshot. */
  normalised?: NormalisedHistory;
}

/**
 * The stored index of this History tab (the sheet's ID guards against a replaced tab), in the
 * document's store, or the running user's where a scheduled run has no document (src/gas/state-store.ts).
 */
function loadIndex(sheet: Sheet): Block[] | null {
  const text = cacheStore(sheet.getParent().getId()).getProperty(HISTORY_INDEX_KEY);
  return decodeIndex(text, sheet.getSheetId());
}

function saveIndex(sheet: Sheet, blocks: readonly Block[]): void {
  cacheStore(sheet.getParent().getId()).setProperty(
    HISTORY_INDEX_KEY,
    encodeIndex(sheet.getSheetId(), blocks),
  );
}

/** What a report needs from History: the newest previous snapshots, read in one range. */
export function readHistoryForReport(sheet: Sheet | undefined, timeZone: string, today: number): HistoryRead {
  if (!sheet) return { entries: [], blocks: [], lastRow: 0 };
  const lastRow = sheet.getLastRow();
  const blocks = loadIndex(sheet);
  if (blocks && indexFits(blocks, lastRow)) {
    const window = trendWindow(blocks, today);
    if (!window) return { entries: [], blocks, lastRow };
    // The header row rides along when the window starts right under it; otherwise one more read.
    const from = window.row === 2 ? 1 : window.row;
    const values = sheet.getRange(from, 1, window.count + window.row - from, HISTORY_WIDTH).getValues();
    const header = from === 1 ? values.shift()! : sheet.getRange(1, 1, 1, HISTORY_WIDTH).getValues()[0]!;
    const rows = cellValues(values, timeZone);
    if (headerInOrder(header) && windowMatches(rows, window.blocks, window.row))
      return { entries: entriesOf(rows), blocks, lastRow };
  }
  return readWhole(sheet, timeZone, today, lastRow);
}

function readWhole(sheet: Sheet, timeZone: string, today: number, lastRow: number): HistoryRead {
  const values = cellValues(sheet.getDataRange().getValues(), timeZone);
  const normalised = normaliseHistory(
    { sheetName: sheet.getName(), header: values[0] ?? [], rows: values.slice(1) },
    today,
  );
  return { entries: normalised.entries, blocks: normalised.blocks, lastRow, normalised };
}

/** History's KPI ID column (1-based): text, so IDs such as 1E3 or $5 stay IDs. */
const ID_COLUMN = HISTORY.columns.findIndex((c) => c.key === 'kpiId') + 1;

/**
 * Writes History rows: the ID cells are made text first (a History from an earlier version may
 * lack the format), and a text cell keeps what is written as it is, so IDs go in without the
 * apostrophe; other text is written as a literal, never a formula.
 */
function writeRows(
  sheet: Sheet,
  row: number,
  rows: readonly (readonly (string | number | boolean)[])[],
): void {
  sheet.getRange(row, ID_COLUMN, rows.length, 1).setNumberFormat('@');
  sheet
    .getRange(row, 1, rows.length, HISTORY_WIDTH)
    .setValues(
      rows.map((r) =>
        r.map((v, i) => (typeof v !== 'string' ? v : i === ID_COLUMN - 1 ? clampCell(v) : literal(v))),
      ),
    );
}

/** This week's snapshot written (replacing one taken earlier this week), retention applied, index saved. */
export function writeHistorySnapshot(
  sheet: Sheet,
  created: boolean,
  read: HistoryRead,
  kpis: readonly Kpi[],
  today: number,
  timeZone: string,
): void {
  let { blocks, lastRow } = read;
  if (created) {
    sheet
      .getRange(1, 1, 1, HISTORY_WIDTH)
      .setValues([HISTORY.columns.map((c) => c.header)])
      .setFontWeight('bold');
    sheet.setFrozenRows(1);
    sheet.getRange(2, 1, sheet.getMaxRows() - 1, 1).setNumberFormat('yyyy-mm-dd');
    sheet.getRange(2, 4, sheet.getMaxRows() - 1, 1).setNumberFormat('0%');
    lastRow = 1;
  } else if (read.normalised) {
    lastRow = rewrite(sheet, read.normalised, lastRow);
    blocks = read.normalised.blocks;
  }
  let plan = planSnapshot(blocks, kpis, today, lastRow);
  // Retention deletes rows: each block is checked first, and a mismatch puts History in order.
  if (plan.drop.length && !read.normalised && !dropsMatch(sheet, plan.drop, timeZone)) {
    const whole = readWhole(sheet, timeZone, today, lastRow);
    lastRow = rewrite(sheet, whole.normalised!, lastRow);
    plan = planSnapshot(whole.blocks, kpis, today, lastRow);
  }
  for (const block of plan.drop) sheet.deleteRows(block.row, block.count);
  const { row, rows } = plan.write;
  if (rows.length) {
    const needed = row + rows.length - 1;
    const maxRows = sheet.getMaxRows();
    if (maxRows < needed) sheet.insertRowsAfter(maxRows, needed - maxRows + ROWS_GROWTH);
    writeRows(sheet, row, rows);
  }
  saveIndex(sheet, plan.blocks);
}

/** Writes History's body in order under the spec's header; returns the new last row. */
function rewrite(sheet: Sheet, normalised: NormalisedHistory, lastRow: number): number {
  const { rows } = normalised;
  sheet.getRange(1, 1, 1, HISTORY_WIDTH).setValues([HISTORY.columns.map((c) => c.header)]);
  if (rows.length) writeRows(sheet, 2, rows);
  const stale = lastRow - rows.length - 1;
  if (stale > 0) sheet.getRange(rows.length + 2, 1, stale, HISTORY_WIDTH).clearContent();
  return rows.length + 1;
}

/** Whether each block to drop holds its snapshot's date on every row (one read of the date column each). */
function dropsMatch(sheet: Sheet, drop: readonly Block[], timeZone: string): boolean {
  return drop.every((b) =>
    windowMatches(cellValues(sheet.getRange(b.row, 1, b.count, 1).getValues(), timeZone), [b], b.row),
  );
}
