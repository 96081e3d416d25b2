/**
 * Utilities.formatDate: Java SimpleDateFormat patterns
 * (https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html), rendered on a time
 * zone's wall clock. An unquoted letter that is not a pattern letter fails, as in Java; week-based
 * fields (Y, w, W) are refused rather than guessed.
 */
import { AppsScriptException } from './errors.js';
import { wallClock, zoneOffsetMs } from './tz.js';

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function offsetText(offsetMs: number, withColon: boolean, withMinutes = true): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.abs(Math.round(offsetMs / 60_000));
  const hours = pad(Math.floor(minutes / 60), 2);
  return withMinutes ? `${sign}${hours}${withColon ? ':' : ''}${pad(minutes % 60, 2)}` : `${sign}${hours}`;
}

/** Java's `z` (short) and `zzzz` (long) zone names, from the same tz database names Intl knows. */
function zoneName(instantMs: number, timeZone: string, long: boolean): string {
  const nameIn = (locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: long ? 'long' : 'short' })
      .formatToParts(new Date(instantMs))
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  if (/^(UTC|Etc\/UTC|Etc\/UCT|UCT|Zulu|Etc\/Zulu)$/i.test(timeZone))
    return long ? 'Coordinated Universal Time' : 'UTC';
  if (/^(GMT|Etc\/GMT)$/i.test(timeZone)) return long ? 'Greenwich Mean Time' : 'GMT';
  for (const locale of ['en-US', 'en-GB']) {
    const name = nameIn(locale);
    if (name && !/^GMT|^UTC/.test(name)) return name;
  }
  throw new AppsScriptException(
    `not implemented in the local runtime: Utilities.formatDate zone name (z) for ${timeZone}; use Z or XXX`,
  );
}

export function formatDate(instantMs: number, timeZone: string, pattern: string): string {
  const w = wallClock(instantMs, timeZone);
  const offset = () => zoneOffsetMs(instantMs, timeZone);
  const dayOfYear = () =>
    Math.round((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000) + 1;
  const tokens = /'([^']*)'|([A-Za-z])\2*/g;
  return pattern.replace(tokens, (whole, literal: string | undefined, letter: string | undefined) => {
    if (literal !== undefined) return literal === '' ? "'" : literal;
    const n = whole.length;
    switch (letter) {
      case 'G':
        return 'AD';
      case 'y':
        return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
      case 'M':
      case 'L':
        return n >= 4 ? MONTHS[w.month - 1]! : n === 3 ? MONTHS[w.month - 1]!.slice(0, 3) : pad(w.month, n);
      case 'd':
        return pad(w.day, n);
      case 'D':
        return pad(dayOfYear(), n);
      case 'F':
        return pad(Math.floor((w.day - 1) / 7) + 1, n);
      case 'H':
        return pad(w.hour, n);
      case 'k':
        return pad(w.hour === 0 ? 24 : w.hour, n);
      case 'K':
        return pad(w.hour % 12, n);
      case 'h':
        return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
      case 'm':
        return pad(w.minute, n);
      case 's':
        return pad(w.second, n);
      case 'S':
        return pad(w.millisecond, n);
      case 'E':
        return n >= 4 ? DAYS[w.weekday]! : DAYS[w.weekday]!.slice(0, 3);
      case 'u':
        return pad(w.weekday === 0 ? 7 : w.weekday, n);
      case 'a':
        return w.hour < 12 ? 'AM' : 'PM';
      case 'Z':
        return offsetText(offset(), false);
      case 'X':
        if (n > 3) throw new AppsScriptException('invalid ISO 8601 format: length=' + n);
        return offset() === 0 ? 'Z' : offsetText(offset(), n === 3, n >= 2);
      case 'z':
        return zoneName(instantMs, timeZone, n >= 4);
      case 'Y':
      case 'w':
      case 'W':
        throw new AppsScriptException(
          `not implemented in the local runtime: Utilities.formatDate week-based field ${letter}`,
        );
      default:
        throw new AppsScriptException(`Illegal pattern character '${letter}'`);
    }
  });
}
