import { describe, expect, it } from 'vitest';

import { generatePlan } from '../../bench/generate.js';
import type { PlanInput } from '../../src/core/check.js';
import {
  escalations,
  managerReports,
  MAX_HTML_BYTES,
  onePerRecipient,
  ownerDigests,
} from '../../src/core/email.js';
import { escapeHtml, oneLine } from '../../src/core/html.js';
import { buildPlanModel } from '../../src/core/plan-model.js';
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

describe('email rendering', () => {
  it('summarises the manager report of a 5,000-KPI plan to fit the mail size limit', () => {
    const { model, report } = bigModel(5000);
    const [mail] = managerReports(model, report, context, `${context.url}#gid=9`);
    expect(new TextEncoder().encode(mail!.html).length).toBeLessThanOrEqual(MAX_HTML_BYTES);
    expect(mail!.html).toMatch(/and \d[\d,]* more in the Report tab/);
    expect(mail!.html.endsWith('</html>')).toBe(true); // summarised, never cut mid-tag
  });

  it('sends one digest per owner with items, and merges a digest into the report for a recipient who owns work', () => {
    const { model, report } = bigModel(300);
    model.settings.reportRecipients = ['owner1@example.com'];
    const digests = ownerDigests(model, report, context);
    expect(new Set(digests.map((d) => d.to)).size).toBe(digests.length);
    const merged = onePerRecipient([...digests, ...managerReports(model, report, context, context.url)]);
    expect(merged.filter((m) => m.to === 'owner1@example.com')).toHaveLength(1);
    expect(merged.find((m) => m.to === 'owner1@example.com')!.itemKeys).toContain(
      'digest|2026-W48|owner1@example.com',
    );
  });

  it('splits an escalation copying more than 49 owners into parts, each task escalated once', () => {
    const { model } = bigModel(600);
    model.raci.clear();
    model.settings.planOwner = 'Owner 001'; // no RACI: everything escalates to the plan owner
    model.activities.forEach((a) => ((a.status = 'Overdue'), (a.due = 46300)));
    const report = buildReport(model, 46350, []);
    const mails = escalations(model, report, context, () => false);
    expect(mails.length).toBeGreaterThan(1);
    for (const m of mails) expect(1 + m.cc.length).toBeLessThanOrEqual(50);
    const tasks = mails.flatMap((m) => m.itemKeys);
    expect(new Set(tasks).size).toBe(tasks.length);
    expect(tasks).toHaveLength(model.activities.filter((a) => a.owner).length);
    expect(new Set(mails.map((m) => m.key)).size).toBe(mails.length);
  });

  it('escapes markup and strips header-breaking newlines', () => {
    expect(escapeHtml('<b a="1">&\'')).toBe('&lt;b a=&quot;1&quot;&gt;&amp;&#39;');
    expect(oneLine('Plan\r\nBcc: x@example.com')).toBe('Plan Bcc: x@example.com');
  });
});
