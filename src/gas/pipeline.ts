/**
 * The status pipeline: refresh formulas, generate the report, then send digests, the manager
 * report, reminders and escalations — under the document lock, within the mail quota and the
 * execution time limit, never sending a key twice. What cannot go now stays pending and goes first
 * on the next run.
 */
import { escalations, managerReports, onePerRecipient, ownerDigests, recipientsOf, reminders, type MailContext, type OutgoingMail } from '../core/email';
import { digestPeriod, isDigestDay, type Schedule } from '../core/schedule';
import { generateReport, prepareReport, type ReportRun } from './report';
import { loadSchedule, recordLastRun } from './schedule';
import { SendLog } from './send-log';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const PENDING_KEY = 'opsplan.pending';
/** Stop sending well before Apps Script's 6-minute limit; the rest goes next run. */
const TIME_BUDGET_MS = 4.5 * 60 * 1000;
const LOCK_WAIT_MS = 30_000;

export interface PipelineResult {
  ran: boolean;
  message: string;
  sent: { kind: string; to: string; cc: string[]; subject: string }[];
  alreadySent: number;
  pending: number;
  failed: { to: string; error: string }[];
  quotaLeft: number;
}

export interface PipelineOptions {
  /** digests: send digests and manager reports now (Send now), or only on digest days (trigger). */
  digests: 'now' | 'scheduled';
  schedule?: Schedule;
}

interface Pending {
  period: string;
  keys: string[];
}

function loadPending(): Pending | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(PENDING_KEY);
  try {
    return raw ? (JSON.parse(raw) as Pending) : null;
  } catch {
    return null;
  }
}

function savePending(pending: Pending | null): void {
  const props = PropertiesService.getDocumentProperties();
  if (pending && pending.keys.length) props.setProperty(PENDING_KEY, JSON.stringify(pending).slice(0, 9000));
  else props.deleteProperty(PENDING_KEY);
}

/** Everything this run would send, pending mail from an earlier run first. */
export function composeMail(run: ReportRun, schedule: Schedule, options: PipelineOptions, log: Pick<SendLog, 'has'>, pending: Pending | null): OutgoingMail[] {
  const today = run.report.today;
  const period = digestPeriod(schedule, today);
  const context = (p: string): MailContext => ({ url: run.url, gids: run.gids, today, period: p, cadence: schedule.mode === 'daily' ? 'Daily' : 'Weekly' });
  const reportUrl = `${run.url}#gid=${run.gids[run.reportSheet]}`;
  const digestsFor = (p: string) => [...ownerDigests(run.model, run.report, context(p)), ...managerReports(run.model, run.report, context(p), reportUrl)];
  const mails: OutgoingMail[] = [];
  if (pending && pending.period !== period) {
    const keys = new Set(pending.keys);
    mails.push(...digestsFor(pending.period).filter((m) => keys.has(m.key)));
  }
  const digestsDue = options.digests === 'now' || isDigestDay(schedule, today);
  const current: OutgoingMail[] = digestsDue ? digestsFor(period) : [];
  const inDigests = new Set(current.flatMap((m) => m.itemKeys));
  const covered = (key: string) => log.has(key) || inDigests.has(key);
  if (schedule.reminders) current.push(...reminders(run.model, run.report, context(period), covered));
  if (schedule.escalations) current.push(...escalations(run.model, run.report, context(period), (k) => log.has(k)));
  const pendingKeys = new Set(pending?.period === period ? pending.keys : []);
  const unsent = onePerRecipient(current.filter((m) => !log.has(m.key)));
  unsent.sort((a, b) => Number(pendingKeys.has(b.key)) - Number(pendingKeys.has(a.key)));
  return [...onePerRecipient(mails.filter((m) => !log.has(m.key))), ...unsent, ...current.filter((m) => log.has(m.key))];
}

export function runPipeline(ss: Spreadsheet, options: PipelineOptions): PipelineResult {
  const started = Date.now();
  const lock = LockService.getDocumentLock();
  const result: PipelineResult = { ran: false, message: '', sent: [], alreadySent: 0, pending: 0, failed: [], quotaLeft: 0 };
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    result.message = 'Another OpsPlan run was still working on this spreadsheet, so this one stopped without sending anything. The other run sends the emails.';
    console.warn(result.message);
    return result;
  }
  try {
    const schedule = options.schedule ?? loadSchedule();
    const run = generateReport(ss);
    const log = new SendLog(ss);
    const pending = loadPending();
    const mails = composeMail(run, schedule, options, log, pending);
    const timeZone = ss.getSpreadsheetTimeZone();
    let quota = MailApp.getRemainingDailyQuota();
    const left: string[] = [];
    try {
      for (const mail of mails) {
        if (log.has(mail.key)) {
          result.alreadySent++;
          continue;
        }
        if (recipientsOf(mail) > quota || Date.now() - started > TIME_BUDGET_MS) {
          left.push(mail.key);
          continue;
        }
        try {
          MailApp.sendEmail({ to: mail.to, ...(mail.cc.length ? { cc: mail.cc.join(',') } : {}), subject: mail.subject, body: mail.text, htmlBody: mail.html, name: 'OpsPlan' });
          quota -= recipientsOf(mail);
          log.record([mail.key, ...mail.itemKeys], { at: Utilities.formatDate(new Date(), timeZone, "yyyy-MM-dd'T'HH:mm:ss"), kind: mail.kind, to: mail.to, subject: mail.subject });
          result.sent.push({ kind: mail.kind, to: mail.to, cc: mail.cc, subject: mail.subject });
        } catch (error) {
          result.failed.push({ to: mail.to, error: error instanceof Error ? error.message : String(error) });
        }
      }
    } finally {
      log.flush();
      const period = digestPeriod(schedule, run.report.today);
      savePending(left.length ? { period, keys: left } : null);
    }
    result.ran = true;
    result.pending = left.length;
    result.quotaLeft = quota;
    result.message = summarise(result);
    recordLastRun(Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm z'), result.message);
    return result;
  } finally {
    lock.releaseLock();
  }
}

function summarise(r: PipelineResult): string {
  const parts = [`${r.sent.length} email${r.sent.length === 1 ? '' : 's'} sent`];
  if (r.alreadySent) parts.push(`${r.alreadySent} already sent earlier`);
  if (r.pending) parts.push(`${r.pending} waiting for the next run (daily mail quota or time limit)`);
  if (r.failed.length) parts.push(`${r.failed.length} failed: ${r.failed.map((f) => `${f.to} (${f.error})`).join('; ')}`);
  return `${parts.join(', ')}.`;
}

export interface MailPreview {
  kind: string;
  to: string;
  cc: string[];
  subject: string;
  text: string;
  html: string;
  alreadySent: boolean;
}

/** What would be sent now, per recipient, without sending (the sidebar shows it). */
export function previewMail(ss: Spreadsheet): MailPreview[] {
  const schedule = loadSchedule();
  const run = prepareReport(ss);
  const log = new SendLog(ss);
  return composeMail(run, schedule, { digests: 'now' }, log, loadPending()).map((m) => ({ kind: m.kind, to: m.to, cc: m.cc, subject: m.subject, text: m.text, html: m.html, alreadySent: log.has(m.key) }));
}
