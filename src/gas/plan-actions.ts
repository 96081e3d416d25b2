/** The plan-tab use cases: set up, insert the example plan, refresh formula columns. */
import { contiguousRuns, literal } from '../core/cells';
import { examplePlan } from '../core/example';
import { normalizeName } from '../core/headers';
import { type FormulaConflict } from '../core/refresh';
import { planSetup, previewSetup, type SetupPreview } from '../core/scaffold';
import { readSettingsTab } from '../core/settings';
import { currencyFormat, numberFormatOf, PLAN, PLAN_TABS, RACI, SETTINGS, tabSpec } from '../core/spec/tabs';
import type { TabKey } from '../core/spec/types';
import { dayFromIso } from '../core/values';
import { refreshTab } from './refresh';
import { applySetup, type SetupResult } from './setup';
import { readWorkbookShape } from './shape';
import { indexSheets, readTab, type SheetIndex, type TabData } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function previewPlanSetup(ss: Spreadsheet): SetupPreview {
  return previewSetup(planSetup(readWorkbookShape(ss).shape));
}

export function setUpPlanTabs(ss: Spreadsheet): SetupResult & { changes: number } {
  const read = readWorkbookShape(ss);
  const plan = planSetup(read.shape);
  if (plan.changes === 0)
    return { created: [], adopted: [], ready: plan.tabs.map((t) => t.sheetName), changes: 0 };
  return { ...applySetup(ss, plan, read.sheets), changes: plan.changes };
}

/** Today's day number in the spreadsheet's time zone. */
export function todayIn(timeZone: string): number {
  return dayFromIso(Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd'))!;
}

export interface ExampleResult {
  filled: string[];
  skipped: string[];
}

/** Fills the example into plan tabs that have no data rows; never writes over a user's rows. */
export function insertExample(ss: Spreadsheet): ExampleResult {
  setUpPlanTabs(ss);
  const timeZone = ss.getSpreadsheetTimeZone();
  const example = examplePlan(todayIn(timeZone));
  const result: ExampleResult = { filled: [], skipped: [] };
  let index = indexSheets(ss);

  const plan = readTab(index, PLAN)!;
  if (fillSettings(plan, example.settings)) result.filled.push(plan.sheetName);
  const people = readTab(index, tabSpec('people'))!;
  if (people.rows.length === 0) {
    writeRecords(people, example.rows.people ?? []);
    result.filled.push(people.sheetName);
  } else result.skipped.push(people.sheetName);

  // New people get their RACI columns.
  setUpPlanTabs(ss);
  index = indexSheets(ss);
  for (const key of ['goals', 'budget', 'timeline', 'risks'] as const satisfies readonly TabKey[]) {
    const tab = readTab(index, tabSpec(key))!;
    if (tab.rows.length > 0) {
      result.skipped.push(tab.sheetName);
      continue;
    }
    writeRecords(tab, example.rows[key] ?? []);
    result.filled.push(tab.sheetName);
  }
  const raci = readTab(index, RACI)!;
  if (raci.rows.length === 0) {
    const byPerson = new Map(raci.header.map((h, i) => [normalizeName(h), i] as const));
    const records = example.raci.map((r) => {
      const record: Record<string, string> = { id: r.id, activity: r.activity };
      for (const [person, letter] of Object.entries(r.letters))
        if (byPerson.has(normalizeName(person))) record[`@${byPerson.get(normalizeName(person))}`] = letter;
      return record;
    });
    writeRecords(raci, records);
    result.filled.push(raci.sheetName);
  } else result.skipped.push(raci.sheetName);
  refreshAll(ss);
  return result;
}

/** Writes records (by column key; `@N` for a raw 0-based column) under the header of an empty tab. */
function writeRecords(tab: TabData, records: Record<string, string | number>[]): void {
  if (!records.length) return;
  const width = Math.max(tab.header.length, 1);
  const grid = records.map((record) => {
    const line: (string | number)[] = new Array(width).fill('');
    for (const [key, value] of Object.entries(record)) {
      const index = key.startsWith('@') ? Number(key.slice(1)) : tab.map.byKey.get(key);
      if (index === undefined || index >= width) continue;
      line[index] = typeof value === 'string' ? literal(value) : value;
    }
    return line;
  });
  if (records.length + 1 > tab.maxRows)
    tab.sheet.insertRowsAfter(tab.maxRows, records.length + 1 - tab.maxRows);
  tab.sheet.getRange(2, 1, grid.length, width).setValues(grid);
  // Dates and percentages are numbers: give their cells a format in case the column had none.
  for (const column of tab.spec.columns) {
    const index = tab.map.byKey.get(column.key);
    if (index === undefined || !['date', 'percent'].includes(column.type)) continue;
    tab.sheet
      .getRange(2, index + 1, grid.length, 1)
      .setNumberFormat(numberFormatOf(column, currencyFormat('USD'))!);
  }
}

/** Fills blank setting values from the example; returns whether anything was written. */
function fillSettings(plan: TabData, values: Record<string, string | number>): boolean {
  const { rows, raw, valueIndex } = readSettingsTab(plan.header, plan.rows, plan.map.byKey);
  const changes: { row: number; value: string | number }[] = [];
  for (const setting of SETTINGS) {
    const row = rows.get(setting.key);
    const value = values[setting.key];
    if (row === undefined || value === undefined) continue;
    const current = raw.get(setting.key);
    if (current !== '' && current !== undefined) continue;
    changes.push({ row, value: typeof value === 'string' ? literal(value) : value });
  }
  for (const run of contiguousRuns(changes, (c) => c.row)) {
    plan.sheet.getRange(run[0]!.row, valueIndex + 1, run.length, 1).setValues(run.map((c) => [c.value]));
  }
  return changes.length > 0;
}

export interface RefreshResult {
  tabs: { tab: string; rows: number; blocks: number }[];
  conflicts: (FormulaConflict & { tab: string })[];
  unbuildable: { tab: string; header: string; missing: string }[];
}

export interface RefreshRun {
  result: RefreshResult;
  /** Tabs read whose values are still current (no formula was written): a later step may reuse them. */
  unchanged: Map<string, TabData>;
}

export function refreshAll(ss: Spreadsheet, index: SheetIndex = indexSheets(ss)): RefreshRun {
  const result: RefreshResult = { tabs: [], conflicts: [], unbuildable: [] };
  const unchanged = new Map<string, TabData>();
  for (const spec of PLAN_TABS) {
    if (!spec.columns.some((c) => c.type === 'formula')) continue;
    const tab = readTab(index, spec, true);
    if (!tab) continue;
    const plan = refreshTab(tab);
    if (plan.blocks.length === 0) unchanged.set(spec.key, tab);
    result.tabs.push({ tab: tab.sheetName, rows: plan.dataRows, blocks: plan.blocks.length });
    result.conflicts.push(...plan.conflicts.map((c) => ({ ...c, tab: tab.sheetName })));
    result.unbuildable.push(...plan.unbuildable.map((u) => ({ ...u, tab: tab.sheetName })));
  }
  return { result, unchanged };
}
