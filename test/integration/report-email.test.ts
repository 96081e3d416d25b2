import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';

import type { LocalAppsScript } from '../../local/runtime/index.js';
import { cellOf, exampleRuntime, sheetRecords, sheetValues } from '../helpers.js';

type PipelineResult = {
  ran: boolean;
  message: string;
  sent: { kind: string; to: string; subject: string }[];
  pending: number;
  held: { to: string; reason: string }[];
  skipped: { who: string; why: string }[];
  failed: { to: string; error: string }[];
  unknown: { to: string; kind: string; subject: string }[];
};

const ss = (rt: LocalAppsScript) => rt.service('SpreadsheetApp').getActiveSpreadsheet();
const setPlan = (rt: LocalAppsScript, name: string, value: unknown) =>
  ss(rt).getRangeByName(name)!.setValue(value);
const recipients = (rt: LocalAppsScript) => rt.outbox.messages.map((m) => m.to[0]!).sort();
/** The Report from its KPI status section on (the goal tree above it lists the same IDs). */
const fromKpiSection = (rt: LocalAppsScript) => {
  const report = sheetValues(rt, 'Report');
  return report.slice(report.findIndex((r) => r[0] === 'KPI status'));
};

describe('Generate report', () => {
  it('writes the Report tab whole: KPI table, milestones, risks, budget totals that match the Budget tab, challenges', () => {
    const rt = exampleRuntime();
    rt.run('generateReportNow');
    const report = sheetValues(rt, 'Report');
    const text = report.map((r) => r.join(' | ')).join('\n');
    expect(text).toMatch(/Endpoint security plan — progress report/);
    const budgetTotal = report.find((r) => r[0] === 'Total')!;
    const budget = sheetRecords(rt, 'Budget');
    const sum = (key: string) => budget.reduce((t, b) => t + Number(b[key] || 0), 0);
    expect([budgetTotal[1], budgetTotal[2], budgetTotal[3]]).toEqual([
      sum('Planned total'),
      sum('Actual'),
      sum('Variance'),
    ]);
    expect(budgetTotal[1]).toBe(12_800);
    expect(text).toMatch(/Completed \| 3 of 6/);
    const kpiIds = fromKpiSection(rt)
      .filter((r) => /^G\d$/.test(String(r[0])))
      .map((r) => r[0]);
    expect(kpiIds).toHaveLength(8);
    expect(text).toMatch(/Critical risk R4/);
    expect(text).toMatch(/Milestone T5 .* 5 days overdue/);
  });

  it('lists the most pressing lines of each section, up to the Plan setting, and counts and links the rest', () => {
    const rt = exampleRuntime();
    setPlan(rt, 'OpsPlan_ReportLines', 2);
    rt.run('generateReportNow');
    const report = sheetValues(rt, 'Report');
    expect(fromKpiSection(rt).filter((r) => /^G\d$/.test(String(r[0])))).toHaveLength(2);
    const rest = report.findIndex((r) => /^6 more KPIs not listed \(.*\)/.test(String(r[1])));
    expect(rest).toBeGreaterThan(0);
    const sheet = ss(rt).getSheetByName('Report')!;
    const goals = ss(rt).getSheetByName('Goals')!;
    expect(
      sheet
        .getRange(rest + 1, 1)
        .getRichTextValue()!
        .getLinkUrl(),
    ).toBe(`#gid=${goals.getSheetId()}&range=A1`);
    expect(report.filter((r) => /^T\d+$/.test(String(r[0])))).toHaveLength(2);
  });

  it('links every line to its source row', () => {
    const rt = exampleRuntime();
    rt.run('generateReportNow');
    const sheet = ss(rt).getSheetByName('Report')!;
    const values = sheet.getDataRange().getValues();
    const row = values.findIndex((r) => r[0] === 'T5') + 1;
    const link = sheet.getRange(row, 1).getRichTextValue()!.getLinkUrl();
    const timeline = ss(rt).getSheetByName('Timeline')!;
    const t5Row =
      timeline
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'T5') + 1;
    expect(link).toBe(`#gid=${timeline.getSheetId()}&range=A${t5Row}`);
  });

  it('snapshots History once per day and shows the trend on later runs', () => {
    const rt = exampleRuntime();
    rt.run('generateReportNow');
    rt.run('generateReportNow');
    expect(sheetRecords(rt, 'History')).toHaveLength(8);
    rt.setNow('2026-12-01T15:00:00Z');
    cellOf(rt, 'goals', 'actual', 'G2').setValue(95); // G2 improves
    rt.run('generateReportNow');
    expect(sheetRecords(rt, 'History')).toHaveLength(16);
    const g2 = fromKpiSection(rt).find((r) => r[0] === 'G2')!;
    expect(String(g2[8])).toMatch(/^↑/);
  });

  it('keeps one snapshot per ISO week: a re-run later the same week replaces it', () => {
    const rt = exampleRuntime();
    rt.run('generateReportNow'); // Tuesday 2026-11-24
    rt.setNow('2026-11-27T15:00:00Z'); // Friday, same ISO week
    rt.run('generateReportNow');
    const history = sheetRecords(rt, 'History');
    expect(history).toHaveLength(8);
    const dates = history.map((r) => (r['Date'] as Date).toISOString().slice(0, 10));
    expect(new Set(dates)).toEqual(new Set(['2026-11-27']));
  });

  it('reads History whole and puts it in order when someone has sorted it', () => {
    const rt = exampleRuntime();
    rt.run('generateReportNow');
    rt.setNow('2026-12-01T15:00:00Z');
    rt.run('generateReportNow');
    const sheet = ss(rt).getSheetByName('History')!;
    // Sorted by KPI ID: the blocks the index points at no longer hold one date each.
    const body = sheet.getRange(2, 1, 16, 5);
    body.setValues(body.getValues().sort((a, b) => String(a[1]).localeCompare(String(b[1]))));
    rt.setNow('2026-12-08T15:00:00Z');
    cellOf(rt, 'goals', 'actual', 'G2').setValue(96);
    rt.run('generateReportNow');
    const dates = sheetRecords(rt, 'History').map((r) => (r['Date'] as Date).toISOString().slice(0, 10));
    expect(dates).toHaveLength(24);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(3);
    const g2 = fromKpiSection(rt).find((r) => r[0] === 'G2')!;
    expect(String(g2[8])).toMatch(/^↑/);
  });
});

describe('Status emails', () => {
  it('the example plan yields one email per recipient, with "status" subjects when sent by hand', () => {
    const rt = exampleRuntime();
    const result = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(result.failed).toEqual([]);
    const byTo = Object.fromEntries(result.sent.map((s) => [s.to, s.subject]));
    expect(byTo).toEqual({
      'alex.rivera@example.com': '[Endpoint security plan] Status — 2 items need you', // G9 has not started: not stale
      'morgan.blake@example.com': '[Endpoint security plan] Status — 4 items need you',
      'priya.shah@example.com': '[Endpoint security plan] Status — 1 item needs you',
      'jordan.lee@example.com': '[Endpoint security plan] Status — 1 item needs you',
      'sam.patel@example.com': '[Endpoint security plan] Report — 5 pressing challenges',
      'dana.kim@example.com': '[Endpoint security plan] Report — 5 pressing challenges',
    });
    const manager = rt.outbox.messages.find((m) => m.to[0] === 'dana.kim@example.com')!;
    expect(manager.html).toContain('Planned total (USD)');
    expect(manager.html).toContain('<span style="white-space:nowrap;">12,800</span>');
    // T5 is escalated to its Accountable inside Sam's one message; its owner is told in hers.
    const sam = rt.outbox.messages.filter((m) => m.to[0] === 'sam.patel@example.com');
    expect(sam).toHaveLength(1);
    expect(sam[0]!.text).toMatch(/Late work escalated to you:\n- T5 /);
    const priya = rt.outbox.messages.find((m) => m.to[0] === 'priya.shah@example.com')!;
    expect(priya.text).toMatch(/- T5 .*escalated to sam\.patel@example\.com/);
    expect(rt.outbox.messages.every((m) => m.cc.length === 0)).toBe(true);
  });

  it('a re-run sends nothing twice', () => {
    const rt = exampleRuntime();
    rt.run('sendStatusEmailsNow');
    const count = rt.outbox.messages.length;
    const again = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(again.sent).toHaveLength(0);
    expect(rt.outbox.messages).toHaveLength(count);
  });

  it('overlapping runs give exactly one email per recipient', () => {
    const rt = exampleRuntime();
    let overlapping: PipelineResult | undefined;
    rt.calls.beforeCall = (name) => {
      if (name === 'MailApp.sendEmail' && !overlapping) {
        overlapping = { ran: false } as PipelineResult;
        overlapping = rt.run<PipelineResult>('sendStatusEmailsNow');
      }
    };
    const first = rt.run<PipelineResult>('sendStatusEmailsNow');
    rt.calls.beforeCall = undefined;
    expect(overlapping!.ran).toBe(false);
    expect(overlapping!.message).toMatch(/Another OpsPlan run/);
    expect(first.ran).toBe(true);
    const keys = rt.outbox.messages.map((m) => `${m.to.join()}|${m.subject}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rt.outbox.messages).toHaveLength(first.sent.length);
  });

  it('a quota of 3 with 5 recipients sends 3 now and 2 on the next run, none twice', () => {
    const rt = exampleRuntime({ dailyMailQuota: 3 });
    setPlan(rt, 'OpsPlan_ReportRecipients', '');
    rt.run('saveScheduleSettings', {
      mode: 'weekly',
      weekday: 'TUESDAY',
      hour: 9,
      reminders: false,
      escalations: false,
    });
    const first = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(first.sent).toHaveLength(3);
    expect(first.pending).toBe(2);
    expect(first.message).toMatch(/2 held \(daily quota\)/);
    const sameDay = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(sameDay.sent).toHaveLength(0); // quota used up: still waiting, not lost
    expect(sameDay.pending).toBe(2);
    rt.setNow('2026-11-25T15:00:00Z');
    const next = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(next.sent).toHaveLength(2);
    expect(next.pending).toBe(0);
    expect(recipients(rt)).toEqual([
      'alex.rivera@example.com',
      'jordan.lee@example.com',
      'morgan.blake@example.com',
      'priya.shah@example.com',
      'sam.patel@example.com',
    ]);
  });

  it('one recipient failing does not stop the others, and is reported and retried', () => {
    const rt = exampleRuntime();
    rt.outbox.failures.set('priya.shah@example.com', 'Service error: Mail');
    const first = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(first.failed.map((f) => f.to)).toContain('priya.shah@example.com');
    expect(first.sent.length).toBe(5);
    const retry = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(retry.sent.map((s) => s.to)).toContain('priya.shah@example.com');
  });

  it('stops before the time limit and continues on the next run', () => {
    const rt = exampleRuntime();
    rt.calls.beforeCall = (name) => {
      if (name === 'MailApp.sendEmail') rt.clock.advance(60_000); // a slow mail service
    };
    const first = rt.run<PipelineResult>('sendStatusEmailsNow');
    rt.calls.beforeCall = undefined;
    expect(first.sent.length).toBe(5);
    expect(first.pending).toBeGreaterThan(0);
    const rest = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(first.sent.length + rest.sent.length).toBe(6);
  });

  it('a run killed at the time limit mid-batch: every message of the batch reported as unknown, none sent again', () => {
    const rt = exampleRuntime();
    let sends = 0;
    let dead = false;
    rt.calls.beforeCall = (name) => {
      // The execution is killed right after the second sendEmail returned: no later call happens.
      if (dead) throw new Error('Exceeded maximum execution time');
      if (name === 'MailApp.sendEmail' && ++sends === 2) dead = true;
    };
    expect(() => rt.run('sendStatusEmailsNow')).toThrow(/maximum execution time/);
    rt.calls.beforeCall = undefined;
    expect(rt.outbox.messages).toHaveLength(2);
    // The six messages were recorded as one batch before the first went: whether each went is unknown.
    const next = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(next.unknown).toHaveLength(6);
    expect(next.unknown.map((u) => u.to)).toEqual(
      expect.arrayContaining(rt.outbox.messages.map((m) => m.to[0])),
    );
    expect(next.message).toMatch(/6 from an interrupted run may or may not have gone/);
    expect(next.sent).toEqual([]);
    expect(rt.outbox.messages).toHaveLength(2);
    const again = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(again.sent).toEqual([]);
    expect(again.unknown).toEqual([]); // reported once
  });

  it('previews each recipient’s email without sending', () => {
    const rt = exampleRuntime();
    const preview = rt.run<{
      messages: { to: string; subject: string; html: string; text: string }[];
      recipients: string[];
    }>('previewStatusEmails');
    expect(preview.messages.map((p) => p.to)).toContain('alex.rivera@example.com');
    expect(preview.recipients).toHaveLength(6);
    expect(preview.messages.every((p) => p.html.startsWith('<!DOCTYPE html>') && p.text.length > 0)).toBe(
      true,
    );
    expect(rt.outbox.messages).toHaveLength(0);
  });

  it('escapes markup from any cell: the parsed .eml shows it as text', async () => {
    const rt = exampleRuntime();
    const payloads = ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '"><svg onload=alert(3)>'];
    cellOf(rt, 'goals', 'kpi', 'G2').setValue(payloads[0]);
    cellOf(rt, 'goals', 'unit', 'G2').setValue(payloads[1]);
    cellOf(rt, 'timeline', 'name', 'T5').setValue(payloads[2]); // an overdue milestone
    setPlan(rt, 'OpsPlan_PlanName', `Plan ${payloads[2]}\r\nBcc: attacker@example.com`);
    rt.run('sendStatusEmailsNow');
    const mails = await Promise.all(
      rt.outbox.messages.map(async (m) => simpleParser(await rt.outbox.toEml(m))),
    );
    const all = mails.map((m) => String(m.html)).join('\n');
    for (const p of payloads) expect(all).not.toContain(p);
    expect(all).not.toMatch(/<(script|img|svg)\b/i);
    expect(all).not.toMatch(/"><svg/);
    expect(all).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(all).toContain('&lt;img src=x onerror=alert(2)&gt;');
    for (const m of mails) {
      expect(m.subject).not.toMatch(/[\r\n]/);
      expect(m.bcc).toBeUndefined();
    }
  });
});

describe('Emails that ask for action', () => {
  const sent = () => {
    const rt = exampleRuntime();
    rt.run('sendStatusEmailsNow');
    const byTo = (to: string) => rt.outbox.messages.find((m) => m.to[0] === to)!;
    return { rt, byTo, url: ss(rt).getUrl() };
  };
  /** Lines of prose (not list items or links), each sentence once. */
  const sentences = (text: string) =>
    text
      .split('\n')
      .filter((l) => !/^\s*([-*]|https:)/.test(l))
      .flatMap((l) => l.split(/(?<=[.!?:])\s+/))
      .map((s) => s.trim())
      .filter((s) => s.length > 20 && !s.startsWith('https:'));

  it('each message opens with what the reader must do, the plan’s link and how to open My items', () => {
    const { rt, byTo, url } = sent();
    expect(rt.outbox.messages).toHaveLength(6);
    for (const m of rt.outbox.messages) {
      expect(m.text.startsWith(`${m.subject}\n\n* `)).toBe(true);
      expect(m.html).toMatch(/<body[^>]*><div[^>]*><h1[^>]*>[^<]+<\/h1><ul[^>]*><li>/);
      expect(m.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(m.html).toContain(`href="${url}"`);
      expect(m.text).toContain(`Open the plan: ${url}\n`);
      expect(m.text).toContain('open the plan and choose Extensions → OpsPlan → My items.');
    }
    const morgan = byTo('morgan.blake@example.com');
    expect(morgan.text.split('\n\n')[1]).toBe(
      [
        '* 1 KPI behind target',
        '* Update 1 KPI',
        '* 1 milestone due within 7 days',
        '* 1 risk to review',
      ].join('\n'),
    );
    // Worst first: the KPI behind target (G3) before the one to update (G7).
    expect(morgan.text.indexOf('- G3 ')).toBeLessThan(morgan.text.indexOf('- G7 '));
    expect(byTo('priya.shah@example.com').text).toMatch(/\n\* 1 overdue\n/);
  });

  it('the Plan owner reads their own items and what was escalated to them before the report', () => {
    const { byTo } = sent();
    const sam = byTo('sam.patel@example.com');
    expect(sam.subject).toBe('[Endpoint security plan] Report — 5 pressing challenges');
    const order = ['Your KPIs', 'Late work escalated to you', 'The plan at a glance'];
    for (const part of [sam.text, sam.html]) {
      const at = order.map((title) => part.indexOf(title));
      expect(at.every((i) => i > 0)).toBe(true);
      expect(at).toEqual([...at].sort((a, b) => a - b));
    }
    expect(sam.text.split('\n\n')[1]).toBe(
      ['* 1 KPI behind target', '* Decide the next step for T5', '* Look at 5 pressing challenges'].join(
        '\n',
      ),
    );
  });

  it('an escalation says who is late, since when and what the Accountable can do, each once', () => {
    const { byTo } = sent();
    const sam = byTo('sam.patel@example.com');
    expect(sam.text).toContain(
      '- T5 First vulnerability scan of updated devices: owner Priya Shah, due 2026-11-19, 5 days late',
    );
    expect(sam.html).toMatch(
      /owner Priya Shah<\/span><\/td><td[^>]*><span[^>]*>2026-11-19<\/span><br><span[^>]*>5 days late</,
    );
    expect(sam.text.match(/What you can do:/g)).toHaveLength(1);
    expect(sam.text).toContain('- Ask the owner what is in the way and agree a new Due date');
    expect(sam.text).toMatch(
      /You get this because you own items in Endpoint security plan; you are Accountable for this work \(RACI tab\), and it is more than 3 days overdue; and you are a report recipient on the Plan tab\./,
    );
    for (const m of [sam, byTo('priya.shah@example.com')]) {
      const all = sentences(m.text);
      expect(all.filter((s, i) => all.indexOf(s) !== i)).toEqual([]);
    }
  });

  it('a missing value reads "no value yet" with its target, values never wrap inside, text and HTML alike', () => {
    const { byTo } = sent();
    const morgan = byTo('morgan.blake@example.com');
    expect(morgan.text).toContain(
      '- G7 % of users clicking a simulated phish: No data (no value yet, target 5 %)',
    );
    expect(morgan.html).toContain('<span style="white-space:nowrap;">no value yet</span>');
    expect(morgan.html).toContain('<span style="white-space:nowrap;">20 / 50 users</span>');
    for (const m of [morgan, byTo('dana.kim@example.com')]) {
      expect(m.text).not.toMatch(/—\s*(of|\/)/);
      expect(m.html).not.toMatch(/—\s*(of|\/)/);
    }
  });
});
