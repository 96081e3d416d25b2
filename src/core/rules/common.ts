/** Rules every plan tab shares: structure, cell values, IDs, owners, dates and formula columns. */
import { columnLetters } from '../cells';
import { normalizeName } from '../headers';
import { formulaPlan } from '../refresh';
import { TABS } from '../spec/tabs';
import type { ColumnSpec, TabKey } from '../spec/types';
import type { Table } from '../tables';
import { isErrorValue, isoFromDay, preview } from '../values';
import { type CheckContext, eachRecordOf, type Hit, idKey, perTable, rule } from './define';

/** The tabs that hold records (not the Plan settings). */
export const RECORD_TABS = ['people', 'goals', 'raci', 'budget', 'timeline', 'risks'] as const;
const DATED_TABS = ['goals', 'budget', 'timeline', 'risks'] as const;
const ID_TABS = ['goals', 'budget', 'timeline', 'risks'] as const;

function* tablesOf(ctx: CheckContext, keys: readonly TabKey[]): Iterable<[TabKey, Table]> {
  for (const key of keys) {
    const table = ctx.tables[key] as Table | undefined;
    if (table) yield [key, table];
  }
}

export const missingTab = rule({
  id: 'missing-tab',
  tabs: RECORD_TABS,
  severity: 'error',
  summary: 'Every plan tab exists (People, Goals, RACI, Budget, Timeline, Risks).',
  message: (p: { name: string }) => `There is no ${p.name} tab.`,
  fix: () => 'Run Set up plan tabs.',
  *find(ctx) {
    for (const key of RECORD_TABS)
      if (!ctx.tables[key]) yield { tab: key, row: 0, params: { name: TABS[key].name } };
  },
});

export const missingColumn = rule({
  id: 'missing-column',
  tabs: ['plan', ...RECORD_TABS],
  severity: (p: { column: ColumnSpec; sheet: string }) =>
    p.column.type === 'formula' || p.column.required ? 'error' : 'warning',
  summary: 'Every column of the tab spec is present (found by its header or an alias).',
  message: (p) => `The ${p.sheet} tab has no "${p.column.header}" column.`,
  fix: () => 'Run Set up plan tabs: it adds missing columns without touching your data.',
  *find(ctx) {
    for (const [key, table] of tablesOf(ctx, ['plan', ...RECORD_TABS]))
      for (const column of table.map.missing)
        yield { tab: key, row: 0, column: column.key, params: { column, sheet: table.sheetName } };
  },
});

export const duplicateColumn = rule({
  id: 'duplicate-column',
  tabs: ['plan', ...RECORD_TABS],
  severity: 'warning',
  summary: 'No two columns mean the same thing.',
  message: (p: { header: string; firstLetter: string; firstHeader: string }) =>
    `"${p.header}" means the same as column ${p.firstLetter} ("${p.firstHeader}"); OpsPlan reads only the first.`,
  fix: () => 'Rename or remove one of the two columns.',
  *find(ctx) {
    for (const [key, table] of tablesOf(ctx, ['plan', ...RECORD_TABS]))
      for (const d of table.map.duplicates) {
        const first = table.map.byKey.get(d.key)! + 1;
        yield {
          tab: key,
          row: 1,
          column: d.index + 1,
          params: {
            header: String(table.header[d.index]),
            firstLetter: columnLetters(first),
            firstHeader: String(table.header[first - 1]),
          },
        };
      }
  },
});

/** The data columns (not formulas) a tab has: once per table read, not once per row. */
const dataColumns = perTable((table: Table): ColumnSpec[] =>
  table.spec.columns.filter((c) => c.type !== 'formula' && table.hasColumn(c.key)),
);
const requiredColumns = perTable((table: Table): ColumnSpec[] =>
  dataColumns(table).filter((c) => c.required),
);
const formulaColumns = perTable((table: Table): ColumnSpec[] =>
  table.spec.columns.filter((c) => c.type === 'formula' && table.hasColumn(c.key)),
);

export const errorValue = rule({
  id: 'error-value',
  tabs: RECORD_TABS,
  severity: 'error',
  summary: 'No data cell shows a formula error such as #REF! or #N/A.',
  message: (p: { header: string; problem: string }) => `${p.header}: ${p.problem}.`,
  fix: () => 'Fix or remove what the cell refers to, or type the value itself.',
  find: eachRecordOf(
    RECORD_TABS,
    (row, table) =>
      row.hasProblems() &&
      dataColumns(table)
        .filter((c) => row.problem(c.key) && isErrorValue(row.cell(c.key)))
        .map((c) => ({ column: c.key, params: { header: c.header, problem: row.problem(c.key)! } })),
  ),
});

export const badValue = rule({
  id: 'bad-value',
  tabs: RECORD_TABS,
  severity: 'error',
  summary: 'Every cell holds a value of its column’s type (date, number, percentage, email, choice…).',
  message: (p: { column: ColumnSpec; problem: string }) => `${p.column.header}: ${p.problem}.`,
  fix: (p) => fixForType(p.column),
  find: eachRecordOf(
    RECORD_TABS,
    (row, table) =>
      row.hasProblems() &&
      dataColumns(table)
        .filter((c) => row.problem(c.key) && !isErrorValue(row.cell(c.key)))
        .map((c) => ({ column: c.key, params: { column: c, problem: row.problem(c.key)! } })),
  ),
});

export const required = rule({
  id: 'required',
  tabs: RECORD_TABS,
  severity: (p: { column: ColumnSpec }) => p.column.required ?? 'warning',
  summary: 'Required columns are filled in on every row that has data (ID, name, owner…).',
  message: (p) => `${p.column.header} is blank.`,
  fix: (p) => `Fill in ${p.column.header}: ${p.column.note}`,
  find: eachRecordOf(RECORD_TABS, (row, table) =>
    requiredColumns(table)
      .filter((c) => !row.has(c.key))
      .map((c) => ({ column: c.key, params: { column: c } })),
  ),
});

/** How to fix a value of a column type. */
function fixForType(column: ColumnSpec): string {
  switch (column.type) {
    case 'date':
      return 'Enter a date such as 2026-03-31 (or pick one: double-click the cell).';
    case 'money':
    case 'hours':
      return 'Enter a number, 0 or more, without text.';
    case 'number':
    case 'integer':
      return 'Enter a number without text or units (put the unit in the Unit column).';
    case 'percent':
      return 'Enter a percentage such as 45% (or 0.45).';
    case 'scale':
      return 'Use 1–5, or one of: Rare, Unlikely, Possible, Likely, Almost certain (Low, Medium, High also work).';
    case 'choice':
    case 'raci':
      return `Pick one of: ${(column.values ?? []).join(', ')}.`;
    case 'email':
    case 'emails':
      return 'Enter a full email address such as name@example.com.';
    case 'id':
    case 'ids':
      return 'Use short IDs without spaces, such as T3; separate several with commas.';
    default:
      return 'Correct the value.';
  }
}

export const duplicateId = rule({
  id: 'duplicate-id',
  tabs: ID_TABS,
  severity: 'error',
  summary: 'IDs are unique within their tab (compared without case).',
  message: (p: { id: string; firstRow: number }) =>
    `ID ${preview(p.id, 20)} is used again (first in row ${p.firstRow}).`,
  fix: () => 'Give this row its own ID; other tabs refer to rows by ID.',
  find: eachRecordOf(ID_TABS, (row, table, ctx) => {
    const id = row.text('id');
    const first = id ? ctx.ids[table.spec.key as (typeof ID_TABS)[number]].get(idKey(id)) : undefined;
    return first && first !== row && { column: 'id', params: { id, firstRow: first.row } };
  }),
});

export const unknownOwner = rule({
  id: 'unknown-owner',
  tabs: ['plan', ...DATED_TABS],
  severity: 'warning',
  summary: 'Owners (and the Plan owner) are names on the People tab, so they can be emailed.',
  message: (p: { owner: string; plan: boolean }) =>
    p.plan
      ? `Plan owner ${preview(p.owner)} is not on the People tab.`
      : `${preview(p.owner)} is not on the People tab, so they cannot get status emails.`,
  fix: (p) =>
    p.plan
      ? 'Pick a name from People.'
      : 'Pick a name from the dropdown, or add the person (with an email) to People.',
  *find(ctx) {
    const owner = ctx.settings.planOwner;
    if (owner && ctx.people.size && !ctx.people.has(normalizeName(owner)) && ctx.settingsTab) {
      const row = ctx.settingsTab.rows.get('planOwner') ?? 0;
      yield { tab: 'plan', row, column: ctx.settingsTab.valueIndex + 1, params: { owner, plan: true } };
    }
    yield* eachRecordOf<{ owner: string; plan: boolean }>(DATED_TABS, (row, _table, ctx) => {
      const owner = row.text('owner');
      return (
        owner && !ctx.people.has(normalizeName(owner)) && { column: 'owner', params: { owner, plan: false } }
      );
    })(ctx);
  },
});

export const startAfterDue = rule({
  id: 'start-after-due',
  tabs: DATED_TABS,
  severity: 'error',
  summary: 'Start is on or before Due.',
  message: (p: { start: number; due: number }) =>
    `Due (${isoFromDay(p.due)}) is before Start (${isoFromDay(p.start)}).`,
  fix: () => 'Move Due to on or after Start, or correct Start.',
  find: eachRecordOf(DATED_TABS, (row) => {
    const [start, due] = [row.num('start'), row.num('due')];
    return start !== null && due !== null && start > due && { column: 'due', params: { start, due } };
  }),
});

export const outsidePeriod = rule({
  id: 'outside-period',
  tabs: DATED_TABS,
  severity: 'warning',
  summary: 'Start and Due fall inside the plan period.',
  message: (p: { day: number; start: number; end: number }) =>
    `${isoFromDay(p.day)} is outside the plan period (${isoFromDay(p.start)} to ${isoFromDay(p.end)}).`,
  fix: () => 'Move the date into the period, or widen the period on the Plan tab.',
  find: eachRecordOf(DATED_TABS, (row, _table, ctx) => {
    const { periodStart: start, periodEnd: end } = ctx.settings;
    if (start === null || end === null) return null;
    return (['start', 'due'] as const).flatMap((key) => {
      const day = row.num(key);
      return day !== null && (day < start || day > end) ? [{ column: key, params: { day, start, end } }] : [];
    });
  }),
});

const FORMULA_TABS = ['goals', 'budget', 'timeline', 'risks'] as const;

/** The refresh plan of each formula tab, computed once per check. */
const plans = new WeakMap<Table, ReturnType<typeof formulaPlan>>();
function planOf(table: Table) {
  let plan = plans.get(table);
  if (!plan) plans.set(table, (plan = formulaPlan(table)));
  return plan;
}

export const formulaOverwritten = rule({
  id: 'formula-overwritten',
  tabs: FORMULA_TABS,
  severity: 'warning',
  summary:
    'Computed columns hold OpsPlan’s formula; a typed value or a formula OpsPlan did not write is kept, and reported.',
  message: (p: { header: string; kind: 'value' | 'formula'; value: string }) =>
    p.kind === 'value'
      ? `${p.header} holds a typed value ("${p.value}") instead of OpsPlan's formula, so it is not live.`
      : `${p.header} holds a formula OpsPlan did not write (${p.value}): OpsPlan keeps it and does not update it.`,
  fix: () =>
    'To let OpsPlan compute this cell, clear it, then run Refresh KPI status to put its formula back.',
  *find(ctx) {
    for (const [key, table] of tablesOf(ctx, FORMULA_TABS))
      for (const c of planOf(table).conflicts)
        yield {
          tab: key,
          row: c.row,
          column: c.column,
          params: { header: c.header, kind: c.kind, value: c.value },
        };
  },
});

export const formulasOutdated = rule({
  id: 'formulas-outdated',
  tabs: FORMULA_TABS,
  severity: 'info',
  summary: 'Every named row (an ID or a name) has its computed columns’ current formulas.',
  message: (p: { sheet: string }) => `Some rows of ${p.sheet} have no or outdated status formulas.`,
  fix: () => 'Run Refresh KPI status.',
  *find(ctx) {
    for (const [key, table] of tablesOf(ctx, FORMULA_TABS))
      if (table.input.formulas && planOf(table).blocks.length > 0)
        yield { tab: key, row: 0, params: { sheet: table.sheetName } };
  },
});

export const formulaError = rule({
  id: 'formula-error',
  tabs: FORMULA_TABS,
  severity: 'error',
  summary: 'No computed cell shows an error.',
  message: (p: { header: string; value: string }) => `${p.header} shows ${p.value}.`,
  fix: () => 'Check the cells this row’s formula reads, then run Refresh KPI status.',
  find: eachRecordOf(FORMULA_TABS, (row, table) =>
    formulaColumns(table)
      .filter((c) => isErrorValue(row.cell(c.key)))
      .map((c) => ({ column: c.key, params: { header: c.header, value: String(row.cell(c.key)) } })),
  ),
});

export const COMMON_RULES = [
  missingTab,
  missingColumn,
  duplicateColumn,
  errorValue,
  badValue,
  required,
  duplicateId,
  unknownOwner,
  startAfterDue,
  outsidePeriod,
  formulaOverwritten,
  formulasOutdated,
  formulaError,
] as const;

export type { Hit };
