/**
 * Check plan: every rule of the plan model, over the tabs as read, as findings that name the tab,
 * row, column and cell and say how to fix it. Pure and total: any cell value yields findings,
 * never an exception; nothing here can edit a cell.
 */
import { a1 } from './cells';
import { type HeaderMap, mapHeaders, normalizeName } from './headers';
import { formulaPlan, rowHasData } from './refresh';
import { type ParsedRow, parseRow } from './schema';
import { type PlanSettings, readSettingsTab, resolveSettings } from './settings';
import {
  BUDGET,
  GOALS,
  PEOPLE,
  PLAN,
  RACI,
  RACI_PERSON_COLUMN,
  RISKS,
  SETTINGS,
  TIMELINE,
} from './spec/tabs';
import type { ColumnSpec, Severity, TabKey, TabSpec } from './spec/types';
import { isStaleKpi } from './status';
import { type CellValue, isBlank, isErrorValue, isoFromDay, parseCell, preview } from './values';

export interface Finding {
  severity: Severity;
  /** Rule identifier, stable for tests and filtering. */
  rule: string;
  tab: string;
  tabKey: TabKey;
  /** 1-based; 0 when the finding is about the whole tab. */
  row: number;
  column: number;
  header: string;
  cell: string;
  message: string;
  fix: string;
}

export interface TabInput {
  sheetName: string;
  header: readonly CellValue[];
  rows: readonly (readonly CellValue[])[];
  /** Formulas of the same cells (needed for formula columns). */
  formulas?: readonly (readonly string[])[];
}

export type PlanInput = Partial<Record<TabKey, TabInput>>;

interface Row {
  row: number;
  raw: readonly CellValue[];
  parsed: ParsedRow;
}

interface TabRead {
  spec: TabSpec;
  input: TabInput;
  map: HeaderMap;
  rows: Row[];
}

class Findings {
  readonly list: Finding[] = [];
  add(
    tab: TabRead,
    severity: Severity,
    rule: string,
    row: number,
    columnKey: string | number | null,
    message: string,
    fix: string,
  ): void {
    let column = 0;
    let header = '';
    if (typeof columnKey === 'number') {
      column = columnKey;
      header = String(tab.input.header[columnKey - 1] ?? '');
    } else if (columnKey) {
      const index = tab.map.byKey.get(columnKey);
      column = index === undefined ? 0 : index + 1;
      header =
        index === undefined
          ? (tab.spec.columns.find((c) => c.key === columnKey)?.header ?? '')
          : String(tab.input.header[index]);
    }
    this.list.push({
      severity,
      rule,
      tab: tab.input.sheetName,
      tabKey: tab.spec.key,
      row,
      column,
      header,
      cell: row && column ? a1(row, column) : '',
      message,
      fix,
    });
  }
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function readTab(spec: TabSpec, input: TabInput): TabRead {
  const map = mapHeaders(spec, input.header);
  const rows: Row[] = [];
  input.rows.forEach((raw, i) => {
    if (!rowHasData(spec, map, raw)) return;
    rows.push({ row: i + 2, raw, parsed: parseRow(spec, map.byKey, raw) });
  });
  return { spec, input, map, rows };
}

const text = (row: Row, key: string): string => {
  const v = row.parsed.values[key];
  return v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v);
};
const num = (row: Row, key: string): number | null =>
  typeof row.parsed.values[key] === 'number' ? (row.parsed.values[key] as number) : null;
const list = (row: Row, key: string): string[] =>
  Array.isArray(row.parsed.values[key]) ? (row.parsed.values[key] as string[]) : [];
const has = (row: Row, key: string) => text(row, key) !== '' || row.parsed.problems.has(key);

function checkStructure(tab: TabRead, f: Findings): void {
  for (const column of tab.map.missing) {
    const severity = column.type === 'formula' || column.required ? 'error' : 'warning';
    f.add(
      tab,
      severity,
      'missing-column',
      0,
      null,
      `The ${tab.input.sheetName} tab has no "${column.header}" column.`,
      'Run Set up plan tabs: it adds missing columns without touching your data.',
    );
  }
  for (const d of tab.map.duplicates) {
    const first = tab.map.byKey.get(d.key)! + 1;
    f.add(
      tab,
      'warning',
      'duplicate-column',
      1,
      d.index + 1,
      `"${tab.input.header[d.index]}" means the same as column ${a1(1, first).replace(/\d+$/, '')} ("${tab.input.header[first - 1]}"); OpsPlan reads only the first.`,
      'Rename or remove one of the two columns.',
    );
  }
}

function checkCells(tab: TabRead, f: Findings): void {
  for (const row of tab.rows) {
    for (const column of tab.spec.columns) {
      if (!tab.map.byKey.has(column.key) || column.type === 'formula') continue;
      const problem = row.parsed.problems.get(column.key);
      if (problem) {
        const isError = isErrorValue(row.raw[tab.map.byKey.get(column.key)!]);
        f.add(
          tab,
          'error',
          isError ? 'error-value' : 'bad-value',
          row.row,
          column.key,
          `${column.header}: ${problem}.`,
          fixFor(column, isError),
        );
      } else if (column.required && !has(row, column.key)) {
        f.add(
          tab,
          column.required,
          'required',
          row.row,
          column.key,
          `${column.header} is blank.`,
          `Fill in ${column.header}: ${column.note}`,
        );
      }
    }
  }
}

function fixFor(column: ColumnSpec, errorValue: boolean): string {
  if (errorValue) return 'Fix or remove what the cell refers to, or type the value itself.';
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

function checkIds(tab: TabRead, f: Findings): Map<string, Row> {
  const seen = new Map<string, Row>();
  if (!tab.map.byKey.has('id')) return seen;
  for (const row of tab.rows) {
    const id = text(row, 'id');
    if (!id) continue;
    const key = id.toLowerCase();
    const first = seen.get(key);
    if (first)
      f.add(
        tab,
        'error',
        'duplicate-id',
        row.row,
        'id',
        `ID ${preview(id, 20)} is used again (first in row ${first.row}).`,
        'Give this row its own ID; other tabs refer to rows by ID.',
      );
    else seen.set(key, row);
  }
  return seen;
}

function checkReference(
  tab: TabRead,
  f: Findings,
  key: string,
  targets: Map<string, Row>,
  targetName: string,
): void {
  if (!tab.map.byKey.has(key)) return;
  for (const row of tab.rows) {
    const ids =
      tab.spec.columns.find((c) => c.key === key)?.type === 'ids'
        ? list(row, key)
        : text(row, key)
          ? [text(row, key)]
          : [];
    for (const id of ids) {
      if (!targets.has(id.toLowerCase())) {
        f.add(
          tab,
          'error',
          'unknown-reference',
          row.row,
          key,
          `${preview(id, 20)} is not an ID on the ${targetName} tab.`,
          `Use an existing ${targetName} ID, or add that row to ${targetName} first.`,
        );
      }
    }
  }
}

function checkOwners(tab: TabRead, f: Findings, people: Set<string>): void {
  if (!tab.map.byKey.has('owner')) return;
  for (const row of tab.rows) {
    const owner = text(row, 'owner');
    if (owner && !people.has(normalizeName(owner))) {
      f.add(
        tab,
        'warning',
        'unknown-owner',
        row.row,
        'owner',
        `${preview(owner)} is not on the People tab, so they cannot get status emails.`,
        'Pick a name from the dropdown, or add the person (with an email) to People.',
      );
    }
  }
}

function checkDates(tab: TabRead, f: Findings, settings: PlanSettings): void {
  for (const row of tab.rows) {
    const start = num(row, 'start');
    const due = num(row, 'due');
    if (start !== null && due !== null && start > due) {
      f.add(
        tab,
        'error',
        'start-after-due',
        row.row,
        'due',
        `Due (${isoFromDay(due)}) is before Start (${isoFromDay(start)}).`,
        'Move Due to on or after Start, or correct Start.',
      );
    }
    const { periodStart, periodEnd } = settings;
    for (const key of ['start', 'due'] as const) {
      const day = num(row, key);
      if (day === null || periodStart === null || periodEnd === null) continue;
      if (day < periodStart || day > periodEnd) {
        f.add(
          tab,
          'warning',
          'outside-period',
          row.row,
          key,
          `${isoFromDay(day)} is outside the plan period (${isoFromDay(periodStart)} to ${isoFromDay(periodEnd)}).`,
          'Move the date into the period, or widen the period on the Plan tab.',
        );
      }
    }
  }
}

function checkTimeline(tab: TabRead, f: Findings, ids: Map<string, Row>, goals: Map<string, Row>): void {
  checkReference(tab, f, 'goal', goals, GOALS.name);
  checkReference(tab, f, 'dependsOn', ids, tab.input.sheetName);
  for (const row of tab.rows) {
    const state = text(row, 'state');
    if (state === 'Done' && !has(row, 'completed') && tab.map.byKey.has('completed')) {
      f.add(
        tab,
        'warning',
        'done-without-date',
        row.row,
        'completed',
        'State is Done but Completed is blank.',
        'Enter the date it was completed.',
      );
    }
    if (has(row, 'completed') && state && state !== 'Done') {
      f.add(
        tab,
        'warning',
        'completed-not-done',
        row.row,
        'state',
        `Completed is set but State is ${preview(state)}.`,
        'Set State to Done, or clear Completed if the work is not finished.',
      );
    }
    const start = num(row, 'start');
    const early = list(row, 'dependsOn').filter((dep) => {
      const before = ids.get(dep.toLowerCase());
      const depDue = before ? num(before, 'due') : null;
      return (
        start !== null &&
        depDue !== null &&
        start < depDue &&
        dep.toLowerCase() !== text(row, 'id').toLowerCase()
      );
    });
    if (early.length && start !== null) {
      const names = early
        .map((d) => `${preview(d, 20)} (due ${isoFromDay(num(ids.get(d.toLowerCase())!, 'due')!)})`)
        .join(', ');
      f.add(
        tab,
        'warning',
        'starts-before-dependency',
        row.row,
        'start',
        `Starts ${isoFromDay(start)}, before ${names} ${early.length === 1 ? 'is' : 'are'} due.`,
        'Start after what it depends on is due, or remove a dependency that is not one.',
      );
    }
    for (const dep of list(row, 'dependsOn')) {
      if (dep.toLowerCase() === text(row, 'id').toLowerCase()) {
        f.add(
          tab,
          'error',
          'dependency-cycle',
          row.row,
          'dependsOn',
          `${preview(dep, 20)} depends on itself.`,
          'Remove the row’s own ID from Depends on.',
        );
      }
    }
  }
  for (const cycle of dependencyCycles(tab, ids)) {
    const first = ids.get(cycle[0]!.toLowerCase())!;
    f.add(
      tab,
      'error',
      'dependency-cycle',
      first.row,
      'dependsOn',
      `Dependencies go round in a circle: ${[...cycle, cycle[0]].map((id) => preview(id, 20)).join(' → ')}.`,
      'Remove one of these dependencies so the work has an order.',
    );
  }
}

/** Cycles in Depends on (longer than one step), each reported once. */
export function dependencyCycles(tab: TabRead, ids: Map<string, Row>): string[][] {
  const edges = new Map<string, string[]>();
  for (const [key, row] of ids)
    edges.set(
      key,
      list(row, 'dependsOn')
        .map((d) => d.toLowerCase())
        .filter((d) => ids.has(d) && d !== key),
    );
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  const seenCycles = new Set<string>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'visiting') {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join('|');
        if (!seenCycles.has(key)) {
          seenCycles.add(key);
          cycles.push(cycle.map((k) => text(ids.get(k)!, 'id')));
        }
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  // Iterative deepening is not needed: plans are shallow, but guard the stack on huge chains.
  for (const node of edges.keys()) if (!state.has(node) && stack.length < 5000) visit(node);
  return cycles;
}

function checkGoals(
  tab: TabRead,
  f: Findings,
  ids: Map<string, Row>,
  settings: PlanSettings,
  today: number,
): void {
  checkReference(tab, f, 'parent', ids, tab.input.sheetName);
  for (const row of tab.rows) {
    if (text(row, 'parent') && text(row, 'parent').toLowerCase() === text(row, 'id').toLowerCase()) {
      f.add(
        tab,
        'error',
        'own-parent',
        row.row,
        'parent',
        'A goal cannot be its own parent.',
        'Use the ID of the goal this one serves, or leave Parent blank.',
      );
    }
    if (!text(row, 'kpi')) continue;
    const missing = (['unit', 'direction', 'baseline', 'target', 'owner', 'due'] as const).filter(
      (k) => tab.map.byKey.has(k) && !has(row, k),
    );
    for (const key of missing) {
      const column = GOALS.columns.find((c) => c.key === key)!;
      const severity = key === 'target' || key === 'direction' ? 'error' : 'warning';
      f.add(
        tab,
        severity,
        'kpi-not-smart',
        row.row,
        key,
        `The KPI has no ${column.header}: it is not measurable and time-bound without it.`,
        `Fill in ${column.header}. ${column.note}`,
      );
    }
    const [baseline, target] = [num(row, 'baseline'), num(row, 'target')];
    if (
      baseline !== null &&
      target !== null &&
      baseline === target &&
      text(row, 'direction') !== 'Maintain'
    ) {
      f.add(
        tab,
        'error',
        'target-equals-baseline',
        row.row,
        'target',
        `Target equals Baseline (${target}), so progress cannot be measured.`,
        'Set the Target you aim for, or set Direction to Maintain.',
      );
    }
    const direction = text(row, 'direction');
    if (
      baseline !== null &&
      target !== null &&
      ((direction === 'Increase' && target < baseline) || (direction === 'Decrease' && target > baseline))
    ) {
      f.add(
        tab,
        'warning',
        'direction-mismatch',
        row.row,
        'direction',
        `Direction is ${preview(direction)} but Target (${target}) is ${target < baseline ? 'below' : 'above'} Baseline (${baseline}).`,
        'Check the Direction, Baseline and Target.',
      );
    }
    const updated = num(row, 'updated');
    if (
      has(row, 'actual') &&
      tab.map.byKey.has('updated') &&
      updated === null &&
      !row.parsed.problems.has('updated')
    ) {
      f.add(
        tab,
        'warning',
        'kpi-not-dated',
        row.row,
        'updated',
        'Actual has no Updated date, so nobody can tell how fresh it is.',
        'Enter the date Actual was measured.',
      );
    } else if (updated !== null && isStaleKpi(updated, statusOf(tab, row), today, settings.kpiCadenceDays)) {
      f.add(
        tab,
        'warning',
        'kpi-stale',
        row.row,
        'updated',
        `Updated ${today - updated} days ago, more than the ${settings.kpiCadenceDays}-day update cadence.`,
        `Ask ${preview(text(row, 'owner')) || 'the owner'} for the latest Actual and update the date.`,
      );
    }
  }
}

/** The row's Status as its formula computed it. */
function statusOf(tab: TabRead, row: Row): string {
  const index = tab.map.byKey.get('status');
  return index === undefined ? '' : String(row.raw[index] ?? '');
}

function checkBudget(tab: TabRead, f: Findings, goals: Map<string, Row>): void {
  checkReference(tab, f, 'goal', goals, GOALS.name);
  for (const row of tab.rows) {
    if (!has(row, 'planned') && !has(row, 'hours') && tab.map.byKey.has('planned')) {
      f.add(
        tab,
        'warning',
        'no-planned-cost',
        row.row,
        'planned',
        'The line has neither Planned money nor Hours.',
        'Enter the planned spend, or Hours and Rate for in-house work.',
      );
    }
    if (has(row, 'hours') && !has(row, 'rate') && tab.map.byKey.has('rate')) {
      f.add(
        tab,
        'warning',
        'hours-without-rate',
        row.row,
        'rate',
        'Hours are planned but Rate is blank, so they cost nothing in the Planned total.',
        'Enter the cost of one hour.',
      );
    }
  }
}

function checkRisks(tab: TabRead, f: Findings, today: number): void {
  for (const row of tab.rows) {
    if (text(row, 'state') === 'Closed') continue;
    for (const key of ['owner', 'response', 'reviewDate', 'likelihood', 'impact'] as const) {
      if (tab.map.byKey.has(key) && !has(row, key)) {
        const column = RISKS.columns.find((c) => c.key === key)!;
        f.add(
          tab,
          'warning',
          'open-risk-incomplete',
          row.row,
          key,
          `This open risk has no ${column.header}.`,
          `Fill in ${column.header}: ${column.note}`,
        );
      }
    }
    const response = text(row, 'response');
    if (response && !/\bif\b[\s\S]*\bthen\b/i.test(response)) {
      f.add(
        tab,
        'info',
        'response-not-if-then',
        row.row,
        'response',
        'The response is not written as if-then.',
        'Say when it applies and what happens: "If <trigger>, then <action>".',
      );
    }
    const review = num(row, 'reviewDate');
    if (review !== null && review < today) {
      f.add(
        tab,
        'warning',
        'review-overdue',
        row.row,
        'reviewDate',
        `The review was due ${isoFromDay(review)}.`,
        'Review the risk, update Likelihood, Impact and Response, and set the next Review date.',
      );
    }
  }
}

function checkPeople(tab: TabRead, f: Findings): Set<string> {
  const names = new Map<string, Row>();
  const emails = new Map<string, Row>();
  for (const row of tab.rows) {
    const name = text(row, 'name');
    if (name) {
      const first = names.get(normalizeName(name));
      if (first)
        f.add(
          tab,
          'error',
          'duplicate-person',
          row.row,
          'name',
          `${preview(name)} is listed twice (first in row ${first.row}).`,
          'Keep one row per person; tell namesakes apart, e.g. with an initial.',
        );
      else names.set(normalizeName(name), row);
    }
    const email = text(row, 'email').toLowerCase();
    if (email) {
      const first = emails.get(email);
      if (first)
        f.add(
          tab,
          'warning',
          'duplicate-email',
          row.row,
          'email',
          `${preview(email)} is also the email of row ${first.row}.`,
          'Give each person their own address.',
        );
      else emails.set(email, row);
    }
  }
  return new Set(names.keys());
}

function checkRaci(tab: TabRead, f: Findings, people: Set<string>, activities: Map<string, Row>): void {
  const personColumns = tab.map.unknown.filter((i) => !isBlank(tab.input.header[i]));
  for (const index of personColumns) {
    const name = String(tab.input.header[index]);
    if (!people.has(normalizeName(name))) {
      f.add(
        tab,
        'error',
        'raci-unknown-person',
        1,
        index + 1,
        `${preview(name)} is not on the People tab.`,
        'Add them to People, or rename the column to a name from People.',
      );
    }
  }
  checkReference(tab, f, 'id', activities, `${GOALS.name} or ${TIMELINE.name}`);
  for (const row of tab.rows) {
    let accountable = 0;
    let responsible = 0;
    for (const index of personColumns) {
      const value = row.raw[index];
      if (isBlank(value)) continue;
      const parsed = parseCell(RACI_PERSON_COLUMN, typeof value === 'string' ? value.trim() : value);
      if (!parsed.ok) {
        f.add(
          tab,
          'error',
          'raci-letter',
          row.row,
          index + 1,
          `"${preview(value, 20)}" is not one of R, A, C, I.`,
          'One letter per person: R (does the work), A (accountable), C (consulted) or I (informed).',
        );
        continue;
      }
      if (parsed.value === 'A') accountable++;
      if (parsed.value === 'R') responsible++;
    }
    const label = preview(text(row, 'id') || text(row, 'activity'));
    if (accountable !== 1) {
      f.add(
        tab,
        'error',
        'raci-accountable',
        row.row,
        'id',
        accountable === 0
          ? `${label} has no Accountable (A).`
          : `${label} has ${accountable} Accountables; there must be exactly one.`,
        'Mark exactly one person A: they sign off and receive escalations.',
      );
    }
    if (responsible === 0) {
      f.add(
        tab,
        'warning',
        'raci-responsible',
        row.row,
        'id',
        `${label} has no Responsible (R): the Accountable does the work.`,
        'Mark who does the work with R.',
      );
    }
  }
}

function checkFormulaColumns(tab: TabRead, f: Findings): void {
  if (!tab.spec.columns.some((c) => c.type === 'formula')) return;
  const plan = formulaPlan(tab.spec, tab.map, tab.input.rows, tab.input.formulas ?? []);
  for (const c of plan.conflicts) {
    f.add(
      tab,
      'warning',
      'formula-overwritten',
      c.row,
      c.column,
      `${c.header} holds a typed value ("${c.value}") instead of OpsPlan's formula, so it is not live.`,
      'Clear the cell, then run Refresh KPI status to put the formula back.',
    );
  }
  const missingFormulas = plan.blocks.reduce((n, b) => n + b.formulas.length, 0);
  if (missingFormulas > 0 && tab.input.formulas) {
    f.add(
      tab,
      'info',
      'formulas-outdated',
      0,
      null,
      `Some rows of ${tab.input.sheetName} have no or outdated status formulas.`,
      'Run Refresh KPI status.',
    );
  }
  for (const column of tab.spec.columns) {
    if (column.type !== 'formula' || !tab.map.byKey.has(column.key)) continue;
    const index = tab.map.byKey.get(column.key)!;
    for (const row of tab.rows) {
      if (isErrorValue(row.raw[index]))
        f.add(
          tab,
          'error',
          'formula-error',
          row.row,
          column.key,
          `${column.header} shows ${row.raw[index]}.`,
          'Check the cells this row’s formula reads, then run Refresh KPI status.',
        );
    }
  }
}

function checkSettings(
  tab: TabRead | undefined,
  f: Findings,
  raw: Map<string, unknown>,
  rows: Map<string, number>,
  valueColumn: number,
): PlanSettings {
  const settings = resolveSettings(raw);
  if (!tab) return settings;
  const at = (key: string) => rows.get(key) ?? 0;
  const add = (severity: Severity, rule: string, key: string, message: string, fix: string) =>
    f.add(tab, severity, rule, at(key), at(key) ? valueColumn : null, message, fix);
  for (const setting of SETTINGS) {
    if (!rows.has(setting.key)) {
      f.add(
        tab,
        'error',
        'missing-setting',
        0,
        null,
        `The Plan tab has no "${setting.label}" setting.`,
        'Run Set up plan tabs to add it.',
      );
      continue;
    }
    const value = raw.get(setting.key);
    const parsed = parseCell(
      { key: setting.key, header: setting.label, type: setting.type, width: 0, note: '' },
      value,
    );
    if (!parsed.ok)
      add('error', 'bad-setting', setting.key, `${setting.label}: ${parsed.problem}.`, setting.note);
  }
  for (const key of ['planName', 'periodStart', 'periodEnd'] as const) {
    if (rows.has(key) && isBlank(raw.get(key)))
      add(
        'warning',
        'setting-blank',
        key,
        `${SETTINGS.find((s) => s.key === key)!.label} is blank.`,
        SETTINGS.find((s) => s.key === key)!.note,
      );
  }
  if (
    settings.periodStart !== null &&
    settings.periodEnd !== null &&
    settings.periodStart >= settings.periodEnd
  ) {
    add(
      'error',
      'period-order',
      'periodEnd',
      'Period end is not after Period start.',
      'Set Period end after Period start.',
    );
  }
  if (
    settings.riskLowMax >= settings.riskMediumMax ||
    settings.riskMediumMax >= settings.riskHighMax ||
    settings.riskHighMax >= 25
  ) {
    add(
      'error',
      'risk-bands',
      'riskMediumMax',
      'The risk bands do not rise: Low < Medium < High < 25 is needed.',
      'Use increasing limits, e.g. 4, 9, 16.',
    );
  }
  if (settings.atRiskBand < 0 || settings.atRiskBand >= 1)
    add(
      'error',
      'at-risk-band',
      'atRiskBand',
      'At-risk band must be between 0% and 100%.',
      'Use a band such as 10%.',
    );
  if (settings.reportRecipients.length === 0 && rows.has('reportRecipients')) {
    add(
      'info',
      'no-recipients',
      'reportRecipients',
      'Nobody receives the manager report.',
      'Add email addresses to Report recipients.',
    );
  }
  return settings;
}

export interface CheckResult {
  findings: Finding[];
  counts: Record<Severity, number>;
  tabsChecked: string[];
}

/** Checks the whole plan. `today` is a day number in the spreadsheet's time zone. */
export function checkPlan(input: PlanInput, today: number): CheckResult {
  const f = new Findings();
  const read = (spec: TabSpec): TabRead | undefined =>
    input[spec.key] ? readTab(spec, input[spec.key]!) : undefined;
  const plan = read(PLAN);
  const settingsTab = plan
    ? readSettingsTab(plan.input.header, plan.input.rows, plan.map.byKey)
    : { valueIndex: 1, rows: new Map<string, number>(), raw: new Map<string, unknown>() };
  const settingRows = settingsTab.rows;
  const valueIndex = settingsTab.valueIndex;
  const settings = checkSettings(plan, f, settingsTab.raw, settingRows, valueIndex + 1);

  const tabs = [PEOPLE, GOALS, RACI, BUDGET, TIMELINE, RISKS].map((spec) => ({ spec, tab: read(spec) }));
  for (const { spec, tab } of tabs) {
    if (!tab)
      f.list.push({
        severity: 'error',
        rule: 'missing-tab',
        tab: spec.name,
        tabKey: spec.key,
        row: 0,
        column: 0,
        header: '',
        cell: '',
        message: `There is no ${spec.name} tab.`,
        fix: 'Run Set up plan tabs.',
      });
  }
  const get = (key: TabKey) => tabs.find((t) => t.spec.key === key)?.tab;
  if (plan) checkStructure(plan, f);
  for (const { tab } of tabs) {
    if (!tab) continue;
    checkStructure(tab, f);
    checkCells(tab, f);
    checkFormulaColumns(tab, f);
  }
  const people = get('people') ? checkPeople(get('people')!, f) : new Set<string>();
  const idsOf = (key: TabKey) => (get(key) ? checkIds(get(key)!, f) : new Map<string, Row>());
  const goalIds = idsOf('goals');
  const timelineIds = idsOf('timeline');
  idsOf('budget');
  idsOf('risks');
  if (settings.planOwner && people.size && !people.has(normalizeName(settings.planOwner)) && plan) {
    f.add(
      plan,
      'warning',
      'unknown-owner',
      settingRows.get('planOwner') ?? 0,
      valueIndex + 1,
      `Plan owner ${preview(settings.planOwner)} is not on the People tab.`,
      'Pick a name from People.',
    );
  }
  if (get('goals')) checkGoals(get('goals')!, f, goalIds, settings, today);
  if (get('timeline')) checkTimeline(get('timeline')!, f, timelineIds, goalIds);
  if (get('budget')) checkBudget(get('budget')!, f, goalIds);
  if (get('risks')) checkRisks(get('risks')!, f, today);
  for (const key of ['goals', 'budget', 'timeline', 'risks'] as const) {
    const tab = get(key);
    if (!tab) continue;
    checkOwners(tab, f, people);
    checkDates(tab, f, settings);
  }
  if (get('raci')) checkRaci(get('raci')!, f, people, new Map([...goalIds, ...timelineIds]));

  const findings = f.list.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.tab.localeCompare(b.tab) ||
      a.row - b.row ||
      a.column - b.column,
  );
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return {
    findings,
    counts,
    tabsChecked: [plan, ...tabs.map((t) => t.tab)]
      .filter((t): t is TabRead => !!t)
      .map((t) => t.input.sheetName),
  };
}
