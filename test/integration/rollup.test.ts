/**
 * The goal roll-up (issue 14) through the built bundle: the example plan's three-level tree
 * (G1 → G10, G11 → KPIs), weighted, computed by native formulas in the runtime's formula engine.
 */
import { describe, expect, it } from 'vitest';

import type { Finding } from '../../src/core/check.js';
import { cellOf, exampleRuntime, headerOf, sheetValues } from '../helpers.js';

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
    const typed = { id: 'G12', goal: 'Suppliers meet the same rules', parent: 'G1' } as const;
    for (const [key, text] of Object.entries(typed))
      goals.getRange(row, headerOf(rt, 'goals', key as keyof typeof typed).getColumn()).setValue(text);
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

describe('goal IDs the roll-up can match', () => {
  it('Check names an ID holding a wildcard character (*, ?, ~), which SUMIFS criteria would expand', () => {
    const rt = exampleRuntime();
    const cell = cellOf(rt, 'goals', 'id', 'G4');
    cell.setValue('G4*');
    const findings = rt.run<{ findings: Finding[] }>('checkPlanNow').findings;
    expect(findings.filter((f) => f.rule === 'id-wildcard').map((f) => f.cell)).toEqual([
      cell.getA1Notation(),
    ]);
  });
});

describe('the report’s goal tree', () => {
  const treeRows = (rt: Runtime) => {
    rt.run('generateReportNow');
    const rows = sheetValues(rt, 'Report').map((r) => r.slice(0, 8).map(String));
    const start = rows.findIndex((r) => r[0] === 'ID' && r[1] === 'Goal');
    const end = rows.findIndex((r, i) => i > start && r.every((v) => v === ''));
    return { header: rows[start]!, lines: rows.slice(start + 1, end) };
  };
  const shape = (lines: string[][]) =>
    lines.map((r) => `${r[1]!.match(/^ */)![0].length / 4}:${r[0]} ${r[5]}`);

  it('indents by level, worst status first, and lists children only under goals that need attention', () => {
    const rt = exampleRuntime();
    expect(shape(treeRows(rt).lines)).toEqual([
      '0:G1 At risk',
      '1:G10 Off track',
      '2:G2 At risk',
      '2:G9 Not started',
      '2:G5 Achieved',
      '1:G11 Off track',
      '2:G8 Missed',
      '2:G3 Off track',
      '2:G7 No data',
      '1:G4 On track',
      '1:G6 On track',
    ]);
    // G10 measured from a later Start is on track: its three KPIs fold under it.
    cellOf(rt, 'goals', 'start', 'G10').setValue('2026-11-20');
    cellOf(rt, 'goals', 'due', 'G10').setValue('2027-06-30');
    const { lines } = treeRows(rt);
    expect(shape(lines).slice(0, 3)).toEqual(['0:G1 At risk', '1:G11 Off track', '2:G8 Missed']);
    const g10 = lines.find((r) => r[0] === 'G10')!;
    expect([g10[5], g10[6], g10[7]]).toEqual(['On track', '1 of 3', '3 below']);
  });

  it('keeps to the Report lines setting, and shows OKR scores when the Plan says so', () => {
    const rt = exampleRuntime();
    cellOf(rt, 'plan', 'value', 'Report lines per section').setValue(3);
    cellOf(rt, 'plan', 'value', 'OKR scores').setValue('Yes');
    const { header, lines } = treeRows(rt);
    expect(header[3]).toBe('OKR score');
    expect(lines.slice(0, 3).map((r) => [r[0], r[3]])).toEqual([
      ['G1', '0.7'],
      ['G10', '0.6'],
      ['G2', '0.7'],
    ]);
    expect(lines.slice(3).map((r) => r[1])).toEqual([
      expect.stringMatching(/^8 more goals and KPIs not listed \(.*Missed 1.*\)\.$/),
    ]);
  });

  it('the manager email shows the same tree, with OKR scores when the Plan says so', () => {
    const rt = exampleRuntime();
    cellOf(rt, 'plan', 'value', 'OKR scores').setValue('yes');
    rt.run('sendStatusEmailsNow');
    const manager = rt.outbox.messages.find((m) => m.to[0] === 'dana.kim@example.com')!;
    const tree = manager.text.slice(manager.text.indexOf('\nGoals:\n'));
    const lines = tree.split('\n').filter((l) => /^ *- G\d+ /.test(l));
    expect(lines.slice(0, 4)).toEqual([
      expect.stringMatching(
        /^- G1 Achieve .*: At risk \(OKR score 0\.7\), 3 of 7 milestones and tasks done$/,
      ),
      expect.stringMatching(/^ {2}- G10 Every device .*: Off track \(OKR score 0\.6\)/),
      expect.stringMatching(/^ {4}- G2 .*: At risk \(OKR score 0\.7\)/),
      expect.stringMatching(/^ {4}- G9 .*: Not started \(OKR score 0\.0\)/),
    ]);
    expect(manager.html).toContain('>OKR score</th>');
  });
});
