import { describe, expect, it } from 'vitest';

import {
  decodeIndex,
  encodeIndex,
  keptDays,
  normaliseHistory,
  planSnapshot,
  trendWindow,
  weekStart,
} from '../../src/core/history.js';
import type { Kpi } from '../../src/core/plan-model.js';
import { HISTORY } from '../../src/core/spec/tabs.js';
import { dayFromIso, isoFromDay } from '../../src/core/values.js';

const day = (iso: string) => dayFromIso(iso)!;
const kpis = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => ({ id: `G${i + 1}`, actual: i, progress: 0.5, status: 'On track' }) as Kpi,
  );
const weekly = (from: string, weeks: number) => Array.from({ length: weeks }, (_, i) => day(from) + 7 * i);

describe('History retention', () => {
  it('ISO weeks start on Monday', () => {
    expect(isoFromDay(weekStart(day('2026-11-24')))).toBe('2026-11-23');
    expect(isoFromDay(weekStart(day('2026-11-29')))).toBe('2026-11-23'); // Sunday
    expect(isoFromDay(weekStart(day('2026-11-30')))).toBe('2026-11-30');
  });

  it('a year of weekly snapshots keeps 13 weekly and one a month before them', () => {
    const days = weekly('2025-11-25', 53);
    const today = days[days.length - 1]!;
    const kept = [...keptDays(days, today)].sort((a, b) => a - b);
    const recent = kept.filter((d) => d >= weekStart(today) - 12 * 7);
    expect(recent).toHaveLength(13);
    const older = kept.filter((d) => d < weekStart(today) - 12 * 7).map((d) => isoFromDay(d).slice(0, 7));
    expect(older).toEqual([...new Set(older)]);
    expect(kept.length).toBeLessThanOrEqual(13 + 10);
    // A year at 10,000 KPIs stays under 25% of the 10 M-cell limit.
    expect(kept.length * 10_000 * HISTORY.columns.length).toBeLessThan(2_500_000);
  });

  it('replaces a snapshot of the same week, appends a new week, drops what ages out bottom-up', () => {
    const days = weekly('2026-08-04', 14); // Tuesdays, the last is 2026-11-03
    const blocks = days.map((d, i) => ({ day: d, row: 2 + 3 * i, count: 3 }));
    const sameWeek = planSnapshot(blocks, kpis(2), days[13]! + 2, 43);
    expect(sameWeek.write.row).toBe(2 + 3 * 13);
    expect(sameWeek.write.rows).toHaveLength(3); // 2 KPIs and a blank row clearing the third
    expect(sameWeek.drop).toEqual([]);
    const nextWeek = planSnapshot(blocks, kpis(3), days[13]! + 7, 43);
    // Two August weeks are now older than 13 weeks: the newer one stays as August's monthly snapshot.
    expect(nextWeek.drop.map((b) => isoFromDay(b.day))).toEqual(['2026-08-04']);
    expect(nextWeek.write.row).toBe(2 + 3 * 13);
    expect(nextWeek.blocks[nextWeek.blocks.length - 1]).toEqual({ day: days[13]! + 7, row: 41, count: 3 });
  });

  it('on an empty History, the snapshot starts under the header; no value is a blank cell, not 0', () => {
    const today = day('2026-11-24');
    const plan = planSnapshot(
      [],
      [
        { id: 'G1', actual: 40, progress: 0.5, status: 'On track' } as Kpi,
        { id: 'G2', actual: null, progress: null, status: 'No data' } as Kpi,
      ],
      today,
      1,
    );
    expect(plan.write).toEqual({
      row: 2,
      rows: [
        [today, 'G1', 40, 0.5, 'On track'],
        [today, 'G2', '', '', 'No data'],
      ],
    });
    expect(plan.blocks).toEqual([{ day: today, row: 2, count: 2 }]);
  });

  it('trends read only the newest five previous snapshots, in one range', () => {
    const blocks = weekly('2026-09-01', 10).map((d, i) => ({ day: d, row: 2 + 4 * i, count: 4 }));
    const window = trendWindow(blocks, blocks[9]!.day + 1)!; // this week's snapshot is not read
    expect(window.blocks.map((b) => b.day)).toEqual(blocks.slice(4, 9).map((b) => b.day));
    expect(window).toMatchObject({ row: 18, count: 20 });
  });

  it('an index that is not a run of adjacent blocks is refused', () => {
    const blocks = [
      { day: 100, row: 2, count: 3 },
      { day: 107, row: 5, count: 2 },
    ];
    expect(decodeIndex(encodeIndex(7, blocks), 7)).toEqual(blocks);
    expect(decodeIndex(encodeIndex(7, blocks), 8)).toBeNull(); // another History tab
    expect(decodeIndex('7:[[100,2,3],[107,6,2]]', 7)).toBeNull();
    expect(decodeIndex('7:[[107,2,3],[100,5,2]]', 7)).toBeNull();
    expect(decodeIndex('7:nonsense', 7)).toBeNull();
  });

  it('puts a sorted History in order: one snapshot per week, rows it cannot read kept first', () => {
    const rows = [
      [day('2026-11-10'), 'G1', 1, 0.1, 'On track'],
      [day('2026-11-03'), 'G1', 0, 0, 'On track'],
      ['a note someone left', '', '', '', ''],
      [day('2026-11-12'), 'G1', 2, 0.2, 'On track'], // same week as 11-10, newer: wins
    ];
    const header = HISTORY.columns.map((c) => c.header);
    const result = normaliseHistory({ sheetName: 'History', header, rows }, day('2026-11-24'));
    expect(result.rows.map((r) => r[0])).toEqual([
      'a note someone left',
      day('2026-11-03'),
      day('2026-11-12'),
    ]);
    expect(result.blocks).toEqual([
      { day: day('2026-11-03'), row: 3, count: 1 },
      { day: day('2026-11-12'), row: 4, count: 1 },
    ]);
    expect(result.entries.map((e) => e.actual)).toEqual([0, 2]);
  });
});
