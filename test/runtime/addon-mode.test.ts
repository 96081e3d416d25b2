/** Several users and documents; an add-on's per-document triggers (issue 11, "Scheduled runs in a published add-on"). */
import { describe, expect, it } from 'vitest';

import { SCOPES } from '../../local/runtime/index.js';
import { expectThrowMessage } from '../helpers.js';
import { ALL_SCOPES, scriptRuntime } from './script-fixture.js';

const code = `
  function schedule() {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const t = ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
    PropertiesService.getUserProperties().setProperty(t.getUniqueId(), ss.getId());
    return t.getUniqueId();
  }
  function mine() { return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).map((t) => t.getUniqueId()); }
  function everyDocument() { return ScriptApp.getProjectTriggers().map((t) => t.getUniqueId()); }
  function tick(e) {
    const seen = {
      active: SpreadsheetApp.getActiveSpreadsheet(),
      documentProperties: PropertiesService.getDocumentProperties(),
      documentLock: LockService.getDocumentLock(),
    };
    const id = PropertiesService.getUserProperties().getProperty(e.triggerUid);
    const ss = seen.active || SpreadsheetApp.openById(id);
    ss.getSheets()[0].getRange('A1').setValue(Session.getEffectiveUser().getEmail());
    return { active: seen.active === null ? null : seen.active.getId(), props: seen.documentProperties === null, lock: seen.documentLock === null, id: ss.getId() };
  }
`;

function addonRuntime(scopes = ALL_SCOPES) {
  const rt = scriptRuntime(code, {
    deployment: 'addon',
    scopes,
    user: 'ana@example.com',
    timeZone: 'Etc/UTC',
  });
  const first = rt.workbook.options.id;
  const second = rt.addSpreadsheet({ id: '1SecondSpreadsheet', name: 'Second' }).options.id;
  return { rt, first, second };
}

describe('add-on mode: triggers belong to a user and a document', () => {
  // https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet)
  // https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()
  // https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions
  it('getUserTriggers lists this document’s, getProjectTriggers every document’s, never another user’s', () => {
    const { rt, first, second } = addonRuntime();
    const a = rt.run<string>('schedule');
    rt.openDocument(second);
    const b = rt.run<string>('schedule');
    rt.setUser('bo@example.com');
    const bo = rt.run<string>('schedule'); // one per user per document: Bo may have his own here
    expect(rt.run('mine')).toEqual([bo]);
    rt.setUser('ana@example.com');
    expect(rt.run('mine')).toEqual([b]);
    expect(rt.run('everyDocument')).toEqual([a, b]);
    rt.openDocument(first);
    expect(rt.run('mine')).toEqual([a]);
    expect(expectThrowMessage(() => rt.run('schedule'))).toMatch(
      /too many time-based triggers in this document/,
    );
    expect(rt.triggers.triggers.map((t) => [t.owner, t.documentId])).toEqual([
      ['ana@example.com', first],
      ['ana@example.com', second],
      ['bo@example.com', second],
    ]);
  });

  it('a time-driven run has no active spreadsheet, document properties or lock; openById reaches the document', () => {
    const { rt, second } = addonRuntime();
    rt.openDocument(second);
    rt.run('schedule');
    const [run] = rt.advanceTo('2026-03-16T15:30:00Z');
    expect(run!.error).toBeUndefined();
    expect(run!.result).toEqual({ active: null, props: true, lock: true, id: second });
    expect(rt.documents.get(second)!.workbook.sheets[0]!.name).toBe('Sheet1');
    expect(rt.service('SpreadsheetApp').openById(second).getSheets()[0]!.getRange('A1').getValue()).toBe(
      'ana@example.com',
    );
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openById(String)
  it('openById needs the full spreadsheets scope and refuses with Google’s message otherwise', () => {
    const { rt, second } = addonRuntime(ALL_SCOPES.filter((s) => s !== SCOPES.allSpreadsheets));
    rt.openDocument(second);
    rt.run('schedule');
    const [run] = rt.advanceTo('2026-03-16T15:30:00Z');
    expect(run!.error?.message).toBe(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });

  // https://developers.google.com/apps-script/guides/services/quotas: mail recipients per day are
  // counted per user; user properties belong to each user.
  it('keeps user properties and the mail quota per user', () => {
    const rt = scriptRuntime(
      `function send(v) {
         PropertiesService.getUserProperties().setProperty('k', v);
         MailApp.sendEmail('team@example.com', 'Subject', 'Body');
         return MailApp.getRemainingDailyQuota();
       }
       function read() { return PropertiesService.getUserProperties().getProperty('k'); }`,
      { deployment: 'addon', dailyMailQuota: 2 },
    );
    expect(rt.run('send', 'mine')).toBe(1);
    rt.setUser('other@example.com');
    expect(rt.run('read')).toBeNull();
    expect(rt.run('send', 'theirs')).toBe(1);
    rt.setUser('owner@example.com');
    expect(rt.run('read')).toBe('mine');
  });
});

describe('the user lock', () => {
  // https://developers.google.com/apps-script/reference/lock/lock-service#getUserLock(): code under
  // it "can be executed simultaneously by different users, but no more than once for a given user".
  it('excludes the same user’s other executions, in any document, and not another user’s', () => {
    const rt = scriptRuntime(
      `function grab() {
         const got = LockService.getUserLock().tryLock(1000);
         Session.getEffectiveUser();
         return got;
       }`,
      { deployment: 'addon', user: 'ana@example.com' },
    );
    const other = rt.addSpreadsheet({ id: '1OtherDocument', name: 'Other' }).options.id;
    const inner: unknown[] = [];
    rt.calls.beforeCall = (name) => {
      if (name !== 'Session.getEffectiveUser' || inner.length) return;
      inner.push('started');
      rt.openDocument(other);
      inner.push(rt.run('grab'));
      rt.setUser('bo@example.com');
      inner.push(rt.run('grab'));
      rt.setUser('ana@example.com');
    };
    expect(rt.run('grab')).toBe(true);
    rt.calls.beforeCall = undefined;
    expect(inner).toEqual(['started', false, true]);
    expect(rt.run('grab')).toBe(true); // released when the execution ended
  });
});

describe('container-bound (the default)', () => {
  it('time-driven runs see their spreadsheet; the script does not run in other documents', () => {
    const rt = scriptRuntime(code, { timeZone: 'Etc/UTC' });
    const other = rt.addSpreadsheet().options.id;
    rt.run('schedule');
    const [run] = rt.advanceTo('2026-03-16T15:30:00Z');
    expect(run!.result).toMatchObject({ active: rt.workbook.options.id, props: false, lock: false });
    expect(() => rt.openDocument(other)).toThrow(/container-bound script runs only in its own spreadsheet/);
    expect(
      expectThrowMessage(() =>
        rt.service('ScriptApp').getUserTriggers({} as GoogleAppsScript.Spreadsheet.Spreadsheet),
      ),
    ).toMatch(/don't match the method signature for ScriptApp.getUserTriggers/);
  });
});
