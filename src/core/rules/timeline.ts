/** Rules of the Timeline tab: states, dates and dependencies. */
import type { KeyOf, Row } from '../tables';
import { isoFromDay, preview } from '../values';
import { eachRecord, idKey, onTab, rule } from './define';

type Work = Row<KeyOf<'timeline'>>;
const isDoneState = (row: Work) => row.text('state') === 'Done';

export const doneWithoutDate = rule({
  id: 'done-without-date',
  tabs: ['timeline'],
  severity: 'warning',
  summary: 'Work whose State is Done has a Completed date.',
  message: () => 'State is Done but Completed is blank.',
  fix: () => 'Enter the date it was completed.',
  find: eachRecord(
    'timeline',
    (row, table) =>
      isDoneState(row) && table.hasColumn('completed') && !row.has('completed') && { column: 'completed' },
  ),
});

export const completedNotDone = rule({
  id: 'completed-not-done',
  tabs: ['timeline'],
  severity: 'warning',
  summary: 'Work with a Completed date has State Done.',
  message: (p: { state: string }) => `Completed is set but State is ${preview(p.state)}.`,
  fix: () => 'Set State to Done, or clear Completed if the work is not finished.',
  find: eachRecord('timeline', (row) => {
    const state = row.text('state');
    return row.has('completed') && state && state !== 'Done' && { column: 'state', params: { state } };
  }),
});

export const startsBeforeDependency = rule({
  id: 'starts-before-dependency',
  tabs: ['timeline'],
  severity: 'warning',
  summary: 'Work starts after what it depends on is due.',
  message: (p: { start: number; early: { id: string; due: number }[] }) =>
    `Starts ${isoFromDay(p.start)}, before ${p.early
      .map((d) => `${preview(d.id, 20)} (due ${isoFromDay(d.due)})`)
      .join(', ')} ${p.early.length === 1 ? 'is' : 'are'} due.`,
  fix: () => 'Start after what it depends on is due, or remove a dependency that is not one.',
  find: eachRecord('timeline', (row, _table, ctx) => {
    const start = row.num('start');
    if (start === null) return null;
    const early = row.list('dependsOn').flatMap((id) => {
      const due = idKey(id) === idKey(row.text('id')) ? null : ctx.ids.timeline.get(idKey(id))?.num('due');
      return due !== null && due !== undefined && start < due ? [{ id, due }] : [];
    });
    return early.length > 0 && { column: 'start', params: { start, early } };
  }),
});

export const dependencyCycle = rule({
  id: 'dependency-cycle',
  tabs: ['timeline'],
  severity: 'error',
  summary: 'Depends on forms no circle (nor names the row itself).',
  message: (p: { cycle: string[] }) =>
    p.cycle.length === 1
      ? `${preview(p.cycle[0], 20)} depends on itself.`
      : `Dependencies go round in a circle: ${[...p.cycle, p.cycle[0]].map((id) => preview(id, 20)).join(' → ')}.`,
  fix: (p) =>
    p.cycle.length === 1
      ? 'Remove the row’s own ID from Depends on.'
      : 'Remove one of these dependencies so the work has an order.',
  find: onTab('timeline', function* (_table, ctx) {
    for (const row of _table.records)
      for (const dep of row.list('dependsOn'))
        if (idKey(dep) === idKey(row.text('id')))
          yield { row: row.row, column: 'dependsOn', params: { cycle: [dep] } };
    for (const cycle of dependencyCycles(ctx.ids.timeline)) {
      const first = ctx.ids.timeline.get(idKey(cycle[0]!))!;
      yield { row: first.row, column: 'dependsOn', params: { cycle } };
    }
  }),
});

/**
 * Cycles in Depends on longer than one step, each reported once, as IDs in dependency order. An
 * explicit stack instead of recursion: a 10,000-step chain is a plan, not a stack overflow.
 */
export function dependencyCycles(ids: ReadonlyMap<string, Work>): string[][] {
  const edges = new Map<string, string[]>();
  for (const [key, row] of ids)
    edges.set(
      key,
      row
        .list('dependsOn')
        .map(idKey)
        .filter((d) => ids.has(d) && d !== key),
    );
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  const seen = new Set<string>();
  for (const root of edges.keys()) {
    if (state.has(root)) continue;
    const path: string[] = [root];
    const next: number[] = [0];
    state.set(root, 'visiting');
    while (path.length) {
      const node = path[path.length - 1]!;
      const out = edges.get(node)!;
      const i = next[next.length - 1]!;
      if (i >= out.length) {
        state.set(node, 'done');
        path.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = i + 1;
      const target = out[i]!;
      if (state.get(target) === 'visiting') {
        const cycle = path.slice(path.indexOf(target));
        const key = [...cycle].sort().join('|');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle.map((k) => ids.get(k)!.text('id')));
        }
      } else if (!state.has(target)) {
        state.set(target, 'visiting');
        path.push(target);
        next.push(0);
      }
    }
  }
  return cycles;
}

export const TIMELINE_RULES = [
  doneWithoutDate,
  completedNotDone,
  startsBeforeDependency,
  dependencyCycle,
] as const;
