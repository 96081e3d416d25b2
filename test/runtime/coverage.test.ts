/** Spreadsheet coverage a typical script needs, beyond what the fidelity scripts exercise. */
import { describe, expect, it } from 'vitest';

import { expectThrowMessage, freshRuntime } from '../helpers.js';

describe('selection (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getactiverange)', () => {
  it('the cursor starts at A1 of the active sheet; setActiveSelection moves it', () => {
    const rt = freshRuntime();
    const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
    const sheet = ss.getActiveSheet();
    expect(sheet.getActiveCell().getA1Notation()).toBe('A1');
    sheet.setActiveSelection('B2:C4');
    expect(ss.getActiveRange()!.getA1Notation()).toBe('B2:C4');
    expect(ss.getActiveCell().getA1Notation()).toBe('B2');
    const other = ss.insertSheet('Other');
    expect(other.getActiveRange()!.getA1Notation()).toBe('A1');
    expect(expectThrowMessage(() => other.setActiveRange(sheet.getRange('A1')))).toMatch(/this sheet/);
  });
});

describe('spreadsheet shortcuts (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet)', () => {
  it('getOwner, and appendRow / getLastRow on the active sheet', () => {
    const rt = freshRuntime({ user: 'ann@example.com' });
    const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
    expect(ss.getOwner()!.getEmail()).toBe('ann@example.com');
    rt.owner = null;
    expect(ss.getOwner()).toBeNull();
    ss.appendRow(['a', 1]);
    ss.appendRow(['b', 2]);
    expect(ss.getLastRow()).toBe(2);
    expect(ss.getDataRange().getValues()).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('appendRow grows a full sheet by a row', () => {
    const rt = freshRuntime();
    const sheet = rt.service('SpreadsheetApp').getActiveSpreadsheet().getActiveSheet();
    sheet.deleteRows(3, sheet.getMaxRows() - 2);
    sheet.getRange('A1:A2').setValues([['x'], ['y']]);
    sheet.appendRow(['z']);
    expect([sheet.getMaxRows(), sheet.getRange('A3').getValue()]).toEqual([3, 'z']);
  });
});

describe('conditional-format dates (https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#whendatebeforedate)', () => {
  it('takes a Date or a RelativeDate, and refuses anything else', () => {
    const rt = freshRuntime();
    const app = rt.service('SpreadsheetApp');
    const range = app.getActiveSheet().getRange('A1:A3');
    const relative = app
      .newConditionalFormatRule()
      .whenDateBefore(app.RelativeDate.TODAY)
      .setBackground('#ff0000')
      .setRanges([range])
      .build();
    expect(String(relative.getBooleanCondition()!.getCriteriaType())).toBe('DATE_BEFORE_RELATIVE');
    const rule = app
      .newConditionalFormatRule()
      .whenDateAfter(new Date('2026-01-01T00:00:00Z'))
      .setRanges([range])
      .build();
    expect(String(rule.getBooleanCondition()!.getCriteriaType())).toBe('DATE_AFTER');
    expect(
      expectThrowMessage(() =>
        app.newConditionalFormatRule().whenDateEqualTo('tomorrow' as unknown as GoogleAppsScript.Base.Date),
      ),
    ).toMatch(/don't match the method signature/);
  });
});
