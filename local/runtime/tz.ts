/**
 * Time-zone arithmetic for the local runtime. Sheets stores dates as serial day numbers
 * (days since 1899-12-30) in the spreadsheet's time zone, so every conversion between a JS
 * instant and a cell value goes through the wall clock of that zone.
 */

export interface WallClock {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Wall clocks already computed, per zone and exact instant. `formatToParts` costs tens of
 * microseconds and a run converts the same few dates (midnights of due dates) thousands of times.
 */
const wallClocks = new Map<string, Map<number, Readonly<WallClock>>>();
const WALL_CLOCK_CACHE_LIMIT = 50_000;

/** The wall clock that `instantMs` shows in `timeZone`. */
export function wallClock(instantMs: number, timeZone: string): Readonly<WallClock> {
  let zone = wallClocks.get(timeZone);
  if (!zone) wallClocks.set(timeZone, (zone = new Map()));
  const known = zone.get(instantMs);
  if (known) return known;
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instantMs))) parts[p.type] = p.value;
  const clock = Object.freeze({
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((instantMs % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday),
  });
  if (zone.size >= WALL_CLOCK_CACHE_LIMIT) zone.clear();
  zone.set(instantMs, clock);
  return clock;
}

/** Offset of `timeZone` from UTC at `instantMs`, in milliseconds. */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return asUtc - instantMs;
}

/** The instant at which `timeZone` shows the given wall clock (the earlier one in a DST overlap). */
export function instantOf(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const naive = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  let guess = naive - zoneOffsetMs(naive, timeZone);
  // A second pass settles guesses that crossed a DST change.
  guess = naive - zoneOffsetMs(guess, timeZone);
  return guess;
}

const MS_PER_DAY = 86_400_000;
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Sheets serial number of an instant, read on the wall clock of `timeZone`. */
export function serialFromInstant(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return (wallMs - SERIAL_EPOCH_UTC) / MS_PER_DAY;
}

/** The instant a Sheets serial number stands for in `timeZone`. */
export function instantFromSerial(serial: number, timeZone: string): number {
  const wallMs = Math.round(SERIAL_EPOCH_UTC + serial * MS_PER_DAY);
  const d = new Date(wallMs);
  return instantOf(
    timeZone,
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

/** Serial number of a calendar date (no time zone involved). */
export function serialFromYmd(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - SERIAL_EPOCH_UTC) / MS_PER_DAY;
}
