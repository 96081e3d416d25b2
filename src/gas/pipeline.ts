/**
 * The status pipeline: refresh formulas, generate the report, then send digests, the manager
 * report, reminders and escalations — under the document lock, within the per-run cap, the mail
 * quota and the execution time limit, recording each message before sending it. What cannot go
 * now stays pending and goes first on the next run of the same period.
 */
import type { Unreachable } from '../core/email-digest';
import type { OutgoingMail } from '../core/email-message';
import { outsideDomain } from '../core/email-recipients';
import { PIPELINE_LOCK_WAIT_MS, SEND_TIME_BUDGET_MS } from '../core/limits';
import {
  composeMail,
  decodePending,
  encodePending,
  type Held,
  type HoldReason,
  type Pending,
  pendingOf,
  planRun,
} from '../core/outbox';
import type { Schedule } from '../core/schedule';
import { type UnknownOutcome } from '../core/send-log';
import { DOC } from './keys';
import { loadApproved, saveHeld } from './recipients';
import { generateReport, prepareReport } from './report';
import { loadSchedule, recordLastRun, scheduleOwner } from './schedule';
import { SendLog } from './send-log';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface PipelineResult {
  ran: boolean;
  message: string;
  sent: { kind: string; to: string; subject: string }[];
  /** Held for a later run, with the reason (approval, cap, quota, time, log space). */
  held: { to: string; reason: HoldReason }[];
  /** Who could not be mailed at all, and why (no valid email, a bad Report recipient…). */
  skipped: Unreachable[];
  failed: { to: string; error: string }[];
  /** Messages of an interrupted earlier run that may or may not have gone: never sent again. */
  unknown: { to: string; kind: string; subject: string }[];
  /** Pending digests of an older period, replaced by this period's. */
  superseded: number;
  pending: number;
  quotaLeft: number;
}

export interface PipelineOptions {
  /** Scheduled runs send digests on digest days, to approved recipients; by hand, now. */
  mode: 'scheduled' | 'byHand';
  schedule?: Schedule;
  /** By hand: the recipients the person confirmed; anyone else is held. */
  confirmed?: readonly string[];
}

const PENDING = DOC.pendingPrefix;

function loadPending(all: Readonly<Record<string, string>>): Pending | null {
  const chunks = Object.keys(all)
    .filter((k) => k.startsWith(PENDING))
    .sort((a, b) => Number(a.slice(PENDING.length)) - Number(b.slice(PENDING.length)))
    .map((k) => all[k]!);
  return decodePending(chunks);
}

function savePending(props: GoogleAppsScript.Properties.Properties, pending: Pending | null): void {
  const old = props.getKeys().filter((k) => k.startsWith(PENDING));
  const set = pending ? Object.fromEntries(encodePending(pending).map((c, i) => [`${PENDING}${i}`, c])) : {};
  if (Object.keys(set).length) props.setProperties(set);
  for (const key of old) if (!(key in set)) props.deleteProperty(key);
}

const emptyResult = (): PipelineResult => ({
  ran: false,
  message: '',
  sent: [],
  held: [],
  skipped: [],
  failed: [],
  unknown: [],
  superseded: 0,
  pending: 0,
  quotaLeft: 0,
});

export function runPipeline(ss: Spreadsheet, options: PipelineOptions): PipelineResult {
  const started = Date.now();
  const lock = LockService.getDocumentLock();
  const result = emptyResult();
  if (!lock.tryLock(PIPELINE_LOCK_WAIT_MS)) {
    result.message =
      'Another OpsPlan run was still working on this spreadsheet, so this one stopped without sending anything. The other run sends the emails.';
    console.warn(result.message);
    return result;
  }
  try {
    const schedule = options.schedule ?? loadSchedule();
    const run = generateReport(ss, schedule.escalations);
    const props = PropertiesService.getDocumentProperties();
    const all = props.getProperties();
    const today = run.report.today;
    const log = new SendLog(props, all, today);
    result.unknown = log.unknown.map(({ to, kind, subject }: UnknownOutcome) => ({ to, kind, subject }));
    const byHand = options.mode === 'byHand';
    const composed = composeMail(run, schedule, byHand, (key) => log.has(key), loadPending(all));
    result.skipped = composed.unreachable;
    result.superseded = composed.superseded;
    const quota = MailApp.getRemainingDailyQuota();
    const owner = byHand ? null : scheduleOwner();
    const plan = planRun(composed.mails, {
      approved: byHand
        ? options.confirmed
          ? new Set(options.confirmed.map((a) => a.trim().toLowerCase()))
          : null
        : loadApproved(all),
      owner,
      cap: run.model.settings.maxRecipientsPerRun,
      quota,
      planName: run.report.planName,
      context: { url: run.url, today },
      sent: (key) => log.has(key),
    });
    const held: Held[] = [...plan.held];
    /** Messages whose sendEmail threw: they go again on the next run of this period. */
    const retry: OutgoingMail[] = [];
    try {
      for (const mail of plan.send) {
        if (Date.now() - started > SEND_TIME_BUDGET_MS) held.push({ mail, reason: 'time limit' });
        else if (!log.fits(mail.log)) held.push({ mail, reason: 'send log full' });
        else {
          const outcome = send(mail, log, result);
          if (outcome === 'failed') retry.push(mail);
          else if (outcome === 'unrecorded') held.push({ mail, reason: 'send log full' });
        }
      }
    } finally {
      try {
        log.finish();
      } catch (error) {
        console.warn(`OpsPlan: the send log could not be confirmed: ${String(error)}`);
      }
      savePending(props, pendingOf(composed.period, [...held.map((h) => h.mail), ...retry]));
      if (!byHand) saveHeld(plan.unapproved);
    }
    result.ran = true;
    result.held = held.map((h) => ({ to: h.mail.to, reason: h.reason }));
    result.pending = held.length + retry.length;
    result.quotaLeft = MailApp.getRemainingDailyQuota();
    result.message = [summarise(result), ...run.notices].join(' ');
    recordLastRun(
      Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm z'),
      result.message,
    );
    return result;
  } finally {
    lock.releaseLock();
  }
}

/** Records the message, sends it, and settles its record: at most once, whatever fails. */
function send(mail: OutgoingMail, log: SendLog, result: PipelineResult): 'sent' | 'failed' | 'unrecorded' {
  const seq = log.intend({ to: mail.to, kind: mail.kind, subject: mail.subject }, mail.log);
  if (seq === null) return 'unrecorded';
  try {
    MailApp.sendEmail({
      to: mail.to,
      subject: mail.subject,
      body: mail.text,
      htmlBody: mail.html,
      name: 'OpsPlan',
    });
  } catch (error) {
    result.failed.push({ to: mail.to, error: error instanceof Error ? error.message : String(error) });
    try {
      log.failed(seq);
    } catch {
      // Its record stays: the message counts as sent rather than risk sending it twice.
    }
    return 'failed';
  }
  log.sent(seq);
  result.sent.push({ kind: mail.kind, to: mail.to, subject: mail.subject });
  return 'sent';
}

function summarise(r: PipelineResult): string {
  const parts = [`${r.sent.length} email${r.sent.length === 1 ? '' : 's'} sent`];
  const reasons = new Map<string, string[]>();
  for (const h of r.held) reasons.set(h.reason, [...(reasons.get(h.reason) ?? []), h.to]);
  for (const [reason, who] of reasons)
    parts.push(`${who.length} held (${reason}): ${who.slice(0, 10).join(', ')}${who.length > 10 ? '…' : ''}`);
  if (r.skipped.length)
    parts.push(`${r.skipped.length} skipped: ${r.skipped.map((s) => `${s.who} ${s.why}`).join('; ')}`);
  if (r.failed.length)
    parts.push(`${r.failed.length} failed: ${r.failed.map((f) => `${f.to} (${f.error})`).join('; ')}`);
  if (r.unknown.length)
    parts.push(
      `${r.unknown.length} from an interrupted run may or may not have gone, and are not sent again: ${r.unknown.map((u) => u.to).join(', ')}`,
    );
  if (r.superseded) parts.push(`${r.superseded} pending from an earlier period replaced by this one's`);
  return `${parts.join('; ')}.`;
}

export interface MailPreview {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface SendPreview {
  messages: MailPreview[];
  /** Distinct recipients of those messages. */
  recipients: string[];
  /** Those outside the current user's domain. */
  outside: string[];
  skipped: Unreachable[];
}

/** What Send now would send, per recipient, without sending: the confirmation shows it. */
export function previewMail(ss: Spreadsheet): SendPreview {
  const schedule = loadSchedule();
  const run = prepareReport(ss);
  const all = PropertiesService.getDocumentProperties().getProperties();
  const log = new SendLog(PropertiesService.getDocumentProperties(), all, run.report.today);
  const composed = composeMail(run, schedule, true, (key) => log.has(key), loadPending(all));
  const recipients = [...new Set(composed.mails.map((m) => m.to.toLowerCase()))];
  return {
    messages: composed.mails.map((m) => ({
      kind: m.kind,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
    })),
    recipients,
    outside: outsideDomain(recipients, Session.getEffectiveUser().getEmail()),
    skipped: composed.unreachable,
  };
}
