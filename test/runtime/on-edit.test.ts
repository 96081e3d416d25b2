/** Edits made by a person fire onEdit; edits made by script code do not (issue 14, "Live rows and check-ins"). */
import { describe, expect, it } from 'vitest';

import { scriptRuntime } from './script-fixture.js';

// https://developers.google.com/apps-script/guides/triggers (simple triggers, restrictions, onEdit)
// https://developers.google.com/apps-script/guides/triggers/events#edit (the event object)
// https://developers.google.com/apps-script/reference/script/auth-mode (LIMITED for onEdit)
// https://developers.google.com/apps-script/guides/services/quotas#current_limitations (30 s)
const code = `
  function onEdit(e) {
    const seen = {
      authMode: e.authMode, a1: e.range.getA1Notation(), value: e.value, oldValue: e.oldValue,
      source: e.source.getId(), user: e.user.getEmail(), triggerUid: e.triggerUid,
      activeUser: Session.getActiveUser().getEmail(),
    };
    PropertiesService.getDocumentProperties().setProperty('seen', JSON.stringify(seen));
    if (e.value === 'mail') MailApp.sendEmail('a@example.com', 'S', 'B');
    if (e.value === 'trigger') ScriptApp.newTrigger('onEdit').timeBased().everyHours(1).create();
    if (e.value === 'open') SpreadsheetApp.openById(e.source.getId());
    if (e.value === 'sidebar') SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('x'));
    if (e.value === 'slow') { Utilities.sleep(20000); Utilities.sleep(20000); }
    e.range.offset(0, 5).setValue('seen ' + e.value);
  }
  function installable(e) {
    PropertiesService.getScriptProperties().setProperty('installable', JSON.stringify({
      authMode: e.authMode, triggerUid: e.triggerUid, runsAs: Session.getEffectiveUser().getEmail(), editor: e.user.getEmail(),
    }));
  }
  function install() { return ScriptApp.newTrigger('installable').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create().getUniqueId(); }
  function scriptWrite() { SpreadsheetApp.getActiveSheet().getRange('B2').setValue('by script'); }
  function seen() { return JSON.parse(PropertiesService.getDocumentProperties().getProperty('seen')); }
`;

function setup() {
  const rt = scriptRuntime(code, { user: 'owner@example.com' });
  const sheet = rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheets()[0]!;
  return { rt, sheet };
}

describe('onEdit simple trigger', () => {
  it('runs for a person’s edit in LIMITED mode with the documented event; never for a script’s writes', () => {
    const { rt, sheet } = setup();
    sheet.getRange('B2').setValue('old');
    const [run, ...others] = rt.userEdit('Sheet1!B2', '5');
    expect(others).toEqual([]);
    expect(run!.error).toBeUndefined();
    expect(rt.run('seen')).toEqual({
      authMode: 'LIMITED',
      a1: 'B2',
      value: '5',
      oldValue: 'old',
      source: rt.workbook.options.id,
      user: '', // not available without the user's authorization (Session#getActiveUser)
      activeUser: '',
    });
    // onEdit's own write (G2) and a function's writes do not fire onEdit.
    expect(sheet.getRange('G2').getValue()).toBe('seen 5');
    rt.run('scriptWrite');
    expect(rt.executions.map((e) => e.functionName)).toEqual(['onEdit']);
    // The edit selected the cell, as typing in Sheets does.
    expect(rt.service('SpreadsheetApp').getActiveSpreadsheet().getActiveRange()!.getA1Notation()).toBe('B2');
  });

  it('gives value and oldValue as text, only for a single cell, oldValue only when there was content', () => {
    const { rt } = setup();
    rt.userEdit({ row: 3, column: 1 }, 'TRUE');
    expect(rt.run('seen')).toMatchObject({ a1: 'A3', value: 'TRUE' });
    expect(rt.run('seen')).not.toHaveProperty('oldValue');
    rt.userEdit('A3', '2026-03-01');
    expect(rt.run('seen')).toMatchObject({ value: '46082', oldValue: 'TRUE' }); // dates as serial numbers
    rt.userEdit('A3', '');
    expect(rt.run('seen')).toMatchObject({ oldValue: '46082' });
    expect(rt.run('seen')).not.toHaveProperty('value');
    rt.userEdit('A5:B5', [['1', '2']]);
    const pasted = rt.run('seen') as Record<string, unknown>;
    expect(pasted.a1).toBe('A5:B5');
    expect(pasted).not.toHaveProperty('value');
    expect(pasted).not.toHaveProperty('oldValue');
  });

  it('refuses what needs authorization, with Google’s messages, and keeps the edit', () => {
    const { rt, sheet } = setup();
    const errorFor = (value: string) => rt.userEdit('C3', value)[0]!.error?.message;
    expect(errorFor('mail')).toBe(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(errorFor('trigger')).toBe(
      'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
    expect(errorFor('open')).toBe(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    expect(errorFor('sidebar')).toMatch(/permission to call Ui.showSidebar/);
    expect(rt.outbox.messages).toHaveLength(0);
    expect(rt.triggers.triggers).toHaveLength(0);
    expect(sheet.getRange('C3').getValue()).toBe('sidebar');
  });

  it('stops at the 30-second limit on the runtime clock', () => {
    const { rt, sheet } = setup();
    const [run] = rt.userEdit('D4', 'slow');
    expect(run!.error?.message).toBe('Exceeded maximum execution time');
    expect(sheet.getRange('I4').getValue()).toBe(''); // the write after 40 s never happened
    expect(sheet.getRange('D4').getValue()).toBe('slow');
  });
});

describe('installable on-edit triggers', () => {
  // https://developers.google.com/apps-script/guides/triggers/installable#event_types_and_options
  it('run as their owner with full authorization and their triggerUid, for another user’s edit', () => {
    const { rt } = setup();
    const uid = rt.run<string>('install');
    rt.setUser('editor@example.com');
    const runs = rt.userEdit('E5', 'x');
    expect(runs.map((r) => [r.functionName, r.error])).toEqual([
      ['onEdit', undefined],
      ['installable', undefined],
    ]);
    rt.setUser('owner@example.com');
    expect(JSON.parse(rt.properties.script.data.get('installable')!)).toEqual({
      authMode: 'FULL',
      triggerUid: uid,
      runsAs: 'owner@example.com',
      editor: 'editor@example.com',
    });
  });
});
