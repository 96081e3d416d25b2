import { describe, expect, it } from 'vitest';

import { expectThrowMessage, freshRuntime } from '../helpers.js';

describe('Spreadsheet addressing and structure', () => {
  it('resolves Sheet!A1 on the spreadsheet, named ranges, and their removal', () => {
    const rt = freshRuntime();
    const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
    const plan = ss.insertSheet('My plan');
    plan.getRange('B2').setValue('hello');
    expect(ss.getRange("'My plan'!B2").getValue()).toBe('hello');
    expect(expectThrowMessage(() => ss.getRange('Nowhere!A1'))).toBe('Range not found');
    ss.setNamedRange('Greeting', plan.getRange('B2'));
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Greeting']);
    ss.removeNamedRange('Greeting');
    expect(ss.getRangeByName('Greeting')).toBeNull();
    expect(expectThrowMessage(() => ss.setNamedRange('A1', plan.getRange('B2')))).toMatch(
      /Invalid named range name/,
    );
  });

  it('deletes rows and moves what is below up; refuses to delete them all', () => {
    const rt = freshRuntime();
    const sheet = rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheets()[0]!;
    sheet.getRange('A1:A4').setValues([['a'], ['b'], ['c'], ['d']]);
    sheet.getRange('A3').setNote('note on c');
    sheet.deleteRows(2, 1);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['a'], ['c'], ['d']]);
    expect(sheet.getRange('A2').getNote()).toBe('note on c');
    expect(sheet.getMaxRows()).toBe(999);
    expect(expectThrowMessage(() => sheet.deleteRows(1, 999))).toMatch(/can't delete all the rows/);
  });

  it('offsets and cells stay inside the sheet', () => {
    const rt = freshRuntime();
    const sheet = rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheets()[0]!;
    const range = sheet.getRange('B2:C3');
    expect(range.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(range.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(expectThrowMessage(() => range.offset(-5, 0))).toBe('The starting row of the range is too small.');
    expect(expectThrowMessage(() => range.getCell(3, 1))).toMatch(/outside the dimensions/);
  });

  it('hides sheets but never the last visible one', () => {
    const rt = freshRuntime();
    const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
    const other = ss.insertSheet('Other');
    other.hideSheet();
    expect(other.isSheetHidden()).toBe(true);
    expect(expectThrowMessage(() => ss.getSheetByName('Sheet1')!.hideSheet())).toMatch(
      /can't hide all the sheets/,
    );
  });

  it('rejects an invalid rich-text link and reads a valid one back', () => {
    const rt = freshRuntime();
    const app = rt.service('SpreadsheetApp');
    const sheet = app.getActiveSpreadsheet().getSheets()[0]!;
    expect(
      expectThrowMessage(() => app.newRichTextValue().setText('x').setLinkUrl('javascript:alert(1)')),
    ).toMatch(/Invalid argument: url/);
    sheet
      .getRange('A1')
      .setRichTextValue(app.newRichTextValue().setText('=G2').setLinkUrl('#gid=0&range=A2').build());
    expect(sheet.getRange('A1').getValue()).toBe('=G2'); // rich text is text, never a formula
    expect(sheet.getRange('A1').getRichTextValue()!.getLinkUrl()).toBe('#gid=0&range=A2');
  });
});

describe('Ui and HtmlService', () => {
  it('answers alerts and prompts from a script, and shows sidebars', () => {
    const rt = freshRuntime();
    const ui = rt.service('SpreadsheetApp').getUi();
    rt.ui.answers.push({ button: 'YES' }, { text: 'typed', button: 'OK' });
    expect(ui.alert('Title', 'Sure?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    const answer = ui.prompt('Name?');
    expect([answer.getResponseText(), answer.getSelectedButton()]).toEqual(['typed', 'OK']);
    expect(ui.prompt('Again?').getSelectedButton()).toBe(ui.Button.CANCEL);
    expect(rt.ui.alerts.map((a) => a.prompt)).toEqual(['Sure?', 'Name?', 'Again?']);
    const html = rt.service('HtmlService');
    ui.showSidebar(html.createHtmlOutputFromFile('Sidebar').setTitle('OpsPlan'));
    expect(rt.ui.sidebar!.getTitle()).toBe('OpsPlan');
    expect(rt.ui.sidebar!.getContent()).toMatch(/<div id="app">/);
    expect(expectThrowMessage(() => html.createHtmlOutputFromFile('Missing'))).toBe(
      'No HTML file named Missing was found.',
    );
  });

  it('refuses an invalid menu handler name', () => {
    const rt = freshRuntime();
    const menu = rt.service('SpreadsheetApp').getUi().createMenu('X');
    expect(expectThrowMessage(() => menu.addItem('Bad', 'not a name'))).toMatch(/Invalid function name/);
  });
});

describe('ScriptApp, Session and Logger', () => {
  it('creates spreadsheet triggers and lists and deletes only the user’s own', () => {
    const rt = freshRuntime({ user: 'a@example.com' });
    const app = rt.service('ScriptApp');
    const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
    const trigger = app.newTrigger('onOpen').forSpreadsheet(ss).onOpen().create();
    expect(String(trigger.getEventType())).toBe('ON_OPEN');
    expect(app.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['onOpen']);
    app.deleteTrigger(trigger);
    expect(app.getProjectTriggers()).toHaveLength(0);
    expect(expectThrowMessage(() => app.deleteTrigger(trigger))).toBe('Trigger not found.');
    expect(expectThrowMessage(() => app.newTrigger('x').timeBased().atHour(24))).toMatch(/0 to 23/);
  });

  it('reports users, locale and logs', () => {
    const rt = freshRuntime({ user: 'me@example.com' });
    expect(rt.service('Session').getActiveUser().getEmail()).toBe('me@example.com');
    rt.service('Logger').log('count %s', 3);
    expect(rt.service('Logger').getLog()).toBe('count 3');
  });

  it('google.script.run semantics: a Date in the arguments or the result fails the call', () => {
    const rt = freshRuntime();
    expect(() => rt.scriptRun('goToCell', [new Date(), 'A1'])).toThrow(/a Date cannot be passed/);
    expect(rt.scriptRun('getAddonInfo', [])).toMatchObject({ timeZone: 'America/New_York' });
  });
});
