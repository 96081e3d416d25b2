/**
 * Input as people type or paste it (issue 14's reproductions): stray spaces, non-breaking spaces,
 * other cases and numbers as text read the same in the sheet formulas and in OpsPlan, Check
 * reports each such cell, and Normalise values rewrites exactly those cells after a preview.
 * Adopted tabs have no rejecting validation, so the tests clear it on the cells they type into.
 */
import { describe, expect, it } from 'vitest';

import type { Finding } from '../../src/core/check.js';
import type { NormalisePreview } from '../../src/gas/normalise.js';
import type { PipelineResult } from '../../src/gas/pipeline.js';
import { a1, exampleRuntime, expectThrowMessage, isSpreadsheetWrite, sheetValues } from '../helpers.js';

type Runtime = ReturnType<typeof exampleRuntime>;

/** Types a value into a cell as a person would, on a tab without rejecting validation. */
function type(rt: Runtime, tab: string, cell: string, value: string | number): void {
  const range = rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheetByName(tab)!.getRange(cell);
  range.clearDataValidations();
  range.setValue(value);
}
const cell = (rt: Runtime, tab: string, a1: string) =>
  rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheetByName(tab)!.getRange(a1).getValue();
const findings = (rt: Runtime) => rt.run<{ findings: Finding[] }>('checkPlanNow').findings;

describe('the reproductions', () => {
  it('Direction "Maintain " with Baseline = Target is a Maintain KPI, not No data', () => {
    const rt = exampleRuntime();
    type(rt, 'Goals', a1('goals', 'direction', 7), 'Maintain ');
    type(rt, 'Goals', a1('goals', 'baseline', 7), 100);
    type(rt, 'Goals', a1('goals', 'target', 7), 100);
    type(rt, 'Goals', a1('goals', 'actual', 7), 97);
    expect(cell(rt, 'Goals', a1('goals', 'progress', 7))).toBe(0.97);
    expect(cell(rt, 'Goals', a1('goals', 'status', 7))).toBe('On track');
    const rules = findings(rt).map((f) => `${f.rule} ${f.tab}!${f.cell}`);
    expect(rules).toContain(`non-canonical-value Goals!${a1('goals', 'direction', 7)}`);
    expect(rules).not.toContain(`target-equals-baseline Goals!${a1('goals', 'target', 7)}`);
  });

  it('State "Done " is Done: no Overdue, no escalation for finished work', () => {
    const rt = exampleRuntime();
    type(rt, 'Timeline', a1('timeline', 'state', 6), 'Done\u00a0'); // T5, five days late, pasted with a non-breaking space
    expect(cell(rt, 'Timeline', a1('timeline', 'status', 6))).toBe('Done');
    expect(cell(rt, 'Timeline', a1('timeline', 'daysLeft', 6))).toBe('');
    const result = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(result.sent.filter((s) => s.kind === 'escalation')).toEqual([]);
    const rules = findings(rt).map((f) => `${f.rule} ${f.tab}!${f.cell}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        `non-canonical-value Timeline!${a1('timeline', 'state', 6)}`,
        `done-without-date Timeline!${a1('timeline', 'completed', 6)}`,
      ]),
    );
  });

  it('Likelihood " High" scores like High', () => {
    const rt = exampleRuntime();
    type(rt, 'Risks', a1('risks', 'likelihood', 2), ' High'); // with Impact Moderate (3)
    type(rt, 'Risks', a1('risks', 'impact', 2), 'MODERATE');
    expect(cell(rt, 'Risks', a1('risks', 'score', 2))).toBe(12);
    expect(cell(rt, 'Risks', a1('risks', 'level', 2))).toBe('High');
    const risk = findings(rt).filter((f) => f.tab === 'Risks' && f.row === 2);
    expect(risk.map((f) => `${f.rule} ${f.cell}`)).toEqual([
      `non-canonical-value ${a1('risks', 'likelihood', 2)}`,
      `non-canonical-value ${a1('risks', 'impact', 2)}`,
    ]);
  });
});

describe('Normalise values', () => {
  function messyPlan() {
    const rt = exampleRuntime();
    type(rt, 'Goals', a1('goals', 'direction', 7), 'maintain ');
    type(rt, 'Goals', a1('goals', 'actual', 3), "'90.2"); // Actual pasted as text: the formulas skip it
    type(rt, 'Timeline', a1('timeline', 'state', 6), ' DONE');
    type(rt, 'Timeline', a1('timeline', 'state', 7), 'not  started');
    type(rt, 'Risks', a1('risks', 'likelihood', 2), ' High');
    return rt;
  }

  it('previews each non-canonical cell, then rewrites only those, one write per block', () => {
    const rt = messyPlan();
    expect(cell(rt, 'Goals', a1('goals', 'status', 3))).toBe('No data');
    const preview = rt.run<NormalisePreview>('previewNormaliseValues');
    expect(preview.cells.map((c) => [`${c.sheetName}!${c.cell}`, c.from, c.to])).toEqual([
      [`Goals!${a1('goals', 'actual', 3)}`, '90.2', 90.2],
      [`Goals!${a1('goals', 'direction', 7)}`, 'maintain ', 'Maintain'],
      [`Timeline!${a1('timeline', 'state', 6)}`, ' DONE', 'Done'],
      [`Timeline!${a1('timeline', 'state', 7)}`, 'not  started', 'Not started'],
      [`Risks!${a1('risks', 'likelihood', 2)}`, ' High', 'High'],
    ]);
    const before = Object.fromEntries(
      ['Goals', 'Timeline', 'Risks', 'Budget', 'People'].map((t) => [t, sheetValues(rt, t)]),
    );
    rt.calls.reset();
    const result = rt.run<{ written: number; skipped: number; writes: number }>(
      'normaliseValues',
      preview.cells.map((c) => ({ sheet: c.sheetName, cell: c.cell, from: c.from })),
    );
    expect(result).toEqual({ written: 5, skipped: 0, writes: 4 }); // Timeline's State of rows 6 and 7 is one block
    expect(rt.calls.total(isSpreadsheetWrite)).toBe(4);
    const changed: string[] = [];
    for (const [tab, rows] of Object.entries(before))
      sheetValues(rt, tab).forEach((row, r) =>
        row.forEach((v, c) => {
          const was = rows[r]![c];
          if (typeof v !== typeof was || String(v) !== String(was))
            changed.push(`${tab}!${String.fromCharCode(65 + c)}${r + 1}`);
        }),
      );
    // The rewritten cells, and the formula results that now read them.
    expect(changed.sort()).toEqual(
      [
        `Goals!${a1('goals', 'actual', 3)}`,
        `Goals!${a1('goals', 'direction', 7)}`,
        `Timeline!${a1('timeline', 'state', 6)}`,
        `Timeline!${a1('timeline', 'state', 7)}`,
        `Risks!${a1('risks', 'likelihood', 2)}`,
        `Goals!${a1('goals', 'progress', 3)}`,
        `Goals!${a1('goals', 'status', 3)}`,
        // G2 now measured rolls up into G10 (row 11) and G1 (row 2).
        `Goals!${a1('goals', 'contribution', 3)}`,
        `Goals!${a1('goals', 'progress', 11)}`,
        `Goals!${a1('goals', 'progress', 2)}`,
        `Goals!${a1('goals', 'status', 2)}`,
      ].sort(),
    );
    expect(cell(rt, 'Goals', a1('goals', 'status', 3))).toBe('At risk');
    expect(findings(rt).filter((f) => f.rule === 'non-canonical-value')).toEqual([]);
  });

  it('skips a cell edited since the preview, and refuses anything but a preview’s cells', () => {
    const rt = messyPlan();
    const preview = rt.run<NormalisePreview>('previewNormaliseValues');
    type(rt, 'Timeline', a1('timeline', 'state', 6), 'Blocked'); // someone changed it meanwhile
    const result = rt.run<{ written: number; skipped: number }>(
      'normaliseValues',
      preview.cells.map((c) => ({ sheet: c.sheetName, cell: c.cell, from: c.from })),
    );
    expect(result).toMatchObject({ written: 4, skipped: 1 });
    expect(cell(rt, 'Timeline', a1('timeline', 'state', 6))).toBe('Blocked');
    for (const bad of [[{ sheet: 'Goals', cell: '=A1', from: 'x' }], 'all', [{ sheet: 'Goals' }]])
      expect(expectThrowMessage(() => rt.run('normaliseValues', bad))).toMatch(
        /^OpsPlan refused the request: the cells/,
      );
  });
});
