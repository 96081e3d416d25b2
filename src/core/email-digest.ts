/** Owner digests: each owner's own KPIs, late and due-soon work, and risks due for review. */
import { fyiByPerson, type FyiItem, fyiSection } from './email-fyi';
import { digestKey, remindTaskKey } from './email-keys';
import type { MailPart } from './email-message';
import {
  activityRows,
  cadenceLabel,
  clip,
  kpiRows,
  kpiTextLine,
  listSection,
  type MailContext,
  plural,
  type Rendered,
  riskRows,
  rowUrl,
  subjectOf,
  tabUrl,
  textLine,
  workTextLine,
} from './email-render';
import { normalizeName } from './headers';
import { escapeHtml, oneLine } from './html';
import { type Activity, emailOf, type PlanModel, type Risk } from './plan-model';
import { isOpenRisk, type KpiLine, type ReportModel } from './report';
import { KPI_COLUMNS, RISK_COLUMNS, WORK_COLUMNS } from './report-columns';
import { isoFromDay } from './values';

const needs = (n: number) =>
  n === 0 ? 'all on track' : `${plural(n, 'item')} need${n === 1 ? 's' : ''} you`;
const needsAttention = (k: KpiLine) =>
  ['At risk', 'Off track', 'Missed', 'No data'].includes(k.status) || k.stale;

export interface OwnerItems {
  name: string;
  kpis: KpiLine[];
  late: Activity[];
  soon: Activity[];
  reviews: Risk[];
  /** Work the RACI consults or informs them of (when the Plan's FYI setting is on). */
  fyi: FyiItem[];
}

/** Every listed item grouped by owner once: 200 owners × 40,000 rows is one pass, not 8 million. */
export function itemsByOwner(model: PlanModel, report: ReportModel, today: number): OwnerItems[] {
  const byOwner = new Map<string, OwnerItems>();
  const slot = (owner: string) => {
    const key = normalizeName(owner);
    let entry = byOwner.get(key);
    if (!entry)
      byOwner.set(key, (entry = { name: owner, kpis: [], late: [], soon: [], reviews: [], fyi: [] }));
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
  for (const reader of fyiByPerson(model, report).values()) slot(reader.name).fyi.push(...reader.items);
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
      const why = ownsItems(owner) ? 'owns items' : 'is Consulted or Informed on work';
      unreachable.push({ who: owner.name, why: `${why} but has no valid email on the People tab` });
      continue;
    }
    parts.push(digestPart(model, report, context, owner, to));
  }
  return { parts, unreachable };
}

const ownsItems = (o: OwnerItems) => o.kpis.length + o.late.length + o.soon.length + o.reviews.length > 0;

/** One section of a digest, rendered with at most `rows` rows (a list section, a note…). */
export type DigestSection = (rows: number) => Rendered;

/** How many of a list need what, in the words of the action summary. */
const workWord = (list: readonly Activity[]) =>
  list.every((a) => a.type === 'Milestone')
    ? ['milestone', 'milestones']
    : list.every((a) => a.type === 'Task')
      ? ['task', 'tasks']
      : ['item', 'items'];

/** A KPI that needs a new Actual: stale (measured too long ago, or never) or without one. */
const needsUpdate = (k: KpiLine) => k.stale || (k.status === 'No data' && k.actual === null);
const behind = (k: KpiLine) => ['At risk', 'Off track', 'Missed'].includes(k.status) && !needsUpdate(k);

/** The digest's action summary, worst first: "2 overdue", "Update 2 KPIs", "3 tasks due within 7 days". */
export function digestActions(
  { kpis, late, soon, reviews }: Omit<OwnerItems, 'name' | 'fyi'>,
  dueSoonDays: number,
): string[] {
  const actions: string[] = [];
  if (late.length) actions.push(`${late.length} overdue`);
  const behindCount = kpis.filter(behind).length;
  if (behindCount) actions.push(`${plural(behindCount, 'KPI')} behind target`);
  const updates = kpis.filter(needsUpdate).length;
  if (updates) actions.push(`Update ${plural(updates, 'KPI')}`);
  if (soon.length) {
    const [one, many] = workWord(soon);
    actions.push(`${plural(soon.length, one!, many)} due within ${plural(dueSoonDays, 'day')}`);
  }
  if (reviews.length) actions.push(`${plural(reviews.length, 'risk')} to review`);
  return actions;
}

/** KPIs worst first: those that need the owner (behind or to update) by status, then the rest. */
const kpiOrder = (kpis: readonly KpiLine[]) =>
  [...kpis].sort((a, b) => Number(needsAttention(b)) - Number(needsAttention(a)));
/** Risks to review: the most overdue review first, then the highest score. */
const reviewOrder = (risks: readonly Risk[]) =>
  [...risks].sort((a, b) => (a.reviewDate ?? 0) - (b.reviewDate ?? 0) || (b.score ?? 0) - (a.score ?? 0));

function digestPart(
  model: PlanModel,
  report: ReportModel,
  context: MailContext,
  owner: OwnerItems,
  to: string,
): MailPart {
  const { name, late, soon, fyi } = owner;
  const kpis = kpiOrder(owner.kpis);
  const reviews = reviewOrder(owner.reviews);
  const items = kpis.filter(needsAttention).length + late.length + soon.length + reviews.length;
  const changes = kpis
    .filter((k) => k.previousStatus !== null && k.previousStatus !== k.status)
    .map((k) => `${clip(k.id)}: ${k.previousStatus} → ${k.status}`);
  const headline =
    items === 0 && fyi.length ? `${plural(fyi.length, 'item')} for your information` : needs(items);
  const subject = subjectOf(report.planName, `${cadenceLabel(context, 'status')} — ${headline}`);
  const label = context.cadence ? `${context.cadence.toLowerCase()} status` : 'status';
  const greeting = `Hi ${oneLine(name, 60)}, here is your ${label} for ${oneLine(report.planName, 80)}.`;
  const tabs = model.sheetNames;
  const days = model.settings.dueSoonDays;
  /** A list of the owner's work: overdue, or due soon. */
  const workSection =
    (title: string, list: readonly Activity[]): DigestSection =>
    (rows) =>
      listSection(
        title,
        WORK_COLUMNS.email,
        list,
        rows,
        (shown) => activityRows(shown, context),
        (a) => workTextLine(a, context),
        tabUrl(context, tabs.timeline),
      );
  // Worst first: late work, then KPIs (behind or to update first), due-soon work, reviews.
  const sections: DigestSection[] = [];
  if (late.length) sections.push(workSection('Overdue', late));
  if (kpis.length)
    sections.push((rows) =>
      listSection(
        'Your KPIs',
        KPI_COLUMNS.email,
        kpis,
        rows,
        (shown) => kpiRows(shown, context),
        (k) => kpiTextLine(k, context),
        tabUrl(context, tabs.goals),
      ),
    );
  if (soon.length) sections.push(workSection(`Due within ${plural(days, 'day')}`, soon));
  if (reviews.length)
    sections.push((rows) =>
      listSection(
        'Risks to review',
        RISK_COLUMNS.email,
        reviews,
        rows,
        (shown) => riskRows(shown, context),
        (r) =>
          textLine(
            r,
            `${r.risk}: ${r.level || 'no level'}, review by ${r.reviewDate === null ? '?' : isoFromDay(r.reviewDate)}`,
            rowUrl(context, r),
          ),
        tabUrl(context, tabs.risks),
      ),
    );
  if (fyi.length) sections.push(fyiSection(fyi, context, tabs.timeline));
  const plan = oneLine(report.planName, 80);
  const informed = 'the RACI names you Consulted or Informed on work';
  const reason = !fyi.length
    ? `you own items in ${plan}`
    : ownsItems(owner)
      ? `you own items in ${plan} and ${informed} there`
      : `${informed} in ${plan}`;
  return {
    kind: 'digest',
    to,
    source: `People: ${oneLine(name, 60)}`,
    id: digestKey(context.period, to, context.today),
    // A digest covers the reminders of the due-soon work it lists.
    covers: soon.map((a) => remindTaskKey(a, context.today)),
    subject,
    items,
    actions: [
      ...digestActions({ kpis, late, soon, reviews }, days),
      // Nothing to do about it, but the reader should not be told "nothing needs you" above a list.
      ...(fyi.length
        ? [`Know about ${plural(fyi.length, 'late or due-soon item')} of others (for your information)`]
        : []),
    ],
    reason,
    context,
    render(rows) {
      const shown = changes.slice(0, Math.max(rows, 1));
      const changeLine = changes.length
        ? `Since the last report: ${shown.join('; ')}${changes.length > shown.length ? ` and ${changes.length - shown.length} more` : ''}.`
        : 'No status changes since the last report.';
      let html = `<p>${escapeHtml(greeting)} ${escapeHtml(changeLine)}</p>`;
      let text = `${greeting} ${changeLine}\n`;
      for (const section of sections) {
        const rendered = section(rows);
        html += rendered.html;
        text += rendered.text;
      }
      return { html, text };
    },
  };
}
