/**
 * Send-log keys: what the log remembers so nothing goes twice, each with the day it may be
 * forgotten. Typed, so a key of the wrong shape does not compile; built here and nowhere else.
 */
import type { Activity } from './plan-model';

/** One digest (or manager report) per recipient per digest period. */
export type PeriodKey = `digest|${string}|${string}` | `manager|${string}|${string}`;
/** One message of a kind per recipient per day (reminders, escalations, notices). */
export type DayKey =
  `reminder|${number}|${string}` | `escalation|${number}|${string}` | `notice|${number}|${string}`;
/** Each task is reminded, escalated, and its owner told of the escalation, once per due date. */
export type TaskKey =
  `remind-task|${string}|${string}` | `escalate-task|${string}|${string}` | `notice-task|${string}|${string}`;
/** The owner is told once about one set of held (unapproved) recipients. */
export type HeldKey = `held|${string}`;
export type SendKey = PeriodKey | DayKey | TaskKey | HeldKey;

/** A key and the day number after which the log may forget it. */
export interface LogEntry {
  key: SendKey;
  expires: number;
}

/**
 * A digest period lasts at most 7 days; pending mail of an older period is superseded, so its key
 * is useless a week later. A task key lives until its due date has passed (reminders) or for
 * ESCALATION_REPEAT_DAYS (escalations: work still late that long after is escalated again).
 */
const PERIOD_DAYS = 8;
export const ESCALATION_REPEAT_DAYS = 28;

const address = (to: string) => to.trim().toLowerCase();
const task = (a: Activity): `${string}|${string}` => `${a.id.toLowerCase()}|${a.due ?? ''}`;

export const digestKey = (period: string, to: string, today: number): LogEntry => ({
  key: `digest|${period}|${address(to)}`,
  expires: today + PERIOD_DAYS,
});
export const managerKey = (period: string, to: string, today: number): LogEntry => ({
  key: `manager|${period}|${address(to)}`,
  expires: today + PERIOD_DAYS,
});
export const dayKey = (kind: 'reminder' | 'escalation' | 'notice', today: number, to: string): LogEntry => ({
  key: `${kind}|${today}|${address(to)}`,
  expires: today + 1,
});
export const remindTaskKey = (a: Activity, today: number): LogEntry => ({
  key: `remind-task|${task(a)}`,
  expires: Math.max(today, a.due ?? today) + 1,
});
export const escalateTaskKey = (a: Activity, today: number): LogEntry => ({
  key: `escalate-task|${task(a)}`,
  expires: today + ESCALATION_REPEAT_DAYS,
});
export const noticeTaskKey = (a: Activity, today: number): LogEntry => ({
  key: `notice-task|${task(a)}`,
  expires: today + ESCALATION_REPEAT_DAYS,
});
export const heldKey = (
  addresses: readonly string[],
  today: number,
  hash: (s: string) => string,
): LogEntry => ({
  key: `held|${hash([...addresses].map(address).sort().join(','))}`,
  expires: today + ESCALATION_REPEAT_DAYS,
});
