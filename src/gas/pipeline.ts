/**
 * The status pipeline: refresh formulas, generate the report, then send digests, the manager
 * report, reminders and escalations — under the document lock, within the per-run cap, the mail
 * quota and the execution time limit, recording each batch of messages before sending it. What cannot go
 * now stays pending and goes first on the next run of the same period.
 */
import type { Unreachable } from '../core/email-digest';
import type { OutgoingMail } from '../core/email-message';
import { outsideDomain } from '../core/email-recipients';
import { PIPELINE_LOCK_WAIT_MS, SEND_LOG_BATCH_MESSAGES, SEND_TIME_BUDGET_MS } from '../core/limits';
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
import { DEFAULT_SCHEDULE, isServingTrigger, type Schedule, type ScheduleMark } from '../core/schedule';
import { type LoggedMessage, type UnknownOutcome } from '../core/send-log';
import { DOC } from './keys';
import { claimScheduleLog, releaseScheduleLog } from './lock';
import { todayIn } from './plan-actions';
import { loadApproved, saveHeld } from './recipients';
import { generateReport, prepareReport } from './report';
import {
  clearOwnSchedule,
  deleteTriggerById,
  migrateLegacySchedule,
  ownerLog,
  type OwnState,
  ownState,
  pruneOwnerStore,
  readMark,
  readsOwnLog,
  scheduledSpreadsheet,
} from './schedule-state';
import { SendLog, SendLogs } from './send-log';
import { documentStore, type KeyValues } from './state-store';

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

function savePending(props: KeyValues, pending: Pending | null): void {
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

/**
 * A scheduled run (the time-driven trigger's handler): finds its spreadsheet (the active one, or by
 * the ID its trigger was saved with), checks that this trigger still serves that spreadsheet's
 * schedule (or retires it), and runs the pipeline as the schedule's owner.
 */
export function runScheduled(triggerUid: string | undefined): PipelineResult | null {
  const ss = scheduledSpreadsheet(triggerUid);
  if (!ss) {
    console.warn('OpsPlan: this trigger belongs to no saved schedule any more, so it removes itself.');
    if (triggerUid !== undefined) deleteTriggerById(triggerUid);
    return null;
  }
  migrateLegacySchedule(ss);
  const mark = readMark(ss);
  const own = ownState(ss);
  if (!isServingTrigger(mark, own.schedule, triggerUid)) {
    // Turned off, or replaced by a later save (possibly another user's): this trigger retires, and
    // a schedule of this user that the spreadsheet no longer names leaves their store.
    if (triggerUid !== undefined) deleteTriggerById(triggerUid);
    if (own.trigger !== mark?.trigger) clearOwnSchedule(own);
    return null;
  }
  pruneOwnerStore(todayIn(ss.getSpreadsheetTimeZone()));
  return runPipeline(ss, { mode: 'scheduled', schedule: own.schedule! }, { mark, own });
}

const busy = (result: PipelineResult): PipelineResult => {
  result.message =
    'Another OpsPlan run was still working on this spreadsheet, so this one stopped without sending anything. The other run sends the emails.';
  console.warn(result.message);
  return result;
};

/**
 * Where a run records what it sends, and the locks that exclude every other run writing there:
 * the document's log under the document lock (every run that has the document), and the schedule
 * owner's log under the owner's claim (scheduled runs, and Send now by the owner). Send now by
 * another editor does not reach the owner's log (docs/APPS-SCRIPT.md#properties).
 */
export function runPipeline(
  ss: Spreadsheet,
  options: PipelineOptions,
  /** What the caller already read (a scheduled run): the mark and the owner's state, moved. */
  seen?: { mark: ScheduleMark | null; own: OwnState },
): PipelineResult {
  const started = Date.now();
  const result = emptyResult();
  const byHand = options.mode === 'byHand';
  const doc = documentStore();
  if (doc && !seen) migrateLegacySchedule(ss);
  const mark = seen ? seen.mark : readMark(ss);
  const ownAtStart = seen?.own ?? ownState(ss);
  const own = byHand && !readsOwnLog(mark, ownAtStart) ? null : ownAtStart;
  const docLock = doc ? LockService.getDocumentLock() : null;
  if (docLock && !docLock.tryLock(PIPELINE_LOCK_WAIT_MS)) return busy(result);
  try {
    const claim = own ? claimScheduleLog(own.store) : null;
    if (own && claim === null) return busy(result);
    try {
      return runLocked(
        ss,
        options,
        { doc, own: own && ownState(ss), mark: mark?.schedule ?? null },
        started,
        result,
      );
    } finally {
      if (own && claim) releaseScheduleLog(own.store, claim);
    }
  } finally {
    docLock?.releaseLock();
  }
}

function runLocked(
  ss: Spreadsheet,
  options: PipelineOptions,
  stores: { doc: KeyValues | null; own: OwnState | null; mark: Schedule | null },
  started: number,
  result: PipelineResult,
): PipelineResult {
  const byHand = options.mode === 'byHand';
  const schedule = options.schedule ?? stores.mark ?? DEFAULT_SCHEDULE;
  // The RACI is read only for escalations and for FYI in digests.
  const run = generateReport(ss, {
    withRaci: (settings) => schedule.escalations || settings.fyiDigest,
    started,
    followUp: byHand ? () => 'by hand' : undefined,
  });
  // Mail goes from a complete report only: one stopped at its time budget is completed by the next
  // run (docs/APPS-SCRIPT.md#execution, "Long runs continue"), which then sends.
  if (!run.complete) {
    result.message = run.message;
    return result;
  }
  const today = run.report.today;
  const docAll = stores.doc?.getProperties() ?? null;
  const logs: SendLog[] = [];
  if (stores.doc && docAll) logs.push(new SendLog(stores.doc, docAll, today));
  if (stores.own) logs.push(ownerLog(stores.own, today));
  const log = new SendLogs(logs);
  // Pending and held mail, and the last run, belong to the log the run answers to: the owner's
  // for scheduled runs, the document's for Send now.
  const primary = byHand
    ? { store: stores.doc!, all: docAll! }
    : { store: stores.own!.store, all: stores.own!.all };
  result.unknown = log.unknown.map(({ to, kind, subject }: UnknownOutcome) => ({ to, kind, subject }));
  const composed = composeMail(run, schedule, byHand, (key) => log.has(key), loadPending(primary.all));
  result.skipped = composed.unreachable;
  result.superseded = composed.superseded;
  const quota = MailApp.getRemainingDailyQuota();
  const owner = byHand ? null : scheduleOwner(primary.all);
  const plan = planRun(composed.mails, {
    approved: byHand
      ? options.confirmed
        ? new Set(options.confirmed.map((a) => a.trim().toLowerCase()))
        : null
      : loadApproved(primary.all),
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
  const outOfTime = () => Date.now() - started > SEND_TIME_BUDGET_MS;
  try {
    let next = 0;
    while (next < plan.send.length) {
      if (outOfTime()) {
        for (const mail of plan.send.slice(next)) held.push({ mail, reason: 'time limit' });
        break;
      }
      const batch = nextBatch(plan.send, next, log);
      next += batch.taken;
      for (const mail of batch.tooBig) held.push({ mail, reason: 'send log full' });
      if (batch.mails.length) sendBatch(batch.mails, log, result, { held, retry, outOfTime });
    }
  } finally {
    log.finish();
    savePending(primary.store, pendingOf(composed.period, [...held.map((h) => h.mail), ...retry]));
    if (!byHand) saveHeld(primary.store, plan.unapproved);
  }
  result.ran = true;
  result.held = held.map((h) => ({ to: h.mail.to, reason: h.reason }));
  result.pending = held.length + retry.length;
  result.quotaLeft = MailApp.getRemainingDailyQuota();
  result.message = [summarise(result), ...run.notices].join(' ');
  const lastRun = JSON.stringify({
    at: Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm z'),
    summary: result.message.slice(0, 4000),
  });
  saveLastRun(primary.store, lastRun);
  // Editors see the last scheduled run too, where the run has the document.
  if (!byHand && stores.doc) saveLastRun(stores.doc, lastRun);
  return result;
}

/**
 * The run's summary for the sidebar. A store too full to take it (docs/APPS-SCRIPT.md#properties)
 * does not fail a run whose mail is settled: the caller gets the result either way.
 */
function saveLastRun(store: KeyValues, lastRun: string): void {
  try {
    store.setProperty(DOC.lastRun, lastRun);
  } catch (error) {
    console.warn(`OpsPlan: the last run's summary could not be saved: ${String(error)}`);
  }
}

/** The email of the user who saved the schedule, when Apps Script revealed it. */
function scheduleOwner(all: Readonly<Record<string, string>>): string | null {
  const owner = all[DOC.scheduleOwner] ?? '';
  return owner.includes('@') ? owner : null;
}

const logged = (mail: OutgoingMail): LoggedMessage => ({
  header: { to: mail.to, kind: mail.kind, subject: mail.subject },
  entries: mail.log,
});

/**
 * The next batch from `from` on: up to SEND_LOG_BATCH_MESSAGES messages whose record fits every
 * log. A message that does not fit even alone is held back (`tooBig`), never lost: it goes once old
 * entries expire.
 */
function nextBatch(
  queue: readonly OutgoingMail[],
  from: number,
  log: SendLogs,
): { mails: OutgoingMail[]; tooBig: OutgoingMail[]; taken: number } {
  const mails: OutgoingMail[] = [];
  const tooBig: OutgoingMail[] = [];
  let i = from;
  for (; i < queue.length && mails.length < SEND_LOG_BATCH_MESSAGES; i++) {
    const mail = queue[i]!;
    if (log.fits([...mails, mail].map(logged))) mails.push(mail);
    else if (mails.length)
      break; // this batch is full for the log: the next one tries again
    else tooBig.push(mail);
  }
  return { mails, tooBig, taken: i - from };
}

/**
 * Records the batch, sends it message by message, and settles its record: at most once, whatever
 * fails. A message that throws goes again later; once the time budget is spent, the rest of the
 * batch is held for the next run (the settling takes their entries out of the log).
 */
function sendBatch(
  batch: readonly OutgoingMail[],
  log: SendLogs,
  result: PipelineResult,
  out: { held: Held[]; retry: OutgoingMail[]; outOfTime: () => boolean },
): void {
  const seqs = log.intend(batch.map(logged));
  if (seqs === null) {
    for (const mail of batch) out.held.push({ mail, reason: 'send log full' });
    return;
  }
  const sent = new Set<number>();
  batch.forEach((mail, i) => {
    if (out.outOfTime()) {
      out.held.push({ mail, reason: 'time limit' });
      return;
    }
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
      out.retry.push(mail);
      return;
    }
    sent.add(i);
    result.sent.push({ kind: mail.kind, to: mail.to, subject: mail.subject });
  });
  log.settle(seqs, sent);
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
  migrateLegacySchedule(ss);
  const mark = readMark(ss);
  const own = ownState(ss);
  const schedule = mark?.schedule ?? DEFAULT_SCHEDULE;
  const run = prepareReport(ss);
  const doc = documentStore()!;
  const all = doc.getProperties();
  const logs = [new SendLog(doc, all, run.report.today)];
  if (readsOwnLog(mark, own)) logs.push(ownerLog(own, run.report.today));
  const log = new SendLogs(logs);
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
