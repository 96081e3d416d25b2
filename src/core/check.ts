/**
 * Check plan, the engine: reads the tabs once through the table layer, runs every rule of the
 * catalog (src/core/rules) and turns each hit into a finding that names the tab, row, column and
 * cell and says how to fix it. Pure and total: any cell value yields findings, never an exception;
 * nothing here can edit a cell. It knows no rule: adding one is a declaration in the catalog.
 */
import { a1 } from './cells';
import { normalizeName } from './headers';
import { type RuleId, RULES } from './rules';
import type { CheckContext, Hit, Rule } from './rules/define';
import { readSettingsTab, resolveSettings } from './settings';
import { TABS } from './spec/tabs';
import type { Severity, TabKey } from './spec/types';
import { type PlanInput, planTables, type Row, type Table } from './tables';

export type { PlanInput, TabInput } from './tables';

export interface Finding {
  severity: Severity;
  /** Rule identifier, stable for tests and filtering (see the rule catalog). */
  rule: RuleId;
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

export interface CheckResult {
  findings: Finding[];
  counts: Record<Severity, number>;
  tabsChecked: string[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Lower-case ID → the first row holding it. */
function firstById<K extends string>(table: { records: Row<K>[] } | undefined): Map<string, Row<K>> {
  const ids = new Map<string, Row<K>>();
  for (const row of table?.records ?? []) {
    const id = row.text('id' as K).toLowerCase();
    if (id && !ids.has(id)) ids.set(id, row);
  }
  return ids;
}

export function checkContext(input: PlanInput, today: number): CheckContext {
  const tables = planTables(input);
  const settingsTab = tables.plan ? readSettingsTab(tables.plan) : undefined;
  const people = new Set(
    (tables.people?.records ?? []).map((r) => normalizeName(r.text('name'))).filter(Boolean),
  );
  return {
    tables,
    settings: resolveSettings(settingsTab?.raw ?? new Map()),
    settingsTab,
    today,
    people,
    ids: {
      goals: firstById(tables.goals),
      timeline: firstById(tables.timeline),
      budget: firstById(tables.budget),
      risks: firstById(tables.risks),
    },
  };
}

/** A rule's hit as a finding: the cell's address and header as the team's sheet has them. */
function toFinding(rule: Rule<unknown, RuleId>, hit: Hit<unknown>, ctx: CheckContext): Finding {
  const table = ctx.tables[hit.tab] as Table | undefined;
  let column = 0;
  let header = '';
  if (typeof hit.column === 'number') {
    column = hit.column;
    header = String(table?.header[hit.column - 1] ?? '');
  } else if (hit.column) {
    const index = table?.map.byKey.get(hit.column);
    column = index === undefined ? 0 : index + 1;
    header = table ? table.headerOf(hit.column) : '';
  }
  const severity = typeof rule.severity === 'function' ? rule.severity(hit.params) : rule.severity;
  return {
    severity,
    rule: rule.id,
    tab: table?.sheetName ?? TABS[hit.tab].name,
    tabKey: hit.tab,
    row: hit.row,
    column,
    header,
    cell: hit.row && column ? a1(hit.row, column) : '',
    message: rule.message(hit.params),
    fix: rule.fix(hit.params),
  };
}

/** Checks the whole plan. `today` is a day number in the spreadsheet's time zone. */
export function checkPlan(input: PlanInput, today: number): CheckResult {
  const ctx = checkContext(input, today);
  const findings: Finding[] = [];
  for (const rule of RULES) for (const hit of rule.find(ctx)) findings.push(toFinding(rule, hit, ctx));
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.tab.localeCompare(b.tab) ||
      a.row - b.row ||
      a.column - b.column,
  );
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  const order: TabKey[] = ['plan', 'people', 'goals', 'raci', 'budget', 'timeline', 'risks'];
  return {
    findings,
    counts,
    tabsChecked: order.flatMap((key) => (ctx.tables[key] ? [ctx.tables[key]!.sheetName] : [])),
  };
}
