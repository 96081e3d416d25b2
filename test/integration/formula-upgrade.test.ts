/**
 * A plan made by an earlier OpsPlan version: its computed cells hold that version's formulas, which
 * are OpsPlan's own. Refresh upgrades them to today's formulas instead of keeping them as if the
 * team had written them; a formula the team wrote is still kept and reported.
 */
import { describe, expect, it } from 'vitest';

import { columnLetters } from '../../src/core/cells.js';
import { earlierFormulas } from '../../src/core/formulas-earlier.js';
import { cellOf, exampleRuntime, headerOf } from '../helpers.js';

type Refresh = { conflicts: { header: string; kind: string }[] };

describe('formulas of earlier versions', () => {
  it('are upgraded by Refresh, while a team formula in the same column is kept', () => {
    const rt = exampleRuntime();
    const status = cellOf(rt, 'goals', 'status', 'G2');
    const row = status.getRow();
    // Version 0.1's Status formula for this row, at this tab's columns.
    const column = (key: string) => columnLetters(headerOf(rt, 'goals', key as never).getColumn());
    const [old] = earlierFormulas('goalStatus', (key) => `${column(key)}${row}`);
    status.setFormula(old!);
    const team = cellOf(rt, 'goals', 'status', 'G3');
    team.setFormula('=IF(TRUE(),"Ours","")');
    const current = cellOf(rt, 'goals', 'progress', 'G2').getFormula();
    expect(current).not.toBe('');

    const result = rt.run<Refresh>('refreshKpiStatus');
    expect(status.getFormula()).not.toBe(old);
    expect(status.getFormula()).toMatch(/TRIM\(SUBSTITUTE/); // today's formula reads words trimmed
    expect(team.getFormula()).toBe('=IF(TRUE(),"Ours","")');
    expect(result.conflicts).toEqual([expect.objectContaining({ header: 'Status', kind: 'formula' })]);
  });

  it('include the first goal roll-up’s (0.3), which Refresh upgrades to the same values', () => {
    const rt = exampleRuntime();
    const column = (key: string) => columnLetters(headerOf(rt, 'goals', key as never).getColumn());
    const keys = ['share', 'path', 'contribution', 'progress'] as const;
    const formulas = ['goalShare', 'goalPath', 'goalContribution', 'goalProgress'] as const;
    const cells = keys.map((key) => cellOf(rt, 'goals', key, key === 'progress' ? 'G10' : 'G2'));
    const current = cells.map((cell) => [cell.getFormula(), cell.getValue()]);
    cells.forEach((cell, i) => {
      const [old] = earlierFormulas(formulas[i]!, (k) => `${column(k)}${cell.getRow()}`);
      expect(old).not.toBe(current[i]![0]);
      cell.setFormula(old!);
      expect(cell.getValue()).toEqual(current[i]![1]);
    });
    const result = rt.run<Refresh>('refreshKpiStatus');
    expect(cells.map((cell) => [cell.getFormula(), cell.getValue()])).toEqual(current);
    expect(result.conflicts).toEqual([]);
  });
});
