/**
 * Every PropertiesService key OpsPlan uses, in one place (docs/PRIVACY.md lists what each holds).
 * Send-log keys (what the log remembers) are built in src/core/email-keys.ts and stored hashed under
 * the `opsplan.log.` names of src/core/send-log.ts, re-exported here so every name is findable
 * from this file.
 */
export type { SendKey } from '../core/email-keys';
export { LOG_CONFIRMED, LOG_PREFIX } from '../core/send-log';

/** Document properties: shared by every user of this spreadsheet. */
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
  /** Conditional-format rules OpsPlan wrote, per sheet: `opsplan.cf.<sheet id>`. */
  conditionalFormatPrefix: 'opsplan.cf.',
} as const;

/** User properties: this user's, across the documents where they use OpsPlan. */
export const USER = {
  /** The sidebar section a menu item asked to open. */
  sidebarSection: 'opsplan.sidebar.section',
} as const;

export type DocumentKey = (typeof DOC)[keyof typeof DOC];
export type UserKey = (typeof USER)[keyof typeof USER];
