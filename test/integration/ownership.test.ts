/**
 * OpsPlan writes only where it owns the cells (issue 11, "Data ownership"): one test per
 * reproduction, each through the built bundle in the local runtime.
 * Developer metadata: https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata
 * Cell limit: https://support.google.com/drive/answer/37603
 */
import { describe, expect, it } from 'vitest';

import type { LocalAppsScript } from '../../local/runtime/index.js';
import { GOALS } from '../../src/core/spec/tabs.js';
import { exampleRuntime, freshRuntime } from '../helpers.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const spreadsheet = (rt: LocalAppsScript) => rt.service('SpreadsheetApp').getActiveSpreadsheet();
const sheet = (rt: LocalAppsScript, name: string): Sheet => {
  const found = spreadsheet(rt).getSheetByName(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};
/** Everything a user could see of one tab (values, formulas, notes, formats, metadata…). */
const describeTab = (rt: LocalAppsScript, name: string) =>
  rt.describeWorkbook().sheets.find((s) => s.name === name);
const columnOf = (tab: Sheet, header: string) =>
  tab.getRange(1, 1, 1, tab.getLastColumn()).getValues()[0]!.indexOf(header) + 1;
const marksOf = (tab: Sheet) => tab.getDeveloperMetadata().map((m) => `${m.getKey()}=${m.getValue()}`);

const daily = { mode: 'daily', weekday: 'WEDNESDAY', hour: 7, reminders: false, escalations: false };

type Generated = { sheet: string; notices: string[] };
type Pipeline = { ran: boolean; message: string; sent: unknown[]; failed: unknown[] };
type Refresh = {
  conflicts: { tab: string; row: number; column: number; kind: string; value: string }[];
};
type Finding = { rule: string; tab: string; row: number; cell: string; message: string };

/** Generate report, Send now, then two scheduled runs (a daily schedule, two days). */
function everyWriter(rt: LocalAppsScript): { generated: Generated; sent: Pipeline } {
  const generated = rt.run<Generated>('generateReportNow');
  const sent = rt.run<Pipeline>('sendStatusEmailsNow');
  rt.run('saveScheduleSettings', daily);
  const runs = rt.advanceTo('2026-11-26T16:00:00Z');
  expect(runs.length).toBe(2);
  expect(runs.map((r) => r.error)).toEqual([undefined, undefined]);
  return { generated, sent };
}

describe('OpsPlan writes generated content only into tabs it marked as its own', () => {
  it('a team tab named Report or History is never touched: OpsPlan uses a free name and says so once', () => {
    const rt = exampleRuntime();
    const ss = spreadsheet(rt);
    const report = ss.insertSheet('Report');
    report.getRange('A1:C2').setValues([
      ['Our weekly report', '', 42],
      ['Notes', 'keep me', ''],
    ]);
    report.getRange('C2').setFormula('=C1*2');
    report.getRange('B1').setNote('the team wrote this');
    const history = ss.insertSheet('History');
    history.getRange('A1:C2').setValues([
      ['When', 'What', 'Who'],
      ['2026-01-05', 'Kick-off', 'Ana'],
    ]);
    const before = { report: describeTab(rt, 'Report'), history: describeTab(rt, 'History') };

    const { generated, sent } = everyWriter(rt);

    expect(describeTab(rt, 'Report')).toEqual(before.report);
    expect(describeTab(rt, 'History')).toEqual(before.history);
    expect(generated.sheet).toBe('Report (OpsPlan)');
    expect(generated.notices).toEqual([
      'Your tab "Report" is not one OpsPlan made, so OpsPlan left it as it is and uses "Report (OpsPlan)" instead.',
      'Your tab "History" is not one OpsPlan made, so OpsPlan left it as it is and uses "History (OpsPlan)" instead.',
    ]);
    // Said once: later runs find the marked tabs and have nothing to say.
    expect(sent.message).not.toMatch(/OpsPlan made/);
    expect(String(sheet(rt, 'Report (OpsPlan)').getRange('A1').getValue())).toMatch(/progress report$/);
    const ownReport = sheet(rt, 'Report (OpsPlan)');
    const ownHistory = sheet(rt, 'History (OpsPlan)');
    expect(marksOf(ownReport)).toEqual([`opsplan.tab=report@${ownReport.getSheetId()}`]);
    expect(marksOf(ownHistory)).toEqual([`opsplan.tab=history@${ownHistory.getSheetId()}`]);
    expect(sheet(rt, 'History (OpsPlan)').getLastRow()).toBeGreaterThan(1);
  });

  it('finds its tabs by their mark after a rename, and a Send that creates them says so in its result', () => {
    const rt = exampleRuntime();
    spreadsheet(rt).insertSheet('Report').getRange('A1').setValue('ours');
    const sent = rt.run<Pipeline>('sendStatusEmailsNow');
    expect(sent.message).toMatch(/uses "Report \(OpsPlan\)" instead/);
    sheet(rt, 'Report (OpsPlan)').setName('Weekly status');
    const again = rt.run<Generated>('generateReportNow');
    expect(again.sheet).toBe('Weekly status');
    expect(again.notices).toEqual([]);
    expect(spreadsheet(rt).getSheetByName('Report (OpsPlan)')).toBeNull();
    expect(sheet(rt, 'Report').getRange('A1').getValue()).toBe('ours');
  });

  it('a copy of its Report carries the mark but is the team’s: it is never written, even first in tab order', () => {
    const rt = exampleRuntime();
    rt.run('generateReportNow');
    const ss = spreadsheet(rt);
    const copy = sheet(rt, 'Report').copyTo(ss);
    copy.setName('Our notes on the report');
    copy.getRange('B1').setValue('our comment');
    ss.setActiveSheet(copy);
    ss.moveActiveSheet(1);
    const before = describeTab(rt, 'Our notes on the report');
    const run = rt.run<Generated>('generateReportNow');
    expect(run.sheet).toBe('Report');
    expect(run.notices).toEqual([]);
    expect(describeTab(rt, 'Our notes on the report')).toEqual(before);
  });

  it('adopts a Report and History made by an earlier version only when they are exactly as OpsPlan made them', () => {
    const rt = exampleRuntime();
    rt.run('generateReportNow');
    // An earlier version made the same tabs without the mark (and its reports had no charts beside them).
    for (const name of ['Report', 'History'])
      for (const mark of sheet(rt, name).getDeveloperMetadata()) mark.remove();
    const report = sheet(rt, 'Report');
    for (const chart of report.getCharts()) report.removeChart(chart);
    report.getRange(1, 10, report.getMaxRows(), report.getMaxColumns() - 9).clear();
    const gids = ['Report', 'History'].map((name) => sheet(rt, name).getSheetId());
    const adopted = rt.run<Generated>('generateReportNow');
    expect(adopted.sheet).toBe('Report');
    expect(adopted.notices).toEqual([
      'The tab "Report" was made by an earlier version of OpsPlan: OpsPlan now marks it as its own and keeps updating it.',
      'The tab "History" was made by an earlier version of OpsPlan: OpsPlan now marks it as its own and keeps updating it.',
    ]);
    expect(['Report', 'History'].map((name) => sheet(rt, name).getSheetId())).toEqual(gids);
    expect(marksOf(sheet(rt, 'Report'))).toEqual([`opsplan.tab=report@${gids[0]}`]);

    // When in doubt it is the team's: the same header with a column of the team's beside it.
    const other = exampleRuntime();
    other.run('generateReportNow');
    for (const mark of sheet(other, 'History').getDeveloperMetadata()) mark.remove();
    sheet(other, 'History').getRange('F1').setValue('Comment');
    const before = describeTab(other, 'History');
    const run = other.run<Generated>('generateReportNow');
    expect(run.notices).toEqual([
      'Your tab "History" is not one OpsPlan made, so OpsPlan left it as it is and uses "History (OpsPlan)" instead.',
    ]);
    expect(describeTab(other, 'History')).toEqual(before);
  });
});

describe('Computed columns: only formulas OpsPlan wrote are refreshed', () => {
  it("keeps and reports a team's own formula in a computed column, like a typed value, on every run", () => {
    const rt = exampleRuntime();
    const risks = sheet(rt, 'Risks');
    const score = columnOf(risks, 'Score');
    risks.getRange(2, score).setFormula('=5*5');
    const goals = sheet(rt, 'Goals');
    const status = columnOf(goals, 'Status');
    const kpiRow =
      goals
        .getRange(2, columnOf(goals, 'KPI'), goals.getLastRow() - 1, 1)
        .getValues()
        .findIndex(([kpi]) => kpi !== '') + 2;
    goals.getRange(kpiRow, status).setFormula('=IF(TRUE(),"On track","")');

    const refreshed = rt.run<Refresh>('refreshKpiStatus');
    expect(refreshed.conflicts).toEqual(
      expect.arrayContaining([
        { tab: 'Risks', row: 2, column: score, header: 'Score', kind: 'formula', value: '=5*5' },
        expect.objectContaining({ tab: 'Goals', row: kpiRow, column: status, kind: 'formula' }),
      ]),
    );
    const findings = rt.run<{ findings: Finding[] }>('checkPlanNow').findings;
    const overwritten = findings.filter((f) => f.rule === 'formula-overwritten');
    expect(overwritten.map((f) => [f.tab, f.row])).toEqual(
      expect.arrayContaining([
        ['Risks', 2],
        ['Goals', kpiRow],
      ]),
    );
    expect(overwritten.find((f) => f.tab === 'Risks')!.message).toMatch(
      /Score holds a formula OpsPlan did not write \(=5\*5\)/,
    );

    everyWriter(rt);
    expect(risks.getRange(2, score).getFormula()).toBe('=5*5');
    expect(goals.getRange(kpiRow, status).getFormula()).toBe('=IF(TRUE(),"On track","")');
  });

  it('rewrites its own formula left with another row’s references (a cut and paste)', () => {
    const rt = exampleRuntime();
    const risks = sheet(rt, 'Risks');
    const score = columnOf(risks, 'Score');
    const own = risks.getRange(2, score).getFormula();
    risks.getRange(3, score).setFormula(own); // row 2's formula in row 3
    rt.run('refreshKpiStatus');
    expect(risks.getRange(3, score).getFormula()).toBe(own.replace(/([A-Z])2\b/g, '$13'));
  });
});

describe('Set up deletes nothing', () => {
  it('keeps a Sheet1 that has no values but has a note, and a blank Sheet1 too', () => {
    const rt = freshRuntime();
    sheet(rt, 'Sheet1').getRange('B3').setNote('remember the budget');
    rt.run('setUpPlan');
    expect(sheet(rt, 'Sheet1').getRange('B3').getNote()).toBe('remember the budget');

    const blank = freshRuntime();
    blank.run('setUpPlan');
    expect(spreadsheet(blank).getSheetByName('Sheet1')).not.toBeNull();
  });
});

describe('Refresh writes only what is missing or differs, and never over a collaborator', () => {
  it('writes only the new row, under the document lock, keeping and reporting an edit made meanwhile', () => {
    const rt = exampleRuntime();
    const goals = sheet(rt, 'Goals');
    const status = columnOf(goals, 'Status');
    const last = goals.getLastRow();
    const width = columnOf(goals, 'Due');
    const header = goals.getRange(1, 1, 1, width).getValues()[0]!;
    const computed = new Set<string>(GOALS.columns.filter((c) => c.type === 'formula').map((c) => c.header));
    // The last row's inputs, computed cells left empty as a person adding a row leaves them.
    const template = goals
      .getRange(last, 1, 1, width)
      .getValues()[0]!
      .map((v, i) => (computed.has(String(header[i])) ? '' : v));
    goals.getRange(last + 1, 1, 1, width).setValues([['G99', 'New KPI', ...template.slice(2)]]);

    let edited = false;
    let formulaReads = 0;
    const writes: string[] = [];
    rt.calls.beforeCall = (name) => {
      if (name === 'Range.setFormulas')
        writes.push(
          rt.locks.holders.get(rt.locks.keyOf('document')!) === rt.locks.currentExecution
            ? 'locked'
            : 'unlocked',
        );
      if (name === 'Range.getFormulas') formulaReads++;
      // A collaborator edits after Refresh read the tab and before it writes.
      if (!edited && (name === 'Range.setFormulas' || formulaReads === 2)) {
        edited = true;
        goals.getRange(2, status).setValue('Achieved'); // over OpsPlan's formula in an old row
        goals.getRange(last + 1, status).setValue('Paused'); // into the new row's empty cell
      }
    };
    const result = rt.run<Refresh>('refreshKpiStatus');
    rt.calls.beforeCall = undefined;

    expect(edited).toBe(true);
    expect(goals.getRange(2, status).getValue()).toBe('Achieved');
    expect(goals.getRange(last + 1, status).getValue()).toBe('Paused');
    expect(result.conflicts).toContainEqual(
      expect.objectContaining({
        tab: 'Goals',
        row: last + 1,
        column: status,
        kind: 'value',
        value: 'Paused',
      }),
    );
    expect(goals.getRange(last + 1, columnOf(goals, 'Progress')).getFormula()).not.toBe('');
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((w) => w === 'locked')).toBe(true);
    // Nothing left to write: no formula call at all.
    rt.calls.reset();
    rt.run('refreshKpiStatus');
    expect(rt.calls.snapshot()['Range.setFormulas']).toBeUndefined();
  });
});

describe('Every string fits its cell, and IDs stay text', () => {
  it('History and the Report keep IDs such as 1E3, $5 and 1e-2 as text', () => {
    const rt = exampleRuntime();
    const goals = sheet(rt, 'Goals');
    const idColumn = columnOf(goals, 'ID');
    const kpiColumn = columnOf(goals, 'KPI');
    const rows = goals.getRange(2, 1, goals.getLastRow() - 1, goals.getLastColumn()).getValues();
    const kpiRows = rows.flatMap((r, i) => (r[kpiColumn - 1] !== '' ? [i + 2] : [])).slice(0, 3);
    const ids = ['1E3', '$5', '1e-2'];
    kpiRows.forEach((row, i) => goals.getRange(row, idColumn).setValue(ids[i]!));
    expect(kpiRows.map((row) => goals.getRange(row, idColumn).getValue())).toEqual(ids);

    rt.run('generateReportNow');
    const history = sheet(rt, 'History');
    const written = history.getRange(2, 2, history.getLastRow() - 1, 1);
    expect(written.getValues().flat()).toEqual(expect.arrayContaining(ids));
    expect(new Set(written.getNumberFormats().flat())).toEqual(new Set(['@']));
    const reportIds = sheet(rt, 'Report').getRange('A1:A60').getValues().flat();
    expect(reportIds).toEqual(expect.arrayContaining(ids));
  });

  it('a 49,995-character Vision is cut below 50,000 characters: report, Send and scheduled runs all work', () => {
    const rt = exampleRuntime();
    spreadsheet(rt).getRangeByName('OpsPlan_Vision')!.setValue('v'.repeat(49_995));
    const { sent } = everyWriter(rt);
    expect(sent.ran).toBe(true);
    expect(sent.failed).toEqual([]);
    expect(sent.sent.length).toBeGreaterThan(0);
    const vision = sheet(rt, 'Report')
      .getRange('A1:A5')
      .getValues()
      .flat()
      .map(String)
      .find((v) => v.startsWith('Vision: '))!;
    expect(vision.length).toBeLessThan(50_000);
    expect(vision.endsWith('…')).toBe(true);
  });
});
