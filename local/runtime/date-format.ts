/** Utilities.formatDate: Java SimpleDateFormat patterns, rendered on a time zone's wall clock. */
import { wallClock, zoneOffsetMs } from './tz.js';

const MONTHS = [
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
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function offsetText(offsetMs: number, withColon: boolean): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.abs(Math.round(offsetMs / 60_000));
  return `${sign}${pad(Math.floor(minutes / 60), 2)}${withColon ? ':' : ''}${pad(minutes % 60, 2)}`;
}

export function formatDate(instantMs: number, timeZone: string, pattern: string): string {
  const w = wallClock(instantMs, timeZone);
  const tokens = /'([^']*)'|(y+|M+|d+|H+|h+|m+|s+|S+|E+|a+|Z+|X+|z+|u+)/g;
  return pattern.replace(tokens, (whole, literal: string | undefined, token: string | undefined) => {
    if (literal !== undefined) return literal === '' ? "'" : literal;
    const t = token!;
    const n = t.length;
    switch (t[0]) {
      case 'y':
        return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
      case 'M':
        return n >= 4 ? MONTHS[w.month - 1]! : n === 3 ? MONTHS[w.month - 1]!.slice(0, 3) : pad(w.month, n);
      case 'd':
        return pad(w.day, n);
      case 'H':
        return pad(w.hour, n);
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
        return String(w.weekday === 0 ? 7 : w.weekday);
      case 'a':
        return w.hour < 12 ? 'AM' : 'PM';
      case 'Z':
        return offsetText(zoneOffsetMs(instantMs, timeZone), false);
      case 'X':
        return zoneOffsetMs(instantMs, timeZone) === 0
          ? 'Z'
          : offsetText(zoneOffsetMs(instantMs, timeZone), true);
      case 'z':
        return `GMT${offsetText(zoneOffsetMs(instantMs, timeZone), true)}`;
      default:
        return whole;
    }
  });
}
