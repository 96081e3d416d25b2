import { describe, expect, it } from 'vitest';

import { historyWrite } from '../../src/core/history.js';
import type { Kpi } from '../../src/core/plan-model.js';
import { HISTORY } from '../../src/core/spec/tabs.js';

const header = HISTORY.columns.map((c) => c.header);
const kpi = (id: string, actual: number | null, progress: number | null, status: string) =>
  ({ id, actual, progress, status }) as Kpi;
const today = 46350;
const kpis = [kpi('G1', 40, 0.5, 'On track'), kpi('G2', null, null, 'No data')];

describe('historyWrite: today’s snapshot, one row per KPI', () => {
  it('on an empty History, starts under the header', () => {
    expect(historyWrite([], header, kpis, today)).toEqual({
      startRow: 2,
      rows: [
        [today, 'G1', 40, 0.5, 'On track'],
        [today, 'G2', '', '', 'No data'], // no value is a blank cell, not 0
      ],
    });
  });

  it('appends after earlier days', () => {
    const existing = [
      [today - 7, 'G1', 30, 0.4, 'At risk'],
      [today - 1, 'G1', 35, 0.45, 'On track'],
    ];
    expect(historyWrite(existing, header, kpis, today).startRow).toBe(4);
  });

  it('replaces a snapshot already taken today instead of repeating it, and clears its extra rows', () => {
    const existing = [
      [today - 1, 'G1', 35, 0.45, 'On track'],
      [today, 'G1', 39, 0.49, 'On track'],
      [today, 'G2', '', '', 'No data'],
      [today, 'G3', 1, 0.1, 'Off track'], // a KPI deleted since the morning's run
    ];
    const write = historyWrite(existing, header, kpis, today);
    expect(write.startRow).toBe(3); // sheet row of the first of today's rows
    expect(write.rows).toEqual([
      [today, 'G1', 40, 0.5, 'On track'],
      [today, 'G2', '', '', 'No data'],
      ['', '', '', '', ''],
    ]);
  });
});
