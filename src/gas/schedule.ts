/** The schedule: stored in document properties, run by exactly one time-driven trigger. */
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
import { todayIn } from './plan-actions';

export const PIPELINE_HANDLER = 'runScheduledPipeline';
const SCHEDULE_KEY = 'opsplan.schedule';
const OWNER_KEY = 'opsplan.schedule.owner';
/** The one trigger that serves the schedule: any other that fires is stale and removes itself. */
const TRIGGER_KEY = 'opsplan.schedule.trigger';
const LAST_RUN_KEY = 'opsplan.lastRun';

const props = () => PropertiesService.getDocumentProperties();

export function loadSchedule(): Schedule {
  return readStoredSchedule(props().getProperty(SCHEDULE_KEY));
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
}

export function scheduleStatus(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ScheduleStatus {
  const schedule = loadSchedule();
  const timeZone = ss.getSpreadsheetTimeZone();
  const p = props();
  const owner = p.getProperty(OWNER_KEY);
  const last = p.getProperty(LAST_RUN_KEY);
  const next = nextDigest(
    schedule,
    todayIn(timeZone),
    Number(Utilities.formatDate(new Date(), timeZone, 'H')),
  );
  return {
    schedule,
    description: describeSchedule(schedule),
    runsAs: schedule.mode === 'off' ? null : owner,
    triggerVisible: ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === PIPELINE_HANDLER),
    nextRun: next
      ? `${isoFromDay(next.day)} between ${next.hour}:00 and ${next.hour + 1}:00 (${timeZone})`
      : null,
    timeZone,
    lastRun: readLastRun(last),
  };
}

/** Saves a schedule and replaces OpsPlan's trigger: saving again replaces, off deletes. */
export function saveSchedule(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  schedule: Schedule,
): ScheduleStatus {
  for (const trigger of ScriptApp.getProjectTriggers()) {
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
    props().setProperty(TRIGGER_KEY, builder.create().getUniqueId());
  } else {
    props().deleteProperty(TRIGGER_KEY);
  }
  // The email may be blank where Google withholds it (e.g. consumer accounts outside the domain).
  props().setProperties({
    [SCHEDULE_KEY]: JSON.stringify(schedule),
    [OWNER_KEY]: Session.getEffectiveUser().getEmail() || 'the user who saved the schedule',
  });
  return scheduleStatus(ss);
}

/** Apps Script resolves trigger handlers by global name: a trigger whose name is gone fails every run. */
function isTopLevelFunction(name: string): boolean {
  return typeof (globalThis as unknown as Record<string, unknown>)[name] === 'function';
}

export function recordLastRun(at: string, summary: string): void {
  props().setProperty(LAST_RUN_KEY, JSON.stringify({ at, summary }));
}

/**
 * A trigger fired for a schedule that was turned off, or replaced by a later save (possibly another
 * user's, whose trigger this user cannot see): it removes itself. Identified by trigger ID, since
 * Apps Script does not always reveal users' emails.
 */
export function isStaleTrigger(schedule: Schedule, triggerUid: string | undefined): boolean {
  if (schedule.mode === 'off') return true;
  return triggerUid !== undefined && props().getProperty(TRIGGER_KEY) !== triggerUid;
}

export function deleteOwnPipelineTriggers(): void {
  for (const trigger of ScriptApp.getProjectTriggers())
    if (trigger.getHandlerFunction() === PIPELINE_HANDLER) ScriptApp.deleteTrigger(trigger);
}
