/**
 * Reminders (work due soon, once per task per due date) and escalations (work late by more than
 * Escalate-after days, to its Accountable, once per task per due date; its owner is told in their
 * own message, never copied, so nobody gets two messages in one run).
 */
import type { Unreachable } from './email-digest';
import { dayKey, escalateTaskKey, type LogEntry, noticeTaskKey, remindTaskKey } from './email-keys';
import type { MailPart } from './email-message';
import {
  activityRows,
  dueText,
  footer,
  listSection,
  type MailContext,
  plural,
  rowUrl,
  subjectOf,
  tabUrl,
  textLine,
} from './email-render';
import { clip } from './email-render';
import { normalizeName } from './headers';
import { escapeHtml, oneLine, STYLE } from './html';
import { type Activity, emailOf, type PlanModel } from './plan-model';
import { accountableOf } from './raci';
import type { ReportModel } from './report';
import { WORK_COLUMNS } from './report-columns';
import { isoFromDay } from './values';

type Sent = (key: string) => boolean;

/** Groups items by a key, keeping first-seen order. */
function groupBy<T>(list: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** A part listing work: the shape reminders, escalations and notices share. */
function workPart(
  kind: 'reminder' | 'escalation' | 'notice',
  to: string,
  source: string,
  context: MailContext,
  timelineTab: string,
  subject: string,
  intro: string,
  why: string,
  list: readonly Activity[],
  covers: LogEntry[],
  describe: (a: Activity) => string,
): MailPart {
  const foot = footer(context, why);
  return {
    kind,
    to,
    source,
    id: dayKey(kind, context.today, to),
    covers,
    subject,
    items: list.length,
    render(rows) {
      const section = listSection(
        intro,
        WORK_COLUMNS.email,
        list,
        rows,
        (shown) => activityRows(shown, context),
        (a) => textLine(a, describe(a), rowUrl(context, a)),
        tabUrl(context, timelineTab),
      );
      return {
        html: `<h1 style="${STYLE.h1}">${escapeHtml(subject)}</h1>${section.html}${foot.html}`,
        text: `${subject}\n${section.text}${foot.text}`,
      };
    },
  };
}

/** Short reminders between digests: work due within Due-soon days, once per task per due date. */
export function reminders(
  model: PlanModel,
  report: ReportModel,
  context: MailContext,
  sent: Sent,
): MailPart[] {
  const due = report.dueSoon.filter((a) => a.owner && !sent(remindTaskKey(a, context.today).key));
  const parts: MailPart[] = [];
  for (const list of groupBy(due, (a) => normalizeName(a.owner)).values()) {
    const to = emailOf(model, list[0]!.owner);
    if (!to) continue; // the digest names owners without an email
    const first = list[0]!;
    const subject = subjectOf(
      report.planName,
      `Reminder — ${list.length === 1 ? `${clip(first.id)} is due ${dueText(first, context.today)}` : `${list.length} items due soon`}`,
    );
    parts.push(
      workPart(
        'reminder',
        to,
        `People: ${oneLine(first.owner, 60)}`,
        context,
        model.sheetNames.timeline,
        subject,
        `Due within ${model.settings.dueSoonDays} days`,
        'You own this work.',
        list,
        list.map((a) => remindTaskKey(a, context.today)),
        (a) => `${a.name}: due ${dueText(a, context.today)}`,
      ),
    );
  }
  return parts;
}

/**
 * Escalations: to the task's Accountable (RACI A: one person, or a Role or Team of one person), or
 * to the Plan owner when it has none with a valid email or it is ambiguous (several As, or a Role or
 * Team of several people); its owner gets a notice in their own message.
 */
export function escalations(
  model: PlanModel,
  report: ReportModel,
  context: MailContext,
  sent: Sent,
): { parts: MailPart[]; unreachable: Unreachable[] } {
  const s = model.settings;
  const late = report.overdue.filter((a) => a.due !== null && context.today - a.due > s.escalateAfterDays);
  const planOwnerEmail = s.planOwner ? emailOf(model, s.planOwner) : undefined;
  const unreachable: Unreachable[] = [];
  const routed: { a: Activity; to: string; source: string }[] = [];
  for (const a of late) {
    if (sent(escalateTaskKey(a, context.today).key)) continue;
    const accountable = accountableOf(model.raci, a);
    const accountableEmail = accountable.kind === 'person' ? emailOf(model, accountable.name) : undefined;
    if (accountableEmail)
      routed.push({ a, to: accountableEmail, source: `RACI: Accountable for ${clip(a.id)}` });
    else if (planOwnerEmail)
      routed.push({
        a,
        to: planOwnerEmail,
        source: `Plan: Plan owner (${accountable.kind === 'ambiguous' ? accountable.why : 'no Accountable with an email'})`,
      });
    else
      unreachable.push({
        who: `Escalation of ${clip(a.id)}`,
        why: 'has no Accountable and no Plan owner with a valid email',
      });
  }
  const parts: MailPart[] = [];
  const why = `You are Accountable for this work (RACI), or the Plan owner when it has no one Accountable; it is more than ${s.escalateAfterDays} days overdue.`;
  for (const group of groupBy(routed, (r) => r.to.toLowerCase()).values()) {
    const list = group.map((r) => r.a);
    const first = list[0]!;
    const subject = subjectOf(
      report.planName,
      `Escalation — ${list.length === 1 ? `${clip(first.id)} is ${context.today - first.due!} days late` : `${list.length} items are late`}`,
    );
    parts.push(
      workPart(
        'escalation',
        group[0]!.to,
        group[0]!.source,
        context,
        model.sheetNames.timeline,
        subject,
        'Late work escalated to you',
        why,
        list,
        list.map((a) => escalateTaskKey(a, context.today)),
        (a) => `${a.name}: due ${isoFromDay(a.due!)}, owner ${a.owner || 'none'}`,
      ),
    );
  }
  // Owners hear that their work was escalated, and to whom (once per task per due date).
  const escalatedTo = new Map(routed.map((r) => [r.a, r.to]));
  const owned = routed.map((r) => r.a).filter((a) => a.owner && !sent(noticeTaskKey(a, context.today).key));
  for (const list of groupBy(owned, (a) => normalizeName(a.owner)).values()) {
    const to = emailOf(model, list[0]!.owner);
    if (!to) continue;
    const mine = list.filter((a) => escalatedTo.get(a)!.toLowerCase() !== to.toLowerCase());
    if (!mine.length) continue;
    parts.push(
      workPart(
        'notice',
        to,
        `People: ${oneLine(list[0]!.owner, 60)}`,
        context,
        model.sheetNames.timeline,
        subjectOf(report.planName, `Escalated — ${plural(mine.length, 'item')} of yours`),
        'Your late work was escalated',
        'You own this work.',
        mine,
        mine.map((a) => noticeTaskKey(a, context.today)),
        (a) => `${a.name}: due ${isoFromDay(a.due!)}, escalated to ${escalatedTo.get(a)}`,
      ),
    );
  }
  return { parts, unreachable };
}
