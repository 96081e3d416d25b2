/**
 * The schedule: run by exactly one time-driven trigger, its state in its owner's store
 * (src/gas/schedule-state.ts), sending only to the recipients its owner approved when saving it.
 */
import { outsideDomain, planRecipients, type Recipient } from '../core/email-recipients';
import {
  DEFAULT_SCHEDULE,
  describeSchedule,
  type LastRun,
  nextDigest,
  readLastRun,
  type Schedule,
  triggerFor,
} from '../core/schedule';
import { isoFromDay } from '../core/values';
import { DOC } from './keys';
import { todayIn } from './plan-actions';
import { loadApproved, loadHeld, saveApproved } from './recipients';
import { prepareReport } from './report';
import {
  approvedBudget,
  clearOwnSchedule,
  dropLegacySchedule,
  forgetTrigger,
  migrateLegacySchedule,
  ownsSchedule,
  ownState,
  PIPELINE_HANDLER,
  pruneOwnerStore,
  readMark,
  rememberTrigger,
  writeMark,
} from './schedule-state';
import { documentStore } from './state-store';

export { PIPELINE_HANDLER };

export interface RecipientStatus extends Recipient {
  outside: boolean;
  approved: boolean;
}

export interface ScheduleStatus {
  schedule: Schedule;
  description: string;
  /** Who the trigger runs as (installable triggers run as their creator). */
  runsAs: string | null;
  /** Whether this user owns the schedule: only they see and change its approved recipients. */
  canApprove: boolean;
  /** Whether this user can see the trigger (another user's is invisible to them). */
  triggerVisible: boolean;
  nextRun: string | null;
  timeZone: string;
  lastRun: LastRun | null;
  /** Everyone the plan can mail now, approved or not, and whether outside the user's domain. */
  recipients: RecipientStatus[];
  approvedCount: number;
  /** Recipients the last scheduled run held because nobody approved them (the owner's view only). */
  held: RecipientStatus[];
}

export function scheduleStatus(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ScheduleStatus {
  migrateLegacySchedule(ss);
  const mark = readMark(ss);
  const own = ownState(ss);
  const mine = ownsSchedule(mark, own);
  const schedule = mark?.schedule ?? DEFAULT_SCHEDULE;
  const timeZone = ss.getSpreadsheetTimeZone();
  const next = nextDigest(
    schedule,
    todayIn(timeZone),
    Number(Utilities.formatDate(new Date(), timeZone, 'H')),
  );
  // The approved set is the owner's: anyone else sees the schedule, not whom it may mail.
  const approved = mine ? loadApproved(own.all) : new Set<string>();
  const me = Session.getEffectiveUser().getEmail();
  const status = (r: Recipient): RecipientStatus => ({
    ...r,
    outside: outsideDomain([r.address], me).length > 0,
    approved: approved.has(r.address),
  });
  const lastRun =
    (mine ? own.all[DOC.lastRun] : undefined) ?? documentStore()?.getProperty(DOC.lastRun) ?? null;
  return {
    schedule,
    description: describeSchedule(schedule),
    runsAs: schedule.mode === 'off' ? null : (mark?.owner ?? null),
    canApprove: mine,
    triggerVisible: ScriptApp.getUserTriggers(ss).some((t) => t.getHandlerFunction() === PIPELINE_HANDLER),
    nextRun: next
      ? `${isoFromDay(next.day)} between ${next.hour}:00 and ${next.hour + 1}:00 (${timeZone})`
      : null,
    timeZone,
    lastRun: readLastRun(lastRun),
    recipients: planRecipients(prepareReport(ss).model).map(status),
    approvedCount: approved.size,
    held: mine
      ? loadHeld(own.all)
          .filter((r) => !approved.has(r.address))
          .map(status)
      : [],
  };
}

/**
 * Saves a schedule (parsed at the sidebar boundary), the recipients its owner approved (the list
 * the sidebar showed; the plan's current ones when none is given), and replaces OpsPlan's trigger:
 * saving again replaces, off deletes. Whoever saves owns the schedule: it runs as them, from their
 * mailbox, to the set they approved, kept in their own store.
 */
export function saveSchedule(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  { recipients, ...schedule }: Schedule & { recipients?: readonly string[] },
): ScheduleStatus {
  migrateLegacySchedule(ss);
  const own = ownState(ss);
  const plan = triggerFor(schedule);
  if (plan) {
    const approved = recipients ?? planRecipients(prepareReport(ss).model).map((r) => r.address);
    // First, so that a set too large for the store changes nothing.
    saveApproved(own.store, approved, approvedBudget(own));
  }
  // This user's triggers of this spreadsheet only: in an add-on, getProjectTriggers() also lists
  // their triggers of every other spreadsheet using it (docs/APPS-SCRIPT.md#triggers).
  for (const trigger of ScriptApp.getUserTriggers(ss)) {
    const handler = trigger.getHandlerFunction();
    // Ours, or one whose handler no longer exists (left by an older version): delete.
    if (handler === PIPELINE_HANDLER || !isTopLevelFunction(handler)) {
      forgetTrigger(trigger.getUniqueId());
      ScriptApp.deleteTrigger(trigger);
    }
  }
  if (!plan) {
    clearOwnSchedule(own);
    writeMark(ss, null); // anyone may turn the schedule off; the owner's trigger then retires
    dropLegacySchedule();
    pruneOwnerStore(todayIn(ss.getSpreadsheetTimeZone()));
    return scheduleStatus(ss);
  }
  const builder = ScriptApp.newTrigger(PIPELINE_HANDLER)
    .timeBased()
    .atHour(plan.hour)
    .inTimezone(ss.getSpreadsheetTimeZone());
  if (plan.kind === 'daily') builder.everyDays(1);
  else builder.everyWeeks(1).onWeekDay(ScriptApp.WeekDay[plan.weekday]);
  const trigger = builder.create().getUniqueId();
  rememberTrigger(trigger, ss.getId());
  // The email may be blank where Google withholds it (e.g. consumer accounts outside the domain).
  const owner = Session.getEffectiveUser().getEmail() || 'the user who saved the schedule';
  own.store.setProperties({
    [DOC.schedule]: JSON.stringify(schedule),
    [DOC.scheduleTrigger]: trigger,
    [DOC.scheduleOwner]: owner,
  });
  own.store.deleteProperty(DOC.held);
  writeMark(ss, { trigger, owner, schedule });
  dropLegacySchedule();
  pruneOwnerStore(todayIn(ss.getSpreadsheetTimeZone()));
  return scheduleStatus(ss);
}

/**
 * Approves more recipients (the sidebar's one click on held ones); the schedule stays as it is.
 * Only the schedule's owner may: the set is theirs, and scheduled mail goes from their mailbox.
 */
export function approveRecipients(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  addresses: readonly string[],
): ScheduleStatus {
  migrateLegacySchedule(ss);
  const mark = readMark(ss);
  const own = ownState(ss);
  if (!ownsSchedule(mark, own))
    throw new Error(
      mark && mark.schedule.mode !== 'off'
        ? `Only ${mark.owner}, who owns this schedule, can approve its recipients: scheduled mail goes from their mailbox.`
        : 'There is no schedule here to approve recipients for.',
    );
  saveApproved(own.store, [...loadApproved(own.all), ...addresses], approvedBudget(own));
  return scheduleStatus(ss);
}

/** Apps Script resolves trigger handlers by global name: a trigger whose name is gone fails every run. */
function isTopLevelFunction(name: string): boolean {
  return typeof (globalThis as unknown as Record<string, unknown>)[name] === 'function';
}
