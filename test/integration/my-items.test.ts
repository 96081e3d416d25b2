/**
 * My items, through the built bundle: an owner sees their own KPIs, work and risks, and one Save
 * writes what they changed, stamps Updated / Completed, and the statuses the sheet computes move.
 * Everything arriving from the sidebar goes through google.script.run (rt.scriptRun) and is parsed.
 */
import { describe, expect, it } from 'vitest';

import type { CheckinResult, MyItems } from '../../src/gas/checkin.js';
import { exampleRuntime, isSpreadsheetWrite, sheetRecords } from '../helpers.js';

const ALEX = 'alex.rivera@example.com';

function alexRuntime() {
  const rt = exampleRuntime();
  rt.setUser(ALEX);
  return rt;
}

const goal = (rt: ReturnType<typeof exampleRuntime>, id: string) =>
  sheetRecords(rt, 'Goals').find((r) => r.ID === id)!;
const task = (rt: ReturnType<typeof exampleRuntime>, id: string) =>
  sheetRecords(rt, 'Timeline').find((r) => r.ID === id)!;

describe('My items', () => {
  it('lists only the user’s own KPIs, open work and open risks, found by their People email', () => {
    const rt = alexRuntime();
    const items = rt.scriptRun('getMyItems', [null]) as MyItems;
    expect(items).toMatchObject({ name: 'Alex Rivera', foundBy: 'email' });
    expect(items.items.map((i) => `${i.tab}:${i.id}`)).toEqual(
      expect.arrayContaining(['goals:G2', 'timeline:T6', 'timeline:T8']),
    );
    const owners = new Set(
      items.items.map((i) =>
        i.tab === 'goals'
          ? goal(rt, i.id).Owner
          : i.tab === 'timeline'
            ? task(rt, i.id).Owner
            : 'Alex Rivera',
      ),
    );
    expect([...owners]).toEqual(['Alex Rivera']);
    expect(items.items.find((i) => i.id === 'T8')!.fields.map((f) => f.key)).toEqual([
      'percentDone',
      'state',
      'completed',
    ]);
  });

  it('asks who you are when Apps Script withholds the email, and then shows that person’s items', () => {
    const rt = exampleRuntime();
    rt.setUser(''); // https://developers.google.com/apps-script/reference/base/session#getActiveUser()
    const unknown = rt.scriptRun('getMyItems', [null]) as MyItems;
    expect(unknown).toMatchObject({ name: '', foundBy: 'none', items: [] });
    expect(unknown.people).toContain('Alex Rivera');
    const picked = rt.scriptRun('getMyItems', ['alex rivera']) as MyItems;
    expect(picked).toMatchObject({ name: 'Alex Rivera', foundBy: 'picked' });
    expect(picked.items.length).toBeGreaterThan(0);
  });

  it('saves two values in one Save, stamps Updated and Completed, and the statuses follow', () => {
    const rt = alexRuntime();
    const before = rt.scriptRun('getMyItems', [null]) as MyItems;
    const g2 = before.items.find((i) => i.id === 'G2')!;
    const t8 = before.items.find((i) => i.id === 'T8')!;
    expect(g2.status).not.toBe('Achieved');
    const result = rt.scriptRun('saveMyItems', [
      {
        changes: [
          { tab: 'goals', row: g2.row, id: 'G2', field: 'actual', value: 99.9 },
          { tab: 'timeline', row: t8.row, id: 'T8', field: 'state', value: 'Done' },
        ],
      },
    ]) as CheckinResult;
    expect(result.refused).toEqual([]);
    expect(result.written).toBe(4); // two values and two stamps
    expect(goal(rt, 'G2').Actual).toBe(99.9);
    expect(goal(rt, 'G2').Status).toBe('Achieved');
    // Date cells come back as Date objects (of the script's realm): a written ISO date became a date.
    const isDate = (v: unknown) => Object.prototype.toString.call(v) === '[object Date]';
    expect(isDate(goal(rt, 'G2').Updated)).toBe(true);
    expect((goal(rt, 'G2').Updated as Date).toISOString()).toMatch(/^2026-11-2[45]/);
    expect(task(rt, 'T8').State).toBe('Done');
    expect(isDate(task(rt, 'T8').Completed)).toBe(true);
    expect(task(rt, 'T8').Status).toBe('Done');
    // The answer shows the items as they are now: the done task has left the list.
    expect(result.items.find((i) => i.id === 'G2')!.status).toBe('Achieved');
    expect(result.items.some((i) => i.id === 'T8')).toBe(false);
  });

  it('refuses what is not the owner’s, not a check-in field, or not a value, and writes none of it', () => {
    const rt = alexRuntime();
    const items = rt.scriptRun('getMyItems', [null]) as MyItems;
    const g2 = items.items.find((i) => i.id === 'G2')!;
    const other = sheetRecords(rt, 'Goals').findIndex((r) => r.Owner && r.Owner !== 'Alex Rivera' && r.KPI);
    rt.calls.reset();
    const result = rt.scriptRun('saveMyItems', [
      {
        changes: [
          { tab: 'goals', row: g2.row, id: 'G2', field: 'actual', value: '=IMPORTXML("http://x")' },
          { tab: 'goals', row: g2.row, id: 'G2', field: 'target', value: 1 },
          {
            tab: 'goals',
            row: other + 2,
            id: String(sheetRecords(rt, 'Goals')[other]!.ID),
            field: 'actual',
            value: 1,
          },
        ],
      },
    ]) as CheckinResult;
    expect(result.written).toBe(0);
    expect(result.refused.map((r) => r.reason)).toEqual([
      expect.stringMatching(/Actual: .*not a number/),
      'That is not a check-in field.',
      'This item is not yours.',
    ]);
    expect(rt.calls.total(isSpreadsheetWrite)).toBe(0);
  });

  it('writes nothing when rows moved since the panel was shown', () => {
    const rt = alexRuntime();
    const g2 = (rt.scriptRun('getMyItems', [null]) as MyItems).items.find((i) => i.id === 'G2')!;
    const result = rt.scriptRun('saveMyItems', [
      { changes: [{ tab: 'goals', row: g2.row + 1, id: 'G2', field: 'actual', value: 95 }] },
    ]) as CheckinResult;
    expect(result.written).toBe(0);
    expect(result.refused[0]!.reason).toMatch(/changed since it was shown/);
  });

  it('rejects malformed requests with a clear error', () => {
    const rt = alexRuntime();
    for (const bad of [
      null,
      'x',
      { changes: 'all' },
      { changes: [{ tab: 'budget', row: 2, id: 'B1', field: 'actual', value: 1 }] },
    ])
      expect(() => rt.scriptRun('saveMyItems', [bad])).toThrow(/OpsPlan refused the request: the check-in/);
  });
});
