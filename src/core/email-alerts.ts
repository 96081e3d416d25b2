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
  clip,
  dueText,
  listSection,
  type MailContext,
  plural,
  relativeDay,
  type Rendered,
  rowUrl,
  subjectOf,
  tabUrl,
  textLine,
} from './email-render';
import { normalizeName } from './headers';
import { bullets, escapeHtml, oneLine } from './html';
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

/** What a part listing work says: its title, actions, why, and what follows the list. */
interface WorkPartText {
  subject: string;
  title: string;
  actions: string[];
  reason: string;
  describe: (a: Activity) => string;
  /** Shown after the list (an escalation says what the Accountable can do). */
  after?: Rendered;
  /** List each item's owner (the reader is not the owner). */
  owner?: boolean;
}

/** A part listing work: the shape reminders, escalations and notices share. */
function workPart(
  kind: 'reminder' | 'escalation' | 'notice',
  to: string,
  source: string,
  context: MailContext,
  timelineTab: string,
  list: readonly Activity[],
  covers: LogEntry[],
  words: WorkPartText,
): MailPart {
  return {
    kind,
    to,
    source,
    id: dayKey(kind, context.today, to),
    covers,
    subject: words.subject,
    items: list.length,
    actions: words.actions,
    reason: words.reason,
    context,
    render(rows) {
      const section = listSection(
        words.title,
        WORK_COLUMNS.email,
        list,
        rows,
        (shown) => activityRows(shown, context, { owner: words.owner }),
        (a) => textLine(a, words.describe(a), rowUrl(context, a)),
        tabUrl(context, timelineTab),
      );
      return {
        html: section.html + (words.after?.html ?? ''),
        text: section.text + (words.after?.text ?? ''),
      };
    },
  };
}

/** "T5" for one item, "3 items" for more: how an action names what it is about. */
const which = (list: readonly Activity[], what = 'item') =>
  list.length === 1 ? clip(list[0]!.id) : plural(list.length, what);

/** Since when work is late, for the reader who is not its owner: owner, Due date and days late. */
const lateness = (a: Activity, today: number) =>
  `owner ${clip(a.owner) || 'none'}, due ${isoFromDay(a.due!)}, ${relativeDay(a.due!, today)}`;

/** What an Accountable can do about late work, said once after the list. */
const ACCOUNTABLE_CAN: Rendered = (() => {
  const steps = [
    'ask the owner what is in the way and agree a new Due date',
    'give the work to someone else (Owner column) or help with it',
    'set its State to Done, with the Completed date, if it is already finished',
  ];
  return {
    html: `<p style="margin:12px 0 4px;"><strong>What you can do:</strong></p>${bullets(steps.map(escapeHtml))}`,
    text: `\nWhat you can do:\n${steps.map((s) => `- ${s.charAt(0).toUpperCase()}${s.slice(1)}`).join('\n')}\n`,
  };
})();

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
        list,
        list.map((a) => remindTaskKey(a, context.today)),
        {
          subject,
          title: `Due within ${plural(model.settings.dueSoonDays, 'day')}`,
          actions: [`Finish or update ${which(list)} due soon`],
          reason: `you own items in ${oneLine(report.planName, 80)}`,
          describe: (a) => `${a.name}: due ${dueText(a, context.today)}`,
        },
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
  for (const group of groupBy(routed, (r) => r.to.toLowerCase()).values()) {
    const list = group.map((r) => r.a);
    const first = list[0]!;
    const asPlanOwner = group.some((r) => r.source.startsWith('Plan:'));
    const asAccountable = group.some((r) => !r.source.startsWith('Plan:'));
    const role = [
      asAccountable ? 'Accountable for this work (RACI tab)' : '',
      asPlanOwner ? 'the Plan owner, for work with no one Accountable' : '',
    ]
      .filter(Boolean)
      .join(', or ');
    const subject = subjectOf(
      report.planName,
      `Escalation — ${list.length === 1 ? `${clip(first.id)} is ${relativeDay(first.due!, context.today)}` : `${list.length} items are late`}`,
    );
    parts.push(
      workPart(
        'escalation',
        group[0]!.to,
        group[0]!.source,
        context,
        model.sheetNames.timeline,
        list,
        list.map((a) => escalateTaskKey(a, context.today)),
        {
          subject,
          title: 'Late work escalated to you',
          actions: [`Decide the next step for ${which(list, 'late item')}`],
          reason: `you are ${role}, and it is more than ${plural(s.escalateAfterDays, 'day')} overdue`,
          describe: (a) => `${a.name}: ${lateness(a, context.today)}`,
          after: ACCOUNTABLE_CAN,
          owner: true,
        },
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
        mine,
        mine.map((a) => noticeTaskKey(a, context.today)),
        {
          subject: subjectOf(report.planName, `Escalated — ${plural(mine.length, 'item')} of yours`),
          title: 'Your late work was escalated',
          actions: [`Update ${which(mine)}, escalated because it is late`],
          reason: `you own items in ${oneLine(report.planName, 80)}`,
          describe: (a) =>
            `${a.name}: due ${isoFromDay(a.due!)}, ${relativeDay(a.due!, context.today)}, escalated to ${escalatedTo.get(a)}`,
        },
      ),
    );
  }
  return { parts, unreachable };
}
