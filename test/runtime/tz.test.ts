/** The runtime's wall clocks: cached by hour for speed, and still exactly what Intl says. */
import { describe, expect, it } from 'vitest';

import { wallClock } from '../../local/runtime/tz.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const formats = new Map<string, Intl.DateTimeFormat>();
const formatOf = (timeZone: string) =>
  formats.get(timeZone) ??
  formats
    .set(
      timeZone,
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        weekday: 'short',
      }),
    )
    .get(timeZone)!;

function intlClock(instantMs: number, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const p of formatOf(timeZone).formatToParts(new Date(instantMs))) parts[p.type] = p.value;
  const n = (k: string) => Number(parts[k]);
  return [n('year'), n('month'), n('day'), n('hour'), n('minute'), n('second'), parts.weekday].join(' ');
}

const ours = (instantMs: number, timeZone: string) => {
  const w = wallClock(instantMs, timeZone);
  return [w.year, w.month, w.day, w.hour, w.minute, w.second, WEEKDAYS[w.weekday]].join(' ');
};

describe('wallClock', () => {
  // Zones whose offsets change at odd times: half-hour DST (Lord Howe), 45-minute offsets
  // (Chatham), local mean time with seconds before 1900 (Amsterdam, Monrovia).
  const zones = [
    'America/New_York',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Europe/Amsterdam',
    'Africa/Monrovia',
  ];

  it('matches Intl minute by minute across DST changes, in every zone', () => {
    for (const zone of zones)
      for (const day of [
        Date.UTC(2026, 2, 8),
        Date.UTC(2026, 3, 5),
        Date.UTC(2026, 9, 4),
        Date.UTC(2026, 10, 1),
      ])
        for (let t = day - 86_400_000; t < day + 86_400_000; t += 5 * 60_000 + 7)
          expect(ours(t, zone), `${zone} ${new Date(t).toISOString()}`).toBe(intlClock(t, zone));
  });

  it('matches Intl on dates from 1890 to 2100', () => {
    for (const zone of zones)
      for (let t = Date.UTC(1890, 0, 1); t < Date.UTC(2100, 0, 1); t += 86_400_000 * 37 + 3_599_999)
        expect(ours(t, zone), `${zone} ${new Date(t).toISOString()}`).toBe(intlClock(t, zone));
  });
});
