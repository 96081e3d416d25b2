/**
 * The plan as typed records, read from the tabs (values and formula results as the sheet shows
 * them). The report, digests, reminders and escalations all work from this one model.
 */
import type { PlanInput, TabInput } from './check';
import { mapHeaders, normalizeName } from './headers';
import { rowHasData } from './refresh';
import { parseRow } from './schema';
import { type PlanSettings, readSettingsTab, resolveSettings } from './settings';
import { BUDGET, GOALS, PEOPLE, RACI, RISKS, TIMELINE } from './spec/tabs';
import type { TabSpec } from './spec/types';
import { RACI_LETTERS } from './spec/vocab';
import { isEmail, type ParsedCell } from './values';

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
}

export interface PlanModel {
  settings: PlanSettings;
  people: Person[];
  kpis: Kpi[];
  goals: { id: string; goal: string; row: number }[];
  activities: Activity[];
  risks: Risk[];
  costs: CostLine[];
  /** Activity ID (lower case) → person name → R/A/C/I. */
  raci: Map<string, Map<string, string>>;
  sheetNames: Record<'goals' | 'timeline' | 'risks' | 'budget' | 'people', string>;
}

interface Record_ {
  row: number;
  value: (key: string) => ParsedCell | null;
  raw: (key: string) => unknown;
}

function records(spec: TabSpec, tab: TabInput | undefined): Record_[] {
  if (!tab) return [];
  const map = mapHeaders(spec, tab.header);
  const out: Record_[] = [];
  tab.rows.forEach((raw, i) => {
    if (!rowHasData(spec, map, raw)) return;
    const parsed = parseRow(spec, map.byKey, raw);
    out.push({
      row: i + 2,
      value: (key) => parsed.values[key] ?? null,
      raw: (key) => (map.byKey.has(key) ? raw[map.byKey.get(key)!] : ''),
    });
  });
  return out;
}

const str = (v: ParsedCell | null | unknown): string =>
  v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function buildPlanModel(input: PlanInput): PlanModel {
  const settings = resolveSettings(
    input.plan ? readSettingsTab(input.plan.header, input.plan.rows).raw : new Map(),
  );

  const people = records(PEOPLE, input.people)
    .map((r) => ({ name: str(r.value('name')), email: str(r.value('email')), role: str(r.value('role')) }))
    .filter((p) => p.name);
  const goalRows = records(GOALS, input.goals);
  const tab = (key: keyof PlanInput, fallback: string) => input[key]?.sheetName ?? fallback;
  /** Where a record came from, and its ID: the part every record shares. */
  const source = (spec: TabSpec, r: Record_) => ({
    tab: tab(spec.key, spec.name),
    row: r.row,
    id: str(r.value('id')),
  });
  const kpis: Kpi[] = goalRows
    .filter((r) => str(r.value('kpi')))
    .map((r) => ({
      ...source(GOALS, r),
      goal: str(r.value('goal')),
      kpi: str(r.value('kpi')),
      owner: str(r.value('owner')),
      unit: str(r.value('unit')),
      direction: str(r.value('direction')),
      baseline: numOrNull(r.value('baseline')),
      target: numOrNull(r.value('target')),
      actual: numOrNull(r.value('actual')),
      due: numOrNull(r.value('due')),
      updated: numOrNull(r.value('updated')),
      expected: numOrNull(r.raw('expected')),
      progress: numOrNull(r.raw('progress')),
      status: str(r.raw('status')),
    }));
  const activities: Activity[] = records(TIMELINE, input.timeline).map((r) => ({
    ...source(TIMELINE, r),
    name: str(r.value('name')),
    type: str(r.value('type')),
    goal: str(r.value('goal')),
    owner: str(r.value('owner')),
    start: numOrNull(r.value('start')),
    due: numOrNull(r.value('due')),
    state: str(r.value('state')),
    status: str(r.raw('status')),
    daysLeft: numOrNull(r.raw('daysLeft')),
  }));
  const risks: Risk[] = records(RISKS, input.risks).map((r) => ({
    ...source(RISKS, r),
    risk: str(r.value('risk')),
    category: str(r.value('category')),
    owner: str(r.value('owner')),
    response: str(r.value('response')),
    score: numOrNull(r.raw('score')),
    level: str(r.raw('level')),
    reviewDate: numOrNull(r.value('reviewDate')),
    state: str(r.value('state')) || 'Open',
  }));
  const costs: CostLine[] = records(BUDGET, input.budget).map((r) => ({
    ...source(BUDGET, r),
    item: str(r.value('item')),
    category: str(r.value('category')) || 'Other',
    owner: str(r.value('owner')),
    plannedTotal: numOrNull(r.raw('plannedTotal')),
    actual: numOrNull(r.value('actual')),
    variance: numOrNull(r.raw('variance')),
    status: str(r.raw('status')),
  }));
  const raci = new Map<string, Map<string, string>>();
  if (input.raci) {
    const map = mapHeaders(RACI, input.raci.header);
    const idIndex = map.byKey.get('id');
    for (const row of input.raci.rows) {
      if (idIndex === undefined || !str(row[idIndex]).trim()) continue;
      const letters = new Map<string, string>();
      for (const i of map.unknown) {
        const letter = str(row[i]).trim().toUpperCase();
        if ((RACI_LETTERS as readonly string[]).includes(letter))
          letters.set(str(input.raci.header[i]).trim(), letter);
      }
      raci.set(str(row[idIndex]).trim().toLowerCase(), letters);
    }
  }
  return {
    settings,
    people,
    kpis,
    goals: goalRows.map((r) => ({ id: str(r.value('id')), goal: str(r.value('goal')), row: r.row })),
    activities,
    risks,
    costs,
    raci,
    sheetNames: {
      goals: tab('goals', GOALS.name),
      timeline: tab('timeline', TIMELINE.name),
      risks: tab('risks', RISKS.name),
      budget: tab('budget', BUDGET.name),
      people: tab('people', PEOPLE.name),
    },
  };
}

/** A person's email by name (case- and space-insensitive), if valid. */
export function emailOf(model: PlanModel, name: string): string | undefined {
  const person = model.people.find((p) => normalizeName(p.name) === normalizeName(name));
  return person && isEmail(person.email) ? person.email : undefined;
}

/** The Accountable of an activity (RACI A), if exactly one is marked. */
export function accountableFor(model: PlanModel, id: string): string | undefined {
  const letters = model.raci.get(id.toLowerCase());
  if (!letters) return undefined;
  const accountable = [...letters].filter(([, l]) => l === 'A').map(([name]) => name);
  return accountable.length === 1 ? accountable[0] : undefined;
}
