/**
 * What OpsPlan sends: owner digests, the manager report, reminders and escalations, each with a
 * send-log key so nothing goes twice, and each rendered as HTML (escaped, inline CSS) plus text.
 */
import { normalizeName } from './headers';
import { escapeHtml, link, oneLine, page, pill, STYLE, table } from './html';
import {
  accountableFor,
  type Activity,
  emailOf,
  type Kpi,
  type PlanModel,
  type Risk,
  type RowRef,
} from './plan-model';
import { ragOf, type StatusKind } from './rag';
import { bar, fmt, isOpenRisk, type KpiLine, type ReportModel } from './report';
import { BUDGET_COLUMNS, KPI_COLUMNS, RISK_COLUMNS, WORK_COLUMNS } from './report-columns';
import { RAG } from './spec/types';
import { isoFromDay } from './values';

export type MailKind = 'digest' | 'manager' | 'reminder' | 'escalation';

export interface OutgoingMail {
  /** Send-log key: the same key is never sent twice. */
  key: string;
  kind: MailKind;
  to: string;
  cc: string[];
  subject: string;
  text: string;
  html: string;
  /** The body inside <body>, so that mails to one recipient can be merged into one. */
  innerHtml: string;
  /** How many things need the reader. */
  items: number;
  /** Per-task keys (reminders, escalations): each task is reminded or escalated once per due date. */
  itemKeys: string[];
}

export interface MailContext {
  /** Spreadsheet URL, for links to rows. */
  url: string;
  gids: Record<string, number>;
  today: number;
  /** The digest period, e.g. 2026-W48 or 2026-11-24: one digest per recipient per period. */
  period: string;
  cadence: 'Daily' | 'Weekly';
}

/** MailApp's limit of recipients (to, cc and bcc) in one message. */
const MAX_RECIPIENTS = 50;

/** Manager reports stay far below Gmail's and Apps Script's HTML limits (≈200 KB). */
export const MAX_HTML_BYTES = 150_000;
const MAX_TABLE_ROWS = 25;

function rowUrl(context: MailContext, ref: RowRef): string {
  const gid = context.gids[ref.tab];
  return gid === undefined ? context.url : `${context.url}#gid=${gid}&range=A${ref.row}`;
}

const statusPill = (kind: StatusKind, status: string) =>
  pill(status || 'No data', RAG[ragOf(kind, status || 'No data')]);
const subjectOf = (planName: string, text: string) => oneLine(`[${oneLine(planName, 80)}] ${text}`, 180);
const needs = (n: number) =>
  n === 0 ? 'all on track' : `${n} item${n === 1 ? '' : 's'} need${n === 1 ? 's' : ''} you`;

function kpiRows(kpis: readonly (Kpi | KpiLine)[], context: MailContext): string[][] {
  return kpis.map((k) => [
    link(k.id || '—', rowUrl(context, k)),
    escapeHtml(k.kpi),
    `${escapeHtml(fmt(k.actual))} / ${escapeHtml(fmt(k.target))} ${escapeHtml(k.unit)}`,
    escapeHtml(k.progress === null ? '' : `${Math.round(k.progress * 100)}%`),
    statusPill('kpi', k.status),
  ]);
}

function activityRows(list: readonly Activity[], context: MailContext): string[][] {
  return list.map((a) => [
    link(a.id || '—', rowUrl(context, a)),
    escapeHtml(a.name),
    escapeHtml(a.due === null ? '' : isoFromDay(a.due)),
    statusPill('work', a.status),
  ]);
}

function riskRows(list: readonly Risk[], context: MailContext): string[][] {
  return list.map((r) => [
    link(r.id || '—', rowUrl(context, r)),
    escapeHtml(r.risk),
    escapeHtml(r.reviewDate === null ? '' : isoFromDay(r.reviewDate)),
    statusPill('risk', r.level),
  ]);
}

const textLine = (ref: { id: string }, rest: string, url: string) => `- ${ref.id} ${rest}\n  ${url}`;
const needsAttention = (k: KpiLine) =>
  ['At risk', 'Off track', 'Missed', 'No data'].includes(k.status) || k.stale;

function footer(context: MailContext, why: string): { html: string; text: string } {
  return {
    html: `<p style="${STYLE.muted}">${escapeHtml(why)} Sent by OpsPlan from <a href="${escapeHtml(context.url)}" style="${STYLE.link}">the plan spreadsheet</a>.</p>`,
    text: `\n--\n${why} Sent by OpsPlan from ${context.url}`,
  };
}

/** One digest per owner with something to report (only owners of listed items are grouped). */
export function ownerDigests(model: PlanModel, report: ReportModel, context: MailContext): OutgoingMail[] {
  const s = model.settings;
  const mails: OutgoingMail[] = [];
  // Group every item by owner once: 200 owners × 40,000 rows must not mean 8 million comparisons.
  const byOwner = new Map<
    string,
    { name: string; kpis: KpiLine[]; late: Activity[]; soon: Activity[]; reviews: Risk[] }
  >();
  const slot = (owner: string) => {
    const key = normalizeName(owner);
    let entry = byOwner.get(key);
    if (!entry) byOwner.set(key, (entry = { name: owner, kpis: [], late: [], soon: [], reviews: [] }));
    return entry;
  };
  for (const k of report.kpis) if (k.owner) slot(k.owner).kpis.push(k);
  for (const a of report.overdue) if (a.owner) slot(a.owner).late.push(a);
  for (const a of report.dueSoon) if (a.owner) slot(a.owner).soon.push(a);
  for (const r of model.risks)
    if (r.owner && isOpenRisk(r) && r.reviewDate !== null && r.reviewDate <= context.today + s.dueSoonDays)
      slot(r.owner).reviews.push(r);
  for (const { name: owner, kpis, late, soon, reviews } of byOwner.values()) {
    const to = emailOf(model, owner);
    if (!to) continue;
    const items = kpis.filter(needsAttention).length + late.length + soon.length + reviews.length;
    const changes = kpis
      .filter((k) => k.previousStatus !== null && k.previousStatus !== k.status)
      .map((k) => `${k.id}: ${k.previousStatus} → ${k.status}`);
    const changeLine = changes.length
      ? `Since the last report: ${changes.join('; ')}.`
      : 'No status changes since the last report.';
    const subject = subjectOf(report.planName, `${context.cadence} status — ${needs(items)}`);
    const greeting = `Hi ${oneLine(owner, 60)}, here is your ${context.cadence.toLowerCase()} status for ${oneLine(report.planName, 80)}.`;
    let html = `<h1 style="${STYLE.h1}">${escapeHtml(subject)}</h1><p>${escapeHtml(greeting)}</p><p>${escapeHtml(changeLine)}</p>`;
    let text = `${greeting}\n\n${changeLine}\n`;
    if (kpis.length) {
      html += `<h2 style="${STYLE.h2}">Your KPIs</h2>${table(KPI_COLUMNS.email, kpiRows(kpis, context))}`;
      text += `\nYour KPIs:\n${kpis.map((k) => textLine(k, `${k.kpi}: ${k.status || 'No data'} (${fmt(k.actual)} of ${fmt(k.target)} ${k.unit})${k.stale ? ' — please update' : ''}`, rowUrl(context, k))).join('\n')}\n`;
    }
    if (late.length || soon.length) {
      html += `<h2 style="${STYLE.h2}">Your work overdue or due soon</h2>${table(WORK_COLUMNS.email, activityRows([...late, ...soon], context))}`;
      text += `\nOverdue or due soon:\n${[...late, ...soon].map((a) => textLine(a, `${a.name}: ${a.status}, due ${a.due === null ? '?' : isoFromDay(a.due)}`, rowUrl(context, a))).join('\n')}\n`;
    }
    if (reviews.length) {
      html += `<h2 style="${STYLE.h2}">Your risks due for review</h2>${table(RISK_COLUMNS.email, riskRows(reviews, context))}`;
      text += `\nRisks due for review:\n${reviews.map((r) => textLine(r, `${r.risk}: review by ${r.reviewDate === null ? '?' : isoFromDay(r.reviewDate)}`, rowUrl(context, r))).join('\n')}\n`;
    }
    const foot = footer(context, `You get this because you own items in ${oneLine(report.planName, 80)}.`);
    mails.push({
      key: `digest|${context.period}|${to.toLowerCase()}`,
      kind: 'digest',
      to,
      cc: [],
      subject,
      text: text + foot.text,
      html: page(subject, html + foot.html),
      innerHtml: html + foot.html,
      items,
      // A digest covers the reminders of its due-soon work.
      itemKeys: soon.map((a) => reminderKey(a)),
    });
  }
  return mails;
}

export const reminderKey = (a: Activity) => `reminder|${a.id.toLowerCase()}|${a.due ?? ''}`;
export const escalationKey = (a: Activity) => `escalation|${a.id.toLowerCase()}|${a.due ?? ''}`;

/** The manager report for each Report recipient: the Report tab's content, summarised to fit. */
export function managerReports(
  model: PlanModel,
  report: ReportModel,
  context: MailContext,
  reportUrl: string,
): OutgoingMail[] {
  const recipients = [...new Set(model.settings.reportRecipients.map((r) => r.toLowerCase()))];
  if (!recipients.length) return [];
  const urgent = report.challenges.length;
  const subject = subjectOf(
    report.planName,
    `${context.cadence} report — ${urgent === 0 ? 'no pressing challenges' : `${urgent} pressing challenge${urgent === 1 ? '' : 's'}`}`,
  );
  let limit = MAX_TABLE_ROWS;
  let inner = '';
  let text = '';
  for (;;) {
    ({ html: inner, text } = renderManager(report, context, reportUrl, subject, limit));
    if (utf8Length(inner) <= MAX_HTML_BYTES || limit <= 3) break;
    limit = Math.floor(limit / 2);
  }
  const html = page(subject, inner);
  return recipients.map((to) => ({
    key: `manager|${context.period}|${to}`,
    kind: 'manager' as const,
    to,
    cc: [],
    subject,
    text,
    html,
    innerHtml: inner,
    items: urgent,
    itemKeys: [],
  }));
}

function renderManager(
  report: ReportModel,
  context: MailContext,
  reportUrl: string,
  subject: string,
  limit: number,
): { html: string; text: string } {
  const more = (n: number) =>
    n > limit ? `<p style="${STYLE.muted}">…and ${n - limit} more in the Report tab.</p>` : '';
  const counts = report.kpiCounts
    .filter((c) => c.count)
    .map((c) => `${statusPill('kpi', c.status)} ${c.count}`)
    .join(' &nbsp; ');
  const m = report.milestones;
  const money = (n: number) => `${escapeHtml(report.currency)} ${escapeHtml(groupThousands(Math.round(n)))}`;
  let html = `<h1 style="${STYLE.h1}">${escapeHtml(subject)}</h1><p style="${STYLE.muted}">Period ${escapeHtml(report.period)}</p>`;
  html += `<p><a href="${escapeHtml(reportUrl)}" style="${STYLE.button}">Open the full report</a></p>`;
  html += `<h2 style="${STYLE.h2}">Most pressing challenges</h2>`;
  html += report.challenges.length
    ? `<ul>${report.challenges
        .slice(0, limit)
        .map((c) => `<li>${link(c.ref.tab, rowUrl(context, c.ref))}: ${escapeHtml(c.text)}</li>`)
        .join('')}</ul>${more(report.challenges.length)}`
    : '<p>None.</p>';
  html += `<h2 style="${STYLE.h2}">KPI status</h2><p>${counts || 'No KPIs yet.'}</p>${table(KPI_COLUMNS.email, kpiRows(report.kpis.slice(0, limit), context))}${more(report.kpis.length)}`;
  html += `<h2 style="${STYLE.h2}">Milestones</h2><p>${m.done} of ${m.total} done <span style="font-family:monospace;">${escapeHtml(bar(m.total ? m.done / m.total : 0))}</span></p>`;
  const work = [...report.overdue, ...report.dueSoon];
  html += `<h2 style="${STYLE.h2}">Overdue and due soon</h2>${work.length ? table(WORK_COLUMNS.email, activityRows(work.slice(0, limit), context)) + more(work.length) : '<p>Nothing.</p>'}`;
  html += `<h2 style="${STYLE.h2}">Top risks</h2>${report.topRisks.length ? table(RISK_COLUMNS.email, riskRows(report.topRisks, context)) : '<p>No open risks.</p>'}`;
  const t = report.budget.total;
  html += `<h2 style="${STYLE.h2}">Budget</h2>${table(
    BUDGET_COLUMNS.email,
    [...report.budget.lines.slice(0, limit), t].map((b) => [
      escapeHtml(b.category),
      money(b.planned),
      money(b.actual),
      money(b.variance),
    ]),
  )}`;
  const foot = footer(context, 'You get this because you are a report recipient on the Plan tab.');
  const text = [
    subject,
    `Period ${report.period}. Full report: ${reportUrl}`,
    '',
    'Most pressing challenges:',
    ...(report.challenges.length ? report.challenges.slice(0, limit).map((c) => `- ${c.text}`) : ['- None.']),
    '',
    `KPI status: ${
      report.kpiCounts
        .filter((c) => c.count)
        .map((c) => `${c.status} ${c.count}`)
        .join(', ') || 'no KPIs yet'
    }`,
    `Milestones: ${m.done} of ${m.total} done`,
    `Overdue: ${report.overdue.length}; due soon: ${report.dueSoon.length}`,
    `Budget: planned ${Math.round(t.planned)}, actual ${Math.round(t.actual)}, variance ${Math.round(t.variance)} ${report.currency}`,
  ].join('\n');
  return { html: html + foot.html, text: text + foot.text };
}

/** 12800 → "12,800", without relying on the runtime's locale data. */
export function groupThousands(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Short reminders between digests: work due within Due-soon days, once per task per due date. */
export function reminders(
  model: PlanModel,
  report: ReportModel,
  context: MailContext,
  alreadySent: (key: string) => boolean,
): OutgoingMail[] {
  const byOwner = new Map<string, Activity[]>();
  for (const a of report.dueSoon) {
    if (!a.owner || alreadySent(reminderKey(a))) continue;
    const key = normalizeName(a.owner);
    byOwner.set(key, [...(byOwner.get(key) ?? []), a]);
  }
  const mails: OutgoingMail[] = [];
  for (const list of byOwner.values()) {
    const to = emailOf(model, list[0]!.owner);
    if (!to) continue;
    const subject = subjectOf(
      report.planName,
      `Reminder — ${list.length === 1 ? `${list[0]!.id} is due ${dueText(list[0]!, context.today)}` : `${list.length} items due soon`}`,
    );
    const innerHtml = `<h1 style="${STYLE.h1}">${escapeHtml(subject)}</h1><p>Due within ${model.settings.dueSoonDays} days:</p>${table(WORK_COLUMNS.email, activityRows(list, context))}${footer(context, 'You own this work.').html}`;
    const html = page(subject, innerHtml);
    const text = `${subject}\n\n${list.map((a) => textLine(a, `${a.name}: due ${dueText(a, context.today)}`, rowUrl(context, a))).join('\n')}${footer(context, 'You own this work.').text}`;
    mails.push({
      key: `reminder|${context.today}|${to.toLowerCase()}`,
      kind: 'reminder',
      to,
      cc: [],
      subject,
      text,
      html,
      innerHtml,
      items: list.length,
      itemKeys: list.map(reminderKey),
    });
  }
  return mails;
}

function dueText(a: Activity, today: number): string {
  if (a.due === null) return 'soon';
  const days = a.due - today;
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days (${isoFromDay(a.due)})`;
}

/** Work overdue by more than Escalate-after days goes to its Accountable, with the owner in cc. */
export function escalations(
  model: PlanModel,
  report: ReportModel,
  context: MailContext,
  alreadySent: (key: string) => boolean,
): OutgoingMail[] {
  const s = model.settings;
  const byAccountable = new Map<string, { to: string; list: Activity[] }>();
  for (const a of report.overdue) {
    if (a.due === null || context.today - a.due <= s.escalateAfterDays || alreadySent(escalationKey(a)))
      continue;
    const accountable = accountableFor(model, a.id) ?? s.planOwner;
    const to = accountable ? emailOf(model, accountable) : undefined;
    if (!to) continue;
    const entry = byAccountable.get(to.toLowerCase()) ?? { to, list: [] };
    entry.list.push(a);
    byAccountable.set(to.toLowerCase(), entry);
  }
  return [...byAccountable.values()]
    .flatMap(({ to, list }) => copiedInGroups(model, to, list))
    .map(({ to, list, cc, part }) => {
      const subject = subjectOf(
        report.planName,
        `Escalation — ${list.length === 1 ? `${list[0]!.id} is ${context.today - list[0]!.due!} days late` : `${list.length} items are late`}`,
      );
      const why = `You are Accountable (RACI) for this work, which is more than ${s.escalateAfterDays} days overdue.`;
      const innerHtml = `<h1 style="${STYLE.h1}">${escapeHtml(subject)}</h1><p>${escapeHtml(why)} Its owners are copied.</p>${table(WORK_COLUMNS.email, activityRows(list, context))}${footer(context, why).html}`;
      const html = page(subject, innerHtml);
      const text = `${subject}\n\n${why}\n\n${list.map((a) => textLine(a, `${a.name}: due ${isoFromDay(a.due!)}, owner ${a.owner || 'none'}`, rowUrl(context, a))).join('\n')}${footer(context, why).text}`;
      return {
        key: `escalation|${context.today}|${to.toLowerCase()}${part ? `#${part}` : ''}`,
        kind: 'escalation' as const,
        to,
        cc,
        subject,
        text,
        html,
        innerHtml,
        items: list.length,
        itemKeys: list.map(escalationKey),
      };
    });
}

/**
 * Escalations copy each late item's owner, and a message takes at most 50 recipients: an
 * Accountable with late work from more owners gets it in parts, each owner copied on their own.
 */
function copiedInGroups(
  model: PlanModel,
  to: string,
  list: Activity[],
): { to: string; list: Activity[]; cc: string[]; part: number }[] {
  const byOwner = new Map<string, Activity[]>();
  for (const a of list) {
    const owner = a.owner ? emailOf(model, a.owner) : undefined;
    const key = owner && owner.toLowerCase() !== to.toLowerCase() ? owner : '';
    byOwner.set(key, [...(byOwner.get(key) ?? []), a]);
  }
  const groups: { to: string; list: Activity[]; cc: string[]; part: number }[] = [];
  for (const [owner, items] of byOwner) {
    let group = groups[groups.length - 1];
    if (!group || (owner && group.cc.length >= MAX_RECIPIENTS - 1))
      groups.push((group = { to, list: [], cc: [], part: groups.length }));
    group.list.push(...items);
    if (owner) group.cc.push(owner);
  }
  return groups;
}

/** Recipient count of a mail, as MailApp's quota counts it. */
export const recipientsOf = (mail: OutgoingMail) => 1 + mail.cc.length;

/**
 * One email per recipient per run: a person who owns work and also receives the manager report
 * (or a reminder) gets one message with every part. Escalations stay separate: they copy the late
 * work's owners, who must not see the Accountable's own digest.
 */
export function onePerRecipient(mails: readonly OutgoingMail[]): OutgoingMail[] {
  const merged = new Map<string, OutgoingMail>();
  const out: OutgoingMail[] = [];
  const order: Record<MailKind, number> = { manager: 0, digest: 1, reminder: 2, escalation: 3 };
  for (const mail of mails) {
    if (mail.kind === 'escalation') {
      out.push(mail);
      continue;
    }
    const key = mail.to.toLowerCase();
    const first = merged.get(key);
    if (!first) {
      merged.set(key, mail);
      out.push(mail);
      continue;
    }
    const [lead, other] = order[first.kind] <= order[mail.kind] ? [first, mail] : [mail, first];
    const subject = lead.subject;
    const innerHtml = `${lead.innerHtml}<hr style="border:none;border-top:1px solid #dadce0;margin:24px 0;">${other.innerHtml}`;
    const combined: OutgoingMail = {
      ...lead,
      subject,
      innerHtml,
      html: page(subject, innerHtml),
      text: `${lead.text}\n\n==========\n\n${other.text}`,
      items: lead.items + other.items,
      itemKeys: [...lead.itemKeys, other.key, ...other.itemKeys],
    };
    merged.set(key, combined);
    out[out.indexOf(first)] = combined;
  }
  return out;
}
