/**
 * The schedule: stored in document properties, run by exactly one time-driven trigger, sending
 * only to the recipients its owner approved when saving it.
 */
import { outsideDomain, planRecipients, type Recipient } from '../core/email-recipients';
import {
  describeSchedule,
  type LastRun,
  nextDigest,
  readLastRun,
  readStoredSchedule,
  type Schedule,
  triggerFor,
} from '../core/schedule';
import { isoFromDay } from '../core/values';
import { DOC } from './keys';
import { todayIn } from './plan-actions';
import { loadApproved, loadHeld, saveApproved } from './recipients';
import { prepareReport } from './report';

export const PIPELINE_HANDLER = 'runScheduledPipeline';

const props = () => PropertiesService.getDocumentProperties();

export function loadSchedule(): Schedule {
  return readStoredSchedule(props().getProperty(DOC.schedule));
}

/** The email of the user who saved the schedule, when Apps Script revealed it. */
export function scheduleOwner(): string | null {
  const owner = props().getProperty(DOC.scheduleOwner) ?? '';
  return owner.includes('@') ? owner : null;
}

export interface RecipientStatus extends Recipient {
  outside: boolean;
  approved: boolean;
}

export interface ScheduleStatus {
  schedule: Schedule;
  description: string;
  /** Who the trigger runs as (installable triggers run as their creator). */
  runsAs: string | null;
  /** Whether this user can see the trigger (another user's is invisible to them). */
  triggerVisible: boolean;
  nextRun: string | null;
  timeZone: string;
  lastRun: LastRun | null;
  /** Everyone the plan can mail now, approved or not, and whether outside the user's domain. */
  recipients: RecipientStatus[];
  approvedCount: number;
  /** Recipients the last scheduled run held because nobody approved them. */
  held: RecipientStatus[];
}

export function scheduleStatus(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ScheduleStatus {
  const schedule = loadSchedule();
  const timeZone = ss.getSpreadsheetTimeZone();
  const all = props().getProperties();
  const owner = all[DOC.scheduleOwner] ?? null;
  const last = all[DOC.lastRun];
  const next = nextDigest(
    schedule,
    todayIn(timeZone),
    Number(Utilities.formatDate(new Date(), timeZone, 'H')),
  );
  const approved = loadApproved(all);
  const me = Session.getEffectiveUser().getEmail();
  const status = (r: Recipient): RecipientStatus => ({
    ...r,
    outside: outsideDomain([r.address], me).length > 0,
    approved: approved.has(r.address),
  });
  return {
    schedule,
    description: describeSchedule(schedule),
    runsAs: schedule.mode === 'off' ? null : owner,
    triggerVisible: ScriptApp.getUserTriggers(ss).some((t) => t.getHandlerFunction() === PIPELINE_HANDLER),
    nextRun: next
      ? `${isoFromDay(next.day)} between ${next.hour}:00 and ${next.hour + 1}:00 (${timeZone})`
      : null,
    timeZone,
    lastRun: readLastRun(last ?? null),
    recipients: planRecipients(prepareReport(ss).model).map(status),
    approvedCount: approved.size,
    held: loadHeld(all)
      .filter((r) => !approved.has(r.address))
      .map(status),
  };
}

/**
 * Saves a schedule (parsed at the sidebar boundary), the recipients its owner approved (the list
 * the sidebar showed; the plan's current ones when none is given), and replaces OpsPlan's trigger:
 * saving again replaces, off deletes.
 */
export function saveSchedule(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  { recipients, ...schedule }: Schedule & { recipients?: readonly string[] },
): ScheduleStatus {
  const approved = recipients ?? planRecipients(prepareReport(ss).model).map((r) => r.address);
  saveApproved(schedule.mode === 'off' ? [] : approved);
  // This user's triggers of this spreadsheet only: in an add-on, getProjectTriggers() also lists
  // their triggers of every other spreadsheet using it (docs/APPS-SCRIPT.md#triggers).
  for (const trigger of ScriptApp.getUserTriggers(ss)) {
    const handler = trigger.getHandlerFunction();
    // Ours, or one whose handler no longer exists (left by an older version): delete.
    if (handler === PIPELINE_HANDLER || !isTopLevelFunction(handler)) ScriptApp.deleteTrigger(trigger);
  }
  const plan = triggerFor(schedule);
  if (plan) {
    const builder = ScriptApp.newTrigger(PIPELINE_HANDLER)
      .timeBased()
      .atHour(plan.hour)
      .inTimezone(ss.getSpreadsheetTimeZone());
    if (plan.kind === 'daily') builder.everyDays(1);
    else builder.everyWeeks(1).onWeekDay(ScriptApp.WeekDay[plan.weekday]);
    props().setProperty(DOC.scheduleTrigger, builder.create().getUniqueId());
  } else {
    props().deleteProperty(DOC.scheduleTrigger);
  }
  // The email may be blank where Google withholds it (e.g. consumer accounts outside the domain).
  props().setProperties({
    [DOC.schedule]: JSON.stringify(schedule),
    [DOC.scheduleOwner]: Session.getEffectiveUser().getEmail() || 'the user who saved the schedule',
  });
  props().deleteProperty(DOC.held);
  return scheduleStatus(ss);
}

/** Approves more recipients (the sidebar's one click on held ones); the schedule stays as it is. */
export function approveRecipients(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  addresses: readonly string[],
): ScheduleStatus {
  saveApproved([...loadApproved(props().getProperties()), ...addresses]);
  return scheduleStatus(ss);
}

/** Apps Script resolves trigger handlers by global name: a trigger whose name is gone fails every run. */
function isTopLevelFunction(name: string): boolean {
  return typeof (globalThis as unknown as Record<string, unknown>)[name] === 'function';
}

export function recordLastRun(at: string, summary: string): void {
  props().setProperty(DOC.lastRun, JSON.stringify({ at, summary: summary.slice(0, 4000) }));
}

/**
 * A trigger fired for a schedule that was turned off, or replaced by a later save (possibly another
 * user's, whose trigger this user cannot see): it removes itself. Identified by trigger ID, since
 * Apps Script does not always reveal users' emails.
 */
export function isStaleTrigger(schedule: Schedule, triggerUid: string | undefined): boolean {
  if (schedule.mode === 'off') return true;
  return triggerUid !== undefined && props().getProperty(DOC.scheduleTrigger) !== triggerUid;
}

export function deleteOwnPipelineTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  for (const trigger of ScriptApp.getUserTriggers(ss))
    if (trigger.getHandlerFunction() === PIPELINE_HANDLER) ScriptApp.deleteTrigger(trigger);
}
