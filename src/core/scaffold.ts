/**
 * Set up plan tabs: from the shape of the workbook as it is, what to create or add, so that a
 * blank spreadsheet gets the whole plan structure and a team's own tabs are adopted without losing
 * a cell. Pure: the Apps Script adapter reads the shape and applies the result in batched calls.
 */
import {
  BUDGET_TOTALS,
  budgetTotals,
  TOTALS_WIDTH,
  totalsAt,
  type TotalsBlock,
  totalsColumns,
} from './budget-totals';
import { columnLetters } from './cells';
import { findTab, type HeaderMap, mapHeaders, normalizeName } from './headers';
import { peopleDirectory, peopleRecords } from './raci';
import { readSettingsTab, settingsOf } from './settings';
import {
  currencyFormat,
  numberFormatOf,
  PEOPLE,
  PLAN,
  PLAN_TABS,
  RACI_PERSON_COLUMN,
  SETTINGS,
} from './spec/tabs';
import type { ColumnKeyOf, ColumnSpec, RagColour, SettingSpec, TabSpec } from './spec/types';
import { readTable, type TabInput } from './tables';
import { type CellValue, isBlank } from './values';

export interface SheetShape {
  name: string;
  /** Row 1 as it is (trailing blanks may be cut). */
  header: readonly CellValue[];
  /** Notes on row 1, aligned with `header`. */
  headerNotes: readonly string[];
  lastRow: number;
  lastColumn: number;
  maxRows: number;
  maxColumns: number;
  /** Rows and columns frozen now (read for plan tabs only; absent means none). */
  frozenRows?: number;
  frozenColumns?: number;
  /** Rows 2..lastRow: read only for the Plan and People tabs (settings, and names for RACI). */
  body?: readonly (readonly CellValue[])[];
}

/** A sheet's shape as a tab read, for the table layer (body rows only where Set up read them). */
const tabInput = (shape: SheetShape): TabInput => ({
  sheetName: shape.name,
  header: shape.header,
  rows: shape.body ?? [],
});

export interface WorkbookShape {
  sheets: readonly SheetShape[];
  /** Named range → "Sheet!A1" of its cell. */
  namedRanges: Readonly<Record<string, string>>;
}

export type ValidationRule =
  | { kind: 'list'; values: readonly string[]; reject: boolean; help: string }
  | { kind: 'people'; reject: boolean; help: string }
  | { kind: 'date'; reject: boolean; help: string }
  | { kind: 'nonNegative'; reject: boolean; help: string }
  | { kind: 'email'; reject: boolean; help: string };

export type ConditionalRule =
  | { kind: 'text'; columns: number[]; text: string; colour: RagColour }
  | {
      kind: 'overdue';
      columns: number[];
      formula: string;
      colour: RagColour;
      /** Formulas earlier versions wrote for this rule: recognised as ours and replaced. */
      replaces?: string[];
    };

export interface NewColumn {
  /** 1-based sheet column. */
  column: number;
  spec: ColumnSpec;
  header: string;
  width: number;
  format?: string;
  validation?: ValidationRule;
}

export interface TabSetup {
  spec: TabSpec;
  sheetName: string;
  action: 'create' | 'adopt' | 'ready';
  /** 0-based position for a created tab. */
  position: number;
  /** Columns to write a header for, with their formats and validation over rows 2..maxRows. */
  newColumns: NewColumn[];
  /** Columns to insert first when the sheet is too narrow. */
  extraColumnsNeeded: number;
  /** Notes for header cells that have none. */
  headerNotes: { column: number; note: string }[];
  /** The header row's notes as read, so writing ours keeps the user's without reading again. */
  existingNotes: readonly string[];
  /** Bold and colour the header row (created tabs only: an adopted tab keeps its look). */
  styleHeader: boolean;
  /** Rows and columns to freeze, when that changes the tab (see freezeOf). */
  freeze?: Freeze;
  /** Budget: the totals block to write into empty header-row cells (absent when the tab has it). */
  totals?: TotalsBlock;
  conditionalRules: ConditionalRule[];
  /** Settings rows to append (Plan tab): [label, default value, about] at the mapped columns. */
  settingRows: { row: number; setting: SettingSpec }[];
  /** Named ranges to create or move, each to one value cell. */
  namedRanges: { name: string; row: number; column: number; format?: string }[];
  /** For the preview: headers recognised under another name, and columns kept as they are. */
  recognised: { header: string; as: string }[];
  kept: string[];
  /** Rows of data OpsPlan found (kept as they are). */
  dataRows: number;
  /** Spec column key → 1-based sheet column, after Set up. */
  columnOf: Record<string, number>;
}

/** What to freeze: only the counts that change. */
export interface Freeze {
  rows?: number;
  columns?: number;
}

/**
 * The header row and the columns that name a row (ID and name) stay in view when scrolling, so a
 * status keeps its row's label. The label columns are frozen only where they are the tab's leftmost
 * columns (OpsPlan never moves a team's columns); a freeze the team already set is theirs and kept.
 */
function freezeOf(
  spec: TabSpec,
  shape: SheetShape | undefined,
  byKey: Map<string, number>,
): Freeze | undefined {
  const labels = spec.columns.slice(0, spec.labelColumns ?? 0);
  const leftmost = labels.length > 0 && labels.every((column, i) => byKey.get(column.key) === i);
  const freeze: Freeze = {};
  if (!shape?.frozenRows) freeze.rows = 1;
  if (!shape?.frozenColumns && leftmost) freeze.columns = labels.length;
  return freeze.rows || freeze.columns ? freeze : undefined;
}

/** A merged range's rectangle, 1-based and inclusive. */
export interface MergedArea {
  row: number;
  column: number;
  lastRow: number;
  lastColumn: number;
}

/**
 * The part of a freeze Sheets allows: a freeze line through a merged cell is refused
 * (docs/APPS-SCRIPT.md#frozen-rows-and-columns), so that part is left out rather than failing.
 */
export function freezeAllowed(freeze: Freeze, merged: readonly MergedArea[]): Freeze {
  const { rows, columns } = freeze;
  const allowed: Freeze = {};
  if (rows && !merged.some((m) => m.row <= rows && m.lastRow > rows)) allowed.rows = rows;
  if (columns && !merged.some((m) => m.column <= columns && m.lastColumn > columns))
    allowed.columns = columns;
  return allowed;
}

export interface SetupPlan {
  tabs: TabSetup[];
  changes: number;
}

const HELP = {
  list: (values: readonly string[]) => `Choose one of: ${values.join(', ')}.`,
  people: 'Choose a name from the People tab (add new people there first).',
  date: 'Enter a date, e.g. 2026-03-31.',
  nonNegative: 'Enter a number, 0 or more.',
  email: 'Enter an email address.',
};

export function validationFor(column: ColumnSpec): ValidationRule | undefined {
  if (!column.validation) return undefined;
  const reject = column.validation === 'reject';
  switch (column.type) {
    case 'choice':
    case 'raci':
      return { kind: 'list', values: column.values ?? [], reject, help: HELP.list(column.values ?? []) };
    case 'person':
      return { kind: 'people', reject, help: HELP.people };
    case 'date':
      return { kind: 'date', reject, help: HELP.date };
    case 'money':
    case 'hours':
    case 'percent':
    case 'number':
      return { kind: 'nonNegative', reject, help: HELP.nonNegative };
    case 'email':
      return { kind: 'email', reject, help: HELP.email };
    default:
      return undefined;
  }
}

/**
 * Red dates, from the row's own Status formula so the highlight and the status are one rule: a
 * Timeline Due is red exactly when Status is Overdue (a Completed date or State Done never shows
 * red), a Goals Due when Status is Missed. A Risks review date is red when past and the risk open.
 */
function overdueRule(tab: TabSpec, byKey: Map<string, number>): ConditionalRule[] {
  const col = (key: string) => (byKey.has(key) ? byKey.get(key)! + 1 : undefined);
  /** The rule earlier versions wrote: a past date while another cell is not a value. */
  const pastUnless = (date: number, other: number, value: string) => {
    const d = `${columnLetters(date)}2`;
    return `=AND(ISNUMBER(${d}),${d}<TODAY(),$${columnLetters(other)}2<>"${value}")`;
  };
  const whenStatus = (dateKey: string, status: string, earlier: [string, string]): ConditionalRule[] => {
    const [date, statusColumn, earlierColumn] = [col(dateKey), col('status'), col(earlier[0])];
    if (!date || !statusColumn) return [];
    return [
      {
        kind: 'overdue',
        columns: [date],
        formula: `=$${columnLetters(statusColumn)}2="${status}"`,
        colour: 'red',
        replaces: earlierColumn ? [pastUnless(date, earlierColumn, earlier[1])] : [],
      },
    ];
  };
  if (tab.key === 'timeline') return whenStatus('due', 'Overdue', ['state', 'Done']);
  if (tab.key === 'goals') return whenStatus('due', 'Missed', ['status', 'Achieved']);
  if (tab.key === 'risks') {
    const [date, state] = [col('reviewDate'), col('state')];
    return date && state
      ? [{ kind: 'overdue', columns: [date], formula: pastUnless(date, state, 'Closed'), colour: 'red' }]
      : [];
  }
  return [];
}

function conditionalRules(
  tab: TabSpec,
  byKey: Map<string, number>,
  personColumns: number[],
): ConditionalRule[] {
  const rules: ConditionalRule[] = [];
  for (const column of tab.columns) {
    const index = byKey.get(column.key);
    if (index === undefined || !column.colours) continue;
    for (const [text, colour] of Object.entries(column.colours))
      rules.push({ kind: 'text', columns: [index + 1], text, colour });
  }
  // One rule per letter over every person column, however many people there are.
  if (personColumns.length) {
    for (const [text, colour] of Object.entries(RACI_PERSON_COLUMN.colours ?? {}))
      rules.push({ kind: 'text', columns: [...personColumns].sort((a, b) => a - b), text, colour });
  }
  return [...rules, ...overdueRule(tab, byKey)];
}

function newColumn(spec: ColumnSpec, column: number, currency: string, header = spec.header): NewColumn {
  return {
    column,
    spec,
    header,
    width: spec.width,
    format: numberFormatOf(spec, currencyFormat(currency)),
    validation: validationFor(spec),
  };
}

export function settingFormat(setting: SettingSpec): string | undefined {
  if (setting.type === 'date') return 'yyyy-mm-dd';
  if (setting.type === 'percent') return '0%';
  if (setting.type === 'integer') return '0';
  return undefined;
}

/** Names in the People tab, in order, without blanks or repeats. */
export function peopleNames(shape: SheetShape | undefined): string[] {
  if (!shape) return [];
  const names: string[] = [];
  for (const row of readTable(PEOPLE, tabInput(shape)).records) {
    const name = row.text('name');
    if (name && !names.some((n) => normalizeName(n) === normalizeName(name))) names.push(name);
  }
  return names;
}

/** People by name, Role and Team (src/core/raci.ts), from the People tab's shape. */
const directoryOf = (shape: SheetShape | undefined) =>
  peopleDirectory(shape ? peopleRecords(readTable(PEOPLE, tabInput(shape))) : []);

function planTab(
  spec: TabSpec,
  shape: SheetShape | undefined,
  position: number,
  workbook: WorkbookShape,
  currency: string,
  people: string[],
  directory: ReturnType<typeof peopleDirectory>,
): TabSetup {
  const header = shape?.header ?? [];
  const map: HeaderMap = mapHeaders(spec, header);
  const lastColumn = Math.max(shape?.lastColumn ?? 0, header.length);
  const newColumns: NewColumn[] = [];
  let next = lastColumn + 1;
  for (const column of map.missing) newColumns.push(newColumn(column, next++, currency));
  const byKey = new Map(map.byKey);
  for (const c of newColumns) byKey.set(c.spec.key, c.column - 1);

  // A RACI matrix: one column per person; people missing from it get a column (a names-shape RACI
  // holds people in its cells, so nothing grows with People).
  const personColumns: number[] = [];
  if (map.shape?.assigneeColumns) {
    // Someone a column names, or whose Role or Team heads a column, has a column already.
    const covered = new Set(
      map.unknown.flatMap((i) => (isBlank(header[i]) ? [] : directory(String(header[i])).people)),
    );
    map.unknown.forEach((i) => personColumns.push(i + 1));
    for (const name of people) {
      if (covered.has(name)) continue;
      const column = { ...RACI_PERSON_COLUMN, key: `person:${name}`, header: name };
      newColumns.push(newColumn(column, next, currency, name));
      personColumns.push(next++);
    }
  }

  const notes: { column: number; note: string }[] = [];
  for (const column of spec.columns) {
    const index = map.byKey.get(column.key);
    if (index !== undefined && isBlank(shape?.headerNotes[index] ?? ''))
      notes.push({ column: index + 1, note: column.note });
  }

  const settingRows: { row: number; setting: SettingSpec }[] = [];
  const namedRanges: TabSetup['namedRanges'] = [];
  if (spec.kind === 'settings') {
    const plan = readTable(PLAN, shape ? tabInput(shape) : { sheetName: spec.name, header: [], rows: [] });
    const { rows, valueIndex } = readSettingsTab(plan, byKey as Map<ColumnKeyOf<typeof PLAN>, number>);
    let row = Math.max(shape?.lastRow ?? 0, 1) + 1;
    for (const setting of SETTINGS) {
      if (!rows.has(setting.key)) {
        settingRows.push({ row, setting });
        rows.set(setting.key, row++);
      }
      const target = `${shape?.name ?? spec.name}!${columnLetters(valueIndex + 1)}${rows.get(setting.key)}`;
      if (normalizeName(workbook.namedRanges[setting.rangeName]) !== normalizeName(target)) {
        namedRanges.push({
          name: setting.rangeName,
          row: rows.get(setting.key)!,
          column: valueIndex + 1,
          format: settingFormat(setting),
        });
      }
    }
  }

  // Budget: OpsPlan's totals in the header row, after one empty column (src/core/budget-totals.ts).
  const totals =
    spec.key === 'budget' && totalsAt(header) < 0
      ? budgetTotals(byKey, next + 1, currencyFormat(currency))
      : undefined;
  const lastNeeded = totals ? totals.column + TOTALS_WIDTH - 1 : next - 1;
  const ours = spec.key === 'budget' ? totalsColumns(header) : new Set<number>();

  const freeze = freezeOf(spec, shape, byKey);
  const action = !shape
    ? 'create'
    : newColumns.length || notes.length || settingRows.length || namedRanges.length || freeze || totals
      ? 'adopt'
      : 'ready';
  return {
    spec,
    sheetName: shape?.name ?? spec.name,
    action,
    position,
    newColumns,
    extraColumnsNeeded: Math.max(0, lastNeeded - (shape?.maxColumns ?? 26)),
    headerNotes: notes.concat(
      newColumns.map((c) => ({ column: c.column, note: c.spec.note })),
      totals?.notes ?? [],
    ),
    existingNotes: shape?.headerNotes ?? [],
    styleHeader: !shape,
    freeze,
    totals,
    conditionalRules: conditionalRules(spec, byKey, personColumns),
    settingRows,
    namedRanges,
    recognised: [...map.matchedBy.entries()]
      .filter(([, m]) => m.viaAlias)
      .map(([key, m]) => ({ header: m.header, as: spec.columns.find((c) => c.key === key)!.header })),
    kept: map.shape?.assigneeColumns
      ? []
      : map.unknown.filter((i) => !ours.has(i)).map((i) => String(header[i])),
    dataRows: Math.max(0, (shape?.lastRow ?? 0) - 1),
    columnOf: Object.fromEntries([...byKey.entries()].map(([key, index]) => [key, index + 1])),
  };
}

/** What Set up will do to this workbook. Running it on its own result plans no change. */
export function planSetup(workbook: WorkbookShape): SetupPlan {
  const found = PLAN_TABS.map((spec) => ({ spec, shape: findTab(spec, workbook.sheets) }));
  const planShape = found.find((f) => f.spec.key === 'plan')!.shape;
  const currency = settingsOf(planShape && tabInput(planShape)).currency;
  const peopleShape = found.find((f) => f.spec.key === 'people')!.shape;
  const people = peopleNames(peopleShape);
  const directory = directoryOf(peopleShape);
  const tabs: TabSetup[] = [];
  let position = 0;
  const order = workbook.sheets.map((s) => s.name);
  for (const { spec, shape } of found) {
    if (shape) position = order.indexOf(shape.name) + 1;
    const setup = planTab(spec, shape, position, workbook, currency, people, directory);
    if (!shape) {
      order.splice(position, 0, spec.name);
      position++;
    }
    tabs.push(setup);
  }
  const changes = tabs.reduce((n, t) => n + (t.action === 'ready' ? 0 : 1), 0);
  // Nothing is deleted, not even an empty-looking Sheet1: see src/gas/setup.ts.
  return { tabs, changes };
}

export interface SetupPreview {
  tabs: {
    tab: string;
    sheet: string;
    action: TabSetup['action'];
    addColumns: string[];
    addSettings: string[];
    recognised: { header: string; as: string }[];
    kept: string[];
    dataRows: number;
  }[];
  changes: number;
}

/** What the sidebar shows before the user confirms: per tab, what will be added and what is kept. */
export function previewSetup(plan: SetupPlan): SetupPreview {
  return {
    changes: plan.changes,
    tabs: plan.tabs.map((t) => ({
      tab: t.spec.name,
      sheet: t.sheetName,
      action: t.action,
      addColumns: t.newColumns
        .map((c) => c.header)
        .concat(t.totals ? BUDGET_TOTALS.map((total) => total.label) : []),
      addSettings: t.settingRows.map((s) => s.setting.label),
      recognised: t.recognised,
      kept: t.kept,
      dataRows: t.dataRows,
    })),
  };
}
