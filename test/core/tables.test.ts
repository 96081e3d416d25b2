import { describe, expect, it } from 'vitest';

import { checkPlan } from '../../src/core/check.js';
import { settingsOf } from '../../src/core/settings.js';
import { columnSpec, GOALS, TIMELINE } from '../../src/core/spec/tabs.js';
import { readTable, type TabInput } from '../../src/core/tables.js';

const goals: TabInput = {
  sheetName: 'OKRs',
  header: ['Key result', 'ID', 'Due Date', 'Actual', 'Notes', 'Status'],
  rows: [
    ['Devices compliant', 'G1', '2026-03-31', '45%', 'ours', 'On track'],
    ['', '', '', '', '', ''],
    ['', '', '', '', '', 'No data'], // only a formula result: not a row with data
    ['Tickets', 'G2', 'soon', 'n/a', '', ''],
  ],
};

describe('readTable', () => {
  it('maps a team’s headers by alias and parses each row with data once, by column type', () => {
    const table = readTable(GOALS, goals);
    expect(table.map.byKey.get('kpi')).toBe(0);
    expect(table.map.byKey.get('due')).toBe(2);
    expect(table.records.map((r) => r.row)).toEqual([2, 5]);
    const [first, second] = table.records;
    expect(first!.text('id')).toBe('G1');
    expect(first!.num('actual')).toBe(0.45);
    expect(first!.num('due')).toBe(46112);
    expect(first!.cell('status')).toBe('On track');
    expect(second!.num('due')).toBeNull();
    expect(second!.problem('due')).toMatch(/not a date/);
    expect(second!.has('due')).toBe(true);
    expect(table.hasData(1)).toBe(false);
    expect(table.hasData(2)).toBe(false);
    expect(table.headerOf('kpi')).toBe('Key result');
    expect(table.headerOf('target')).toBe('Target');
  });

  it('parses the same read once, however many features read it', () => {
    expect(readTable(GOALS, goals)).toBe(readTable(GOALS, goals));
  });

  it('rejects column and setting keys that do not exist, at compile time', () => {
    const row = readTable(GOALS, goals).records[0]!;
    // Type-checked by `npm run typecheck`, never run: each line must fail to compile.
    const typos = () => {
      // @ts-expect-error 'kpii' is not a column of Goals
      row.text('kpii');
      // @ts-expect-error Goals has no 'dependsOn' column (it is Timeline's)
      row.list('dependsOn');
      // @ts-expect-error 'stat' is not a column of Timeline
      columnSpec(TIMELINE, 'stat');
      // @ts-expect-error there is no setting 'planOwnr'
      void settingsOf(undefined).planOwnr;
    };
    void typos;
    expect(row.text('kpi')).toBe('Devices compliant');
  });
});

describe('check on extreme input', () => {
  it('checks a 10,000-step chain of dependencies, and finds the one cycle at its end', () => {
    const n = 10_000;
    const rows = Array.from({ length: n }, (_, i) => [
      `T${i + 1}`,
      `Step ${i + 1}`,
      i === n - 1 ? `T${n - 1}` : `T${i + 2}`,
    ]);
    const result = checkPlan(
      { timeline: { sheetName: 'Timeline', header: ['ID', 'Name', 'Depends on'], rows } },
      46000,
    );
    const cycles = result.findings.filter((f) => f.rule === 'dependency-cycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.message).toContain(`T${n - 1} → T${n} → T${n - 1}`);
  });
});
