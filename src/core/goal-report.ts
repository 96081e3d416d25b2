/**
 * The goal tree as the report and the manager email show it: every top-level goal, and under each
 * row the rows whose Parent it is, worst status first. A row's children are listed only when it
 * needs attention (NEEDS_ATTENTION); under any other row they are folded into a count. Milestones
 * and tasks linked to a row or to anything below it are its work.
 */
import { chainOf } from './goal-tree';
import type { Activity, GoalRow, PlanModel } from './plan-model';
import { RAG, type RagColour } from './spec/types';

/** Statuses from worst to best: lists put the worst first. */
export const STATUS_RANK: Readonly<Record<string, number>> = {
  'Check parents': -1,
  Missed: 0,
  'Off track': 1,
  'At risk': 2,
  'No data': 3,
  'Not started': 4,
  'On track': 5,
  Achieved: 6,
};
const rank = (status: string) => STATUS_RANK[status] ?? 9;

/** A row's children are listed under it when its status is one of these. */
export const NEEDS_ATTENTION: ReadonlySet<string> = new Set([
  'Check parents',
  'Missed',
  'Off track',
  'At risk',
]);

/** Timeline types that count as work done for a goal (check-ins are meetings, not deliverables). */
const WORK_TYPES: ReadonlySet<string> = new Set(['Milestone', 'Task']);

export interface TreeLine extends GoalRow {
  /** 0 for a top-level goal. */
  level: number;
  /** Milestones and tasks linked to this row or to any row below it, and how many of them are Done. */
  work: { done: number; total: number };
  /** Rows below it that are not listed, because it does not need attention. */
  folded: number;
}

/** Appends to a key's list in place: copying the list on each append is quadratic in a goal's children. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The tree in reading order (a row, then its listed children), every row at most once. */
export function goalTreeLines(model: PlanModel): TreeLine[] {
  const key = (id: string) => id.toLowerCase();
  const byId = new Map<string, GoalRow>();
  for (const g of model.goals) if (g.id && !byId.has(key(g.id))) byId.set(key(g.id), g);
  const parentOf = (k: string) => byId.get(k)?.parent || undefined;
  const children = new Map<GoalRow, GoalRow[]>();
  const roots: GoalRow[] = [];
  for (const g of model.goals) {
    const parent = g.parent ? byId.get(key(g.parent)) : undefined;
    const chain = g.id ? chainOf(g.id, parentOf) : null;
    // A loop has no top: its first member in the walk is shown as a top-level row.
    const loopHead = chain?.kind === 'loop' && key(chain.loop[0]!) === key(g.id);
    if (!parent || parent === g || loopHead) roots.push(g);
    else pushTo(children, parent, g);
  }
  const worstFirst = (a: GoalRow, b: GoalRow) => rank(a.status) - rank(b.status) || a.row - b.row;
  for (const list of children.values()) list.sort(worstFirst);
  roots.sort(worstFirst);

  const ownWork = new Map<string, Activity[]>();
  for (const a of model.activities) if (a.goal && WORK_TYPES.has(a.type)) pushTo(ownWork, key(a.goal), a);

  // Walked with an explicit stack, not recursion: a 10,000-deep chain of Parents is a plan, not a stack overflow.
  type Visit = { goal: GoalRow; level: number; listed: boolean; parent: number };
  const order: Visit[] = [];
  const placed = new Set<GoalRow>();
  const stack: Visit[] = [...roots].reverse().map((goal) => ({ goal, level: 0, listed: true, parent: -1 }));
  while (stack.length) {
    const visit = stack.pop()!;
    if (placed.has(visit.goal)) continue;
    placed.add(visit.goal);
    const index = order.push(visit) - 1;
    const open = visit.listed && NEEDS_ATTENTION.has(visit.goal.status);
    const kids = children.get(visit.goal) ?? [];
    for (let i = kids.length - 1; i >= 0; i--)
      if (!placed.has(kids[i]!))
        stack.push({ goal: kids[i]!, level: visit.level + 1, listed: open, parent: index });
  }
  const lines: TreeLine[] = order.map(({ goal, level }) => {
    const own = goal.id ? (ownWork.get(key(goal.id)) ?? []) : [];
    const done = own.filter((a) => a.status === 'Done').length;
    return { ...goal, level, work: { done, total: own.length }, folded: 0 };
  });
  const size = order.map(() => 1);
  for (let i = order.length - 1; i >= 0; i--) {
    const parent = order[i]!.parent;
    if (parent < 0) continue;
    size[parent]! += size[i]!;
    lines[parent]!.work.done += lines[i]!.work.done;
    lines[parent]!.work.total += lines[i]!.work.total;
  }
  return lines.filter((line, i) => {
    const visit = order[i]!;
    if (visit.listed && !NEEDS_ATTENTION.has(line.status)) line.folded = size[i]! - 1;
    return visit.listed;
  });
}

/** Progress as an OKR score: 0.0–1.0 in tenths (the Plan's OKR scores setting). */
export function okrScore(progress: number): string {
  return (Math.round(Math.max(0, Math.min(1, progress)) * 10) / 10).toFixed(1);
}

/** The OKR convention's colours: 0.7 and above is where a stretch goal should land. */
export function okrColour(progress: number): RagColour {
  const score = Number(okrScore(progress));
  return score >= 0.7 ? 'green' : score >= 0.4 ? 'amber' : 'red';
}
export const okrRag = (progress: number) => RAG[okrColour(progress)];

/** Whether a Yes/No setting is on ("Yes", "true", "on" or "1", in any case). */
export const isOn = (value: string): boolean => /^(yes|y|true|on|1)$/i.test(value.trim());
