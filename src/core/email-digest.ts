/** Owner digests: each owner's own KPIs, late and due-soon work, and risks due for review. */
import { digestKey, remindTaskKey } from './email-keys';
import type { MailPart } from './email-message';
import {
  activityRows,
  cadenceLabel,
  clip,
  footer,
  kpiRows,
  listSection,
  type MailContext,
  plural,
  riskRows,
  rowUrl,
  subjectOf,
  tabUrl,
  textLine,
  workTextLine,
} from './email-render';
import { normalizeName } from './headers';
import { escapeHtml, oneLine, STYLE } from './html';
import { type Activity, emailOf, type PlanModel, type Risk } from './plan-model';
import { fmt, isOpenRisk, type KpiLine, type ReportModel } from './report';
import { KPI_COLUMNS, RISK_COLUMNS, WORK_COLUMNS } from './report-columns';
import { isoFromDay } from './values';

const needs = (n: number) =>
  n === 0 ? 'all on track' : `${plural(n, 'item')} need${n === 1 ? 's' : ''} you`;
const needsAttention = (k: KpiLine) =>
  ['At risk', 'Off track', 'Missed', 'No data'].includes(k.status) || k.stale;

interface OwnerItems {
  name: string;
  kpis: KpiLine[];
  late: Activity[];
  soon: Activity[];
  reviews: Risk[];
}

/** Every listed item grouped by owner once: 200 owners × 40,000 rows is one pass, not 8 million. */
export function itemsByOwner(model: PlanModel, report: ReportModel, today: number): OwnerItems[] {
  const byOwner = new Map<string, OwnerItems>();
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
    if (
      r.owner &&
      isOpenRisk(r) &&
      r.reviewDate !== null &&
      r.reviewDate <= today + model.settings.dueSoonDays
    )
      slot(r.owner).reviews.push(r);
  return [...byOwner.values()];
}

export interface Unreachable {
  who: string;
  why: string;
}

/** One digest part per owner with a valid email; owners without one are named, not dropped silently. */
export function ownerDigests(
  model: PlanModel,
  report: ReportModel,
  context: MailContext,
): { parts: MailPart[]; unreachable: Unreachable[] } {
  const parts: MailPart[] = [];
  const unreachable: Unreachable[] = [];
  for (const owner of itemsByOwner(model, report, context.today)) {
    const to = emailOf(model, owner.name);
    if (!to) {
      unreachable.push({ who: owner.name, why: 'owns items but has no valid email on the People tab' });
      continue;
    }
    parts.push(digestPart(model, report, context, owner, to));
  }
  return { parts, unreachable };
}

function digestPart(
  model: PlanModel,
  report: ReportModel,
  context: MailContext,
  { name, kpis, late, soon, reviews }: OwnerItems,
  to: string,
): MailPart {
  const items = kpis.filter(needsAttention).length + late.length + soon.length + reviews.length;
  const changes = kpis
    .filter((k) => k.previousStatus !== null && k.previousStatus !== k.status)
    .map((k) => `${clip(k.id)}: ${k.previousStatus} → ${k.status}`);
  const subject = subjectOf(report.planName, `${cadenceLabel(context, 'status')} — ${needs(items)}`);
  const label = context.cadence ? `${context.cadence.toLowerCase()} status` : 'status';
  const greeting = `Hi ${oneLine(name, 60)}, here is your ${label} for ${oneLine(report.planName, 80)}.`;
  const work = [...late, ...soon];
  const foot = footer(context, `You get this because you own items in ${oneLine(report.planName, 80)}.`);
  const tabs = model.sheetNames;
  return {
    kind: 'digest',
    to,
    source: `People: ${oneLine(name, 60)}`,
    id: digestKey(context.period, to, context.today),
    // A digest covers the reminders of the due-soon work it lists.
    covers: soon.map((a) => remindTaskKey(a, context.today)),
    subject,
    items,
    render(rows) {
      const shown = changes.slice(0, Math.max(rows, 1));
      const changeLine = changes.length
        ? `Since the last report: ${shown.join('; ')}${changes.length > shown.length ? ` and ${changes.length - shown.length} more` : ''}.`
        : 'No status changes since the last report.';
      let html = `<h1 style="${STYLE.h1}">${escapeHtml(subject)}</h1><p>${escapeHtml(greeting)}</p><p>${escapeHtml(changeLine)}</p>`;
      let text = `${greeting}\n\n${changeLine}\n`;
      const add = (section: { html: string; text: string }) => {
        html += section.html;
        text += section.text;
      };
      if (kpis.length)
        add(
          listSection(
            'Your KPIs',
            KPI_COLUMNS.email,
            kpis,
            rows,
            (shown) => kpiRows(shown, context),
            (k) =>
              textLine(
                k,
                `${k.kpi}: ${k.status || 'No data'} (${fmt(k.actual)} of ${fmt(k.target)} ${k.unit})${k.stale ? ' — please update' : ''}`,
                rowUrl(context, k),
              ),
            tabUrl(context, tabs.goals),
          ),
        );
      if (work.length)
        add(
          listSection(
            'Your work overdue or due soon',
            WORK_COLUMNS.email,
            work,
            rows,
            (shown) => activityRows(shown, context),
            (a) => workTextLine(a, context),
            tabUrl(context, tabs.timeline),
          ),
        );
      if (reviews.length)
        add(
          listSection(
            'Your risks due for review',
            RISK_COLUMNS.email,
            reviews,
            rows,
            (shown) => riskRows(shown, context),
            (r) =>
              textLine(
                r,
                `${r.risk}: review by ${r.reviewDate === null ? '?' : isoFromDay(r.reviewDate)}`,
                rowUrl(context, r),
              ),
            tabUrl(context, tabs.risks),
          ),
        );
      return { html: html + foot.html, text: text + foot.text };
    },
  };
}
