import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { STATUS_END, STATUS_START, statusSection } from '../../scripts/readme-rules.js';
import { STATUS_RULES } from '../../src/core/spec/status-rules.js';
import * as reference from '../reference/status.js';

const TODAY = 46_000;
const settings: reference.StatusSettings = {
  periodStart: TODAY - 100,
  periodEnd: TODAY + 100,
  atRiskBand: 0.1,
  dueSoonDays: 7,
  riskLowMax: 4,
  riskMediumMax: 9,
  riskHighMax: 16,
};
const DATES = new Set(['start', 'due', 'completed', 'updated']);

/** The example as sheet cells: dates become day numbers around today. */
function cells(example: Readonly<Record<string, string | number>>): reference.Row {
  return Object.fromEntries(
    Object.entries(example).map(([k, v]) => [k, DATES.has(k) && typeof v === 'number' ? TODAY + v : v]),
  );
}

const evaluate = {
  goals: (row: reference.Row, below: readonly reference.Row[] = []) => {
    if (below.length) {
      const tree = reference.goalTree([row, ...below])[0]!;
      const expected = reference.goalExpected(row, settings, TODAY);
      return reference.goalStatus({ ...row, ...tree, expected }, settings, TODAY);
    }
    const withComputed = {
      ...row,
      expected: reference.goalExpected(row, settings, TODAY),
      progress: reference.goalProgress(row),
    };
    return reference.goalStatus(withComputed, settings, TODAY);
  },
  timeline: (row: reference.Row) => reference.timelineStatus(row, settings, TODAY),
  risks: (row: reference.Row) => reference.riskLevel(row, settings),
} satisfies Record<string, (row: reference.Row, below?: readonly reference.Row[]) => string>;

describe('the status rules the README states', () => {
  for (const column of STATUS_RULES)
    for (const [i, rule] of column.rules.entries())
      it(`${column.tab} ${column.column} rule ${i + 1}: ${rule.status} when ${rule.when}`, () => {
        expect(evaluate[column.tab](cells(rule.example), (rule.below ?? []).map(cells))).toBe(rule.status);
      });

  it('is what the README says (run `npm run docs` after changing a rule)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(
      readme.indexOf(STATUS_START),
      readme.indexOf(STATUS_END) + STATUS_END.length,
    );
    const words = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(words(section)).toBe(words(statusSection()));
  });
});
