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
import { exampleRuntime, expectThrowMessage, isSpreadsheetWrite, sheetValues } from '../helpers.js';

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
    type(rt, 'Goals', 'G7', 'Maintain ');
    type(rt, 'Goals', 'H7', 100);
    type(rt, 'Goals', 'I7', 100);
    type(rt, 'Goals', 'J7', 97);
    expect(cell(rt, 'Goals', 'O7')).toBe(0.97);
    expect(cell(rt, 'Goals', 'P7')).toBe('On track');
    const rules = findings(rt).map((f) => `${f.rule} ${f.tab}!${f.cell}`);
    expect(rules).toContain('non-canonical-value Goals!G7');
    expect(rules).not.toContain('target-equals-baseline Goals!I7');
  });

  it('State "Done " is Done: no Overdue, no escalation for finished work', () => {
    const rt = exampleRuntime();
    type(rt, 'Timeline', 'J6', 'Done\u00a0'); // T5, five days late, pasted with a non-breaking space
    expect(cell(rt, 'Timeline', 'L6')).toBe('Done');
    expect(cell(rt, 'Timeline', 'M6')).toBe('');
    const result = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(result.sent.filter((s) => s.kind === 'escalation')).toEqual([]);
    const rules = findings(rt).map((f) => `${f.rule} ${f.tab}!${f.cell}`);
    expect(rules).toEqual(
      expect.arrayContaining(['non-canonical-value Timeline!J6', 'done-without-date Timeline!K6']),
    );
  });

  it('Likelihood " High" scores like High', () => {
    const rt = exampleRuntime();
    type(rt, 'Risks', 'E2', ' High'); // with Impact Moderate (3)
    type(rt, 'Risks', 'F2', 'MODERATE');
    expect(cell(rt, 'Risks', 'G2')).toBe(12);
    expect(cell(rt, 'Risks', 'H2')).toBe('High');
    const risk = findings(rt).filter((f) => f.tab === 'Risks' && f.row === 2);
    expect(risk.map((f) => `${f.rule} ${f.cell}`)).toEqual([
      'non-canonical-value E2',
      'non-canonical-value F2',
    ]);
  });
});

describe('Normalise values', () => {
  function messyPlan() {
    const rt = exampleRuntime();
    type(rt, 'Goals', 'G7', 'maintain ');
    type(rt, 'Goals', 'J3', "'90.2"); // Actual pasted as text: the formulas skip it
    type(rt, 'Timeline', 'J6', ' DONE');
    type(rt, 'Timeline', 'J7', 'not  started');
    type(rt, 'Risks', 'E2', ' High');
    return rt;
  }

  it('previews each non-canonical cell, then rewrites only those, one write per block', () => {
    const rt = messyPlan();
    expect(cell(rt, 'Goals', 'P3')).toBe('No data');
    const preview = rt.run<NormalisePreview>('previewNormaliseValues');
    expect(preview.cells.map((c) => [`${c.sheetName}!${c.cell}`, c.from, c.to])).toEqual([
      ['Goals!J3', '90.2', 90.2],
      ['Goals!G7', 'maintain ', 'Maintain'],
      ['Timeline!J6', ' DONE', 'Done'],
      ['Timeline!J7', 'not  started', 'Not started'],
      ['Risks!E2', ' High', 'High'],
    ]);
    const before = Object.fromEntries(
      ['Goals', 'Timeline', 'Risks', 'Budget', 'People'].map((t) => [t, sheetValues(rt, t)]),
    );
    rt.calls.reset();
    const result = rt.run<{ written: number; skipped: number; writes: number }>(
      'normaliseValues',
      preview.cells.map((c) => ({ sheet: c.sheetName, cell: c.cell, from: c.from })),
    );
    expect(result).toEqual({ written: 5, skipped: 0, writes: 4 }); // J6:J7 is one block
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
      ['Goals!J3', 'Goals!G7', 'Timeline!J6', 'Timeline!J7', 'Risks!E2', 'Goals!O3', 'Goals!P3'].sort(),
    );
    expect(cell(rt, 'Goals', 'P3')).toBe('At risk');
    expect(findings(rt).filter((f) => f.rule === 'non-canonical-value')).toEqual([]);
  });

  it('skips a cell edited since the preview, and refuses anything but a preview’s cells', () => {
    const rt = messyPlan();
    const preview = rt.run<NormalisePreview>('previewNormaliseValues');
    type(rt, 'Timeline', 'J6', 'Blocked'); // someone changed it meanwhile
    const result = rt.run<{ written: number; skipped: number }>(
      'normaliseValues',
      preview.cells.map((c) => ({ sheet: c.sheetName, cell: c.cell, from: c.from })),
    );
    expect(result).toMatchObject({ written: 4, skipped: 1 });
    expect(cell(rt, 'Timeline', 'J6')).toBe('Blocked');
    for (const bad of [[{ sheet: 'Goals', cell: '=A1', from: 'x' }], 'all', [{ sheet: 'Goals' }]])
      expect(expectThrowMessage(() => rt.run('normaliseValues', bad))).toMatch(
        /^OpsPlan refused the request: the cells/,
      );
  });
});
