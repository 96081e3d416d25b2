/** Behaviours whose local result used to differ from Google's (issue 12, "Wrong results today"). */
import { describe, expect, it } from 'vitest';

import { SCOPES } from '../../local/runtime/index.js';
import { expectThrowMessage, freshRuntime } from '../helpers.js';
import { scriptRuntime } from './script-fixture.js';

function sheetOf(rt = freshRuntime()) {
  return rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheets()[0]!;
}

describe('last row and column with content', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getLastRow()
  // "Returns the position of the last row that has content." (getLastColumn, getDataRange alike)
  it('shrink when the last cells are cleared, by any clearing call', () => {
    const sheet = sheetOf();
    const fill = () => sheet.getRange('A1:D6').setValues(Array.from({ length: 6 }, () => [1, 2, 3, 4]));
    fill();
    sheet.getRange('A5:D6').clearContent();
    sheet.getRange('D1:D4').clear();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([4, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
    sheet.getRange('A4:C4').setValues([['', '', '']]);
    expect(sheet.getLastRow()).toBe(3);
    sheet.clearContents();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    fill();
    sheet.clear();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  it('count a formula that shows an empty string as content, and a gap does not end the data', () => {
    const sheet = sheetOf();
    sheet.getRange('A1').setValue(1);
    sheet.getRange('C5').setFormula('=""');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
  });
});

describe('colours', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#setBackground(String)
  // takes CSS notation ('#ffffff', 'white'); getBackground() returns '#rrggbb'.
  it('read back as lowercase #rrggbb whatever CSS notation was written', () => {
    const sheet = sheetOf();
    sheet.getRange('A1').setBackground('red');
    sheet.getRange('A2').setBackground('#ABC');
    sheet.getRange('A3:A4').setBackgrounds([['CornflowerBlue'], [null]]);
    sheet.getRange('B1').setFontColor('#00FF00');
    sheet.setTabColor('navy');
    expect(sheet.getRange('A1:A4').getBackgrounds()).toEqual([
      ['#ff0000'],
      ['#aabbcc'],
      ['#6495ed'],
      ['#ffffff'],
    ]);
    expect(sheet.getRange('B1').getFontColors()).toEqual([['#00ff00']]);
    expect(sheet.getTabColor()).toBe('#000080');
  });

  it('refuses notation the runtime does not model instead of storing it unnormalised', () => {
    const sheet = sheetOf();
    expect(expectThrowMessage(() => sheet.getRange('A1').setBackground('rgb(1,2,3)'))).toMatch(
      /Invalid argument: color/,
    );
    expect(expectThrowMessage(() => sheet.getRange('A1').setFontColor('reddish'))).toMatch(
      /Invalid argument: color/,
    );
  });
});

describe('trigger contexts', () => {
  const code = `
    function schedule() { ScriptApp.newTrigger('tick').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(9).create(); }
    function tick() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue('ran'); SpreadsheetApp.getUi(); }
  `;

  // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#onWeekDay(Weekday)
  // builds a weekly trigger with onWeekDay + atHour alone.
  // https://developers.google.com/apps-script/reference/base/ui: a time-driven run has no editor UI.
  it('onWeekDay without everyWeeks is weekly; getUi() in a time-driven run throws Google’s message', () => {
    const rt = scriptRuntime(code, { timeZone: 'Etc/UTC' });
    rt.run('schedule');
    const runs = rt.advanceTo('2026-03-31T00:00:00Z');
    expect(runs.map((r) => r.at.toISOString().slice(0, 13))).toEqual(['2026-03-23T09', '2026-03-30T09']);
    expect(runs[0]!.error?.message).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(sheetOf(rt).getRange('A1').getValue()).toBe('ran');
    // The same function run from the menu (a user context) may use the UI.
    expect(() => rt.run('tick')).not.toThrow();
  });
});

describe('manifest scopes', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app: SpreadsheetApp is
  // authorised by spreadsheets.currentonly or by the full spreadsheets scope.
  it('the full spreadsheets scope enables SpreadsheetApp; without either scope it is absent', () => {
    const read = `function name() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }`;
    expect(scriptRuntime(read, { scopes: [SCOPES.allSpreadsheets] }).run('name')).toBe(
      'Untitled spreadsheet',
    );
    expect(expectThrowMessage(() => scriptRuntime(read, { scopes: [SCOPES.mail] }).run('name'))).toMatch(
      /SpreadsheetApp is not defined/,
    );
  });
});
