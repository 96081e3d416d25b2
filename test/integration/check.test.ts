import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import type { LocalAppsScript, WorkbookDescription } from '../../local/runtime/index.js';
import { checkPlan, type Finding, type PlanInput } from '../../src/core/check.js';
import { ALL_TABS, PLAN_TABS, SETTINGS } from '../../src/core/spec/tabs.js';
import type { TabKey } from '../../src/core/spec/types.js';
import type { CellValue } from '../../src/core/values.js';
import {
  addressOf,
  cellOf,
  type ColumnRef,
  exampleRuntime,
  isSpreadsheetCall,
  isSpreadsheetWrite,
} from '../helpers.js';

type Result = { findings: Finding[]; counts: Record<string, number> };
type Range = GoogleAppsScript.Spreadsheet.Range;

function check(rt: LocalAppsScript): Result {
  return rt.run<Result>('checkPlanNow');
}

const found = (result: Result) => result.findings.map((f) => `${f.rule} ${f.tab}!${f.cell}`).sort();

/**
 * Sets a cell for the length of `fn`, then puts back its value or formula, number format and
 * validation: the rule cases share one example plan instead of building one each.
 */
function withCell<T>(range: Range, value: unknown, clearValidation: boolean, fn: () => T): T {
  const formula = range.getFormula();
  const previous = range.getValue();
  const format = range.getNumberFormat();
  const validation = range.getDataValidation();
  try {
    if (clearValidation) range.clearDataValidations();
    range.setValue(value);
    return fn();
  } finally {
    if (clearValidation) range.clearDataValidations();
    if (formula) range.setFormula(formula);
    else range.setValue(previous);
    // Only if it changed: reading a cell's format reports the default, which is not set on it.
    if (range.getNumberFormat() !== format) range.setNumberFormat(format);
    if (validation) range.setDataValidation(validation);
  }
}

// One example plan for every case below; each case undoes its edit, and the last test proves it.
let rt: LocalAppsScript;
let pristine: WorkbookDescription;
beforeAll(() => {
  rt = exampleRuntime();
  pristine = rt.describeWorkbook();
});

describe('Check plan on the example plan', () => {
  it('reports no errors; only the deliberate warnings', () => {
    const result = check(rt);
    expect(result.counts.error).toBe(0);
    expect(found(result)).toEqual(
      [
        `kpi-missing-data ${addressOf(cellOf(rt, 'goals', 'actual', 'G7'))}`, // no Actual a month after it started
        `review-overdue ${addressOf(cellOf(rt, 'risks', 'reviewDate', 'R2'))}`, // a review two days late
      ].sort(),
    );
  });

  it('never edits a cell', () => {
    rt.calls.reset();
    check(rt);
    expect(rt.calls.total(isSpreadsheetWrite)).toBe(0);
    expect(rt.describeWorkbook()).toEqual(pristine);
  });
});

type Place<K extends TabKey> = { tab: K; column: ColumnRef<K>; row: string };
interface RuleCase<K extends TabKey> extends Place<K> {
  name: string;
  value: unknown;
  rule: string;
  /** Where the finding points, when not at the edited cell. */
  at?: Omit<Place<K>, 'tab'>;
  message?: RegExp;
  clearValidation?: boolean;
}
/** A case, its column key checked against its tab at compile time. */
const breaking = <K extends TabKey>(c: RuleCase<K>): RuleCase<TabKey> => c as RuleCase<TabKey>;

describe('breaking a rule produces the named finding at that cell', () => {
  const cases = [
    breaking({
      name: 'owner not in People',
      tab: 'goals',
      column: 'owner',
      row: 'G2',
      value: 'Nobody Known',
      rule: 'unknown-owner',
    }),
    breaking({
      name: 'unknown parent goal',
      tab: 'goals',
      column: 'parent',
      row: 'G2',
      value: 'G99',
      rule: 'unknown-reference',
    }),
    breaking({
      name: 'target equals baseline',
      tab: 'goals',
      column: 'target',
      row: 'G2',
      value: 72,
      rule: 'target-equals-baseline',
    }),
    breaking({
      name: 'KPI without a target',
      tab: 'goals',
      column: 'target',
      row: 'G3',
      value: '',
      rule: 'kpi-not-smart',
    }),
    breaking({
      name: 'error value in a cell',
      tab: 'goals',
      column: 'actual',
      row: 'G2',
      value: '#REF!',
      rule: 'error-value',
    }),
    breaking({
      name: 'typed over a formula',
      tab: 'goals',
      column: 'status',
      row: 'G2',
      value: 'On track',
      rule: 'formula-overwritten',
    }),
    breaking({
      name: 'due before start',
      tab: 'timeline',
      column: 'due',
      row: 'T8',
      value: '2026-01-01',
      rule: 'start-after-due',
    }),
    breaking({
      name: 'dependency on a missing task',
      tab: 'timeline',
      column: 'dependsOn',
      row: 'T2',
      value: 'T1, T42',
      rule: 'unknown-reference',
    }),
    breaking({
      name: 'dependency cycle',
      tab: 'timeline',
      column: 'dependsOn',
      row: 'T4',
      value: 'T5',
      rule: 'dependency-cycle',
      message: /T4 → T5 → T4/,
    }),
    breaking({
      name: 'task starts before its dependency is due',
      tab: 'timeline',
      column: 'start',
      row: 'T6',
      value: '2026-10-01',
      rule: 'starts-before-dependency',
    }),
    breaking({
      name: 'Done without Completed date',
      tab: 'timeline',
      column: 'completed',
      row: 'T1',
      value: '',
      rule: 'done-without-date',
    }),
    breaking({
      name: 'duplicate ID',
      tab: 'risks',
      column: 'id',
      row: 'R2',
      value: 'R1',
      rule: 'duplicate-id',
    }),
    breaking({
      name: 'likelihood word not on the scale',
      tab: 'risks',
      column: 'likelihood',
      row: 'R1',
      value: 'Huge',
      rule: 'bad-value',
    }),
    breaking({
      name: 'open risk without response',
      tab: 'risks',
      column: 'response',
      row: 'R1',
      value: '',
      rule: 'open-risk-incomplete',
    }),
    breaking({
      name: 'negative money',
      tab: 'budget',
      column: 'planned',
      row: 'B1',
      value: -5,
      rule: 'bad-value',
      clearValidation: true,
    }),
    breaking({
      name: 'text in hours',
      tab: 'budget',
      column: 'hours',
      row: 'B3',
      value: 'forty',
      rule: 'bad-value',
      clearValidation: true,
    }),
    breaking({
      name: 'invalid email',
      tab: 'people',
      column: 'email',
      row: 'Alex Rivera',
      value: 'alex at example',
      rule: 'bad-value',
    }),
    breaking({
      name: 'duplicate person',
      tab: 'people',
      column: 'name',
      row: 'Dana Kim',
      value: 'Alex Rivera',
      rule: 'duplicate-person',
    }),
    breaking({
      name: 'two Accountables',
      tab: 'raci',
      column: 'accountable',
      row: 'G1',
      value: 'Dana Kim; Alex Rivera',
      rule: 'raci-accountable',
      message: /2 Accountables/,
    }),
    breaking({
      name: 'no Accountable',
      tab: 'raci',
      column: 'accountable',
      row: 'G1',
      value: '',
      rule: 'raci-accountable',
      message: /no Accountable/,
    }),
    breaking({
      name: 'a RACI name not on People',
      tab: 'raci',
      column: 'informed',
      row: 'T1',
      value: 'Dana Kim, Stranger',
      rule: 'raci-unknown-person',
      message: /Stranger is not a name, Role or Team/,
    }),
    breaking({
      name: 'period end before start',
      tab: 'plan',
      column: 'value',
      row: 'Period end',
      value: '2020-01-01',
      rule: 'period-order',
    }),
    breaking({
      name: 'report recipient not an email',
      tab: 'plan',
      column: 'value',
      row: 'Report recipients',
      value: 'boss',
      rule: 'bad-setting',
    }),
  ];
  for (const c of cases) {
    it(c.name, () => {
      const range = cellOf(rt, c.tab, c.column, c.row);
      const where = addressOf(c.at ? cellOf(rt, c.tab, c.at.column, c.at.row) : range);
      const result = withCell(range, c.value, Boolean(c.clearValidation), () => check(rt));
      const hits = result.findings.filter((f) => f.rule === c.rule && `${f.tab}!${f.cell}` === where);
      // The message lists what was found instead, built from the one check already run.
      expect(hits, `${c.rule} at ${where}; found ${found(result).join(', ')}`).toHaveLength(1);
      expect(hits[0]!.message).toMatch(c.message ?? /\S/);
      expect(hits[0]!.fix.length).toBeGreaterThan(10);
      expect(hits[0]!.header).not.toBe('');
    });
  }

  it('goToCell moves the cursor to a finding', () => {
    const target = cellOf(rt, 'risks', 'reviewDate', 'R2');
    rt.run('goToCell', 'Risks', target.getA1Notation());
    const active = rt.service('SpreadsheetApp').getActiveSpreadsheet().getActiveRange()!;
    expect(addressOf(active)).toBe(addressOf(target));
    expect(() => rt.run('goToCell', 'Risks', '=A1')).toThrow(/must be a cell address/);
  });

  it('every case put its cell back: the shared plan is as built', () => {
    expect(rt.describeWorkbook()).toEqual(pristine);
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

  // The shared plan's last user: it leaves random cells behind.
  it('through the bundle: random cells written into every tab are checked without a crash', () => {
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
  // The bench smoke holds the call-count targets at scale; this is the cheap proof that calls do not grow with rows.
  it('makes the same spreadsheet calls for 300 rows per tab as for 50', () => {
    const big = exampleRuntime();
    const ss = big.service('SpreadsheetApp').getActiveSpreadsheet();
    const checkWithRows = (rows: number) => {
      for (const name of ['Goals', 'Timeline', 'Risks', 'Budget', 'People', 'RACI']) {
        const sheet = ss.getSheetByName(name)!;
        const width = sheet.getLastColumn();
        const template = sheet.getRange(2, 1, 1, width).getValues()[0]!;
        if (sheet.getMaxRows() < rows + 1)
          sheet.insertRowsAfter(sheet.getMaxRows(), rows + 1 - sheet.getMaxRows());
        sheet
          .getRange(2, 1, rows, width)
          .setValues(
            Array.from({ length: rows }, (_, i) =>
              template.map((v, j) => (j === 0 ? `${String(v)}-${i}` : v)),
            ),
          );
      }
      big.calls.reset();
      const result = check(big);
      return { calls: big.calls.total(isSpreadsheetCall), findings: result.findings.length };
    };
    const fewer = checkWithRows(50);
    const more = checkWithRows(300);
    expect(more.findings).toBeGreaterThan(fewer.findings); // the rows were read and checked
    expect(more.calls).toBe(fewer.calls);
  });
});
