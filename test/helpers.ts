import { LocalAppsScript, type RuntimeOptions } from '../local/runtime/index.js';
import { a1 as cellA1 } from '../src/core/cells.js';
import { TABS } from '../src/core/spec/tabs.js';
import type { ColumnKeyOf, TabKey, TabSpec } from '../src/core/spec/types.js';

/** A fresh local Apps Script with the built bundle loaded, on a fixed clock. */
export function freshRuntime(options: RuntimeOptions = {}): LocalAppsScript {
  return new LocalAppsScript({ now: '2026-03-16T14:00:00Z', timeZone: 'America/New_York', ...options });
}

export function expectThrowMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the call to throw');
}

/** Spreadsheet service calls that change something (what a no-op run must not make). */
export const isSpreadsheetWrite = (name: string): boolean =>
  /^(Range|Sheet|Spreadsheet)\.(set|insert|delete|clear|remove|hide|show|move|append|activate)/.test(name);

export const isSpreadsheetCall = (name: string): boolean =>
  /^(SpreadsheetApp|Spreadsheet|Sheet|Range|NamedRange)\./.test(name);

/** A runtime on a fixed day with the example plan in place. */
export function exampleRuntime(options: Parameters<typeof freshRuntime>[0] = {}) {
  const rt = freshRuntime({ now: '2026-11-24T15:00:00Z', ...options });
  rt.run('insertExamplePlan');
  return rt;
}

export function sheetValues(rt: ReturnType<typeof freshRuntime>, name: string): unknown[][] {
  const sheet = rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.getDataRange().getValues();
}

/** Rows of a sheet as objects keyed by its header row. */
export function sheetRecords(rt: ReturnType<typeof freshRuntime>, name: string): Record<string, unknown>[] {
  const [header, ...rows] = sheetValues(rt, name);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [String(h), row[i]])));
}

type Tabs = typeof TABS;
/** A column of a plan tab: a spec column key (typed per tab), or a header the spec does not own (a RACI person). */
export type ColumnRef<K extends TabKey> = ColumnKeyOf<Tabs[K]> | { header: string };

/** A plan tab as it is now: its sheet, its values, and its columns found by the spec's headers. */
function planTab<K extends TabKey>(rt: LocalAppsScript, tab: K) {
  const spec: TabSpec = TABS[tab];
  const sheet = rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheetByName(spec.name);
  if (!sheet) throw new Error(`no ${spec.name} tab`);
  const values = sheet.getDataRange().getValues();
  const header = values[0]!.map(String);
  /** 1-based column of a spec column (by its header) or of a header. */
  const columnOf = (column: ColumnRef<K>): number => {
    const name =
      typeof column === 'string' ? spec.columns.find((c) => c.key === column)!.header : column.header;
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${spec.name} has no column "${name}"`);
    return index + 1;
  };
  return { spec, sheet, values, columnOf };
}

/**
 * The cell of a plan tab at a column (found by the tab spec's header, wherever the tab has it) and
 * a row (found by the value in the tab's first spec column: an ID, a person's name, a setting's
 * label). Tests address cells this way, never by letter, so they do not depend on column order.
 */
export function cellOf<K extends TabKey>(
  rt: LocalAppsScript,
  tab: K,
  column: ColumnRef<K>,
  row: string,
): GoogleAppsScript.Spreadsheet.Range {
  const { spec, sheet, values, columnOf } = planTab(rt, tab);
  const keyColumn = columnOf({ header: spec.columns[0]!.header }) - 1;
  const rowIndex = values.findIndex((line, i) => i > 0 && String(line[keyColumn]) === row);
  if (rowIndex < 0) throw new Error(`${spec.name} has no row "${row}"`);
  return sheet.getRange(rowIndex + 1, columnOf(column));
}

/** The header cell of a plan tab's column (see cellOf). */
export function headerOf<K extends TabKey>(
  rt: LocalAppsScript,
  tab: K,
  column: ColumnRef<K>,
): GoogleAppsScript.Spreadsheet.Range {
  const { sheet, columnOf } = planTab(rt, tab);
  return sheet.getRange(1, columnOf(column));
}

/** "Tab!A1" of a range, as findings name their cell. */
export const addressOf = (range: GoogleAppsScript.Spreadsheet.Range): string =>
  `${range.getSheet().getName()}!${range.getA1Notation()}`;

/** 1-based column of a spec column on a scaffolded tab (Set up writes a created tab's columns in the spec's order). */
export function specColumn<K extends TabKey>(tab: K, column: ColumnKeyOf<Tabs[K]>): number {
  const index = (TABS[tab] as TabSpec).columns.findIndex((c) => c.key === column);
  if (index < 0) throw new Error(`${TABS[tab].name} has no column ${String(column)}`);
  return index + 1;
}

/**
 * "A1" of a spec column at a row of a scaffolded tab. Tests that address the example plan by
 * position use it (or specColumn), so reordering a spec moves them too.
 */
export function a1<K extends TabKey>(tab: K, column: ColumnKeyOf<Tabs[K]>, row: number): string {
  return cellA1(row, specColumn(tab, column));
}

/**
 * Runs `work` (as the execution that clock advance fires) and, at its first sendEmail, starts a
 * second execution `overlap` in the middle of it: two overlapping runs. Returns what the second
 * one returned.
 */
export function overlapAtFirstSend<T>(rt: LocalAppsScript, work: () => unknown, overlap: () => T): T {
  let started = false;
  let inner: T | undefined;
  rt.calls.beforeCall = (name) => {
    if (name === 'MailApp.sendEmail' && !started) {
      started = true;
      inner = overlap();
    }
  };
  try {
    work();
  } finally {
    rt.calls.beforeCall = undefined;
  }
  if (!started) throw new Error('the first run sent nothing, so nothing overlapped it');
  return inner as T;
}
