/**
 * Live rows through the bundle's onEdit simple trigger, fired by a person's edit as Sheets fires it
 * (https://developers.google.com/apps-script/guides/triggers#onedite): AuthMode.LIMITED, 30 s.
 */
import { describe, expect, it } from 'vitest';

import { GOALS } from '../../src/core/spec/tabs.js';
import type { ColumnKeyOf } from '../../src/core/spec/types.js';
import type { LiveRowsResult } from '../../src/gas/live-rows.js';
import { a1, exampleRuntime, isSpreadsheetWrite } from '../helpers.js';

type Runtime = ReturnType<typeof exampleRuntime>;
const sheet = (rt: Runtime, name: string) =>
  rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheetByName(name)!;
const iso = (v: unknown) =>
  Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString().slice(0, 10) : v;

/** A person types into cells; returns what onEdit did. */
function edit(rt: Runtime, target: string, input: string | string[][]) {
  rt.calls.reset();
  const [execution] = rt.userEdit(target, input);
  expect(execution?.functionName).toBe('onEdit');
  expect(execution?.error).toBeUndefined();
  return execution!.result as LiveRowsResult | null;
}

describe('onEdit fills the edited rows', () => {
  it('a new Goals row gets its computed cells, and nothing else is written', () => {
    const rt = exampleRuntime();
    const goals = sheet(rt, 'Goals');
    const last = a1('goals', GOALS.columns[GOALS.columns.length - 1]!.key, 12);
    const before = goals.getRange(`A2:${last}`).getFormulas();
    const typed: Partial<Record<ColumnKeyOf<typeof GOALS>, string>> = {
      id: 'G12',
      goal: 'Fewer password resets',
      parent: 'G1',
      owner: 'Sam Patel',
      kpi: 'Password resets a month',
      unit: 'count',
      direction: 'Decrease',
      baseline: '120',
      target: '60',
      actual: '90',
      start: '2026-10-01',
      due: '2027-01-08',
    };
    // The row as a person types it across the tab, computed cells left empty.
    const result = edit(rt, `Goals!A13:${a1('goals', GOALS.columns[GOALS.columns.length - 1]!.key, 13)}`, [
      GOALS.columns.map((c) => typed[c.key] ?? ''),
    ]);
    expect(result).toMatchObject({ tab: 'Goals', rows: 1, formulas: 6, stamps: 1 });
    const computed = (['expected', 'progress', 'status'] as const).map((key) =>
      goals.getRange(a1('goals', key, 13)),
    );
    expect(computed.map((c) => c.getValue()).slice(1)).toEqual([0.5, 'At risk']);
    expect(computed.every((c) => c.getFormula().startsWith('=') && c.getFormula().includes('13'))).toBe(true);
    expect(goals.getRange(`A2:${last}`).getFormulas()).toEqual(before);
    // One stamp, and one write per run of adjacent computed cells (Status and Progress beside the
    // goal; Expected, Share, Path and Contribution at the end).
    expect(rt.calls.total(isSpreadsheetWrite)).toBe(3);
  });

  it('editing Actual stamps Updated when it is older; State Done stamps an empty Completed', () => {
    const rt = exampleRuntime(); // today 2026-11-24
    edit(rt, `Goals!${a1('goals', 'actual', 3)}`, '93');
    expect(
      iso(
        sheet(rt, 'Goals')
          .getRange(a1('goals', 'updated', 3))
          .getValue(),
      ),
    ).toBe('2026-11-24');
    expect(
      sheet(rt, 'Goals')
        .getRange(a1('goals', 'status', 3))
        .getValue(),
    ).toBe('On track'); // 93 of 72→99.9 beats Expected
    edit(rt, `Timeline!${a1('timeline', 'state', 4)}`, 'done'); // T3, in progress
    expect(
      iso(
        sheet(rt, 'Timeline')
          .getRange(a1('timeline', 'completed', 4))
          .getValue(),
      ),
    ).toBe('2026-11-24');
    expect(
      sheet(rt, 'Timeline')
        .getRange(a1('timeline', 'status', 4))
        .getValue(),
    ).toBe('Done');
    // A Completed date someone entered is theirs.
    sheet(rt, 'Timeline')
      .getRange(a1('timeline', 'completed', 5))
      .setValue('2026-11-20');
    edit(rt, `Timeline!${a1('timeline', 'state', 5)}`, 'Done');
    expect(
      iso(
        sheet(rt, 'Timeline')
          .getRange(a1('timeline', 'completed', 5))
          .getValue(),
      ),
    ).toBe('2026-11-20');
  });

  it('keeps a value typed into a computed cell', () => {
    const rt = exampleRuntime();
    sheet(rt, 'Goals')
      .getRange(a1('goals', 'status', 4))
      .setValue('Fine');
    const result = edit(rt, `Goals!${a1('goals', 'actual', 4)}`, '25');
    expect(result).toMatchObject({ kept: 1 });
    expect(
      sheet(rt, 'Goals')
        .getRange(a1('goals', 'status', 4))
        .getValue(),
    ).toBe('Fine');
  });

  it('never writes to a tab OpsPlan does not manage, nor for the header row', () => {
    const rt = exampleRuntime();
    rt.service('SpreadsheetApp').getActiveSpreadsheet().insertSheet('Notes');
    expect(edit(rt, 'Notes!A2', 'a note')).toBeNull();
    expect(rt.calls.total(isSpreadsheetWrite)).toBe(0);
    expect(edit(rt, 'People!B3', 'dana@example.com')).toBeNull();
    expect(rt.calls.total(isSpreadsheetWrite)).toBe(0);
    expect(edit(rt, 'Goals!Q1', 'My notes')).toBeNull();
    expect(rt.calls.total(isSpreadsheetWrite)).toBe(0);
  });
});
