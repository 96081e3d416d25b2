/**
 * Every PropertiesService key OpsPlan uses, in one place (docs/PRIVACY.md lists what each holds).
 * Send-log keys (what the log remembers) are built in src/core/email-keys.ts and stored hashed under
 * the `opsplan.log.` names of src/core/send-log.ts, re-exported here so every name is findable
 * from this file.
 */
export type { SendKey } from '../core/email-keys';
export { LOG_CONFIRMED, LOG_PREFIX } from '../core/send-log';

/**
 * Document properties: shared by every user of this spreadsheet. A schedule's state (schedule,
 * trigger, approved, held, pending, last run, send log) uses the same names inside its owner's
 * user properties, under OWNER_PREFIX + the spreadsheet's ID (src/gas/state-store.ts); versions
 * before that kept it here, and it moves on first use (src/gas/schedule-state.ts).
 */
export const DOC = {
  /** The saved schedule (JSON). */
  schedule: 'opsplan.schedule',
  /** Email of the user whose trigger runs the schedule. */
  scheduleOwner: 'opsplan.schedule.owner',
  /** Unique ID of the one trigger that serves the schedule: any other that fires removes itself. */
  scheduleTrigger: 'opsplan.schedule.trigger',
  /** Summary of the last pipeline run, for the sidebar. */
  lastRun: 'opsplan.lastRun',
  /** Digests held for the next run of the same period: `opsplan.pending.<n>`. */
  pendingPrefix: 'opsplan.pending.',
  /** Recipients the schedule's owner approved: `opsplan.approved.<n>`, one address a line. */
  approvedPrefix: 'opsplan.approved.',
  /** Recipients the last scheduled run held for approval (JSON list with where each came from). */
  held: 'opsplan.held',
  /**
   * A report that stopped at its time budget: its day, start and the stages done (JSON,
   * src/core/report-stages.ts), until a follow-up run completes it. In the document's store, or the
   * runner's namespace in a run without a document (src/gas/state-store.ts cacheStore).
   */
  reportProgress: 'opsplan.report.progress',
  /** Conditional-format rules OpsPlan wrote, per sheet: `opsplan.cf.<sheet id>`. */
  conditionalFormatPrefix: 'opsplan.cf.',
} as const;

/** User properties: this user's, across the documents where they use OpsPlan. */
export const USER = {
  /** The sidebar section a menu item asked to open. */
  sidebarSection: 'opsplan.sidebar.section',
  /** `opsplan.trigger.<trigger id>` = the ID of the spreadsheet that trigger's schedule belongs to. */
  triggerSpreadsheetPrefix: 'opsplan.trigger.',
} as const;

/** `opsplan.sheet.<spreadsheet id>.` + a DOC name: a schedule's state in its owner's user properties. */
export const OWNER_PREFIX = 'opsplan.sheet.';
/** Inside that namespace only: a run's claim on the schedule's send log (src/gas/lock.ts). */
export const LEASE = 'opsplan.lease';

/** Developer metadata on the spreadsheet: the schedule's public mark (src/core/schedule.ts ScheduleMark). */
export const SCHEDULE_MARK_KEY = 'opsplan.schedule';

export type DocumentKey = (typeof DOC)[keyof typeof DOC];
export type UserKey = (typeof USER)[keyof typeof USER];
