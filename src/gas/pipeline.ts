/**
 * The status pipeline: refresh formulas, generate the report, then send digests, the manager
 * report, reminders and escalations — under the document lock, within the mail quota and the
 * execution time limit, never sending a key twice. What cannot go now stays pending and goes first
 * on the next run.
 */
import { recipientsOf } from '../core/email';
import { composeMail, decodePending, encodePending, type Pending } from '../core/outbox';
import { digestPeriod, type Schedule } from '../core/schedule';
import { generateReport, prepareReport } from './report';
import { loadSchedule, recordLastRun } from './schedule';
import { SendLog } from './send-log';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const PENDING_PREFIX = 'opsplan.pending.';
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

/** Pending mail lives in numbered document properties, one chunk each (9 KB a value). */
function loadPending(): Pending | null {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const chunks = Object.keys(all)
    .filter((k) => k.startsWith(PENDING_PREFIX))
    .sort((a, b) => Number(a.slice(PENDING_PREFIX.length)) - Number(b.slice(PENDING_PREFIX.length)))
    .map((k) => all[k]!);
  return decodePending(chunks);
}

function savePending(pending: Pending | null): void {
  const props = PropertiesService.getDocumentProperties();
  for (const key of props.getKeys()) if (key.startsWith(PENDING_PREFIX)) props.deleteProperty(key);
  if (!pending || !pending.keys.length) return;
  props.setProperties(
    Object.fromEntries(encodePending(pending).map((chunk, i) => [`${PENDING_PREFIX}${i}`, chunk])),
  );
}

export function runPipeline(ss: Spreadsheet, options: PipelineOptions): PipelineResult {
  const started = Date.now();
  const lock = LockService.getDocumentLock();
  const result: PipelineResult = {
    ran: false,
    message: '',
    sent: [],
    alreadySent: 0,
    pending: 0,
    failed: [],
    quotaLeft: 0,
  };
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    result.message =
      'Another OpsPlan run was still working on this spreadsheet, so this one stopped without sending anything. The other run sends the emails.';
    console.warn(result.message);
    return result;
  }
  try {
    const schedule = options.schedule ?? loadSchedule();
    const run = generateReport(ss, schedule.escalations);
    const log = new SendLog(ss);
    const pending = loadPending();
    const mails = composeMail(run, schedule, options.digests === 'now', (key) => log.has(key), pending);
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
          MailApp.sendEmail({
            to: mail.to,
            ...(mail.cc.length ? { cc: mail.cc.join(',') } : {}),
            subject: mail.subject,
            body: mail.text,
            htmlBody: mail.html,
            name: 'OpsPlan',
          });
          quota -= recipientsOf(mail);
          log.record([mail.key, ...mail.itemKeys], {
            at: Utilities.formatDate(new Date(), timeZone, "yyyy-MM-dd'T'HH:mm:ss"),
            kind: mail.kind,
            to: mail.to,
            subject: mail.subject,
          });
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
    result.message = [summarise(result), ...run.notices].join(' ');
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
  if (r.failed.length)
    parts.push(`${r.failed.length} failed: ${r.failed.map((f) => `${f.to} (${f.error})`).join('; ')}`);
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
  return composeMail(run, schedule, true, (key) => log.has(key), loadPending()).map((m) => ({
    kind: m.kind,
    to: m.to,
    cc: m.cc,
    subject: m.subject,
    text: m.text,
    html: m.html,
    alreadySent: log.has(m.key),
  }));
}
