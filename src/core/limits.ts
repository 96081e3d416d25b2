/**
 * Every Apps Script limit OpsPlan designs for, in one place, each with the section of
 * docs/APPS-SCRIPT.md that gives its source. Margins below a limit are OpsPlan's own choices and
 * say so.
 */

const KB = 1024;

// ---- Execution (docs/APPS-SCRIPT.md#execution) ----

/** A script execution stops after 6 minutes. */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
/** OpsPlan stops sending at 4.5 minutes, leaving room to record and report before the limit. */
export const SEND_TIME_BUDGET_MS = 4.5 * 60 * 1000;
/**
 * Generate report starts a stage (refresh, History snapshot, Report tab) only within this time from
 * the start of its execution, its first stage always; otherwise it stops and continues in a
 * follow-up run. The headroom, 6 minutes less this, must hold the longest stage at the largest plan
 * OpsPlan is built for (docs/APPS-SCRIPT.md#execution, "Long runs continue").
 */
export const REPORT_STAGE_BUDGET_MS = 3 * 60 * 1000;
/** The follow-up run of a stopped report: a one-off time-driven trigger this long after the stop. */
export const REPORT_FOLLOW_UP_MS = 60 * 1000;

// ---- Locks (docs/APPS-SCRIPT.md#spreadsheets: the document lock) ----

/** How long a sidebar or menu action waits for another run on the same spreadsheet. */
export const ACTION_LOCK_WAIT_MS = 10_000;
/** Generating the report and the mail pipeline wait longer: a run in progress usually ends soon. */
export const REPORT_LOCK_WAIT_MS = 30_000;
export const PIPELINE_LOCK_WAIT_MS = 30_000;

// ---- Mail (docs/APPS-SCRIPT.md#mail) ----

/** Recipients (to, cc and bcc) in one message. */
export const MAIL_RECIPIENTS_PER_MESSAGE = 50;
/** Email body size for consumer accounts (Workspace allows 400 KB): the lower one binds. */
export const MAIL_BODY_BYTES = 200 * KB;
/**
 * A message as sent, headers and transfer encoding included, stays within 50 KB (OpsPlan's choice:
 * a quarter of the body limit, quick to load on a phone, and far below the size at which Gmail
 * clips a message, docs/APPS-SCRIPT.md#mail).
 */
export const MAIL_MESSAGE_BYTES = 50 * KB;
/** What a message's headers and MIME boundaries take at most (the subject is at most 180 characters). */
export const MAIL_HEADER_BYTES = 2 * KB;
/**
 * Most rows a mail lists per section, the most pressing first, before "…and N more in the plan"
 * and its link (OpsPlan's choice: a message asks for action, the plan and My items hold the rest).
 * The Plan's Report lines setting lowers it further. A message's size then depends on how many
 * kinds of news it carries, not on the plan's size: sending costs about 1.2 s per 100 KB
 * (docs/APPS-SCRIPT.md#mail), and a weekly run sends one message per person.
 */
export const MAIL_LIST_ROWS = 3;
/** The manager report, sent to the few Report recipients, lists a little more of each section. */
export const MAIL_REPORT_LIST_ROWS = 5;
/** Characters of one cell's text shown in a mail (cells hold up to 50,000). */
export const MAIL_CELL_CHARACTERS = 300;
/** Recipients per day: consumer accounts; Workspace has 1,500. getRemainingDailyQuota() tells. */
export const MAIL_DAILY_RECIPIENTS_CONSUMER = 100;
/** Default of the Plan setting "Max recipients per run": a run never sends to more. */
export const DEFAULT_RECIPIENTS_PER_RUN = 200;

// ---- Properties (docs/APPS-SCRIPT.md#properties) ----

/** One property value. */
export const PROPERTY_VALUE_BYTES = 9 * KB;
/** One property store (document, user or script), keys and values together. */
export const PROPERTY_STORE_BYTES = 500 * KB;
/** OpsPlan writes values of at most 8,000 bytes: whole entries, never cut mid-entry. */
export const PROPERTY_CHUNK_BYTES = 8000;
/**
 * An email address takes at most 254 bytes: RFC 5321 (section 4.5.3.1.3) limits a path to 256
 * octets, its angle brackets included (https://www.rfc-editor.org/rfc/rfc5321#section-4.5.3.1.3).
 */
export const EMAIL_ADDRESS_BYTES = 254;
/** What the send log keeps of a subject, to name a message whose outcome is unknown (OpsPlan's choice). */
export const SEND_LOG_SUBJECT_BYTES = 120;
/** A message kind's name (digest, escalation…) is at most this long. */
export const SEND_LOG_KIND_BYTES = 10;
/** A message's line in the send log: recipient, kind and subject, tab-separated, then a line break. */
export const SEND_LOG_HEADER_BYTES = EMAIL_ADDRESS_BYTES + SEND_LOG_KIND_BYTES + SEND_LOG_SUBJECT_BYTES + 3;
/**
 * Messages recorded by one write of each send log before they are sent (src/core/send-log.ts): as
 * many as their lines fill one property value at most. One write per batch keeps property calls out
 * of the per-message loop (docs/APPS-SCRIPT.md#cost-of-calls-and-cells); a run killed mid-batch
 * leaves that batch's messages, at most this many, as unknown outcomes, reported and never re-sent.
 */
export const SEND_LOG_BATCH_MESSAGES = Math.floor(PROPERTY_CHUNK_BYTES / SEND_LOG_HEADER_BYTES);
/** The send log's share of the document store; the rest holds the schedule, approvals, pending. */
export const SEND_LOG_BUDGET_BYTES = 180 * KB;
/** The approved recipients' share of the document store. */
export const APPROVED_BUDGET_BYTES = 120 * KB;
/**
 * A schedule's state lives in its owner's user properties, whose 500 KB are shared by every
 * spreadsheet where that user owns a schedule (docs/APPS-SCRIPT.md#properties): each spreadsheet's
 * send log and approved set get these shares (OpsPlan's choice: about three full-size schedules
 * per user), and never more than the store has free.
 */
export const OWNER_LOG_BUDGET_BYTES = 100 * KB;
export const OWNER_APPROVED_BUDGET_BYTES = 40 * KB;
/** Left free in a user's store for the rest of a schedule's state (pending, held, last run, lease). */
export const USER_STORE_RESERVE_BYTES = 24 * KB;

/**
 * How long a run's claim on a schedule's send log lasts: an execution ends by the 6-minute limit,
 * so a claim left by a killed run lapses a minute after that (docs/APPS-SCRIPT.md#execution).
 */
export const SCHEDULE_LEASE_MS = EXECUTION_LIMIT_MS + 60 * 1000;
/** How long a run waits for the user lock that guards taking and giving back that claim. */
export const USER_LOCK_WAIT_MS = 10_000;

// ---- Spreadsheets (docs/APPS-SCRIPT.md#spreadsheets) ----

/** Characters in one cell. */
export const CELL_CHARACTERS = 50_000;
/** Rows added at a time when a generated tab grows (fewer insert calls; a cost choice). */
export const ROWS_GROWTH = 500;
