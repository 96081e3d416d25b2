/**
 * Live rows through the bundle's onEdit simple trigger, fired by a person's edit as Sheets fires it
 * (https://developers.google.com/apps-script/guides/triggers#onedite): AuthMode.LIMITED, 30 s.
 */
import { describe, expect, it } from 'vitest';

import type { LiveRowsResult } from '../../src/gas/live-rows.js';
import { exampleRuntime, isSpreadsheetWrite } from '../helpers.js';

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
    const before = goals.getRange('A2:P10').getFormulas();
    const result = edit(rt, 'Goals!A11:L11', [
      [
        'G10',
        'Fewer password resets',
        'G1',
        'Sam Patel',
        'Password resets a month',
        'count',
        'Decrease',
        '120',
        '60',
        '90',
        '2026-10-01',
        '2027-01-08',
      ],
    ]);
    expect(result).toMatchObject({ tab: 'Goals', rows: 1, formulas: 3, stamps: 1 });
    const row = goals.getRange('N11:P11').getValues()[0]!;
    expect(row[1]).toBe(0.5);
    expect(row[2]).toBe('At risk');
    expect(
      goals
        .getRange('N11:P11')
        .getFormulas()[0]!
        .every((f) => f.startsWith('=') && f.includes('11')),
    ).toBe(true);
    expect(goals.getRange('A2:P10').getFormulas()).toEqual(before);
    // One read of the header and of the row, one stamp, one block of formulas.
    expect(rt.calls.total(isSpreadsheetWrite)).toBe(2);
  });

  it('editing Actual stamps Updated when it is older; State Done stamps an empty Completed', () => {
    const rt = exampleRuntime(); // today 2026-11-24
    edit(rt, 'Goals!J3', '93');
    expect(iso(sheet(rt, 'Goals').getRange('M3').getValue())).toBe('2026-11-24');
    expect(sheet(rt, 'Goals').getRange('P3').getValue()).toBe('On track'); // 93 of 72→99.9 beats Expected
    edit(rt, 'Timeline!J4', 'done'); // T3, in progress
    expect(iso(sheet(rt, 'Timeline').getRange('K4').getValue())).toBe('2026-11-24');
    expect(sheet(rt, 'Timeline').getRange('L4').getValue()).toBe('Done');
    // A Completed date someone entered is theirs.
    sheet(rt, 'Timeline').getRange('K5').setValue('2026-11-20');
    edit(rt, 'Timeline!J5', 'Done');
    expect(iso(sheet(rt, 'Timeline').getRange('K5').getValue())).toBe('2026-11-20');
  });

  it('keeps a value typed into a computed cell', () => {
    const rt = exampleRuntime();
    sheet(rt, 'Goals').getRange('P4').setValue('Fine');
    const result = edit(rt, 'Goals!J4', '25');
    expect(result).toMatchObject({ kept: 1 });
    expect(sheet(rt, 'Goals').getRange('P4').getValue()).toBe('Fine');
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
