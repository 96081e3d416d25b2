/**
 * The History tab: one snapshot of every KPI per ISO week (a re-run the same week replaces it),
 * weekly for 13 weeks, then the newest snapshot of each month. Snapshots sit in blocks, oldest
 * first; an index of the blocks lets a report read only the newest few (what trends need) and
 * write only this week's, so its cost does not grow with the weeks History holds. A year at
 * 10,000 KPIs is about 23 blocks: 1.15 M cells, under 12% of a spreadsheet's 10 M
 * (docs/APPS-SCRIPT.md, Spreadsheets).
 */
import { mapHeaders } from './headers';
import type { Kpi } from './plan-model';
import type { HistoryEntry } from './report';
import { HISTORY } from './spec/tabs';
import { readTable, type TabInput } from './tables';
import { isoFromDay, parseDate } from './values';

/** Previous snapshots the report reads: trends show the newest five and today's value. */
export const TREND_SNAPSHOTS = 5;
/** Weeks kept weekly; older snapshots thin out to one a month. */
export const WEEKLY_WEEKS = 13;
export const HISTORY_WIDTH = HISTORY.columns.length;

/** A snapshot's rows on the History tab: 1-based first row, row count, and the day it was taken. */
export interface Block {
  day: number;
  row: number;
  count: number;
}

/** The Monday of a day's ISO week (day 2 of the serial calendar, 1900-01-01, was a Monday). */
export function weekStart(day: number): number {
  return day - ((((day - 2) % 7) + 7) % 7);
}

/** The snapshot days retention keeps: every one of the last 13 weeks, then the newest of each month. */
export function keptDays(days: readonly number[], today: number): Set<number> {
  const weeklyFrom = weekStart(today) - (WEEKLY_WEEKS - 1) * 7;
  const kept = new Set<number>();
  const newestOfMonth = new Map<string, number>();
  for (const day of days) {
    if (day >= weeklyFrom) kept.add(day);
    else {
      const month = isoFromDay(day).slice(0, 7);
      newestOfMonth.set(month, Math.max(newestOfMonth.get(month) ?? -Infinity, day));
    }
  }
  for (const day of newestOfMonth.values()) kept.add(day);
  return kept;
}

/** History rows as entries; rows that are not a snapshot line (no date or KPI ID) are skipped. */
export function readHistory(input: TabInput): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const r of readTable(HISTORY, input).records) {
    const day = r.num('date');
    // IDs are text; a number in the column is an ID that Sheets read as a number.
    const kpiId = String(r.cell('kpiId')).trim();
    if (day === null || !kpiId) continue;
    entries.push({
      day,
      kpiId,
      actual: r.rawNum('actual'),
      progress: r.rawNum('progress'),
      status: String(r.cell('status')),
    });
  }
  return entries;
}

/** Entries by KPI ID (lower case), each list oldest first: the report looks each KPI up once. */
export function historyByKpi(entries: readonly HistoryEntry[]): Map<string, HistoryEntry[]> {
  const byKpi = new Map<string, HistoryEntry[]>();
  for (const e of entries) {
    const key = e.kpiId.toLowerCase();
    const list = byKpi.get(key);
    if (list) list.push(e);
    else byKpi.set(key, [e]);
  }
  for (const list of byKpi.values()) list.sort((a, b) => a.day - b.day);
  return byKpi;
}

/** The document property holding History's index. */
export const HISTORY_INDEX_KEY = 'opsplan.history';

/** The index as stored: the History sheet's ID (a replaced tab does not match), then its blocks. */
export function encodeIndex(sheetId: number, blocks: readonly Block[]): string {
  return `${sheetId}:${JSON.stringify(blocks.map((b) => [b.day, b.row, b.count]))}`;
}

/** The stored index of this sheet, or null when it is missing, of another sheet, or not one this code wrote. */
export function decodeIndex(text: string | null | undefined, sheetId: number): Block[] | null {
  const colon = text?.indexOf(':') ?? -1;
  if (!text || colon < 0 || text.slice(0, colon) !== String(sheetId)) return null;
  try {
    const parsed: unknown = JSON.parse(text.slice(colon + 1));
    if (!Array.isArray(parsed)) return null;
    const blocks: Block[] = [];
    for (const item of parsed) {
      if (!Array.isArray(item) || item.length !== 3 || !item.every((n) => Number.isInteger(n))) return null;
      const [day, row, count] = item as [number, number, number];
      const previous = blocks[blocks.length - 1];
      const adjacent = !previous || (row === previous.row + previous.count && day > previous.day);
      if (count < 1 || row < 2 || !adjacent) return null;
      blocks.push({ day, row, count });
    }
    return blocks;
  } catch {
    return null;
  }
}

/** Whether an index matches the sheet: its blocks end on the sheet's last row. */
export function indexFits(blocks: readonly Block[], lastRow: number): boolean {
  const last = blocks[blocks.length - 1];
  return last ? last.row + last.count - 1 === lastRow : lastRow <= 1;
}

/** The rows trends need: the newest previous snapshots (none of this week), as one range. */
export function trendWindow(
  blocks: readonly Block[],
  today: number,
): { row: number; count: number; blocks: Block[] } | null {
  const previous = blocks.filter((b) => weekStart(b.day) < weekStart(today)).slice(-TREND_SNAPSHOTS);
  const first = previous[0];
  const last = previous[previous.length - 1];
  if (!first || !last) return null;
  return { row: first.row, count: last.row + last.count - first.row, blocks: previous };
}

/** Whether rows read at a window's first row hold the blocks' dates where the index says. */
export function windowMatches(
  rows: readonly (readonly unknown[])[],
  blocks: readonly Block[],
  firstRow: number,
): boolean {
  for (const b of blocks) {
    for (let i = b.row - firstRow; i < b.row - firstRow + b.count; i++) {
      const day = parseDate(rows[i]?.[0]);
      if (!day.ok || day.value !== b.day) return false;
    }
  }
  return true;
}

export interface SnapshotPlan {
  /** Blocks retention drops, bottom-up so each deletion leaves the rows above it in place. */
  drop: Block[];
  /** This week's snapshot: where it goes and its rows (blank rows clear a longer earlier one). */
  write: { row: number; rows: (string | number)[][] };
  /** The index once done. */
  blocks: Block[];
}

/**
 * This week's snapshot: replaces an earlier one this week, appends otherwise; retention applied.
 * `lastRow` is the sheet's: with no blocks yet, the snapshot goes below whatever the tab holds.
 */
export function planSnapshot(
  blocks: readonly Block[],
  kpis: readonly Kpi[],
  today: number,
  lastRow: number,
): SnapshotPlan {
  const last = blocks[blocks.length - 1];
  const replacing = last && weekStart(last.day) === weekStart(today) ? last : undefined;
  const older = replacing ? blocks.slice(0, -1) : [...blocks];
  const kept = keptDays([...older.map((b) => b.day), today], today);
  const drop = older.filter((b) => !kept.has(b.day)).reverse();
  const after: Block[] = [];
  let row = blocks[0]?.row ?? Math.max(2, lastRow + 1);
  for (const b of older) {
    if (!kept.has(b.day)) continue;
    after.push({ ...b, row });
    row += b.count;
  }
  const rows: (string | number)[][] = snapshotRows(kpis, today);
  if (rows.length) after.push({ day: today, row, count: rows.length });
  // Clear what a longer earlier snapshot this week leaves below the new one.
  const leftover = replacing ? replacing.count - rows.length : 0;
  for (let i = 0; i < leftover; i++) rows.push(new Array<string>(HISTORY_WIDTH).fill(''));
  return { drop, write: { row, rows }, blocks: after };
}

function snapshotRows(kpis: readonly Kpi[], today: number): (string | number)[][] {
  return kpis.map((k) => [today, k.id, k.actual ?? '', k.progress ?? '', k.status]);
}

export interface NormalisedHistory {
  /** The whole History body, rewritten: rows OpsPlan cannot read first, kept, then the blocks. */
  rows: (string | number | boolean)[][];
  blocks: Block[];
  /** What trends need (previous snapshots). */
  entries: HistoryEntry[];
}

/**
 * History as read whole, put in order when the index is missing or does not match (first run, a
 * copy of the spreadsheet, someone sorted the tab): one snapshot per ISO week (the newest day of
 * the week), retention applied, blocks oldest first. Rows that are not snapshot lines are kept.
 */
export function normaliseHistory(input: TabInput, today: number): NormalisedHistory {
  const map = mapHeaders(HISTORY, input.header);
  const entries = readHistory(input);
  const newestInWeek = new Map<number, number>();
  for (const e of entries) {
    const week = weekStart(e.day);
    newestInWeek.set(week, Math.max(newestInWeek.get(week) ?? -Infinity, e.day));
  }
  const kept = keptDays([...newestInWeek.values()], today);
  const byDay = new Map<number, HistoryEntry[]>();
  for (const e of entries) {
    if (!kept.has(e.day) || newestInWeek.get(weekStart(e.day)) !== e.day) continue;
    const list = byDay.get(e.day);
    if (list) list.push(e);
    else byDay.set(e.day, [e]);
  }
  const column = (key: (typeof HISTORY.columns)[number]['key']) => map.byKey.get(key);
  const unreadable = input.rows.filter((raw) => {
    const day = parseDate(raw[column('date') ?? 0]);
    const id = String(raw[column('kpiId') ?? 1] ?? '').trim();
    return !(day.ok && day.value !== null && id) && raw.some((v) => v !== '' && v !== null);
  });
  const rows: (string | number | boolean)[][] = unreadable.map((raw) =>
    Array.from({ length: HISTORY_WIDTH }, (_, i) => raw[i] ?? ''),
  );
  const blocks: Block[] = [];
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    const list = byDay.get(day)!;
    blocks.push({ day, row: rows.length + 2, count: list.length });
    for (const e of list) rows.push([e.day, e.kpiId, e.actual ?? '', e.progress ?? '', e.status]);
  }
  const window = trendWindow(blocks, today);
  const previous = new Set(window?.blocks.map((b) => b.day) ?? []);
  return { rows, blocks, entries: [...byDay.values()].flat().filter((e) => previous.has(e.day)) };
}

/** Snapshot rows read through the index (columns in the spec's order, which OpsPlan writes) as entries. */
export function entriesOf(rows: readonly (readonly unknown[])[]): HistoryEntry[] {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const entries: HistoryEntry[] = [];
  for (const [date, id, actual, progress, status] of rows) {
    const day = parseDate(date);
    const kpiId = String(id ?? '').trim();
    if (!day.ok || day.value === null || !kpiId) continue;
    entries.push({
      day: day.value,
      kpiId,
      actual: num(actual),
      progress: num(progress),
      status: String(status ?? ''),
    });
  }
  return entries;
}

/** Whether a History header is the spec's, in its order (the index reads columns by position). */
export function headerInOrder(header: readonly unknown[]): boolean {
  return HISTORY.columns.every((c, i) => String(header[i] ?? '').trim() === c.header);
}
