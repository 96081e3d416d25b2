/**
 * The plan as typed records, read from the tabs (values and formula results as the sheet shows
 * them). The report, digests, reminders and escalations all work from this one model.
 */
import { normalizeName } from './headers';
import { type Raci, readRaci } from './raci';
import { type PlanSettings, settingsOf } from './settings';
import { TABS } from './spec/tabs';
import type { TabKey } from './spec/types';
import { type PlanInput, planTables, type Row } from './tables';
import { isEmail } from './values';

export interface RowRef {
  tab: string;
  /** 1-based sheet row. */
  row: number;
}

export interface Kpi extends RowRef {
  id: string;
  goal: string;
  kpi: string;
  owner: string;
  unit: string;
  direction: string;
  baseline: number | null;
  target: number | null;
  actual: number | null;
  start: number | null;
  due: number | null;
  updated: number | null;
  expected: number | null;
  progress: number | null;
  status: string;
}

export interface Activity extends RowRef {
  id: string;
  name: string;
  type: string;
  goal: string;
  owner: string;
  start: number | null;
  due: number | null;
  state: string;
  status: string;
  daysLeft: number | null;
}

export interface Risk extends RowRef {
  id: string;
  risk: string;
  category: string;
  owner: string;
  response: string;
  /** 1–5, from a number or a scale word; null when blank or unreadable. */
  likelihood: number | null;
  impact: number | null;
  score: number | null;
  level: string;
  reviewDate: number | null;
  state: string;
}

export interface CostLine extends RowRef {
  id: string;
  item: string;
  category: string;
  owner: string;
  plannedTotal: number | null;
  actual: number | null;
  variance: number | null;
  status: string;
}

export interface Person {
  name: string;
  email: string;
  role: string;
  team: string;
}

/** A row of the Goals tab as the goal tree shows it: a goal, or a KPI row, with what the sheet computed. */
export interface GoalRow extends RowRef {
  id: string;
  goal: string;
  parent: string;
  owner: string;
  /** The KPI's name; '' on a goal measured by what is below it. */
  kpi: string;
  progress: number | null;
  expected: number | null;
  status: string;
}

export interface PlanModel {
  settings: PlanSettings;
  people: Person[];
  kpis: Kpi[];
  goals: GoalRow[];
  activities: Activity[];
  risks: Risk[];
  costs: CostLine[];
  /** The RACI, in whichever shape the team wrote it (src/core/raci.ts). */
  raci: Raci;
  sheetNames: Record<'goals' | 'timeline' | 'risks' | 'budget' | 'people', string>;
}

export function buildPlanModel(input: PlanInput): PlanModel {
  const tables = planTables(input);
  const settings = settingsOf(input.plan);
  const records = <K extends TabKey>(key: K) => tables[key]?.records ?? [];
  const sheetName = (key: TabKey) => tables[key]?.sheetName ?? TABS[key].name;
  /** Where a record came from, and its ID: the part every record shares. */
  const source = (key: TabKey, r: Row<'id'>) => ({ tab: sheetName(key), row: r.row, id: r.text('id') });

  const people = records('people')
    .map((r) => ({
      name: r.text('name'),
      email: r.text('email'),
      role: r.text('role'),
      team: r.text('team'),
    }))
    .filter((p) => p.name);
  const goalRows = records('goals');
  const kpis: Kpi[] = goalRows
    .filter((r) => r.text('kpi'))
    .map((r) => ({
      ...source('goals', r),
      goal: r.text('goal'),
      kpi: r.text('kpi'),
      owner: r.text('owner'),
      unit: r.text('unit'),
      direction: r.text('direction'),
      // As the formulas see them: a number typed as text is not a measurement (Check reports it).
      baseline: r.rawNum('baseline'),
      target: r.rawNum('target'),
      actual: r.rawNum('actual'),
      start: r.num('start'),
      due: r.num('due'),
      updated: r.num('updated'),
      expected: r.rawNum('expected'),
      progress: r.rawNum('progress'),
      status: String(r.cell('status')),
    }));
  const activities: Activity[] = records('timeline').map((r) => ({
    ...source('timeline', r),
    name: r.text('name'),
    type: r.text('type'),
    goal: r.text('goal'),
    owner: r.text('owner'),
    start: r.num('start'),
    due: r.num('due'),
    state: r.text('state'),
    status: String(r.cell('status')),
    daysLeft: r.rawNum('daysLeft'),
  }));
  const risks: Risk[] = records('risks').map((r) => ({
    ...source('risks', r),
    risk: r.text('risk'),
    category: r.text('category'),
    owner: r.text('owner'),
    response: r.text('response'),
    likelihood: r.num('likelihood'),
    impact: r.num('impact'),
    score: r.rawNum('score'),
    level: String(r.cell('level')),
    reviewDate: r.num('reviewDate'),
    state: r.text('state') || 'Open',
  }));
  const costs: CostLine[] = records('budget').map((r) => ({
    ...source('budget', r),
    item: r.text('item'),
    category: r.text('category') || 'Other',
    owner: r.text('owner'),
    plannedTotal: r.rawNum('plannedTotal'),
    actual: r.num('actual'),
    variance: r.rawNum('variance'),
    status: String(r.cell('status')),
  }));
  return {
    settings,
    people,
    kpis,
    goals: goalRows.map((r) => ({
      ...source('goals', r),
      goal: r.text('goal'),
      parent: r.text('parent'),
      owner: r.text('owner'),
      kpi: r.text('kpi'),
      progress: r.rawNum('progress'),
      expected: r.rawNum('expected'),
      status: String(r.cell('status')),
    })),
    activities,
    risks,
    costs,
    raci: readRaci(tables.raci, tables.people),
    sheetNames: {
      goals: sheetName('goals'),
      timeline: sheetName('timeline'),
      risks: sheetName('risks'),
      budget: sheetName('budget'),
      people: sheetName('people'),
    },
  };
}

const peopleByName = new WeakMap<PlanModel, Map<string, Person>>();

/** A person's email by name (case- and space-insensitive), if valid: a Map lookup, built once per model. */
export function emailOf(model: PlanModel, name: string): string | undefined {
  let byName = peopleByName.get(model);
  if (!byName) {
    byName = new Map();
    // The first of a name wins, as a scan from the top would find it.
    for (const p of model.people)
      if (!byName.has(normalizeName(p.name))) byName.set(normalizeName(p.name), p);
    peopleByName.set(model, byName);
  }
  const person = byName.get(normalizeName(name));
  return person && isEmail(person.email) ? person.email : undefined;
}
