import { describe, expect, it } from 'vitest';

import { generatePlan } from '../../bench/generate.js';
import { Outbox } from '../../local/runtime/mail.js';
import type { PlanInput } from '../../src/core/check.js';
import { escalations } from '../../src/core/email-alerts.js';
import { ownerDigests } from '../../src/core/email-digest.js';
import { managerReports } from '../../src/core/email-manager.js';
import type { OutgoingMail } from '../../src/core/email-message.js';
import { onePerRecipient } from '../../src/core/email-message.js';
import { encodedLength } from '../../src/core/email-render.js';
import { escapeHtml, oneLine } from '../../src/core/html.js';
import { MAIL_LIST_ROWS, MAIL_MESSAGE_BYTES, MAIL_REPORT_LIST_ROWS } from '../../src/core/limits.js';
import { buildPlanModel } from '../../src/core/plan-model.js';
import { EMPTY_RACI } from '../../src/core/raci.js';
import { buildReport } from '../../src/core/report.js';

function bigModel(rows: number) {
  const plan = generatePlan(rows, 200);
  const input: PlanInput = { plan: { sheetName: 'Plan', header: ['Setting', 'Value'], rows: plan.settings } };
  for (const t of plan.tabs) input[t.spec.key] = { sheetName: t.spec.name, header: t.header, rows: t.rows };
  const model = buildPlanModel(input);
  // Formula results are not in the generated rows: mark every KPI off track, the worst case for size.
  model.kpis.forEach((k) => (k.status = 'Off track'));
  return { model, report: buildReport(model, 46350, []) };
}

const context = {
  url: 'https://docs.google.com/spreadsheets/d/x/edit',
  gids: { Goals: 1, Timeline: 2, Risks: 3 },
  today: 46350,
  period: '2026-W48',
  cadence: 'Weekly' as const,
};
/** The message as the local runtime writes it: real MIME (quoted-printable, headers included). */
const outbox = new Outbox({
  clock: { now: () => 0 } as never,
  sender: () => 'me@example.com',
  dailyQuota: 0,
});
const emlBytes = async (m: OutgoingMail) =>
  (
    await outbox.toEml({
      id: 1,
      from: 'me@example.com',
      fromName: 'OpsPlan',
      to: [m.to],
      cc: [],
      bcc: [],
      replyTo: '',
      subject: m.subject,
      text: m.text,
      html: m.html,
      sentAt: new Date(0),
    })
  ).length;

/** How many rows each table of a message lists. */
const rowsPerTable = (html: string) =>
  [...html.matchAll(/<tbody>(.*?)<\/tbody>/g)].map((t) => t[1]!.split('<tr').length - 1);

describe('email rendering', () => {
  it('summarises the manager report and digests of a 5,000-row plan: the most pressing rows of each section, the rest counted', async () => {
    const { model, report } = bigModel(5000);
    const [mail] = onePerRecipient(managerReports(model, report, context, `${context.url}#gid=9`).parts);
    expect(await emlBytes(mail!)).toBeLessThanOrEqual(MAIL_MESSAGE_BYTES);
    // Each list stops at MAIL_REPORT_LIST_ROWS (the budget table adds its total), whatever the plan's size.
    expect(Math.max(...rowsPerTable(mail!.html))).toBeLessThanOrEqual(MAIL_REPORT_LIST_ROWS + 1);
    expect(encodedLength(mail!.html) + encodedLength(mail!.text)).toBeLessThan(MAIL_MESSAGE_BYTES / 2);
    expect(mail!.html).toMatch(/<table[^>]*><thead>(.(?!<\/table>))*<\/tr><tr /); // still lists rows
    expect(mail!.html).toMatch(/…and \d+ more in the Report tab/);
    expect(mail!.html.endsWith('</html>')).toBe(true); // summarised, never cut mid-tag
    for (const digest of onePerRecipient(ownerDigests(model, report, context).parts))
      expect(Math.max(...rowsPerTable(digest.html)), digest.to).toBeLessThanOrEqual(MAIL_LIST_ROWS);
  });

  it('fits 50 KB as sent when every cell holds 50,000 characters, ASCII or not', async () => {
    const { model, report } = bigModel(300);
    for (const letter of ['x', '漢', '=']) {
      const huge = letter.repeat(50_000);
      report.kpis.forEach((k) => ((k.kpi = huge), (k.unit = huge), (k.owner = 'Owner 001')));
      const mails = onePerRecipient(ownerDigests(model, report, context).parts);
      for (const m of mails) expect(await emlBytes(m), letter).toBeLessThanOrEqual(MAIL_MESSAGE_BYTES);
      expect(mails[0]!.text).toMatch(/…and \d+ more in the plan/);
    }
  });

  it('one message per recipient: a recipient who owns work and gets the report gets both in one', () => {
    const { model, report } = bigModel(300);
    model.settings.reportRecipients = ['owner1@example.com'];
    const digests = ownerDigests(model, report, context).parts;
    const merged = onePerRecipient([
      ...digests,
      ...managerReports(model, report, context, context.url).parts,
    ]);
    const mine = merged.filter((m) => m.to === 'owner1@example.com');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.log.map((e) => e.key)).toEqual(
      expect.arrayContaining(['digest|2026-W48|owner1@example.com', 'manager|2026-W48|owner1@example.com']),
    );
  });

  it('escalates each late task once, to its Accountable or else the Plan owner, copying nobody', () => {
    const { model } = bigModel(600);
    model.raci = EMPTY_RACI;
    model.settings.planOwner = 'Owner 001'; // no RACI: everything escalates to the plan owner
    model.activities.forEach((a) => ((a.status = 'Overdue'), (a.due = 46300)));
    const report = buildReport(model, 46350, []);
    const { parts } = escalations(model, report, context, () => false);
    const toOwner = parts.filter((p) => p.kind === 'escalation');
    expect(toOwner.map((p) => p.to)).toEqual(['owner1@example.com']);
    const tasks = toOwner.flatMap((p) => p.covers.map((c) => c.key));
    expect(new Set(tasks).size).toBe(model.activities.filter((a) => a.due !== null).length);
    const mails = onePerRecipient(parts);
    expect(new Set(mails.map((m) => m.to)).size).toBe(mails.length);
  });

  it('escapes markup and strips header-breaking newlines', () => {
    expect(escapeHtml('<b a="1">&\'')).toBe('&lt;b a=&quot;1&quot;&gt;&amp;&#39;');
    expect(oneLine('Plan\r\nBcc: x@example.com')).toBe('Plan Bcc: x@example.com');
  });
});
