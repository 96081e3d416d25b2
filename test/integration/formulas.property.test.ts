/**
 * The sheet formulas against the reference evaluator: random rows and dates, written into the
 * local runtime, formulas written by the bundle's Refresh KPI status, the clock set, and every
 * formula cell compared with what src/core/status.ts computes for the same cells.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { LocalAppsScript } from '../../local/runtime/index.js';
import { literal } from '../../src/core/cells.js';
import { ALLOWED_FUNCTIONS, buildFormula } from '../../src/core/formulas.js';
import { BUDGET, GOALS, RISKS, TIMELINE } from '../../src/core/spec/tabs.js';
import type { FormulaKey, TabSpec } from '../../src/core/spec/types.js';
import { GOAL_STATUSES } from '../../src/core/spec/vocab.js';
import { dayFromIso, isBlank, isoFromDay } from '../../src/core/values.js';
import { freshRuntime } from '../helpers.js';
import * as reference from '../reference/status.js';

const BASE = dayFromIso('2026-06-01')!;
const day = fc.integer({ min: BASE - 200, max: BASE + 200 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant('' as const));
const amount = fc.oneof(
  fc.integer({ min: -50, max: 150 }),
  fc
    .double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true })
    .map((x) => Math.round(x * 100) / 100),
);
const nonNegative = fc.oneof(
  fc.integer({ min: 0, max: 20000 }),
  fc.double({ min: 0, max: 5000, noNaN: true }).map((x) => Math.round(x * 100) / 100),
);

/** Text as people type or paste it: stray spaces and non-breaking spaces, any case, doubled inner spaces. */
const pad = fc.constantFrom('', '', '', ' ', '  ', '\u00a0');
const typed = (...words: string[]) =>
  fc
    .tuple(pad, fc.constantFrom(...words), fc.constantFrom('as is', 'lower', 'upper', 'spaced'), pad)
    .map(([before, w, how, after]) => {
      const cased =
        how === 'lower'
          ? w.toLowerCase()
          : how === 'upper'
            ? w.toUpperCase()
            : how === 'spaced'
              ? w.replace(' ', '  ')
              : w;
      return `${before}${cased}${after}`;
    });
/** A number as text (what a paste into a text-formatted cell leaves): the formulas skip it. */
const numberAsText = (arb: fc.Arbitrary<number>) => arb.map((n) => String(n));

const settingsArb = fc.record({
  atRiskBand: fc.constantFrom(0, 0.05, 0.1, 0.25),
  dueSoonDays: fc.integer({ min: 0, max: 14 }),
  periodStart: day,
  periodLength: fc.integer({ min: 1, max: 300 }),
});

const rowArbs: Record<
  'goals' | 'budget' | 'timeline' | 'risks',
  fc.Arbitrary<Record<string, string | number>>
> = {
  goals: fc.oneof(
    // Anything at all…
    fc.record({
      kpi: fc.constantFrom('KPI', 'KPI', 'KPI', '', ' ', '\u00a0'),
      goal: fc.constant('A goal'),
      direction: fc.oneof(typed('Increase', 'Decrease', 'Maintain'), fc.constant('')),
      baseline: fc.oneof(amount, fc.constant(''), numberAsText(amount)),
      target: maybe(amount),
      actual: fc.oneof(amount, fc.constant(''), fc.constant('n/a'), numberAsText(amount)),
      start: maybe(day),
      due: maybe(day),
    }),
    // …and progress near expected, where At risk and Off track part.
    fc
      .record({
        direction: typed('Increase', 'Decrease', 'Maintain'),
        baseline: fc.integer({ min: 0, max: 100 }),
        span: fc.integer({ min: 1, max: 100 }),
        share: fc.integer({ min: -20, max: 130 }),
        start: fc.integer({ min: BASE - 120, max: BASE }),
        length: fc.integer({ min: 1, max: 240 }),
      })
      .map(({ direction, baseline, span, share, start, length }) => {
        const target = /decrease/i.test(direction) ? baseline - span : baseline + span;
        return {
          kpi: 'KPI',
          goal: 'A goal',
          direction,
          baseline,
          target,
          actual: baseline + ((target - baseline) * share) / 100,
          start,
          due: start + length,
        };
      }),
  ),
  budget: fc.record({
    item: fc.constant('Line'),
    planned: maybe(nonNegative),
    hours: maybe(fc.integer({ min: 0, max: 300 })),
    rate: maybe(nonNegative),
    actual: maybe(nonNegative),
  }),
  timeline: fc.record({
    name: fc.constantFrom('Task', '', ' '),
    start: maybe(day),
    due: maybe(day),
    state: fc.oneof(typed('Not started', 'In progress', 'Blocked', 'Done'), fc.constant('')),
    completed: fc.oneof(fc.constant(''), fc.constant(''), day),
  }),
  risks: fc.record({
    risk: fc.constant('A risk'),
    likelihood: fc.oneof(
      fc.integer({ min: 0, max: 6 }),
      fc.constantFrom(
        'Low',
        'medium',
        'HIGH',
        'Rare',
        'Likely',
        'Almost certain',
        'Severe',
        'vl',
        '3',
        ' 3',
        '4\u00a0',
        'Huge',
        '',
        ' ',
        2.5,
      ),
      typed('Low', 'High', 'Very high', 'Almost certain'),
    ),
    impact: fc.oneof(
      fc.integer({ min: 1, max: 5 }),
      fc.constantFrom('Minor', 'Major', 'Moderate', 'Negligible', 'VH', '', 'x', '5'),
      typed('Medium', 'Severe', 'Very low'),
    ),
  }),
};

/**
 * Goals as trees: goals without a KPI over sub-goals and KPI rows, up to ~6 levels, with weights
 * (blank, positive, and the zero, negative and text ones that count as 1), Parents typed in
 * another case, unknown Parents, and Parents pointing anywhere (so loops, and KPI rows with rows
 * under them).
 */
const goalTreeArb = fc
  .array(
    fc.record({
      kpi: fc.boolean(),
      measure: rowArbs.goals,
      parent: fc.constantFrom('previous', 'previous', 'near', 'earlier', 'top', 'any', 'unknown'),
      pick: fc.nat(),
      lower: fc.boolean(),
      weight: fc.oneof(
        fc.constant(''),
        fc.constant(''),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(0.5, 0, -2, 'heavy'),
      ),
      start: maybe(day),
      due: maybe(day),
    }),
    { minLength: 1, maxLength: 18 },
  )
  .map((drawn) =>
    drawn.map((d, i): Record<string, string | number> => {
      const id = `G${i + 1}`;
      const back = { previous: 1, near: 1 + (d.pick % 3), earlier: 1 + (d.pick % Math.max(1, i)) };
      let parent = '';
      if (d.parent === 'any') parent = `G${1 + (d.pick % drawn.length)}`;
      else if (d.parent === 'unknown') parent = 'X99';
      else if (d.parent !== 'top' && i > 0) parent = `G${Math.max(1, i + 1 - back[d.parent])}`;
      if (d.lower) parent = parent.toLowerCase();
      const row = d.kpi ? d.measure : { goal: 'A goal', kpi: '', start: d.start, due: d.due };
      return { ...row, id, parent, weight: d.weight };
    }),
  );

type Evaluator = (row: reference.Row, s: reference.StatusSettings, today: number) => unknown;
/** The Goals columns read the whole tab: their reference is goalTree, not a per-row evaluator. */
const goalsTabOnly = (): never => {
  throw new Error('Goals formulas are compared through reference.goalTree');
};
const evaluators: Record<FormulaKey, Evaluator> = {
  goalExpected: reference.goalExpected,
  goalProgress: goalsTabOnly,
  goalStatus: goalsTabOnly,
  goalShare: goalsTabOnly,
  goalPath: goalsTabOnly,
  goalContribution: goalsTabOnly,
  budgetPlannedTotal: (row) => reference.budgetPlannedTotal(row),
  budgetVariance: (row) => reference.budgetVariance(row),
  budgetVariancePercent: (row) => reference.budgetVariancePercent(row),
  budgetStatus: (row, s) => reference.budgetStatus(row, s),
  timelineStatus: reference.timelineStatus,
  timelineDaysLeft: (row, _s, today) => reference.timelineDaysLeft(row, today),
  riskScore: (row) => reference.riskScore(row),
  riskLevel: (row, s) => reference.riskLevel(row, s),
};

function setSetting(rt: LocalAppsScript, name: string, value: number): void {
  rt.service('SpreadsheetApp').getActiveSpreadsheet().getRangeByName(name)!.setValue(value);
}

/** Writes rows by column key into a set-up tab, refreshes formulas through the bundle, reads results. */
function evaluateInSheet(
  rt: LocalAppsScript,
  spec: TabSpec,
  rows: Record<string, string | number>[],
): Record<string, unknown>[] {
  const sheet = rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheetByName(spec.name)!;
  const lastRow = sheet.getLastRow();
  if (lastRow > 1) sheet.getRange(2, 1, lastRow - 1, spec.columns.length).clearContent();
  // Text goes in as text ("97" stays the text a paste into a text cell leaves).
  const asTyped = (v: string | number | undefined) => (typeof v === 'string' ? literal(v) : (v ?? ''));
  const grid = rows.map((row) => spec.columns.map((c) => (c.type === 'formula' ? '' : asTyped(row[c.key]))));
  sheet.getRange(2, 1, grid.length, spec.columns.length).setValues(grid);
  rt.run('refreshKpiStatus');
  const values = sheet.getRange(2, 1, grid.length, spec.columns.length).getValues();
  return values.map((line) => Object.fromEntries(spec.columns.map((c, i) => [c.key, line[i]])));
}

const seenInSheet = new Set<unknown>();

/** Each row's formula cells as the reference computes them, from the whole tab for Goals. */
function expectedCells(
  spec: TabSpec,
  rows: Record<string, string | number>[],
  s: reference.StatusSettings,
  today: number,
): Record<string, unknown>[] {
  const formulaColumns = spec.columns.filter((c) => c.type === 'formula');
  if (spec.key === 'goals') {
    const tree = reference.goalTree(rows as reference.Row[]);
    return rows.map((row, i) => {
      const cells = { ...tree[i]!, expected: reference.goalExpected(row as reference.Row, s, today) };
      return { ...cells, status: reference.goalStatus({ ...row, ...cells }, s, today) };
    });
  }
  return rows.map((row) => {
    // Formula cells feed later formula columns: the reference reads the computed ones too.
    const withComputed = {
      ...row,
      ...Object.fromEntries(
        formulaColumns.map((c) => [
          c.key,
          evaluators[c.formula!](row as reference.Row, s, today) as reference.SheetValue,
        ]),
      ),
    };
    return Object.fromEntries(
      formulaColumns.map((c) => [c.key, evaluators[c.formula!](withComputed as reference.Row, s, today)]),
    );
  });
}

function propertyFor(spec: TabSpec, key: keyof typeof rowArbs) {
  const rt = freshRuntime({ timeZone: 'America/New_York' });
  rt.run('setUpPlan');
  // As on an adopted tab, no validation rejects what people paste: the formulas see it as typed.
  const sheet = rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheetByName(spec.name)!;
  sheet.getRange(2, 1, sheet.getMaxRows() - 1, sheet.getMaxColumns()).clearDataValidations();
  const formulaColumns = spec.columns.filter((c) => c.type === 'formula');
  return fc.property(
    settingsArb,
    day,
    key === 'goals' ? goalTreeArb : fc.array(rowArbs[key], { minLength: 1, maxLength: 25 }),
    (settings, today, generated) => {
      // Most rows carry an ID, as plans do; every fifth keeps what was drawn, so unnamed rows stay covered.
      const rows = generated.map((row, i) =>
        key === 'goals' || i % 5 === 4 || 'id' in row ? row : { ...row, id: `X${i + 1}` },
      );
      setSetting(rt, 'OpsPlan_AtRiskBand', settings.atRiskBand);
      setSetting(rt, 'OpsPlan_DueSoonDays', settings.dueSoonDays);
      setSetting(rt, 'OpsPlan_PeriodStart', settings.periodStart);
      setSetting(rt, 'OpsPlan_PeriodEnd', settings.periodStart + settings.periodLength);
      rt.setNow(`${isoFromDay(today)}T16:00:00Z`); // noon in New York: the same calendar day
      const sheetResults = evaluateInSheet(rt, spec, rows);
      const s: reference.StatusSettings = {
        periodStart: settings.periodStart,
        periodEnd: settings.periodStart + settings.periodLength,
        atRiskBand: settings.atRiskBand,
        dueSoonDays: settings.dueSoonDays,
        riskLowMax: 4,
        riskMediumMax: 9,
        riskHighMax: 16,
      };
      const expected = expectedCells(spec, rows, s, today);
      rows.forEach((row, i) => {
        // Only named rows (an ID or a name) get formulas; every other row keeps its cells blank.
        const named = spec.columns.slice(0, 2).some((c) => !isBlank(row[c.key]));
        for (const column of formulaColumns) {
          const got = sheetResults[i]![column.key];
          const want = named ? expected[i]![column.key] : '';
          const gotValue = Object.prototype.toString.call(got) === '[object Date]' ? 'a date' : got;
          seenInSheet.add(`${spec.key}:${String(gotValue)}`);
          if (column.key === 'progress' && spec.key === 'goals' && isBlank(row.kpi))
            seenInSheet.add(
              gotValue === ''
                ? 'goals:rollup:blank'
                : String(sheetResults[i]!.path).split('›').length > 3
                  ? 'goals:rollup:deep'
                  : 'goals:rollup',
            );
          if (typeof want === 'number' && typeof gotValue === 'number')
            expect(gotValue, `${spec.name} row ${i + 2} ${column.header}`).toBeCloseTo(want, 9);
          else
            expect(
              gotValue,
              `${spec.name} row ${i + 2} ${column.header} for ${JSON.stringify(row)} today ${today}`,
            ).toBe(want);
        }
      });
    },
  );
}

describe('formula columns equal the reference evaluator', () => {
  it('Goals: Expected, Progress and Status for every direction and status', () => {
    fc.assert(propertyFor(GOALS, 'goals'), { numRuns: 60, seed: 20261124 });
    // The sheet itself produced every status, so each was compared at least once.
    for (const status of GOAL_STATUSES) expect(seenInSheet, status).toContain(`goals:${status}`);
    // …and rolled-up goals: measured, loops, nothing below.
    expect([...seenInSheet].filter((v) => String(v).startsWith('goals:rollup')).sort()).toEqual([
      'goals:rollup',
      'goals:rollup:blank',
      'goals:rollup:deep',
    ]);
  });
  it('Budget: Planned total, Variance, Variance % and Status', () => {
    fc.assert(propertyFor(BUDGET, 'budget'), { numRuns: 40, seed: 7 });
    for (const status of ['Under budget', 'On budget', 'Over budget'])
      expect(seenInSheet, status).toContain(`budget:${status}`);
  });
  it('Timeline: Status and Days left', () => {
    fc.assert(propertyFor(TIMELINE, 'timeline'), { numRuns: 40, seed: 11 });
    for (const status of ['Done', 'Overdue', 'Due soon', 'On schedule', 'Not started'])
      expect(seenInSheet, status).toContain(`timeline:${status}`);
  });
  it('Risks: Score from numbers and words, and Level by the bands', () => {
    fc.assert(propertyFor(RISKS, 'risks'), { numRuns: 40, seed: 13 });
    for (const level of ['Low', 'Medium', 'High', 'Critical'])
      expect(seenInSheet, level).toContain(`risks:${level}`);
  });

  it('reaches every status value in the sample (so the comparison is not vacuous)', () => {
    const seen = new Set<unknown>();
    const s: reference.StatusSettings = {
      periodStart: BASE - 100,
      periodEnd: BASE + 100,
      atRiskBand: 0.1,
      dueSoonDays: 7,
      riskLowMax: 4,
      riskMediumMax: 9,
      riskHighMax: 16,
    };
    fc.assert(
      fc.property(rowArbs.goals, day, (row, today) => {
        seen.add(reference.goalStatus({ ...row, progress: reference.goalProgress(row) }, s, today));
      }),
      { numRuns: 3000, seed: 1 },
    );
    for (const status of ['No data', 'Not started', 'Achieved', 'On track', 'At risk', 'Off track', 'Missed'])
      expect(seen, status).toContain(status);
  });

  it('uses only the agreed functions, no bare TRUE/FALSE and no open ranges', () => {
    const ref = (key: string) => `${key.toUpperCase()}7`;
    for (const key of Object.keys(evaluators) as FormulaKey[]) {
      const formula = buildFormula(key, ref);
      const functions = [...formula.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]!);
      for (const fn of functions)
        expect(ALLOWED_FUNCTIONS as readonly string[], `${key} uses ${fn}`).toContain(fn);
      expect(formula.replace(/"[^"]*"/g, '')).not.toMatch(/\b(TRUE|FALSE)\b/);
      expect(formula).not.toMatch(/[A-Z]+\d+:[A-Z]+(?!\d)/);
      expect(formula).toMatch(/7\b/); // references the row it is written in
    }
  });
});
