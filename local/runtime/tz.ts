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

/** The wall clock of `instantMs` in `timeZone`, asked of Intl (tens of microseconds a call). */
function wallClockOfIntl(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instantMs))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((instantMs % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday),
  };
}

const MS_PER_HOUR = 3_600_000;
/** Per zone, the offset from UTC over a whole UTC hour, when it holds for all of that hour. */
const hourOffsets = new Map<string, Map<number, number | null>>();
const HOUR_OFFSET_CACHE_LIMIT = 100_000;

const offsetOfIntl = (instantMs: number, timeZone: string): number => {
  const w = wallClockOfIntl(instantMs, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) - instantMs;
};

/**
 * The zone's offset over the UTC hour holding `instantMs`, or null when it changes inside that hour.
 * Zones change offset at most once in an hour, so equal offsets at both ends mean no change between.
 */
function hourOffset(instantMs: number, timeZone: string): number | null {
  let zone = hourOffsets.get(timeZone);
  if (!zone) hourOffsets.set(timeZone, (zone = new Map()));
  const hour = Math.floor(instantMs / MS_PER_HOUR);
  let offset = zone.get(hour);
  if (offset === undefined) {
    const first = offsetOfIntl(hour * MS_PER_HOUR, timeZone);
    offset = first === offsetOfIntl((hour + 1) * MS_PER_HOUR - 1, timeZone) ? first : null;
    if (zone.size >= HOUR_OFFSET_CACHE_LIMIT) zone.clear();
    zone.set(hour, offset);
  }
  return offset;
}

/** The wall clock that `instantMs` shows in `timeZone`. */
export function wallClock(instantMs: number, timeZone: string): WallClock {
  const offset = hourOffset(instantMs, timeZone);
  if (offset === null) return wallClockOfIntl(instantMs, timeZone);
  const shifted = new Date(instantMs + offset);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
  };
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
