/**
 * Schedules: when digests go (daily, or weekly on a weekday) at an hour of the spreadsheet's time
 * zone, and which period a digest belongs to (one digest per recipient per period).
 */
import * as z from 'zod/mini';

import { isoFromDay } from './values';

export const WEEKDAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const ScheduleSchema = z.object({
  mode: z.enum(['off', 'daily', 'weekly']),
  weekday: z.enum(WEEKDAYS),
  hour: z.number().check(z.int(), z.minimum(0), z.maximum(23)),
  reminders: z.boolean(),
  escalations: z.boolean(),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const DEFAULT_SCHEDULE: Schedule = {
  mode: 'off',
  weekday: 'MONDAY',
  hour: 9,
  reminders: true,
  escalations: true,
};

/** Parses stored JSON with a schema; what is missing, corrupt or from another version is null. */
function readStored<T>(schema: z.ZodMiniType<T>, raw: string | null): T | null {
  if (!raw) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const result = schema.safeParse(json);
  return result.success ? result.data : null;
}

/** The schedule as stored in document properties; anything unreadable is the default (off). */
export const readStoredSchedule = (raw: string | null): Schedule =>
  readStored(ScheduleSchema, raw) ?? DEFAULT_SCHEDULE;

const LastRunSchema = z.object({ at: z.string(), summary: z.string() });
export type LastRun = z.infer<typeof LastRunSchema>;

/** The last scheduled run's record as stored; anything unreadable is no record. */
export const readLastRun = (raw: string | null): LastRun | null => readStored(LastRunSchema, raw);

/**
 * What every user of a spreadsheet may know about its schedule, kept in the spreadsheet itself
 * (developer metadata OpsPlan writes and reads, docs/APPS-SCRIPT.md#triggers): which trigger serves
 * it, who owns it, and what it is. It lets a scheduled run with no document tell whether its
 * trigger is still the one serving the spreadsheet. The approved set and the send log are not
 * here: they are the owner's (user properties).
 */
export const ScheduleMarkSchema = z.object({
  trigger: z.string(),
  owner: z.string(),
  schedule: ScheduleSchema,
});
export type ScheduleMark = z.infer<typeof ScheduleMarkSchema>;

export const readScheduleMark = (raw: string | null): ScheduleMark | null =>
  readStored(ScheduleMarkSchema, raw);

/**
 * Whether a run of the trigger `triggerUid` serves the spreadsheet's schedule: only the trigger the
 * spreadsheet's mark names, for a schedule its owner still has on. Any other removes itself.
 */
export function isServingTrigger(
  mark: ScheduleMark | null,
  own: Schedule | null,
  triggerUid: string | undefined,
): boolean {
  if (!mark || !own || own.mode === 'off' || mark.schedule.mode === 'off') return false;
  return triggerUid === undefined || mark.trigger === triggerUid;
}

/** Day of the week of a day number (0 = Sunday); day 0, 1899-12-30, was a Saturday. */
export const weekdayOf = (day: number): number => (((day + 6) % 7) + 7) % 7;

/** ISO week of a day number, as 2026-W48. */
export function isoWeek(day: number): string {
  const thursday = day - ((weekdayOf(day) + 6) % 7) + 3;
  const year = Number(isoFromDay(thursday).slice(0, 4));
  const jan4 = Number(new Date(Date.UTC(year, 0, 4)).getTime() / 86_400_000 + 25569);
  const week1Thursday = jan4 - ((weekdayOf(jan4) + 6) % 7) + 3;
  return `${year}-W${String(1 + Math.round((thursday - week1Thursday) / 7)).padStart(2, '0')}`;
}

/** The digest period a day falls in: its date for daily digests, its ISO week otherwise. */
export function digestPeriod(schedule: Schedule, day: number): string {
  return schedule.mode === 'daily' ? isoFromDay(day) : isoWeek(day);
}

export function isDigestDay(schedule: Schedule, day: number): boolean {
  if (schedule.mode === 'daily') return true;
  if (schedule.mode === 'weekly') return WEEKDAYS[weekdayOf(day)] === schedule.weekday;
  return false;
}

/** The trigger that runs the pipeline: daily when reminders or escalations need daily runs. */
export function triggerFor(
  schedule: Schedule,
): { kind: 'daily'; hour: number } | { kind: 'weekly'; hour: number; weekday: Weekday } | null {
  if (schedule.mode === 'off') return null;
  if (schedule.mode === 'daily' || schedule.reminders || schedule.escalations)
    return { kind: 'daily', hour: schedule.hour };
  return { kind: 'weekly', hour: schedule.hour, weekday: schedule.weekday };
}

/** The next digest, from a wall-clock now in the spreadsheet's zone: a day number and hour. */
export function nextDigest(
  schedule: Schedule,
  today: number,
  hourNow: number,
): { day: number; hour: number } | null {
  if (schedule.mode === 'off') return null;
  for (let d = 0; d <= 7; d++) {
    const day = today + d;
    if (d === 0 && hourNow >= schedule.hour + 1) continue;
    if (isDigestDay(schedule, day)) return { day, hour: schedule.hour };
  }
  return null;
}

export function describeSchedule(schedule: Schedule): string {
  if (schedule.mode === 'off') return 'Off: status emails go only when you send them.';
  const when =
    schedule.mode === 'daily'
      ? 'every day'
      : `every ${schedule.weekday.charAt(0)}${schedule.weekday.slice(1).toLowerCase()}`;
  const extras = [
    schedule.reminders && 'reminders before due dates',
    schedule.escalations && 'escalations of late work',
  ]
    .filter(Boolean)
    .join(' and ');
  return `Digests ${when} between ${schedule.hour}:00 and ${schedule.hour + 1}:00${extras ? `, with ${extras} daily` : ''}.`;
}
