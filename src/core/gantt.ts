/**
 * The Gantt view of the Timeline (docs/ARCHITECTURE.md, "Gantt view"): OpsPlan's own tab with one
 * row per piece of work and one column per week of the plan period. Every cell is a native formula
 * that reads its Timeline row by reference, and the bars are conditional formats over same-sheet
 * cells, so the view follows every change to dates, states and types as it is made; Build Gantt
 * view lays it out again when work is added or removed or the period changes.
 */
import { columnLetters } from './cells';
import type { GeneratedTab } from './ownership';
import { settingRef } from './settings';
import { TIMELINE } from './spec/tabs';
import type { RagColour } from './spec/types';
import type { KeyOf, Table } from './tables';

export const GANTT_TAB: GeneratedTab = {
  role: 'gantt',
  name: 'Gantt',
  colour: TIMELINE.colour,
  width: 0,
  // No version before the mark made a Gantt: an unmarked "Gantt" is always the team's.
  madeByEarlierVersion: () => false,
};

/** A year of weeks; a longer period shows its first 52. */
export const GANTT_MAX_WEEKS = 52;
/** The first rows of the Timeline; a chart of more is no longer readable at a glance. */
export const GANTT_MAX_ROWS = 300;

/** The columns before the weeks: the row's label, then what the bars are drawn from. */
export const GANTT_COLUMNS = [
  { header: 'ID', width: 60 },
  { header: 'Name', width: 220 },
  { header: 'Type', width: 80 },
  { header: 'Start', width: 85 },
  { header: 'Due', width: 85 },
  { header: 'Status', width: 90 },
  { header: 'Waits on', width: 75 },
] as const;
type GanttHeader = (typeof GANTT_COLUMNS)[number]['header'];
const columnOf = (header: GanttHeader) => GANTT_COLUMNS.findIndex((c) => c.header === header) + 1;
const [TYPE, START, DUE, STATUS, WAITS] = (['Type', 'Start', 'Due', 'Status', 'Waits on'] as const).map((h) =>
  columnLetters(columnOf(h)),
);
export const FIRST_WEEK_COLUMN = GANTT_COLUMNS.length + 1;
/** Start and Due: the two columns from this one hold dates. */
export const DATES_COLUMN = columnOf('Start');
export const DATE_FORMAT = 'yyyy-mm-dd';
export const WEEK_WIDTH = 46;
export const WEEK_FORMAT = 'd mmm';
export const MILESTONE = '◆';
/** "Waits on" says this when work it depends on is late. */
export const WAITS_ON_LATE = 'Late work';

export interface GanttRule {
  /** 1-based rectangle in the Gantt tab. */
  range: { row: number; column: number; numRows: number; numColumns: number };
  formula: string;
  colour: RagColour;
  /** A bar fills the cell; a label rule colours the text. */
  paint: 'fill' | 'text';
}

export interface GanttLayout {
  /** Row 1 (headers and week starts) and one row per piece of work: formulas or literal text. */
  grid: (string | number)[][];
  weeks: number;
  rules: GanttRule[];
  note: string;
  /** Timeline rows beyond GANTT_MAX_ROWS that the view leaves out. */
  leftOut: number;
}

const NEEDED = ['id', 'name', 'start', 'due', 'status'] as const satisfies readonly KeyOf<'timeline'>[];

/** Monday of the week holding a day (day numbers are Sheets serials: serial 2 is a Monday). */
export const mondayOf = (day: number): number => day - ((((day - 2) % 7) + 7) % 7);

/**
 * The Gantt tab for the Timeline as read, or null when the Timeline lacks a column the bars need
 * (Set up adds them). Rows and dependencies are resolved to Timeline rows now; dates, types, states
 * and statuses are read live by the formulas.
 */
export function ganttLayout(
  timeline: Table<typeof TIMELINE>,
  period: { start: number | null; end: number | null },
  today: number,
): GanttLayout | null {
  const column = (key: KeyOf<'timeline'>) => {
    const index = timeline.map.byKey.get(key);
    return index === undefined ? undefined : columnLetters(index + 1);
  };
  if (NEEDED.some((key) => column(key) === undefined)) return null;
  const sheet = `'${timeline.sheetName.replace(/'/g, "''")}'!`;
  const records = timeline.records.slice(0, GANTT_MAX_ROWS);
  const rowOfId = new Map<string, number>();
  for (const r of timeline.records) if (r.text('id')) rowOfId.set(r.text('id').toLowerCase(), r.row);

  // The weeks: from the Monday of the period's start (live, through its named range) when the
  // plan has a period; else from the work's own dates as they are now.
  const dates = records.flatMap((r) => [r.num('start'), r.num('due')]).filter((d): d is number => d !== null);
  const first = period.start ?? (dates.length ? Math.min(...dates) : today);
  const last = period.end ?? (dates.length ? Math.max(...dates) : today);
  const span = last >= first ? last - mondayOf(first) + 1 : 7;
  const weeks = Math.min(GANTT_MAX_WEEKS, Math.max(1, Math.ceil(span / 7)));
  const start = settingRef('periodStart');
  const firstWeek = period.start !== null ? `=${start}-MOD(${start}-2,7)` : mondayOf(first);
  const weekColumn = (w: number) => columnLetters(FIRST_WEEK_COLUMN + w);
  const header: (string | number)[] = [
    ...GANTT_COLUMNS.map((c) => c.header),
    ...Array.from({ length: weeks }, (_, w) => (w === 0 ? firstWeek : `=${weekColumn(w - 1)}1+7`)),
  ];

  const rows = records.map((record, i) => {
    const g = i + 2;
    const at = (key: KeyOf<'timeline'>) => `${sheet}${column(key)}${record.row}`;
    const orBlank = (ref: string) => `=IF(ISBLANK(${ref}),"",${ref})`;
    const type = column('type') ? `=TRIM(SUBSTITUTE(${at('type')},CHAR(160)," "))` : '';
    const dateOf = (ref: string, otherwise: string) => `IF(ISNUMBER(${ref}),${ref},${otherwise})`;
    // Work it depends on is late: not done and due on or after this work's start, or overdue.
    const late = record
      .list('dependsOn')
      .map((id) => rowOfId.get(id.toLowerCase()))
      .filter((row): row is number => row !== undefined && row !== record.row)
      .map((row) => {
        const [status, due] = [`${sheet}${column('status')}${row}`, `${sheet}${column('due')}${row}`];
        return `${status}="Overdue",AND(${status}<>"Done",ISNUMBER(${due}),ISNUMBER($${START}${g}),${due}>=$${START}${g})`;
      });
    const waits = late.length
      ? `=IF(AND($${STATUS}${g}<>"Done",OR(${late.join(',')})),"${WAITS_ON_LATE}","")`
      : '';
    const milestone = (w: number) => {
      const week = `${weekColumn(w)}$1`;
      return `=IF(AND($${TYPE}${g}="Milestone",ISNUMBER($${DUE}${g}),$${DUE}${g}>=${week},$${DUE}${g}<${week}+7),"${MILESTONE}","")`;
    };
    return [
      orBlank(at('id')),
      orBlank(at('name')),
      type,
      `=${dateOf(at('start'), dateOf(at('due'), '""'))}`,
      `=${dateOf(at('due'), '""')}`,
      orBlank(at('status')),
      waits,
      ...Array.from({ length: weeks }, (_, w) => milestone(w)),
    ];
  });

  const n = rows.length;
  const weeksArea = { row: 2, column: FIRST_WEEK_COLUMN, numRows: Math.max(1, n), numColumns: weeks };
  const week = `${columnLetters(FIRST_WEEK_COLUMN)}$1`;
  const inBar = `ISNUMBER($${START}2),ISNUMBER($${DUE}2),$${START}2<${week}+7,$${DUE}2>=${week}`;
  const rules: GanttRule[] = [
    // First match wins, as in Sheets: late before done before to do, the week of today last.
    {
      range: weeksArea,
      formula: `=AND($${WAITS}2="${WAITS_ON_LATE}",${inBar})`,
      colour: 'red',
      paint: 'fill',
    },
    { range: weeksArea, formula: `=AND($${STATUS}2="Overdue",${inBar})`, colour: 'red', paint: 'fill' },
    { range: weeksArea, formula: `=AND($${STATUS}2="Done",${inBar})`, colour: 'green', paint: 'fill' },
    { range: weeksArea, formula: `=AND(${inBar})`, colour: 'blue', paint: 'fill' },
    {
      range: { ...weeksArea, row: 1, numRows: weeksArea.numRows + 1 },
      formula: `=AND(${columnLetters(FIRST_WEEK_COLUMN)}$1<=TODAY(),TODAY()<${columnLetters(FIRST_WEEK_COLUMN)}$1+7)`,
      colour: 'amber',
      paint: 'fill',
    },
    {
      range: { row: 2, column: 1, numRows: Math.max(1, n), numColumns: 2 },
      formula: `=$${WAITS}2="${WAITS_ON_LATE}"`,
      colour: 'red',
      paint: 'text',
    },
  ];
  return {
    grid: [header, ...rows],
    weeks,
    rules,
    note:
      'Generated by OpsPlan (Extensions → OpsPlan → Build Gantt view) from the Timeline tab; edits here are overwritten. ' +
      `Every cell reads its Timeline row, so dates and states show as you change them; build the view again after adding work or changing the plan period. ` +
      `Bars: blue to do, green done, red overdue or waiting on late work (its ID and name red too); ${MILESTONE} a milestone's due week; amber: this week.`,
    leftOut: Math.max(0, timeline.records.length - GANTT_MAX_ROWS),
  };
}
