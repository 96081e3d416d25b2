import { describe, expect, it } from 'vitest';

import { DEFAULT_SCHEDULE, isoWeek, readLastRun, readStoredSchedule } from '../../src/core/schedule.js';
import { dayFromIso } from '../../src/core/values.js';

describe('isoWeek', () => {
  // ISO 8601 week dates: weeks start on Monday; week 1 is the week with the year's first Thursday,
  // so the first days of January can belong to the last week of the year before, and the last days
  // of December to week 1 of the next. https://en.wikipedia.org/wiki/ISO_week_date
  const cases: [date: string, week: string][] = [
    ['2026-11-24', '2026-W48'],
    ['2026-11-29', '2026-W48'], // a Sunday ends its week
    ['2026-11-30', '2026-W49'], // a Monday starts the next
    ['2026-01-01', '2026-W01'], // a Thursday: week 1 of its own year
    ['2026-12-28', '2026-W53'], // 2026 starts on a Thursday, so it has 53 weeks
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2020-12-31', '2020-W53'],
    ['2021-01-01', '2020-W53'], // a Friday belongs to the year before
    ['2005-01-01', '2004-W53'],
    ['2008-12-29', '2009-W01'], // a Monday in December can start week 1 of the next year
    ['2024-12-30', '2025-W01'],
    ['2010-01-03', '2009-W53'],
  ];
  for (const [date, week] of cases)
    it(`${date} is in ${week}`, () => {
      expect(isoWeek(dayFromIso(date)!)).toBe(week);
    });
});

describe('stored schedule and last run', () => {
  const weekly = { mode: 'weekly', weekday: 'FRIDAY', hour: 7, reminders: false, escalations: true };

  it('reads what saving stored', () => {
    expect(readStoredSchedule(JSON.stringify(weekly))).toEqual(weekly);
    expect(readLastRun(JSON.stringify({ at: '2026-11-24 10:00', summary: '7 emails sent.' }))).toEqual({
      at: '2026-11-24 10:00',
      summary: '7 emails sent.',
    });
  });

  it('falls back to the default (off) or no record for anything missing, corrupt or invalid', () => {
    for (const raw of [null, '', '{', '"weekly"', JSON.stringify({ ...weekly, hour: 24 }), '[]'])
      expect(readStoredSchedule(raw), String(raw)).toEqual(DEFAULT_SCHEDULE);
    for (const raw of [null, '', 'nope', JSON.stringify({ at: 1, summary: 'x' }), '{"at":"x"}'])
      expect(readLastRun(raw), String(raw)).toBeNull();
  });
});
