/**
 * What a pipeline run sends, in what order: the pure half of the status pipeline. Pending mail
 * from an earlier run (cut by the quota or the time limit) goes first; nothing already in the send
 * log is sent again; one email per recipient (escalations aside).
 */
import {
  escalations,
  type MailContext,
  managerReports,
  onePerRecipient,
  type OutgoingMail,
  ownerDigests,
  reminders,
} from './email';
import type { PlanModel } from './plan-model';
import type { ReportModel } from './report';
import { digestPeriod, isDigestDay, type Schedule } from './schedule';

export interface MailRun {
  model: PlanModel;
  report: ReportModel;
  /** Spreadsheet URL and tab IDs, for links to rows. */
  url: string;
  gids: Record<string, number>;
  reportSheet: string;
}

/** Mail a run could not send, by send-log key, with the digest period it belongs to. */
export interface Pending {
  period: string;
  keys: string[];
}

export function composeMail(
  run: MailRun,
  schedule: Schedule,
  digestsNow: boolean,
  alreadySent: (key: string) => boolean,
  pending: Pending | null,
): OutgoingMail[] {
  const today = run.report.today;
  const period = digestPeriod(schedule, today);
  const context = (p: string): MailContext => ({
    url: run.url,
    gids: run.gids,
    today,
    period: p,
    cadence: schedule.mode === 'daily' ? 'Daily' : 'Weekly',
  });
  const reportUrl = `${run.url}#gid=${run.gids[run.reportSheet]}`;
  const digestsFor = (p: string) => [
    ...ownerDigests(run.model, run.report, context(p)),
    ...managerReports(run.model, run.report, context(p), reportUrl),
  ];
  const earlier: OutgoingMail[] = [];
  if (pending && pending.period !== period) {
    const keys = new Set(pending.keys);
    earlier.push(...digestsFor(pending.period).filter((m) => keys.has(m.key)));
  }
  const current: OutgoingMail[] = digestsNow || isDigestDay(schedule, today) ? digestsFor(period) : [];
  const inDigests = new Set(current.flatMap((m) => m.itemKeys));
  if (schedule.reminders)
    current.push(
      ...reminders(run.model, run.report, context(period), (k) => alreadySent(k) || inDigests.has(k)),
    );
  if (schedule.escalations) current.push(...escalations(run.model, run.report, context(period), alreadySent));
  const pendingKeys = new Set(pending?.period === period ? pending.keys : []);
  const unsent = onePerRecipient(current.filter((m) => !alreadySent(m.key)));
  unsent.sort((a, b) => Number(pendingKeys.has(b.key)) - Number(pendingKeys.has(a.key)));
  return [
    ...onePerRecipient(earlier.filter((m) => !alreadySent(m.key))),
    ...unsent,
    ...current.filter((m) => alreadySent(m.key)),
  ];
}

/**
 * Pending mail as property values of at most `maxBytes` each (PropertiesService holds 9 KB a
 * value): whole keys per chunk, so no chunk is ever cut mid-JSON and nothing is dropped.
 */
export function encodePending(pending: Pending, maxBytes = 8000): string[] {
  const chunks: string[][] = [[]];
  let size = 0;
  for (const key of pending.keys) {
    const cost = key.length * 3 + 4;
    if (size + cost > maxBytes - pending.period.length * 3 - 40 && chunks[chunks.length - 1]!.length) {
      chunks.push([]);
      size = 0;
    }
    chunks[chunks.length - 1]!.push(key);
    size += cost;
  }
  return chunks.map((keys) => JSON.stringify({ period: pending.period, keys }));
}

export function decodePending(values: readonly string[]): Pending | null {
  let period = '';
  const keys: string[] = [];
  for (const value of values) {
    try {
      const chunk = JSON.parse(value) as Pending;
      if (typeof chunk.period !== 'string' || !Array.isArray(chunk.keys)) continue;
      period = chunk.period;
      keys.push(...chunk.keys.filter((k): k is string => typeof k === 'string'));
    } catch {
      // An unreadable chunk holds nothing to send: its mail is composed again from the plan.
    }
  }
  return keys.length ? { period, keys } : null;
}
