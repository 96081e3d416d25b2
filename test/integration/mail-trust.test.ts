/**
 * Mail at most once, never failing forever, only to approved recipients: each reproduction of
 * issue 11 as a clock-driven run of the built bundle. Limits from
 * https://developers.google.com/apps-script/guides/services/quotas (9 KB a property value, 500 KB
 * a store, 50 recipients and 200 KB of body a message, a daily recipient quota).
 */
import { describe, expect, it } from 'vitest';

import type { LocalAppsScript } from '../../local/runtime/index.js';
import { MAIL_LIST_ROWS, MAIL_MESSAGE_BYTES, SEND_LOG_BATCH_MESSAGES } from '../../src/core/limits.js';
import { exampleRuntime, overlapAtFirstSend } from '../helpers.js';

type PipelineResult = {
  ran: boolean;
  message: string;
  sent: { kind: string; to: string; subject: string }[];
  held: { to: string; reason: string }[];
  skipped: { who: string; why: string }[];
  failed: { to: string; error: string }[];
  unknown: { to: string }[];
  superseded: number;
  pending: number;
};
type Status = {
  recipients: { address: string; source: string; outside: boolean; approved: boolean }[];
  approvedCount: number;
  held: { address: string; source: string; outside: boolean }[];
};

const ss = (rt: LocalAppsScript) => rt.service('SpreadsheetApp').getActiveSpreadsheet();
const setPlan = (rt: LocalAppsScript, name: string, value: unknown) =>
  ss(rt).getRangeByName(name)!.setValue(value);

/** Appends rows to a tab by header name, growing it as a person would. */
function appendRows(rt: LocalAppsScript, tab: string, rows: Record<string, unknown>[]): void {
  const sheet = ss(rt).getSheetByName(tab)!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const start = sheet.getLastRow() + 1;
  const last = start + rows.length - 1;
  if (last > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), last - sheet.getMaxRows());
  sheet
    .getRange(start, 1, rows.length, header.length)
    .setValues(rows.map((r) => header.map((h) => r[h] ?? '')));
}

/** `count` more owners on People, each owning one task due soon: one digest each. */
function addOwners(rt: LocalAppsScript, count: number): void {
  appendRows(
    rt,
    'People',
    Array.from({ length: count }, (_, i) => ({ Name: `Owner ${i}`, Email: `owner${i}@example.com` })),
  );
  appendRows(
    rt,
    'Timeline',
    Array.from({ length: count }, (_, i) => ({
      ID: `S${i}`,
      Name: `Step ${i}`,
      Type: 'Task',
      Owner: `Owner ${i}`,
      Due: '2026-11-27',
      State: 'In progress',
    })),
  );
}

function setCell(rt: LocalAppsScript, tab: string, id: string, column: string, value: unknown): void {
  const sheet = ss(rt).getSheetByName(tab)!;
  const values = sheet.getDataRange().getValues();
  const col = values[0]!.map(String).indexOf(column);
  const row = values.findIndex((r) => r[0] === id);
  sheet.getRange(row + 1, col + 1).setValue(value);
}

function expectPropertiesWithinLimits(rt: LocalAppsScript): void {
  const all = rt.service('PropertiesService').getDocumentProperties().getProperties();
  let total = 0;
  for (const [k, v] of Object.entries(all)) {
    expect(Buffer.byteLength(v), k).toBeLessThanOrEqual(9 * 1024);
    total += Buffer.byteLength(k) + Buffer.byteLength(v);
  }
  expect(total).toBeLessThan(500 * 1024);
}

/** The most rows any table of a message lists. */
const longest = (html: string) =>
  Math.max(...[...html.matchAll(/<tbody>(.*?)<\/tbody>/g)].map((t) => t[1]!.split('<tr').length - 1));

const perRecipient = (rt: LocalAppsScript, since = 0) => {
  const counts = new Map<string, number>();
  for (const m of rt.outbox.messages.slice(since)) counts.set(m.to[0]!, (counts.get(m.to[0]!) ?? 0) + 1);
  return counts;
};
const weekly = { mode: 'weekly', weekday: 'WEDNESDAY', hour: 9, reminders: false, escalations: false };

describe('Mail: at most once', () => {
  it('an owner with 180 due-soon tasks gets one digest, recorded within the property limits, never again', () => {
    const rt = exampleRuntime();
    appendRows(
      rt,
      'Timeline',
      Array.from({ length: 180 }, (_, i) => ({
        ID: `LONG-TASK-IDENTIFIER-${i + 100}`,
        Name: `Task ${i}`,
        Type: 'Task',
        Owner: 'Alex Rivera',
        Due: '2026-11-27',
        State: 'In progress',
      })),
    );
    const first = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(first.failed).toEqual([]);
    expect(perRecipient(rt).get('alex.rivera@example.com')).toBe(1);
    expectPropertiesWithinLimits(rt);
    const retry = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(retry.sent).toEqual([]);
    expect(perRecipient(rt).get('alex.rivera@example.com')).toBe(1);
  });

  it('an owner with 450 items gets a message that fits, its lists ending with "…and N more in the plan"', async () => {
    const rt = exampleRuntime();
    appendRows(
      rt,
      'Timeline',
      Array.from({ length: 450 }, (_, i) => ({
        ID: `X${i}`,
        Name: `A task with a long, descriptive name that people really write in plans, number ${i} `.repeat(
          3,
        ),
        Type: 'Task',
        Owner: 'Alex Rivera',
        Due: i % 2 ? '2026-11-27' : '2026-11-10',
        State: 'In progress',
      })),
    );
    setPlan(rt, 'OpsPlan_ReportLines', 1);
    const preview = rt.run<{ messages: { to: string; html: string }[] }>('previewStatusEmails');
    setPlan(rt, 'OpsPlan_ReportLines', 50);
    const result = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(result.failed).toEqual([]);
    // Every message as sent (MIME, headers and encoding included) within OpsPlan's 50 KB.
    for (const m of rt.outbox.messages)
      expect((await rt.outbox.toEml(m)).length, m.to[0]).toBeLessThanOrEqual(MAIL_MESSAGE_BYTES);
    const alex = rt.outbox.messages.find((m) => m.to[0] === 'alex.rivera@example.com')!;
    expect(alex.html).toMatch(/…and \d+ more in the plan: <a href="https:[^"]+#gid=\d+"/);
    expect(alex.text).toMatch(/…and \d+ more in the plan: https:/);
    // Sam, Accountable of none of them but Plan owner, gets their escalation in one fitted message.
    const sam = rt.outbox.messages.filter((m) => m.to[0] === 'sam.patel@example.com');
    expect(sam).toHaveLength(1);
    // Lists show the most pressing MAIL_LIST_ROWS, or fewer when the Plan's Report lines say so.
    expect(longest(alex.html)).toBe(MAIL_LIST_ROWS);
    expect(longest(preview.messages.find((m) => m.to === 'alex.rivera@example.com')!.html)).toBe(1);
  });

  it('a daily schedule carrying pending digests over a period change sends one digest per recipient per run', () => {
    const rt = exampleRuntime({ dailyMailQuota: 3 });
    rt.run('saveScheduleSettings', { ...weekly, mode: 'daily' });
    rt.advanceTo('2026-11-25T14:59:00Z'); // Wednesday 9:xx New York: 3 of 6 go, 3 wait
    const day1 = rt.outbox.messages.length;
    expect(day1).toBe(3);
    rt.advanceTo('2026-11-26T14:59:00Z'); // Thursday: a new period, a new quota
    const day2 = perRecipient(rt, day1);
    expect([...day2.values()].every((n) => n === 1)).toBe(true);
    const status = rt.run<{ lastRun: { summary: string } }>('getSchedule');
    expect(status.lastRun.summary).toMatch(/3 pending from an earlier period replaced by this one's/);
  });

  it('quota exhaustion across days: what waits goes on the next days of the same period, once each', () => {
    const rt = exampleRuntime({ dailyMailQuota: 2 });
    rt.run('saveScheduleSettings', weekly);
    rt.advanceTo('2026-11-25T16:00:00Z'); // Wednesday, digest day: 2 of 6
    rt.advanceTo('2026-11-28T16:00:00Z'); // the daily... weekly trigger only fires Wednesdays
    expect(rt.outbox.messages).toHaveLength(2);
    rt.run('saveScheduleSettings', { ...weekly, reminders: true }); // daily trigger now
    rt.advanceTo('2026-11-29T16:00:00Z'); // Sunday: same ISO week, 2 more of the pending
    rt.advanceTo('2026-11-30T16:00:00Z'); // Monday: a new week supersedes the rest
    const digests = rt.outbox.messages.filter((m) => /Weekly (status|report)/.test(m.subject));
    const to = digests.map((m) => m.to[0]);
    expect(new Set(to).size).toBe(to.length);
    expect(digests.length).toBe(4);
  });

  it('an escalation goes once per due date, and again once 28 days have passed if the work is still late', () => {
    const rt = exampleRuntime();
    /** "Late work escalated to you:" lines of the messages a run sent, as "to: line". */
    const escalations = (since: number) =>
      rt.outbox.messages.slice(since).flatMap((m) => {
        const block = /Late work escalated to you:\n((?:- .*\n?)+)/.exec(m.text)?.[1] ?? '';
        return block
          .split('\n')
          .filter((l) => l.startsWith('- '))
          .map((l) => `${m.to[0]}: ${l.split(' ')[1]}`);
      });
    rt.run('sendStatusEmailsNow');
    const first = escalations(0);
    expect(first.length).toBeGreaterThan(0);
    let seen = rt.outbox.messages.length;
    rt.setNow('2026-12-22T15:00:00Z'); // 28 days later: still remembered
    rt.run('sendStatusEmailsNow'); // (work that became late since is escalated: not ours to count)
    expect(escalations(seen).filter((e) => first.includes(e))).toEqual([]);
    seen = rt.outbox.messages.length;
    rt.setNow('2026-12-23T15:00:00Z'); // past ESCALATION_REPEAT_DAYS (src/core/email-keys.ts)
    rt.run('sendStatusEmailsNow');
    expect(
      escalations(seen)
        .filter((e) => first.includes(e))
        .sort(),
    ).toEqual([...first].sort());
  });

  it('overlapping scheduled and by-hand runs send each recipient one message', () => {
    const rt = exampleRuntime();
    rt.run('saveScheduleSettings', weekly);
    const inner = overlapAtFirstSend(
      rt,
      () => rt.advanceTo('2026-11-25T16:00:00Z'),
      () => rt.run<PipelineResult>('sendStatusEmailsNow'),
    );
    expect(inner.ran).toBe(false);
    rt.run('sendStatusEmailsNow');
    expect([...perRecipient(rt).values()].every((n) => n === 1)).toBe(true);
  });
});

describe('Mail at most once, a batch at a time (one send-log write per batch)', () => {
  /** The example plan with more owners than one batch holds, each with a task due soon. */
  function moreThanOneBatch(): LocalAppsScript {
    const rt = exampleRuntime();
    addOwners(rt, SEND_LOG_BATCH_MESSAGES + 4);
    return rt;
  }

  it('killed after recording a batch and before its first message went: none re-sent, all reported unknown', () => {
    const rt = moreThanOneBatch();
    let dead = false;
    rt.calls.beforeCall = (name) => {
      // The second batch is recorded; the execution is killed as its first sendEmail starts.
      if (name === 'MailApp.sendEmail' && rt.outbox.messages.length === SEND_LOG_BATCH_MESSAGES) dead = true;
      if (dead) throw new Error('Exceeded maximum execution time');
    };
    expect(() => rt.run('sendStatusEmailsNow')).toThrow(/maximum execution time/);
    rt.calls.beforeCall = undefined;
    const firstBatch = rt.outbox.messages.map((m) => m.to[0]);
    expect(firstBatch).toHaveLength(SEND_LOG_BATCH_MESSAGES);
    const next = rt.run<PipelineResult>('sendStatusEmailsNow');
    // The second batch's messages: unknown, every one, and none of them sent now.
    expect(next.unknown.length).toBeGreaterThan(0);
    expect(next.unknown.map((u) => u.to).filter((to) => firstBatch.includes(to))).toEqual([]);
    expect(next.sent.map((s) => s.to).filter((to) => next.unknown.some((u) => u.to === to))).toEqual([]);
    // The first batch was confirmed by the second's record: not reported, not sent again.
    expect(next.sent.map((s) => s.to).filter((to) => firstBatch.includes(to))).toEqual([]);
    expect(next.sent).toHaveLength(0);
    expect([...perRecipient(rt).values()].every((n) => n === 1)).toBe(true);
    expect(rt.run<PipelineResult>('sendStatusEmailsNow').unknown).toEqual([]);
  });

  it('a batch whose record the store cannot take is held back, not lost, and goes once there is room', () => {
    const rt = moreThanOneBatch();
    // The team's other scripts leave the document store too little room for a batch's record.
    const doc = rt.service('PropertiesService').getDocumentProperties();
    const storeBytes = () =>
      Object.entries(doc.getProperties()).reduce(
        (n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v),
        0,
      );
    const filler: string[] = [];
    while (storeBytes() < 500 * 1024 - 600) {
      const key = `team.script.${filler.length}`;
      doc.setProperty(key, 'x'.repeat(Math.min(8000, 500 * 1024 - 600 - storeBytes() - key.length)));
      filler.push(key);
    }
    const full = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(full.sent).toEqual([]);
    expect(full.held.length).toBeGreaterThan(SEND_LOG_BATCH_MESSAGES);
    expect(new Set(full.held.map((h) => h.reason))).toEqual(new Set(['send log full']));
    expectPropertiesWithinLimits(rt);
    for (const key of filler) doc.deleteProperty(key);
    const roomy = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(roomy.sent.length).toBe(full.held.length);
    expect([...perRecipient(rt).values()].every((n) => n === 1)).toBe(true);
  });
});

describe('Mail: only to approved recipients', () => {
  it('holds addresses nobody approved, tells the owner once where they came from, and sends after one click', () => {
    const rt = exampleRuntime({ user: 'sam.patel@example.com' });
    const saved = rt.run<Status>('saveScheduleSettings', weekly);
    expect(saved.approvedCount).toBe(6);
    // An editor redirects Alex's mail and adds a report recipient.
    setCell(rt, 'People', 'Alex Rivera', 'Email', 'alex@outside.test');
    setPlan(
      rt,
      'OpsPlan_ReportRecipients',
      'dana.kim@example.com, sam.patel@example.com, boss@elsewhere.test',
    );
    rt.advanceTo('2026-11-25T16:00:00Z');
    const to = rt.outbox.messages.map((m) => m.to[0]);
    expect(to).not.toContain('alex@outside.test');
    expect(to).not.toContain('boss@elsewhere.test');
    const notice = rt.outbox.messages.filter((m) => /waiting for your approval/.test(m.text));
    expect(notice.map((m) => m.to[0])).toEqual(['sam.patel@example.com']);
    expect(notice[0]!.text).toMatch(/alex@outside\.test — People: Alex Rivera/);
    expect(notice[0]!.text).toMatch(/boss@elsewhere\.test — Plan: Report recipients/);
    const status = rt.run<Status>('getSchedule');
    expect(status.held.map((h) => [h.address, h.outside])).toEqual([
      ['boss@elsewhere.test', true],
      ['alex@outside.test', true],
    ]);
    rt.advanceTo('2026-11-26T16:00:00Z'); // the same held set: no second notice
    expect(rt.outbox.messages.filter((m) => /waiting for your approval/.test(m.text))).toHaveLength(1);
    rt.run(
      'approveHeldRecipients',
      status.held.map((h) => h.address),
    );
    rt.run('saveScheduleSettings', { ...weekly, reminders: true }); // a daily trigger
    rt.advanceTo('2026-11-27T16:00:00Z'); // the same week: their held digests go now
    const after = rt.outbox.messages.map((m) => m.to[0]);
    expect(after).toContain('boss@elsewhere.test');
  });

  it('the sidebar shows the recipient set with outside addresses, and saving stores exactly what it showed', () => {
    const rt = exampleRuntime({ user: 'sam.patel@example.com' });
    setPlan(rt, 'OpsPlan_ReportRecipients', 'dana.kim@example.com, partner@agency.test');
    const shown = rt.run<Status>('getSchedule');
    expect(shown.recipients.filter((r) => r.outside).map((r) => r.address)).toEqual(['partner@agency.test']);
    const approved = shown.recipients.map((r) => r.address).filter((a) => a !== 'partner@agency.test');
    rt.run('saveScheduleSettings', { ...weekly, recipients: approved });
    rt.advanceTo('2026-11-25T16:00:00Z');
    expect(rt.outbox.messages.map((m) => m.to[0])).not.toContain('partner@agency.test');
  });

  it('a per-run cap (Plan setting) holds the rest for the next run, and never exceeds the quota', () => {
    const rt = exampleRuntime();
    setPlan(rt, 'OpsPlan_MaxRecipientsPerRun', 2);
    const first = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(first.sent).toHaveLength(2);
    expect(first.held.filter((h) => h.reason === 'per-run cap')).toHaveLength(4);
    const second = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(second.sent).toHaveLength(2);
    expect(new Set([...first.sent, ...second.sent].map((s) => s.to)).size).toBe(4);
  });

  it('Send now sends only to the recipients confirmed, and names anyone else', () => {
    const rt = exampleRuntime();
    const preview = rt.run<{ recipients: string[] }>('previewStatusEmails');
    setPlan(rt, 'OpsPlan_ReportRecipients', 'dana.kim@example.com, sam.patel@example.com, late@added.test');
    const result = rt.run<PipelineResult>('sendStatusEmailsNow', preview.recipients);
    expect(result.sent.map((s) => s.to)).not.toContain('late@added.test');
    expect(result.held).toEqual([{ to: 'late@added.test', reason: 'not approved' }]);
    expect(result.message).toMatch(/1 held \(not approved\): late@added\.test/);
  });
});

describe('Mail: nobody dropped silently', () => {
  it('an escalation whose Accountable has no valid email goes to the Plan owner', () => {
    const rt = exampleRuntime();
    setCell(rt, 'RACI', 'T5', 'Accountable', 'Dana Kim');
    setCell(rt, 'People', 'Dana Kim', 'Email', 'dana at example');
    rt.run('sendStatusEmailsNow');
    const sam = rt.outbox.messages.find((m) => m.to[0] === 'sam.patel@example.com')!;
    expect(sam.text).toMatch(/Late work escalated to you:\n- T5 /);
  });

  it('a bad Report recipient drops only itself and is named in the result', () => {
    const rt = exampleRuntime();
    setPlan(rt, 'OpsPlan_ReportRecipients', 'dana.kim@example.com, dana.kim@example, sam.patel@example.com');
    const result = rt.run<PipelineResult>('sendStatusEmailsNow');
    const reports = result.sent.filter((s) => /Report —/.test(s.subject)).map((s) => s.to);
    expect(reports.sort()).toEqual(['dana.kim@example.com', 'sam.patel@example.com']);
    expect(result.skipped).toEqual([
      { who: 'dana.kim@example', why: 'is not an email address (Plan tab, Report recipients)' },
    ]);
    expect(result.message).toMatch(/skipped: dana\.kim@example is not an email address/);
  });
});

describe('Mail at scale', () => {
  it('1,000 owners: one message each over the runs the quota allows, the log within property limits', () => {
    const rt = exampleRuntime({ dailyMailQuota: 1500 });
    setPlan(rt, 'OpsPlan_MaxRecipientsPerRun', 600);
    addOwners(rt, 1000);
    const first = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(first.sent).toHaveLength(600);
    expect(first.held.every((h) => h.reason === 'per-run cap')).toBe(true);
    expectPropertiesWithinLimits(rt);
    const second = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(first.sent.length + second.sent.length).toBe(1006);
    expect([...perRecipient(rt).values()].every((n) => n === 1)).toBe(true);
    expectPropertiesWithinLimits(rt);
    expect(rt.run<PipelineResult>('sendStatusEmailsNow').sent).toEqual([]);
  });
});
