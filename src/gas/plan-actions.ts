/** The plan-tab use cases: set up, insert the example plan, refresh formula columns. */
import { contiguousRuns, literal } from '../core/cells';
import { examplePlan } from '../core/example';
import { normalizeName } from '../core/headers';
import { NAME_COLUMNS, type RaciLetter } from '../core/raci';
import { type FormulaConflict } from '../core/refresh';
import { planSetup, previewSetup, type SetupPreview } from '../core/scaffold';
import { readSettingsTab, type SettingKey } from '../core/settings';
import {
  BUDGET,
  currencyFormat,
  GOALS,
  numberFormatOf,
  PEOPLE,
  PLAN,
  PLAN_TABS,
  RACI,
  RISKS,
  TIMELINE,
} from '../core/spec/tabs';
import type { ColumnKeyOf, TabSpec } from '../core/spec/types';
import { RACI_LETTERS } from '../core/spec/vocab';
import { dayFromIso } from '../core/values';
import { refreshTab } from './refresh';
import { applySetup, type SetupResult } from './setup';
import { readWorkbookShape } from './shape';
import { indexSheets, readForRefresh, readTab, type SheetIndex, type TabData } from './tabs';

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
  const note = (tab: TabData, filled: boolean) =>
    (filled ? result.filled : result.skipped).push(tab.table.sheetName);
  let index = indexSheets(ss);

  const plan = readTab(index, PLAN)!;
  if (fillSettings(plan, example.settings)) result.filled.push(plan.table.sheetName);
  fillIfEmpty(readTab(index, PEOPLE)!, example.rows.people, note);

  // New people get their RACI columns.
  setUpPlanTabs(ss);
  index = indexSheets(ss);
  fillIfEmpty(readTab(index, GOALS)!, example.rows.goals, note);
  fillIfEmpty(readTab(index, BUDGET)!, example.rows.budget, note);
  fillIfEmpty(readTab(index, TIMELINE)!, example.rows.timeline, note);
  fillIfEmpty(readTab(index, RISKS)!, example.rows.risks, note);
  const raci = readTab(index, RACI)!;
  if (raci.table.map.shape?.assigneeColumns) {
    const personColumn = new Map(raci.table.header.map((h, i) => [normalizeName(h), i] as const));
    fillIfEmpty(
      raci,
      example.raci.map((r) => ({ id: r.id, activity: r.activity })),
      note,
      example.raci.map((r) => {
        const letters = new Map<number, string>();
        for (const [person, letter] of Object.entries(r.letters)) {
          const column = personColumn.get(normalizeName(person));
          if (column !== undefined) letters.set(column, letter);
        }
        return letters;
      }),
    );
  } else fillIfEmpty(raci, example.raci.map(raciNamesRecord), note);
  refreshAll(ss);
  return result;
}

/** An example RACI row (a letter per person) in the names shape: who holds each letter. */
function raciNamesRecord(r: { id: string; activity: string; letters: Record<string, string> }) {
  const holding = (letter: RaciLetter) =>
    Object.keys(r.letters)
      .filter((person) => r.letters[person] === letter)
      .join(', ');
  const record: Partial<Record<ColumnKeyOf<typeof RACI>, string>> = { id: r.id, activity: r.activity };
  for (const letter of RACI_LETTERS) record[NAME_COLUMNS[letter]] = holding(letter);
  return record;
}

/**
 * Writes records under the header of a tab that has no rows yet (a tab with rows is left alone):
 * values by column key, plus, per record, values of columns the spec does not name (RACI people).
 */
function fillIfEmpty<T extends TabSpec>(
  tab: TabData<T>,
  records: readonly Partial<Record<ColumnKeyOf<T>, string | number>>[],
  note: (tab: TabData, filled: boolean) => void,
  extraColumns: readonly ReadonlyMap<number, string>[] = [],
): void {
  const { table } = tab;
  if (table.input.rows.length > 0 || !records.length) return note(tab, false);
  const width = Math.max(table.header.length, 1);
  const grid = records.map((record, r) => {
    const line: (string | number)[] = new Array(width).fill('');
    const put = (index: number | undefined, value: string | number | undefined) => {
      if (index !== undefined && index < width && value !== undefined)
        line[index] = typeof value === 'string' ? literal(value) : value;
    };
    for (const key of Object.keys(record) as ColumnKeyOf<T>[]) put(table.map.byKey.get(key), record[key]);
    for (const [index, value] of extraColumns[r] ?? []) put(index, value);
    return line;
  });
  if (records.length + 1 > tab.maxRows)
    tab.sheet.insertRowsAfter(tab.maxRows, records.length + 1 - tab.maxRows);
  tab.sheet.getRange(2, 1, grid.length, width).setValues(grid);
  // Dates and percentages are numbers: give their cells a format in case the column had none.
  for (const column of table.spec.columns) {
    const index = table.map.byKey.get(column.key as ColumnKeyOf<T>);
    if (index === undefined || !['date', 'percent'].includes(column.type)) continue;
    tab.sheet
      .getRange(2, index + 1, grid.length, 1)
      .setNumberFormat(numberFormatOf(column, currencyFormat('USD'))!);
  }
  note(tab, true);
}

/** Fills blank setting values from the example; returns whether anything was written. */
function fillSettings(
  plan: TabData<typeof PLAN>,
  values: Partial<Record<SettingKey, string | number>>,
): boolean {
  const { rows, raw, valueIndex } = readSettingsTab(plan.table);
  const changes: { row: number; value: string | number }[] = [];
  for (const [key, row] of rows) {
    const value = values[key];
    const current = raw.get(key);
    if (value === undefined || (current !== '' && current !== undefined)) continue;
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

/**
 * Refreshes every formula tab. `reads`: 'needed' reads only what Refresh needs (names and formulas,
 * the menu's Refresh); 'whole' reads each tab whole so a later step of the same run (the report)
 * reuses the values of tabs Refresh did not change.
 */
export function refreshAll(
  ss: Spreadsheet,
  index: SheetIndex = indexSheets(ss),
  reads: 'needed' | 'whole' = 'needed',
): RefreshRun {
  const result: RefreshResult = { tabs: [], conflicts: [], unbuildable: [] };
  const unchanged = new Map<string, TabData>();
  for (const spec of PLAN_TABS) {
    if (!spec.columns.some((c) => c.type === 'formula')) continue;
    const whole = reads === 'whole' ? readTab(index, spec, true) : undefined;
    const tab = reads === 'whole' ? whole : readForRefresh(index, spec);
    if (!tab) continue;
    const plan = refreshTab(tab);
    const sheetName = tab.table.sheetName;
    if (whole && plan.blocks.length === 0) unchanged.set(spec.key, whole);
    result.tabs.push({ tab: sheetName, rows: plan.dataRows, blocks: plan.blocks.length });
    result.conflicts.push(...plan.conflicts.map((c) => ({ ...c, tab: sheetName })));
    result.unbuildable.push(...plan.unbuildable.map((u) => ({ ...u, tab: sheetName })));
  }
  return { result, unchanged };
}
