/**
 * Which rows get formulas, and what Refresh reads to know (docs/ARCHITECTURE.md, "Refresh"): a row
 * is named once its ID or name holds something; the menu's Refresh reads each formula tab's header,
 * those two columns and the formulas, and nothing else.
 */
import { describe, expect, it } from 'vitest';

import { TABS } from '../../src/core/spec/tabs.js';
import { cellOf, exampleRuntime, specColumn } from '../helpers.js';

interface Finding {
  rule: string;
  tab: string;
  cell?: string;
}
const check = (rt: ReturnType<typeof exampleRuntime>) =>
  rt.run<{ findings: Finding[] }>('checkPlanNow').findings;

describe('Refresh puts formulas in named rows', () => {
  it('a row without ID and name gets none; naming it adds them; clearing both takes OpsPlan’s away', () => {
    const rt = exampleRuntime();
    const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
    const timeline = ss.getSheetByName('Timeline')!;
    const status = specColumn('timeline', 'status');
    const row = cellOf(rt, 'timeline', 'name', 'T2').getRow();
    expect(timeline.getRange(row, status).getFormula()).not.toBe('');

    // ID and name cleared, the rest of the row kept: OpsPlan's formulas go, the team's cells stay.
    const before = timeline.getRange(row, 1, 1, timeline.getLastColumn()).getValues()[0]!;
    timeline.getRange(row, specColumn('timeline', 'id'), 1, 2).clearContent();
    rt.run('refreshKpiStatus');
    expect(timeline.getRange(row, status).getFormula()).toBe('');
    const after = timeline.getRange(row, 1, 1, timeline.getLastColumn()).getValues()[0]!;
    TABS.timeline.columns.forEach((c, i) => {
      if (c.type !== 'formula' && c.key !== 'id' && c.key !== 'name')
        expect(after[i], c.key).toEqual(before[i]);
    });
    // Check names what is missing, and does not ask for a Refresh that would not change it.
    const findings = check(rt);
    expect(findings.some((f) => f.tab === 'Timeline' && f.rule === 'required')).toBe(true);
    expect(findings.some((f) => f.rule === 'formulas-outdated')).toBe(false);

    // A name alone is enough.
    timeline.getRange(row, specColumn('timeline', 'name')).setValue('Kick-off again');
    rt.run('refreshKpiStatus');
    expect(timeline.getRange(row, status).getFormula()).not.toBe('');
    expect(check(rt).some((f) => f.rule === 'formulas-outdated')).toBe(false);
  });

  it('with nothing to change, reads each formula tab’s header, ID and name, and formulas: no other cell', () => {
    const rt = exampleRuntime();
    const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
    let values = 0;
    let formulas = 0;
    for (const spec of [TABS.goals, TABS.budget, TABS.timeline, TABS.risks]) {
      const sheet = ss.getSheetByName(spec.name)!;
      const [rows, width] = [sheet.getLastRow() - 1, sheet.getLastColumn()];
      const computed = spec.columns.flatMap((c, i) => (c.type === 'formula' ? [i] : []));
      values += width + rows * (spec.labelColumns ?? 0);
      formulas += rows * (Math.max(...computed) - Math.min(...computed) + 1);
    }
    rt.calls.reset();
    rt.run('refreshKpiStatus');
    const cells = rt.calls.cells();
    expect(cells['Range.getValues']).toBe(values);
    expect(cells['Range.getFormulas']).toBe(formulas);
    expect(Object.keys(rt.calls.snapshot()).filter((name) => /^Range\.set|getDataRange/.test(name))).toEqual(
      [],
    );
  });
});
