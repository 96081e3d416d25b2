/**
 * A copy of a runtime (LocalAppsScript.restoreFrom), the shared fixture behind exampleRuntime: it
 * holds what the script built, behaves as the built one does from there on, and shares nothing
 * with other copies or with what it was copied from.
 */
import { describe, expect, it } from 'vitest';

import type { LocalAppsScript } from '../../local/runtime/index.js';
import { addressOf, builtExampleRuntime, cellOf, exampleRuntime, freshRuntime } from '../helpers.js';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Everything a test can read of a runtime, as plain data, read without counting a service call. */
function observed(rt: LocalAppsScript) {
  const wb = rt.workbook;
  const values = wb.sheets.map((store) => {
    const used = wb.usedSize(store);
    const rect = {
      row: 1,
      column: 1,
      numRows: Math.max(1, used.rows),
      numColumns: Math.max(1, used.columns),
    };
    return wb.values(store, rect).map((line) => line.map((v) => (isDate(v) ? `date ${v.toISOString()}` : v)));
  });
  return {
    workbook: rt.describeWorkbook(),
    values,
    activeSheet: wb.activeSheet?.name,
    calls: rt.calls.snapshot(),
    cells: rt.calls.cells(),
    documentProperties: Object.fromEntries(rt.properties.document!.data),
    userProperties: Object.fromEntries(rt.userPropertiesOf(rt.users.effective).data),
    scriptProperties: Object.fromEntries(rt.properties.script.data),
    triggers: rt.triggers.triggers,
    outbox: rt.outbox.messages,
    ui: rt.ui,
    toasts: rt.toasts,
    logs: rt.logs.lines,
    executions: rt.executions.length,
    now: rt.clock.now(),
  };
}

type Observed = ReturnType<typeof observed>;

/** Part by part, compared as JSON (deep equality on megabytes of layers is slow); a diff where they differ. */
function expectSame(actual: Observed, expected: Observed): void {
  for (const key of Object.keys(expected) as (keyof Observed)[])
    if (JSON.stringify(actual[key]) !== JSON.stringify(expected[key]))
      expect(actual[key], key).toEqual(expected[key]);
}

/** A run through most of what tests do to the example, returning what each step returned. */
function work(rt: LocalAppsScript): unknown[] {
  const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
  const results: unknown[] = [];
  // A person edits a KPI's Actual (onEdit fills the row) and a risk's likelihood.
  results.push(rt.userEdit(addressOf(cellOf(rt, 'goals', 'actual', 'G2')), '3').map((e) => e.error));
  results.push(rt.userEdit(addressOf(cellOf(rt, 'risks', 'likelihood', 'R1')), 'Almost certain').length);
  // A sheet added after the copy is found by formulas that name it.
  ss.insertSheet('Extra').getRange('A1').setValue(41);
  cellOf(rt, 'goals', 'unit', 'G1').setFormula("='Extra'!A1+1");
  results.push(cellOf(rt, 'goals', 'unit', 'G1').getValue());
  for (const fn of ['checkPlanNow', 'refreshKpiStatus', 'generateReportNow', 'buildGanttNow'])
    results.push(rt.scriptRun(fn, []));
  results.push(rt.scriptRun('sendStatusEmailsNow', []));
  // A week later (volatile formulas recompute) and a schedule that fires.
  rt.setNow('2026-12-01T15:00:00Z');
  results.push(rt.scriptRun('checkPlanNow', []));
  rt.scriptRun('saveScheduleSettings', [
    { mode: 'daily', weekday: 'MONDAY', hour: 9, reminders: true, escalations: true },
  ]);
  results.push(rt.advanceTo('2026-12-02T15:00:00Z').map((e) => [e.functionName, e.error, e.result]));
  return JSON.parse(JSON.stringify(results, (_, v: unknown) => (isDate(v) ? v.toISOString() : v)));
}

describe('a copy of a runtime', () => {
  it('holds what the script built, then behaves as the built one: edits, a new sheet, Check, Refresh, the report, mail and the clock', () => {
    const [built, copy] = [builtExampleRuntime(), exampleRuntime()];
    expectSame(observed(copy), observed(built));
    expect(work(copy)).toEqual(work(built));
    expectSame(observed(copy), observed(built));
  });

  it('keeps the mail quota it is built with (the example copied is built without one)', () => {
    const [built, copy] = [builtExampleRuntime({ dailyMailQuota: 2 }), exampleRuntime({ dailyMailQuota: 2 })];
    expect(copy.outbox.remaining()).toBe(2);
    expect(copy.scriptRun('sendStatusEmailsNow', [])).toEqual(built.scriptRun('sendStatusEmailsNow', []));
    expect(copy.outbox.messages.length).toBe(2);
  });

  it('shares nothing with another copy or with what it was copied from', () => {
    const [changed, other, untouched] = [exampleRuntime(), exampleRuntime(), exampleRuntime()];
    // Observing counts calls of its own (validation and rule signatures read their ranges): each
    // runtime compared is observed once.
    const before = observed(untouched);
    const ss = changed.service('SpreadsheetApp').getActiveSpreadsheet();
    changed.userEdit(addressOf(cellOf(changed, 'goals', 'actual', 'G2')), '3');
    ss.insertSheet('Extra').getRange('A1').setValue(41);
    ss.getSheetByName('Goals')!.getRange('B3').setNote('n');
    changed.service('PropertiesService').getUserProperties().setProperty('mine', 'only');
    changed.scriptRun('generateReportNow', []);
    changed.scriptRun('sendStatusEmailsNow', []);
    changed.scriptRun('saveScheduleSettings', [
      { mode: 'daily', weekday: 'MONDAY', hour: 9, reminders: true, escalations: true },
    ]);
    changed.setNow('2026-12-01T15:00:00Z');
    expectSame(observed(other), before);
    expectSame(observed(exampleRuntime()), before);
  });

  it('refuses what it cannot copy faithfully: an open sidebar, a second spreadsheet', () => {
    const withSidebar = builtExampleRuntime();
    withSidebar.run('showSidebar');
    expect(() => freshRuntime().restoreFrom(withSidebar)).toThrow(
      /cannot copy an object of class HtmlOutput/,
    );
    const twoFiles = freshRuntime({ deployment: 'addon' });
    twoFiles.addSpreadsheet();
    expect(() => freshRuntime().restoreFrom(twoFiles)).toThrow(/only a runtime holding one spreadsheet/);
  });
});
