import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { checkPlan, type Finding, type PlanInput } from '../../src/core/check.js';
import { ALL_TABS, PLAN_TABS, SETTINGS } from '../../src/core/spec/tabs.js';
import type { CellValue } from '../../src/core/values.js';
import { exampleRuntime, type freshRuntime, isSpreadsheetCall, isSpreadsheetWrite } from '../helpers.js';

type Result = { findings: Finding[]; counts: Record<string, number> };

function check(rt: ReturnType<typeof freshRuntime>): Result {
  return rt.run<Result>('checkPlanNow');
}

function sheet(rt: ReturnType<typeof freshRuntime>, name: string) {
  return rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheetByName(name)!;
}

describe('Check plan on the example plan', () => {
  it('reports no errors; only the deliberate warnings', () => {
    const rt = exampleRuntime();
    const result = check(rt);
    expect(result.counts.error).toBe(0);
    expect(result.findings.map((f) => `${f.rule} ${f.tab}!${f.cell}`).sort()).toEqual([
      'kpi-missing-data Goals!J8', // a KPI with no Actual a month after it started
      'review-overdue Risks!K3', // a risk review two days late
    ]);
  });

  it('never edits a cell', () => {
    const rt = exampleRuntime();
    const before = rt.describeWorkbook();
    rt.calls.reset();
    check(rt);
    expect(rt.calls.total(isSpreadsheetWrite)).toBe(0);
    expect(rt.describeWorkbook()).toEqual(before);
  });
});

describe('breaking a rule produces the named finding at that cell', () => {
  const cases: {
    name: string;
    tab: string;
    cell: string;
    value: unknown;
    rule: string;
    at?: string;
    message?: RegExp;
    clearValidation?: boolean;
  }[] = [
    { name: 'owner not in People', tab: 'Goals', cell: 'D3', value: 'Nobody Known', rule: 'unknown-owner' },
    { name: 'unknown parent goal', tab: 'Goals', cell: 'C3', value: 'G99', rule: 'unknown-reference' },
    { name: 'target equals baseline', tab: 'Goals', cell: 'I3', value: 72, rule: 'target-equals-baseline' },
    { name: 'KPI without a target', tab: 'Goals', cell: 'I4', value: '', rule: 'kpi-not-smart' },
    { name: 'error value in a cell', tab: 'Goals', cell: 'J3', value: '#REF!', rule: 'error-value' },
    {
      name: 'typed over a formula',
      tab: 'Goals',
      cell: 'P3',
      value: 'On track',
      rule: 'formula-overwritten',
    },
    { name: 'due before start', tab: 'Timeline', cell: 'G9', value: '2026-01-01', rule: 'start-after-due' },
    {
      name: 'dependency on a missing task',
      tab: 'Timeline',
      cell: 'H3',
      value: 'T1, T42',
      rule: 'unknown-reference',
    },
    {
      name: 'dependency cycle',
      tab: 'Timeline',
      cell: 'H5',
      value: 'T5',
      rule: 'dependency-cycle',
      at: 'H5',
      message: /T4 → T5 → T4/,
    },
    {
      name: 'task starts before its dependency is due',
      tab: 'Timeline',
      cell: 'F7',
      value: '2026-10-01',
      rule: 'starts-before-dependency',
    },
    {
      name: 'Done without Completed date',
      tab: 'Timeline',
      cell: 'K2',
      value: '',
      rule: 'done-without-date',
    },
    { name: 'duplicate ID', tab: 'Risks', cell: 'A3', value: 'R1', rule: 'duplicate-id' },
    { name: 'likelihood word not on the scale', tab: 'Risks', cell: 'E2', value: 'Huge', rule: 'bad-value' },
    { name: 'open risk without response', tab: 'Risks', cell: 'J2', value: '', rule: 'open-risk-incomplete' },
    {
      name: 'negative money',
      tab: 'Budget',
      cell: 'F2',
      value: -5,
      rule: 'bad-value',
      clearValidation: true,
    },
    {
      name: 'text in hours',
      tab: 'Budget',
      cell: 'G4',
      value: 'forty',
      rule: 'bad-value',
      clearValidation: true,
    },
    { name: 'invalid email', tab: 'People', cell: 'B2', value: 'alex at example', rule: 'bad-value' },
    { name: 'duplicate person', tab: 'People', cell: 'A3', value: 'Alex Rivera', rule: 'duplicate-person' },
    { name: 'two Accountables', tab: 'RACI', cell: 'C2', value: 'A', rule: 'raci-accountable', at: 'A2' },
    { name: 'no Accountable', tab: 'RACI', cell: 'D2', value: 'C', rule: 'raci-accountable', at: 'A2' },
    {
      name: 'not a RACI letter',
      tab: 'RACI',
      cell: 'D3',
      value: 'X',
      rule: 'raci-letter',
      clearValidation: true,
    },
    { name: 'period end before start', tab: 'Plan', cell: 'B5', value: '2020-01-01', rule: 'period-order' },
    { name: 'report recipient not an email', tab: 'Plan', cell: 'B7', value: 'boss', rule: 'bad-setting' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const rt = exampleRuntime();
      const range = sheet(rt, c.tab).getRange(c.cell);
      if (c.clearValidation) range.clearDataValidations();
      range.setValue(c.value);
      const found = check(rt).findings.filter(
        (f) => f.rule === c.rule && f.tab === c.tab && f.cell === (c.at ?? c.cell),
      );
      expect(found, JSON.stringify(check(rt).findings.map((f) => [f.rule, f.cell]))).toHaveLength(1);
      expect(found[0]!.message).toMatch(c.message ?? /\S/);
      expect(found[0]!.fix.length).toBeGreaterThan(10);
      expect(found[0]!.header).not.toBe('');
    });
  }

  it('a RACI column for someone not in People is an error at its header', () => {
    const rt = exampleRuntime();
    sheet(rt, 'RACI').getRange('I1').setValue('Stranger');
    const found = check(rt).findings.filter((f) => f.rule === 'raci-unknown-person');
    expect(found.map((f) => f.cell)).toEqual(['I1']);
  });

  it('goToCell moves the cursor to a finding', () => {
    const rt = exampleRuntime();
    rt.run('goToCell', 'Risks', 'K3');
    const active = rt.service('SpreadsheetApp').getActiveSpreadsheet().getActiveRange()!;
    expect([active.getSheet().getName(), active.getA1Notation()]).toEqual(['Risks', 'K3']);
    expect(() => rt.run('goToCell', 'Risks', '=A1')).toThrow(/must be a cell address/);
  });
});

// ---- bad input: any value in any cell gives findings, never an exception ----

const errorValue = fc.constantFrom('#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#ERROR!');
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(''),
  errorValue,
  fc.constantFrom(
    '=SUM(A1:A3)',
    '=1/0',
    'Done',
    'High',
    'R',
    'A',
    'G1',
    'T1, T2',
    '2026-02-30',
    '2026-03-01',
    '45%',
    '$1,000',
    'x'.repeat(50_000),
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

function planInputArb(): fc.Arbitrary<PlanInput> {
  const tabs = PLAN_TABS.map((spec) => {
    const header =
      spec.kind === 'raci'
        ? [...spec.columns.map((c) => c.header), 'Alex', 'Stranger']
        : spec.columns.map((c) => c.header);
    const headerArb = fc.oneof(
      fc.constant(header),
      fc.shuffledSubarray(header).map((h) => [...h, 'Extra']),
      fc.array(anyCell, { maxLength: 8 }),
    );
    const rowsArb = fc.array(fc.array(anyCell, { minLength: 0, maxLength: header.length + 3 }), {
      maxLength: 12,
    });
    return fc
      .record({ header: headerArb, rows: rowsArb, formulas: fc.constant(undefined) })
      .map((t) => [spec.key, { sheetName: spec.name, ...t }] as const);
  });
  const settings = fc.array(fc.tuple(fc.constantFrom(...SETTINGS.map((s) => s.label)), anyCell), {
    maxLength: 20,
  });
  return fc
    .tuple(fc.tuple(...tabs), settings, fc.subarray(PLAN_TABS.map((t) => t.key)))
    .map(([entries, settingRows, absent]) => {
      const input: PlanInput = {};
      for (const [key, tab] of entries) if (!absent.includes(key)) input[key] = tab;
      if (input.plan)
        input.plan = {
          ...input.plan,
          header: ['Setting', 'Value', 'About'],
          rows: settingRows.map(([label, value]) => [label, value, '']),
        };
      return input;
    });
}

describe('bad input', () => {
  it('any cell value in any tab yields findings, never an exception', () => {
    fc.assert(
      fc.property(planInputArb(), fc.integer({ min: 30000, max: 60000 }), (input, today) => {
        const result = checkPlan(input, today);
        for (const f of result.findings) {
          expect(f.message.length).toBeGreaterThan(0);
          expect(f.fix.length).toBeGreaterThan(0);
          expect(f.message.length).toBeLessThan(1000); // long cell text is shortened, not echoed
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('through the bundle: random cells written into every tab are checked without a crash', () => {
    const rt = exampleRuntime();
    const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
    fc.assert(
      fc.property(
        fc.constantFrom(
          ...ALL_TABS.filter((t) => t.columns.length && t.kind !== 'generated' && t.key !== 'history'),
        ),
        fc.array(anyCell, { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 2, max: 12 }),
        (spec, values, row) => {
          const target = ss.getSheetByName(spec.name)!.getRange(row, 2, 1, 4);
          target.clearDataValidations();
          target.setValues([values.map((v) => (typeof v === 'string' && v.startsWith('=') ? `'${v}` : v))]);
          const result = rt.run<Result>('checkPlanNow');
          expect(Array.isArray(result.findings)).toBe(true);
        },
      ),
      { numRuns: 60, seed: 3 },
    );
  });
});

describe('cost of a check', () => {
  it('uses the same number of spreadsheet calls for 10,000 rows per tab as for the example', () => {
    const small = exampleRuntime();
    small.calls.reset();
    check(small);
    const smallCalls = small.calls.total(isSpreadsheetCall);

    const big = exampleRuntime();
    const ss = big.service('SpreadsheetApp').getActiveSpreadsheet();
    for (const name of ['Goals', 'Timeline', 'Risks', 'Budget', 'People', 'RACI']) {
      const sheet = ss.getSheetByName(name)!;
      const width = sheet.getLastColumn();
      const template = sheet.getRange(2, 1, 1, width).getValues()[0]!;
      const rows = 10_000;
      sheet.insertRowsAfter(sheet.getMaxRows(), rows + 10 - sheet.getMaxRows());
      sheet
        .getRange(2, 1, rows, width)
        .setValues(
          Array.from({ length: rows }, (_, i) => template.map((v, j) => (j === 0 ? `${String(v)}-${i}` : v))),
        );
    }
    big.calls.reset();
    const result = check(big);
    expect(result.findings.length).toBeGreaterThan(100);
    expect(big.calls.total(isSpreadsheetCall)).toBe(smallCalls);
  });
});
