/**
 * Deterministic plans of any size: N rows per tab, a fixed number of owners, a RACI of some of them
 * (a matrix, or name columns), and a History of weekly reports as retention leaves it; a seeded PRNG.
 */
import { type Block, keptDays } from '../src/core/history.js';
import { BUDGET, GOALS, HISTORY, PEOPLE, RACI, RISKS, TIMELINE } from '../src/core/spec/tabs.js';
import type { TabSpec } from '../src/core/spec/types.js';
import { dayFromIso } from '../src/core/values.js';

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedPlan {
  tabs: { spec: TabSpec; header: string[]; rows: (string | number)[][] }[];
  settings: [string, string | number][];
  /** History's snapshot blocks, oldest first (rows from 2). */
  historyBlocks: Block[];
}

export interface PlanShape {
  /** People the RACI assigns letters to (at most `owners`). */
  raciPeople: number;
  /** The RACI's shape: a column per person (the default), or Responsible…Informed name columns. */
  raciShape?: 'matrix' | 'names';
  /** Weekly reports run before today (0: no History tab). */
  historyWeeks: number;
}

export const DEFAULT_SHAPE: PlanShape = { raciPeople: 30, historyWeeks: 52 };

export function generatePlan(
  rowsPerTab: number,
  owners: number,
  seed = 20261124,
  today = dayFromIso('2026-11-24')!,
  shape: PlanShape = { raciPeople: 12, historyWeeks: 0 },
): GeneratedPlan {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const people = Array.from({ length: owners }, (_, i) => `Owner ${String(i + 1).padStart(3, '0')}`);
  const header = (spec: TabSpec) => spec.columns.filter((c) => c.type !== 'formula').map((c) => c.header);
  const row = (spec: TabSpec, values: Record<string, string | number>) =>
    spec.columns.filter((c) => c.type !== 'formula').map((c) => values[c.key] ?? '');
  const peopleRows = people.map((name, i) =>
    row(PEOPLE, { name, email: `owner${i + 1}@example.com`, role: 'Owner', team: `Team ${(i % 12) + 1}` }),
  );
  const tree = goalTree(rowsPerTab);
  const goals = tree.map((node, i) => {
    const start = today - int(10, 200);
    const common = {
      id: `G${i + 1}`,
      goal: `Goal ${i + 1}`,
      parent: node.parent === undefined ? '' : `G${node.parent + 1}`,
      owner: pick(people),
      // A few rows weigh more than their siblings (blank Weight is 1).
      weight: random() < 0.05 ? int(2, 5) : '',
      start,
    };
    if (node.level !== 'kpi') return row(GOALS, { ...common, due: start + int(120, 300) });
    const baseline = int(0, 50);
    const target = baseline + int(10, 60);
    return row(GOALS, {
      ...common,
      kpi: `KPI ${i + 1}`,
      unit: '%',
      direction: pick(['Increase', 'Increase', 'Decrease', 'Maintain']),
      baseline,
      target,
      actual: baseline + Math.round((target - baseline) * random() * 1.1),
      due: start + int(30, 300),
      updated: today - int(0, 30),
    });
  });
  const kpiRows = goals.filter((_, i) => tree[i]!.level === 'kpi');
  const timeline = Array.from({ length: rowsPerTab }, (_, i) => {
    const start = today - int(-30, 120);
    return row(TIMELINE, {
      id: `T${i + 1}`,
      name: `Task ${i + 1}`,
      type: pick(['Task', 'Task', 'Milestone', 'Check-in']),
      goal: `G${int(1, rowsPerTab)}`,
      owner: pick(people),
      start,
      due: start + int(5, 90),
      dependsOn: i > 0 && random() < 0.3 ? `T${int(1, i)}` : '',
      percentDone: Math.round(random() * 10) / 10,
      state: pick(['Not started', 'In progress', 'In progress', 'Done', 'Blocked']),
    });
  });
  const budget = Array.from({ length: rowsPerTab }, (_, i) =>
    row(BUDGET, {
      id: `B${i + 1}`,
      item: `Cost ${i + 1}`,
      category: pick(['Tools', 'Training', 'People', 'Services']),
      goal: `G${int(1, rowsPerTab)}`,
      owner: pick(people),
      planned: int(100, 10000),
      hours: int(0, 40),
      rate: 100,
      actual: int(0, 12000),
    }),
  );
  const risks = Array.from({ length: rowsPerTab }, (_, i) =>
    row(RISKS, {
      id: `R${i + 1}`,
      risk: `Risk ${i + 1}`,
      category: pick(['People', 'Technology', 'Vendors', 'Timeline']),
      likelihood: pick([1, 2, 3, 4, 5, 'High', 'Likely']),
      impact: pick([1, 2, 3, 4, 5, 'Major']),
      owner: pick(people),
      response: 'If it happens, then act.',
      reviewDate: today + int(-10, 60),
      state: pick(['Open', 'Open', 'Monitoring', 'Closed']),
    }),
  );
  const raciPeople = people.slice(0, Math.min(owners, shape.raciPeople));
  const names = shape.raciShape === 'names';
  const raci = Array.from({ length: rowsPerTab }, (_, i) => {
    const letters = raciPeople.map(() => pick(['', '', 'C', 'I']));
    letters[i % raciPeople.length] = 'A';
    letters[(i + 1) % raciPeople.length] = 'R';
    const holding = (letter: string) => raciPeople.filter((_, p) => letters[p] === letter).join(', ');
    return [`T${i + 1}`, `Task ${i + 1}`, ...(names ? ['R', 'A', 'C', 'I'].map(holding) : letters)];
  });
  const raciHeader = [
    'ID',
    'Activity',
    ...(names ? ['Responsible', 'Accountable', 'Consulted', 'Informed'] : raciPeople),
  ];
  const history = weeklyHistory(kpiRows, shape.historyWeeks, today, random);
  return {
    historyBlocks: history.blocks,
    tabs: [
      { spec: PEOPLE, header: header(PEOPLE), rows: peopleRows },
      { spec: GOALS, header: header(GOALS), rows: goals },
      { spec: RACI, header: raciHeader, rows: raci },
      { spec: BUDGET, header: header(BUDGET), rows: budget },
      { spec: TIMELINE, header: header(TIMELINE), rows: timeline },
      { spec: RISKS, header: header(RISKS), rows: risks },
      ...(history.rows.length ? [{ spec: HISTORY, header: header(HISTORY), rows: history.rows }] : []),
    ],
    settings: [
      ['Plan name', 'Benchmark plan'],
      ['Period start', today - 200],
      ['Period end', today + 200],
      ['Report recipients', 'manager@example.com'],
    ],
  };
}

/** A goal row's place in the tree: its Parent (a row index) and whether it is measured by a KPI. */
interface GoalNode {
  level: 'objective' | 'goal' | 'kpi';
  parent?: number;
}

/**
 * A plan's goal tree as teams write one: about 1% objectives (no KPI, no Parent), about 10% goals
 * under them (no KPI), and key results (KPI rows) under those goals, one in twenty straight under
 * an objective. Listed as a team lists them: each objective, then each of its goals followed by
 * its key results, then the key results straight under the objective.
 */
function goalTree(rows: number): GoalNode[] {
  const objectives = Math.max(1, Math.round(rows / 100));
  const goals = Math.min(Math.max(0, rows - objectives), Math.max(1, Math.round(rows / 10)));
  // Key results spread evenly: one in twenty straight under an objective, the rest under goals.
  const underGoal: number[] = Array.from({ length: goals }, () => 0);
  const underObjective: number[] = Array.from({ length: objectives }, () => 0);
  for (let k = 0; k < rows - objectives - goals; k++)
    if (k % 20 === 19 || goals === 0) underObjective[k % objectives]!++;
    else underGoal[k % goals]!++;
  const nodes: GoalNode[] = [];
  const kpis = (count: number, parent: number) => {
    for (let k = 0; k < count; k++) nodes.push({ level: 'kpi', parent });
  };
  for (let o = 0; o < objectives; o++) {
    const objective = nodes.push({ level: 'objective' }) - 1;
    // Goal g serves objective g % objectives.
    for (let g = o; g < goals; g += objectives)
      kpis(underGoal[g]!, nodes.push({ level: 'goal', parent: objective }) - 1);
    kpis(underObjective[o]!, objective);
  }
  return nodes;
}

/**
 * The History a weekly report leaves after `weeks` weeks (the newest a week before today): one
 * block per snapshot that retention keeps, each KPI's actual moving a little from week to week.
 */
function weeklyHistory(
  goals: readonly (string | number)[][],
  weeks: number,
  today: number,
  random: () => number,
): { rows: (string | number)[][]; blocks: Block[] } {
  const days = Array.from({ length: weeks }, (_, i) => today - 7 * (weeks - i));
  const kept = keptDays(days, today - 7);
  const index = (key: string) =>
    GOALS.columns.filter((c) => c.type !== 'formula').findIndex((c) => c.key === key);
  const [id, actual, target] = [index('id'), index('actual'), index('target')];
  const rows: (string | number)[][] = [];
  const blocks: Block[] = [];
  days.forEach((day, week) => {
    if (!kept.has(day)) return;
    blocks.push({ day, row: rows.length + 2, count: goals.length });
    for (const goal of goals) {
      const share = Math.min(1, (week + 1) / weeks + random() * 0.05);
      const value = Math.round(Number(goal[actual]) * share * 100) / 100;
      rows.push([day, goal[id]!, value, Math.round((value / Number(goal[target])) * 100) / 100, 'On track']);
    }
  });
  return { rows, blocks };
}
