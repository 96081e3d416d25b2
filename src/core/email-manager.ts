/** The manager report for each Report recipient: the Report tab's content, summarised to fit. */
import type { Unreachable } from './email-digest';
import { managerKey } from './email-keys';
import type { MailPart } from './email-message';
import {
  activityRows,
  cadenceLabel,
  clip,
  kpiRows,
  kpiTextLine,
  listSection,
  type MailContext,
  moreLine,
  plural,
  riskRows,
  rowUrl,
  shortNumber,
  statusPill,
  subjectOf,
  textLine,
  treeRows,
  treeTextLine,
  workTextLine,
} from './email-render';
import { button, escapeHtml, link, nowrap, STYLE, table } from './html';
import { MAIL_REPORT_LIST_ROWS } from './limits';
import type { PlanModel } from './plan-model';
import { bar, type ReportModel } from './report';
import {
  BUDGET_COLUMNS,
  GOAL_TREE_COLUMNS,
  KPI_COLUMNS,
  progressTitles,
  RISK_COLUMNS,
  WORK_COLUMNS,
} from './report-columns';

/** Where a cut list goes on: each section names its own, so no two lines of a message read alike. */
const REPORT_TAB = 'the Report tab';
const REPORT_TITLE = 'The plan at a glance';

export function managerReports(
  model: PlanModel,
  report: ReportModel,
  context: MailContext,
  reportUrl: string,
): { parts: MailPart[]; unreachable: Unreachable[] } {
  const unreachable = model.settings.reportRecipientsRejected.map((who) => ({
    who,
    why: 'is not an email address (Plan tab, Report recipients)',
  }));
  const recipients = [...new Set(model.settings.reportRecipients.map((r) => r.toLowerCase()))];
  const urgent = report.challenges.length;
  const subject = subjectOf(
    report.planName,
    `${cadenceLabel(context, 'report')} — ${urgent === 0 ? 'no pressing challenges' : plural(urgent, 'pressing challenge')}`,
  );
  const render = (rows: number) => renderManager(report, context, reportUrl, rows);
  const parts = recipients.map((to): MailPart => ({
    kind: 'manager',
    to,
    source: 'Plan: Report recipients',
    id: managerKey(context.period, to, context.today),
    covers: [],
    subject,
    items: urgent,
    actions: [
      urgent === 0 ? 'No pressing challenges this period' : `Look at ${plural(urgent, 'pressing challenge')}`,
    ],
    reason: 'you are a report recipient on the Plan tab',
    context,
    render,
    listRows: Math.min(MAIL_REPORT_LIST_ROWS, report.sectionLines),
  }));
  return { parts, unreachable };
}

function renderManager(
  report: ReportModel,
  context: MailContext,
  reportUrl: string,
  rows: number,
): { html: string; text: string } {
  const counts = report.kpiCounts
    .filter((c) => c.count)
    .map((c) => `${statusPill('kpi', c.status)} ${c.count}`)
    .join(' &nbsp; ');
  const m = report.milestones;
  const money = (n: number) => nowrap(shortNumber(Math.round(n)));
  const currency = report.currency ? ` (${clip(report.currency)})` : '';
  const challenges = report.challenges.slice(0, rows);
  const moreChallenges = moreLine(report.challenges.length - challenges.length, reportUrl, REPORT_TAB);
  let html = `<h2 style="${STYLE.h2}">${escapeHtml(REPORT_TITLE)}</h2><p style="${STYLE.muted}">Period ${escapeHtml(report.period)}</p>`;
  html += `<p>${button('Open the full report', reportUrl)}</p>`;
  html += `<h2 style="${STYLE.h2}">Most pressing challenges</h2>`;
  html += report.challenges.length
    ? `<ul>${challenges
        .map((c) => `<li>${link(c.ref.tab, rowUrl(context, c.ref))}: ${escapeHtml(clip(c.text))}</li>`)
        .join('')}</ul>${moreChallenges.html}`
    : '<p>None.</p>';
  const tree = listSection(
    'Goals',
    progressTitles(GOAL_TREE_COLUMNS.email, report.okr),
    report.tree,
    rows,
    (shown) => treeRows(shown, context),
    (g) => treeTextLine(g, context),
    reportUrl,
    `${REPORT_TAB} (Goals)`,
  );
  html += tree.html;
  html += `<h2 style="${STYLE.h2}">KPI status</h2><p>${counts || 'No KPIs yet.'}</p>`;
  const kpis = listSection(
    'KPIs',
    KPI_COLUMNS.email,
    report.kpis,
    rows,
    (shown) => kpiRows(shown, context),
    (k) => kpiTextLine(k, context),
    reportUrl,
    `${REPORT_TAB} (KPI status)`,
  );
  html += kpis.html;
  html += `<h2 style="${STYLE.h2}">Milestones</h2><p>${m.done} of ${m.total} done <span style="font-family:monospace;">${escapeHtml(bar(m.total ? m.done / m.total : 0))}</span></p>`;
  const work = listSection(
    'Overdue and due soon',
    WORK_COLUMNS.email,
    [...report.overdue, ...report.dueSoon],
    rows,
    (shown) => activityRows(shown, context),
    (a) => workTextLine(a, context),
    reportUrl,
    `${REPORT_TAB} (Overdue and due soon)`,
  );
  html += work.html;
  const risks = listSection(
    'Top risks',
    RISK_COLUMNS.email,
    report.topRisks,
    rows,
    (shown) => riskRows(shown, context),
    (r) => textLine(r, `${r.risk}: ${r.level}`, rowUrl(context, r)),
    reportUrl,
    `${REPORT_TAB} (Top risks)`,
  );
  html += risks.html;
  const t = report.budget.total;
  const lines = report.budget.lines.slice(0, rows);
  html += `<h2 style="${STYLE.h2}">Budget</h2>${table(
    BUDGET_COLUMNS.email.map((title, i) => (i ? `${title}${currency}` : title)),
    [...lines, t].map((b) => [
      escapeHtml(clip(b.category)),
      money(b.planned),
      money(b.actual),
      money(b.variance),
    ]),
    false,
  )}${moreLine(report.budget.lines.length - lines.length, reportUrl, REPORT_TAB).html}`;
  const text = [
    `${REPORT_TITLE}: period ${report.period}. Full report: ${reportUrl}`,
    '',
    'Most pressing challenges:',
    ...(report.challenges.length ? challenges.map((c) => `- ${clip(c.text)}`) : ['- None.']),
    moreChallenges.text,
    tree.text,
    `KPI status: ${
      report.kpiCounts
        .filter((c) => c.count)
        .map((c) => `${c.status} ${c.count}`)
        .join(', ') || 'no KPIs yet'
    }`,
    kpis.text,
    `Milestones: ${m.done} of ${m.total} done`,
    `Overdue: ${report.overdue.length}; due soon: ${report.dueSoon.length}`,
    work.text,
    risks.text,
    `Budget${currency}: planned ${shortNumber(Math.round(t.planned))}, actual ${shortNumber(Math.round(t.actual))}, variance ${shortNumber(Math.round(t.variance))}`,
  ].join('\n');
  return { html, text };
}
