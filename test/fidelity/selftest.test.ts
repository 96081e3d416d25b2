/**
 * The live self-test, run here in the local runtime: the bundle `npm run build:selftest` makes is
 * loaded exactly as dist/Code.js is, its menu is built, and every probe must match. On Google the
 * same bundle writes the same table (README, "Live self-test").
 */
import { execFileSync } from 'node:child_process';

import { beforeAll, describe, expect, it } from 'vitest';

import { LocalAppsScript } from '../../local/runtime/index.js';
import { PROBES } from './probes.js';

describe('live self-test bundle, run locally', () => {
  let rt: LocalAppsScript;
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-selftest.mjs'], { stdio: 'pipe' });
    rt = new LocalAppsScript({ distDir: 'dist-selftest', now: '2026-03-16T14:00:00Z' });
  });

  it('adds the menu "OpsPlan self-test → Run" on open', () => {
    rt.runWithoutAuth('onOpen');
    expect(rt.ui.menus.map((m) => [m.title, m.items.map((i) => [i.caption, i.functionName])])).toEqual([
      ['OpsPlan self-test', [['Run', 'runSelfTest']]],
    ]);
  });

  it('every probe cites a reference page and matches locally', () => {
    for (const probe of PROBES)
      expect(probe.reference).toMatch(/^https:\/\/(developers\.google\.com|docs\.oracle\.com)\//);
    const summary = rt.run<{ probes: number; matches: number }>('runSelfTest');
    const table = rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheetByName('OpsPlan self-test')!;
    const [header, ...rows] = table.getDataRange().getValues();
    expect(header).toEqual(['Probe', 'Reference', 'Expected', 'Actual', 'Match']);
    const mismatches = rows.filter((r) => r[4] !== true).map((r) => `${r[0]}: expected ${r[2]}, got ${r[3]}`);
    expect(mismatches).toEqual([]);
    expect(summary).toEqual({ probes: PROBES.length, matches: PROBES.length });
    // The scratch sheets are gone; the results tab stays.
    expect(rt.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1', 'OpsPlan self-test']);
  });
});
