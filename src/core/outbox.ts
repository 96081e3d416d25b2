/**
 * What a pipeline run sends, to whom and in what order: the pure half of the status pipeline.
 * At most one message per recipient per run and one digest per recipient per period; pending mail
 * of the current period goes first, pending mail of an older period is superseded by the current
 * one; scheduled runs send only to approved recipients, at most the per-run cap, within the quota.
 */
import { escalations, reminders } from './email-alerts';
import { ownerDigests, type Unreachable } from './email-digest';
import { managerReports } from './email-manager';
import { assemble, type MailPart, onePerRecipient, type OutgoingMail } from './email-message';
import { heldNotice, normalAddress, type Recipient } from './email-recipients';
import type { MailContext } from './email-render';
import { MAIL_LIST_ROWS, PROPERTY_CHUNK_BYTES } from './limits';
import type { PlanModel } from './plan-model';
import type { ReportModel } from './report';
import { digestPeriod, isDigestDay, type Schedule } from './schedule';
import { hashKey } from './send-log';

export interface MailRun {
  model: PlanModel;
  report: ReportModel;
  /** Spreadsheet URL and tab IDs, for links to rows. */
  url: string;
  gids: Record<string, number>;
  reportSheet: string;
}

/** Digests and reports a run could not send (by hashed send key), with their digest period. */
export interface Pending {
  period: string;
  hashes: string[];
}

export interface Composed {
  period: string;
  mails: OutgoingMail[];
  unreachable: Unreachable[];
  /** Pending messages of an older period, replaced by the current period's. */
  superseded: number;
}

export function composeMail(
  run: MailRun,
  schedule: Schedule,
  byHand: boolean,
  sent: (key: string) => boolean,
  pending: Pending | null,
): Composed {
  const today = run.report.today;
  const period = digestPeriod(schedule, today);
  const context: MailContext = {
    url: run.url,
    gids: run.gids,
    today,
    period,
    cadence: byHand ? null : schedule.mode === 'daily' ? 'Daily' : 'Weekly',
    okr: run.report.okr,
    listRows: Math.min(MAIL_LIST_ROWS, run.report.sectionLines),
  };
  const current = new Set(pending?.period === period ? pending.hashes : []);
  const superseded = pending && pending.period !== period ? pending.hashes.length : 0;
  const reportUrl = `${run.url}#gid=${run.gids[run.reportSheet]}`;
  const unreachable: Unreachable[] = [];
  const parts: MailPart[] = [];
  const digests = ownerDigests(run.model, run.report, context);
  const managers = managerReports(run.model, run.report, context, reportUrl);
  unreachable.push(...digests.unreachable, ...managers.unreachable);
  // On a digest day every digest goes; otherwise only those held back earlier in this period.
  const dueNow = byHand || isDigestDay(schedule, today);
  for (const part of [...managers.parts, ...digests.parts])
    if (dueNow || current.has(hashKey(part.id.key))) parts.push(part);
  const covered = new Set<string>(parts.flatMap((p) => p.covers.map((c) => c.key)));
  if (schedule.reminders)
    parts.push(...reminders(run.model, run.report, context, (k) => sent(k) || covered.has(k)));
  if (schedule.escalations) {
    const late = escalations(run.model, run.report, context, sent);
    parts.push(...late.parts);
    unreachable.push(...late.unreachable);
  }
  const mails = onePerRecipient(parts.filter((p) => !sent(p.id.key)));
  const wasPending = (m: OutgoingMail) => m.parts.some((p) => current.has(hashKey(p.id.key)));
  mails.sort((a, b) => Number(wasPending(b)) - Number(wasPending(a)));
  return { period, mails, unreachable, superseded };
}

export type HoldReason = 'not approved' | 'per-run cap' | 'daily quota' | 'time limit' | 'send log full';

export interface Held {
  mail: OutgoingMail;
  reason: HoldReason;
}

export interface RunPlan {
  send: OutgoingMail[];
  held: Held[];
  /** Recipients held for approval, with where each came from (the owner's notice lists them). */
  unapproved: Recipient[];
}

export interface RunLimits {
  /** Addresses the schedule's owner approved; null when a person confirmed this send by hand. */
  approved: ReadonlySet<string> | null;
  /** The schedule owner's address, told about held recipients (when known). */
  owner: string | null;
  /** The Plan's "Max recipients per run". */
  cap: number;
  quota: number;
  planName: string;
  context: Pick<MailContext, 'url' | 'today'>;
  sent: (key: string) => boolean;
}

/** Which composed mails go now, and which are held and why. Every message has one recipient. */
export function planRun(mails: readonly OutgoingMail[], limits: RunLimits): RunPlan {
  const held: Held[] = [];
  const allowed: OutgoingMail[] = [];
  const unapproved: Recipient[] = [];
  for (const mail of mails) {
    const address = normalAddress(mail.to);
    if (limits.approved && !limits.approved.has(address) && address !== normalAddress(limits.owner ?? '')) {
      held.push({ mail, reason: 'not approved' });
      unapproved.push({ address, source: mail.parts[0]!.source });
    } else allowed.push(mail);
  }
  let queue = allowed;
  if (unapproved.length && limits.owner) {
    const notice = heldNotice(limits.owner, unapproved, limits.planName, {
      ...limits.context,
      gids: {},
      period: '',
      cadence: null,
    });
    if (!limits.sent(notice.id.key)) {
      const own = allowed.findIndex((m) => normalAddress(m.to) === normalAddress(limits.owner!));
      queue =
        own < 0
          ? [assemble([notice]), ...allowed]
          : [assemble([notice, ...allowed[own]!.parts]), ...allowed.filter((_, i) => i !== own)];
    }
  }
  const budget = Math.max(0, Math.min(limits.cap, limits.quota));
  const send = queue.slice(0, budget);
  for (const mail of queue.slice(budget))
    held.push({ mail, reason: limits.quota <= limits.cap ? 'daily quota' : 'per-run cap' });
  return { send, held, unapproved };
}

/** The digests and reports among held mail, kept for the next run of the same period. */
export function pendingOf(period: string, held: readonly OutgoingMail[]): Pending | null {
  const hashes = held.flatMap((m) =>
    m.parts.filter((p) => p.kind === 'digest' || p.kind === 'manager').map((p) => hashKey(p.id.key)),
  );
  return hashes.length ? { period, hashes } : null;
}

/** Pending mail as property values of whole hashes, each under the 9 KB value limit. */
export function encodePending(pending: Pending): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let size = pending.period.length + 2;
  for (const hash of pending.hashes) {
    if (size + hash.length + 1 > PROPERTY_CHUNK_BYTES && current.length) {
      chunks.push([pending.period, ...current].join('\n'));
      current = [];
      size = pending.period.length + 2;
    }
    current.push(hash);
    size += hash.length + 1;
  }
  chunks.push([pending.period, ...current].join('\n'));
  return chunks;
}

export function decodePending(values: readonly string[]): Pending | null {
  let period = '';
  const hashes: string[] = [];
  for (const value of values) {
    const [head = '', ...lines] = value.split('\n');
    if (period && head !== period) continue; // a chunk of another period is stale
    period = head;
    hashes.push(...lines.filter((l) => /^[0-9a-z]{1,12}$/.test(l)));
  }
  return hashes.length ? { period, hashes } : null;
}
