/**
 * Status rules as users expect them (issue 14): no Actual past Due is Missed; a started KPI without
 * a recent Actual is stale (Check and the report say so), one not started never is; the red Due
 * date is the Status rule's, so finished work never shows red.
 */
import { describe, expect, it } from 'vitest';

import { PlaygroundSession } from '../../local/playground/session.js';
import type { Finding } from '../../src/core/check.js';
import { a1, exampleRuntime, sheetValues, specColumn } from '../helpers.js';

type Runtime = ReturnType<typeof exampleRuntime>;
const sheet = (rt: Runtime, name: string) =>
  rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheetByName(name)!;
const findings = (rt: Runtime) =>
  rt.run<{ findings: Finding[] }>('checkPlanNow').findings.map((f) => `${f.rule} ${f.tab}!${f.cell}`);

describe('KPI status without an Actual', () => {
  it('is Missed once Due has passed, No data before', () => {
    const rt = exampleRuntime(); // today 2026-11-24
    sheet(rt, 'Goals')
      .getRange(a1('goals', 'actual', 9))
      .clearContent(); // G8, due 2026-11-14
    expect(
      sheet(rt, 'Goals')
        .getRange(a1('goals', 'status', 9))
        .getValue(),
    ).toBe('Missed');
    expect(
      sheet(rt, 'Goals')
        .getRange(a1('goals', 'status', 8))
        .getValue(),
    ).toBe('No data'); // G7, due 2027-01-03
  });

  it('is stale a cadence after Start: a Check finding and a pressing challenge', () => {
    const rt = exampleRuntime();
    // G7 started 2026-10-25 and has no Actual: 30 days, more than the 14-day cadence.
    expect(findings(rt)).toContain(`kpi-missing-data Goals!${a1('goals', 'actual', 8)}`);
    rt.run('generateReportNow');
    const report = sheetValues(rt, 'Report').map((r) => r.join(' '));
    expect(report.some((line) => /G7 .* has no Actual 30 days after it started/.test(line))).toBe(true);
  });

  it('is never stale before it starts, however old its Updated date', () => {
    const rt = exampleRuntime();
    // G9 starts 2026-12-04; its Updated (2026-11-04) is older than the cadence.
    expect(
      sheet(rt, 'Goals')
        .getRange(a1('goals', 'status', 10))
        .getValue(),
    ).toBe('Not started');
    expect(findings(rt).filter((f) => f.includes('Goals!') && /stale|missing/.test(f))).toEqual([
      `kpi-missing-data Goals!${a1('goals', 'actual', 8)}`,
    ]);
    sheet(rt, 'Goals')
      .getRange(a1('goals', 'start', 10))
      .setValue('2026-10-01'); // it started: now the old Updated is stale
    expect(findings(rt)).toContain(`kpi-stale Goals!${a1('goals', 'updated', 10)}`);
  });
});

describe('the red Due date is the Status rule', () => {
  const RED = '#a50e0e';
  const dueColour = (session: PlaygroundSession, tab: string, row: number, column: number) =>
    session.state(tab).active!.cells[row - 1]![column - 1]!.color ?? null;

  it('Timeline: red exactly when Status is Overdue; a Completed date clears it', () => {
    const session = new PlaygroundSession({ now: '2026-11-24T15:00:00Z' });
    expect(dueColour(session, 'Timeline', 6, specColumn('timeline', 'due'))).toBe(RED); // T5, overdue
    expect(dueColour(session, 'Timeline', 3, specColumn('timeline', 'due'))).toBeNull(); // T2, done a day late
    session.apply({
      kind: 'edit',
      sheet: 'Timeline',
      row: 6,
      column: specColumn('timeline', 'completed'),
      value: '2026-11-23',
    }); // Completed
    const t5 = session.state('Timeline').active!.cells[5]!;
    expect(t5[specColumn('timeline', 'status') - 1]!.v).toBe('Done'); // State is still In progress: the Completed date makes it Done
    expect(dueColour(session, 'Timeline', 6, specColumn('timeline', 'due'))).toBeNull();
  });

  it('Goals: red exactly when Status is Missed', () => {
    const session = new PlaygroundSession({ now: '2026-11-24T15:00:00Z' });
    expect(dueColour(session, 'Goals', 9, specColumn('goals', 'due'))).toBe(RED); // G8, Missed
    expect(dueColour(session, 'Goals', 6, specColumn('goals', 'due'))).toBeNull(); // G5, Achieved, due 2026-10-09
  });
});
