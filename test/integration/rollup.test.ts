/**
 * The goal roll-up (issue 14) through the built bundle: the example plan's three-level tree
 * (G1 → G10, G11 → KPIs), weighted, computed by native formulas in the runtime's formula engine.
 */
import { describe, expect, it } from 'vitest';

import type { Finding } from '../../src/core/check.js';
import { cellOf, exampleRuntime, sheetValues } from '../helpers.js';

type Runtime = ReturnType<typeof exampleRuntime>;
const value = (rt: Runtime, column: 'progress' | 'status' | 'share' | 'path', id: string) =>
  cellOf(rt, 'goals', column, id).getValue();
const progress = (rt: Runtime, id: string) => value(rt, 'progress', id) as number;

describe('goal roll-up', () => {
  it('rolls KPIs up through sub-goals by Weight, at three levels, with a status against time', () => {
    const rt = exampleRuntime();
    // G10 holds G2 (Weight 2), G5 and G9; G11 holds G3, G7 (no Actual: counts 0) and G8.
    expect(progress(rt, 'G10')).toBeCloseTo(
      (2 * progress(rt, 'G2') + progress(rt, 'G5') + progress(rt, 'G9')) / 4,
      4,
    );
    expect(progress(rt, 'G11')).toBeCloseTo((progress(rt, 'G3') + 0 + progress(rt, 'G8')) / 3, 4);
    // G1 holds G10 (Weight 2), G11, G4 and G6: each child's Progress is itself a roll-up.
    const children = 2 * progress(rt, 'G10') + progress(rt, 'G11') + progress(rt, 'G4') + progress(rt, 'G6');
    expect(progress(rt, 'G1')).toBeCloseTo(children / 5, 3);
    expect(value(rt, 'share', 'G10')).toBeCloseTo(0.4, 9);
    expect(value(rt, 'path', 'G2')).toBe(' G1 › G10 › G2 ');
    // 73% of the period has passed: 67% is within the 10% band (At risk), 58% and 44% are not.
    expect([value(rt, 'status', 'G1'), value(rt, 'status', 'G10'), value(rt, 'status', 'G11')]).toEqual([
      'At risk',
      'Off track',
      'Off track',
    ]);

    // A new Weight reweighs the parent live, with no Refresh.
    cellOf(rt, 'goals', 'weight', 'G2').setValue(1);
    expect(progress(rt, 'G10')).toBeCloseTo((progress(rt, 'G2') + 1 + 0) / 3, 4);
  });

  it('shows No data on a goal with nothing below it', () => {
    const rt = exampleRuntime();
    const goals = rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheetByName('Goals')!;
    const row = goals.getLastRow() + 1;
    goals.getRange(row, 1, 1, 3).setValues([['G12', 'Suppliers meet the same rules', 'G1']]);
    rt.run('refreshKpiStatus');
    expect([value(rt, 'progress', 'G12'), value(rt, 'status', 'G12')]).toEqual(['', 'No data']);
  });

  it('a Parent loop shows Check parents, never a circular-reference error, and Check names the loop', () => {
    const rt = exampleRuntime();
    cellOf(rt, 'goals', 'parent', 'G1').setValue('G11'); // G1 → G11 → G1
    for (const id of ['G1', 'G10', 'G11'])
      expect([id, value(rt, 'progress', id), value(rt, 'status', id)]).toEqual([id, '', 'Check parents']);
    // KPIs keep their own status; no cell of the tab shows an error.
    expect(value(rt, 'status', 'G4')).toBe('On track');
    expect(
      sheetValues(rt, 'Goals')
        .flat()
        .filter((v) => /^#/.test(String(v))),
    ).toEqual([]);
    const findings = rt.run<{ findings: Finding[] }>('checkPlanNow').findings;
    expect(findings.filter((f) => f.rule === 'parent-loop').map((f) => f.message)).toEqual([
      expect.stringContaining('G1 → G11 → G1'),
    ]);
  });
});
