/** Rules of the Goals tab: the goal tree and SMART KPIs. */
import { ROLLUP_LEVELS } from '../formulas';
import { chainOf } from '../goal-tree';
import { GOALS } from '../spec/tabs';
import type { ColumnSpec } from '../spec/types';
import { kpiStaleness, type Staleness } from '../staleness';
import type { KeyOf, Row } from '../tables';
import { preview } from '../values';
import { type CheckContext, eachRecord, idKey, onTab, rule } from './define';

export const unknownReference = rule({
  id: 'unknown-reference',
  tabs: ['goals', 'budget', 'timeline', 'raci'],
  severity: 'error',
  summary: 'IDs that refer to other rows (Parent, Goal, Depends on, RACI ID) exist.',
  message: (p: { id: string; target: string }) => `${preview(p.id, 20)} is not an ID on the ${p.target} tab.`,
  fix: (p) => `Use an existing ${p.target} ID, or add that row to ${p.target} first.`,
  *find(ctx) {
    const goalsName = GOALS.name;
    const tl = ctx.tables.timeline?.sheetName ?? 'Timeline';
    const unknown = (ids: readonly string[], ...known: ReadonlyMap<string, unknown>[]) =>
      ids.filter((id) => !known.some((k) => k.has(idKey(id))));
    yield* eachRecord('goals', (row, table) =>
      unknown([row.text('parent')].filter(Boolean), ctx.ids.goals).map((id) => ({
        column: 'parent',
        params: { id, target: table.sheetName },
      })),
    )(ctx);
    yield* eachRecord('budget', (row) =>
      unknown([row.text('goal')].filter(Boolean), ctx.ids.goals).map((id) => ({
        column: 'goal',
        params: { id, target: goalsName },
      })),
    )(ctx);
    yield* eachRecord('timeline', (row) => [
      ...unknown([row.text('goal')].filter(Boolean), ctx.ids.goals).map((id) => ({
        column: 'goal' as const,
        params: { id, target: goalsName },
      })),
      ...unknown(row.list('dependsOn'), ctx.ids.timeline).map((id) => ({
        column: 'dependsOn' as const,
        params: { id, target: tl },
      })),
    ])(ctx);
    yield* eachRecord('raci', (row) =>
      unknown([row.text('id')].filter(Boolean), ctx.ids.goals, ctx.ids.timeline).map((id) => ({
        column: 'id',
        params: { id, target: `${goalsName} or ${tl}` },
      })),
    )(ctx);
  },
});

export const ownParent = rule({
  id: 'own-parent',
  tabs: ['goals'],
  severity: 'error',
  summary: 'A goal is not its own parent.',
  message: () => 'A goal cannot be its own parent.',
  fix: () => 'Use the ID of the goal this one serves, or leave Parent blank.',
  find: eachRecord('goals', (row) => {
    const parent = row.text('parent');
    return parent && idKey(parent) === idKey(row.text('id')) && { column: 'parent' };
  }),
});

const SMART_KEYS = ['unit', 'direction', 'baseline', 'target', 'owner', 'due'] as const;

export const kpiNotSmart = rule({
  id: 'kpi-not-smart',
  tabs: ['goals'],
  severity: (p: { column: ColumnSpec }) =>
    p.column.key === 'target' || p.column.key === 'direction' ? 'error' : 'warning',
  summary: 'A KPI has a Unit, Direction, Baseline, Target, Owner and Due date (measurable and time-bound).',
  message: (p) => `The KPI has no ${p.column.header}: it is not measurable and time-bound without it.`,
  fix: (p) => `Fill in ${p.column.header}. ${p.column.note}`,
  find: eachRecord('goals', (row, table) =>
    row.text('kpi')
      ? SMART_KEYS.filter((k) => table.hasColumn(k) && !row.has(k)).map((k) => ({
          column: k,
          params: { column: GOALS.columns.find((c) => c.key === k)! as ColumnSpec },
        }))
      : null,
  ),
});

export const targetEqualsBaseline = rule({
  id: 'target-equals-baseline',
  tabs: ['goals'],
  severity: 'error',
  summary: 'A KPI’s Target differs from its Baseline (unless its Direction is Maintain).',
  message: (p: { target: number }) => `Target equals Baseline (${p.target}), so progress cannot be measured.`,
  fix: () => 'Set the Target you aim for, or set Direction to Maintain.',
  find: eachRecord('goals', (row) => {
    const [baseline, target] = [row.num('baseline'), row.num('target')];
    return (
      row.text('kpi') &&
      baseline !== null &&
      baseline === target &&
      row.text('direction') !== 'Maintain' && { column: 'target', params: { target } }
    );
  }),
});

export const directionMismatch = rule({
  id: 'direction-mismatch',
  tabs: ['goals'],
  severity: 'warning',
  summary: 'A KPI’s Target lies in its Direction from the Baseline.',
  message: (p: { direction: string; target: number; baseline: number }) =>
    `Direction is ${preview(p.direction)} but Target (${p.target}) is ${p.target < p.baseline ? 'below' : 'above'} Baseline (${p.baseline}).`,
  fix: () => 'Check the Direction, Baseline and Target.',
  find: eachRecord('goals', (row) => {
    const [baseline, target, direction] = [row.num('baseline'), row.num('target'), row.text('direction')];
    if (!row.text('kpi') || baseline === null || target === null) return null;
    const wrong =
      (direction === 'Increase' && target < baseline) || (direction === 'Decrease' && target > baseline);
    return wrong && { column: 'direction', params: { direction, target, baseline } };
  }),
});

export const kpiNotDated = rule({
  id: 'kpi-not-dated',
  tabs: ['goals'],
  severity: 'warning',
  summary: 'A KPI with an Actual says when it was measured (Updated).',
  message: () => 'Actual has no Updated date, so nobody can tell how fresh it is.',
  fix: () => 'Enter the date Actual was measured.',
  find: eachRecord(
    'goals',
    (row, table) =>
      row.text('kpi') &&
      row.has('actual') &&
      table.hasColumn('updated') &&
      !row.has('updated') && { column: 'updated' },
  ),
});

/** A KPI row's staleness, read as the formulas read it (a number typed as text is no Actual). */
function stalenessOf(row: Row<KeyOf<'goals'>>, ctx: CheckContext): Staleness {
  if (!row.text('kpi')) return null;
  return kpiStaleness(
    {
      actual: row.rawNum('actual'),
      updated: row.num('updated'),
      start: row.num('start') ?? ctx.settings.periodStart,
      status: String(row.cell('status')),
    },
    ctx.today,
    ctx.settings.kpiCadenceDays,
  );
}

export const kpiStale = rule({
  id: 'kpi-stale',
  tabs: ['goals'],
  severity: 'warning',
  summary:
    'A started KPI whose status is not final (Achieved, Missed) was measured within the KPI update cadence.',
  message: (p: { days: number; cadence: number; owner: string }) =>
    `Updated ${p.days} days ago, more than the ${p.cadence}-day update cadence.`,
  fix: (p) => `Ask ${preview(p.owner) || 'the owner'} for the latest Actual and update the date.`,
  find: eachRecord('goals', (row, _table, ctx) => {
    const stale = stalenessOf(row, ctx);
    return (
      stale?.kind === 'old' && {
        column: 'updated',
        params: { days: stale.days, cadence: ctx.settings.kpiCadenceDays, owner: row.text('owner') },
      }
    );
  }),
});

export const kpiMissingData = rule({
  id: 'kpi-missing-data',
  tabs: ['goals'],
  severity: 'warning',
  summary: 'A started KPI has an Actual within the KPI update cadence after its Start (or the period start).',
  message: (p: { days: number; cadence: number; owner: string }) =>
    `No Actual ${p.days} days after Start, more than the ${p.cadence}-day update cadence: its status says No data.`,
  fix: (p) => `Ask ${preview(p.owner) || 'the owner'} to measure it, then enter Actual and Updated.`,
  find: eachRecord('goals', (row, _table, ctx) => {
    const stale = stalenessOf(row, ctx);
    return (
      stale?.kind === 'missing' && {
        column: 'actual',
        params: { days: stale.days, cadence: ctx.settings.kpiCadenceDays, owner: row.text('owner') },
      }
    );
  }),
});

/** Each goal ID's Parent text, by lower-case ID (the first row with the ID, as MATCH finds it). */
const parentOf = (ctx: CheckContext) => (key: string) => ctx.ids.goals.get(key)?.text('parent') || undefined;

export const parentLoop = rule({
  id: 'parent-loop',
  tabs: ['goals'],
  severity: 'error',
  summary: 'Parents form no loop (a goal under its own sub-goal): a loop cannot be rolled up.',
  message: (p: { loop: string[] }) =>
    `Parents go round in a loop: ${[...p.loop, p.loop[0]].map((id) => preview(id, 20)).join(' → ')}. These goals and everything under them show Check parents instead of a rolled-up status.`,
  fix: () => 'Set the Parent of one of these goals to the goal it really serves, or leave it blank.',
  find: onTab('goals', function* (table, ctx) {
    const reported = new Set<string>();
    for (const row of table.records) {
      const id = row.text('id');
      if (!id || ctx.ids.goals.get(idKey(id)) !== row) continue;
      const chain = chainOf(id, parentOf(ctx));
      if (chain.kind !== 'loop' || idKey(chain.loop[0]!) !== idKey(id)) continue;
      const key = chain.loop.map(idKey).sort().join(' ');
      if (reported.has(key) || chain.loop.length === 1) continue; // one step: own-parent says it
      reported.add(key);
      yield { row: row.row, column: 'parent', params: { loop: chain.loop } };
    }
  }),
});

export const goalTooDeep = rule({
  id: 'goal-too-deep',
  tabs: ['goals'],
  severity: 'error',
  summary: `A row has at most ${ROLLUP_LEVELS} goals above it, so it rolls up.`,
  message: (p: { top: string }) =>
    `More than ${ROLLUP_LEVELS} goals above this row (up to ${preview(p.top, 20)} and beyond): it does not roll up.`,
  fix: () => 'Attach it to a goal higher up, or merge levels of the goal tree.',
  find: eachRecord('goals', (row, _table, ctx) => {
    const id = row.text('id');
    const chain = id ? chainOf(id, parentOf(ctx)) : null;
    return (
      chain?.kind === 'deep' && {
        column: 'parent',
        params: { top: chain.ancestors[chain.ancestors.length - 1]! },
      }
    );
  }),
});

export const underKpiRow = rule({
  id: 'under-kpi-row',
  tabs: ['goals'],
  severity: 'warning',
  summary:
    'A row’s Parent is a goal without its own KPI (a KPI row is measured by its KPI, not its children).',
  message: (p: { parent: string }) =>
    `Its Parent ${preview(p.parent, 20)} has its own KPI, so this row does not count toward any goal’s Progress (its Share is 0%).`,
  fix: () => 'Attach it to a goal without a KPI, or clear the Parent’s KPI so it rolls up its children.',
  find: eachRecord('goals', (row, _table, ctx) => {
    const parent = row.text('parent');
    const parentRow = parent ? ctx.ids.goals.get(idKey(parent)) : undefined;
    return (
      parentRow && parentRow !== row && parentRow.text('kpi') && { column: 'parent', params: { parent } }
    );
  }),
});

export const weightNotPositive = rule({
  id: 'weight-not-positive',
  tabs: ['goals'],
  severity: 'warning',
  summary: 'Weights are positive numbers (blank means 1).',
  message: (p: { weight: string }) =>
    `Weight ${preview(p.weight, 20)} is not a positive number: it counts as 1.`,
  fix: () => 'Enter a number above 0, or leave Weight blank for 1.',
  find: eachRecord('goals', (row) => {
    const raw = row.cell('weight');
    if (raw === '' || raw === null || raw === undefined) return null;
    const weight = row.rawNum('weight');
    return (weight === null || weight <= 0) && { column: 'weight', params: { weight: String(raw) } };
  }),
});

/** Characters COUNTIF/SUMIFS criteria read as wildcards (and their escape). */
const WILDCARDS = /[*?~]/;

export const idWithWildcard = rule({
  id: 'id-wildcard',
  tabs: ['goals'],
  severity: 'error',
  summary: 'Goal IDs hold no *, ? or ~: the roll-up formulas match IDs, and Sheets reads those as wildcards.',
  message: (p: { id: string }) =>
    `ID ${preview(p.id, 20)} holds *, ? or ~, which Sheets reads as a wildcard: the roll-up would count other goals' rows.`,
  fix: () =>
    'Use letters, digits, dots or dashes in IDs (for example G1.2), and change the Parents that refer to it.',
  find: eachRecord('goals', (row) => {
    const id = row.text('id');
    return WILDCARDS.test(id) && { column: 'id', params: { id } };
  }),
});

export const GOALS_RULES = [
  unknownReference,
  idWithWildcard,
  ownParent,
  parentLoop,
  goalTooDeep,
  underKpiRow,
  weightNotPositive,
  kpiNotSmart,
  targetEqualsBaseline,
  directionMismatch,
  kpiNotDated,
  kpiStale,
  kpiMissingData,
] as const;
