import { describe, expect, it } from 'vitest';

import { GOALS, PLAN_TABS, RISKS, SETTINGS, TIMELINE } from '../../src/core/spec/tabs.js';
import {
  exampleRuntime,
  freshRuntime,
  headerOf,
  isSpreadsheetCall,
  isSpreadsheetWrite,
  sheetRecords,
} from '../helpers.js';

const tabNames = PLAN_TABS.map((t) => t.name);

describe('Set up plan tabs on a new spreadsheet', () => {
  it('creates the seven tabs in order, with headers, notes, colours, frozen bold header and named settings', () => {
    const rt = freshRuntime();
    const result = rt.run<{ created: string[] }>('setUpPlan');
    expect(result.created).toEqual(tabNames);
    const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
    // Set up deletes no sheet, not even the blank Sheet1: it stays after the plan tabs.
    expect(ss.getSheets().map((s) => s.getName())).toEqual([...tabNames, 'Sheet1']);
    const goals = ss.getSheetByName('Goals')!;
    const header = goals.getRange(1, 1, 1, GOALS.columns.length);
    expect(header.getValues()[0]).toEqual(GOALS.columns.map((c) => c.header));
    expect(header.getNotes()[0]).toEqual(GOALS.columns.map((c) => c.note));
    expect(header.getFontWeights()[0]!.every((w) => w === 'bold')).toBe(true);
    // The header row and each row's label (ID and name; a setting's or person's name) stay in view.
    expect(
      PLAN_TABS.map((t) => {
        const sheet = ss.getSheetByName(t.name)!;
        return [t.name, sheet.getFrozenRows(), sheet.getFrozenColumns()];
      }),
    ).toEqual(PLAN_TABS.map((t) => [t.name, 1, t.key === 'plan' || t.key === 'people' ? 1 : 2]));
    expect(goals.getTabColor()).toBe(GOALS.colour);
    for (const setting of SETTINGS)
      expect(ss.getRangeByName(setting.rangeName), setting.rangeName).not.toBeNull();
    expect(ss.getRangeByName('OpsPlan_AtRiskBand')!.getValue()).toBeCloseTo(0.1);
    expect(ss.getRangeByName('OpsPlan_AtRiskBand')!.getDisplayValue()).toBe('10%');
  });

  it('puts dropdowns, date validation and owner lists from People on the data rows', () => {
    const rt = freshRuntime();
    rt.run('setUpPlan');
    const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
    const goals = ss.getSheetByName('Goals')!;
    const col = (key: string) => GOALS.columns.findIndex((c) => c.key === key) + 1;
    const direction = goals.getRange(2, col('direction')).getDataValidation()!;
    expect(direction.getCriteriaValues()[0]).toEqual(['Increase', 'Decrease', 'Maintain']);
    expect(direction.getAllowInvalid()).toBe(false);
    const owner = goals.getRange(500, col('owner')).getDataValidation()!;
    const ownerRange = owner.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
    expect(`${ownerRange.getSheet().getName()}!${ownerRange.getA1Notation()}`).toBe('People!A2:A1000');
    expect(owner.getAllowInvalid()).toBe(true);
    expect(goals.getRange(2, col('due')).getDataValidation()!.getHelpText()).toMatch(/date/);
    expect(goals.getRange(2, col('due')).getNumberFormat()).toBe('yyyy-mm-dd');
    expect(goals.getRange(1, col('direction')).getDataValidation()).toBeNull(); // never on the header
    const statusRules = goals
      .getConditionalFormatRules()
      .map((r) => r.getBooleanCondition()!.getCriteriaValues()[0]);
    expect(statusRules).toEqual(expect.arrayContaining(['On track', 'At risk', 'Off track', 'Missed']));
  });

  it('a second run changes nothing at all, and writes nothing', () => {
    const rt = freshRuntime();
    rt.run('setUpPlan');
    const before = rt.describeWorkbook();
    rt.calls.reset();
    const again = rt.run<{ changes: number }>('setUpPlan');
    expect(again.changes).toBe(0);
    expect(rt.calls.total(isSpreadsheetWrite)).toBe(0);
    expect(rt.describeWorkbook()).toEqual(before);
  });

  it('running it on the filled example plan changes no cell, validation or format', () => {
    const rt = exampleRuntime();
    const before = rt.describeWorkbook();
    rt.run('setUpPlan');
    expect(rt.describeWorkbook()).toEqual(before);
  });

  it('scaffolds in a small constant number of spreadsheet calls', () => {
    const rt = freshRuntime();
    rt.calls.reset();
    rt.run('setUpPlan');
    const calls = rt.calls.total(isSpreadsheetCall);
    expect(calls).toBeLessThan(450);
    // The same work on a spreadsheet whose plan tabs hold 3,000 rows costs no more.
    const big = freshRuntime();
    const ss = big.service('SpreadsheetApp').getActiveSpreadsheet();
    const timeline = ss.insertSheet('Timeline');
    timeline.insertRowsAfter(1000, 2100);
    timeline
      .getRange(1, 1, 3001, 2)
      .setValues([['ID', 'Name'], ...Array.from({ length: 3000 }, (_, i) => [`T${i + 1}`, `Task ${i + 1}`])]);
    big.calls.reset();
    big.run('setUpPlan');
    expect(big.calls.total(isSpreadsheetCall)).toBeLessThanOrEqual(calls + 10);
  });
});

describe('Adopting a team’s own tabs', () => {
  function foreignRiskRegister() {
    const rt = freshRuntime();
    const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
    const sheet = ss.insertSheet('Risk Register');
    const rows = [
      [
        'Risk ID',
        'Risk Description',
        'Probability',
        'Impact',
        'Mitigation Strategy',
        'Risk Owner',
        'Board notes',
      ],
      ['RK-1', 'Supplier delivers late', 'High', 'High', 'Second supplier on standby', 'Ana', 'raised in Q1'],
      ['RK-2', 'Key person leaves', 'Low', 'Medium', 'Pair on everything', 'Ben', ''],
      ['RK-3', "'=SUM(1,2) looks like a formula", 'Medium', 'low', 'n/a', 'Ana', 42],
    ];
    sheet.getRange(1, 1, rows.length, 7).setValues(rows);
    sheet.getRange('C2').setNote('probability agreed with finance');
    sheet.getRange('A1:G1').setBackground('#123456');
    return { rt, ss, sheet };
  }

  it('maps headers by alias, appends what is missing, and keeps every cell, note and colour', () => {
    const { rt, ss, sheet } = foreignRiskRegister();
    const before = sheet.getRange(1, 1, 4, 7).getValues();
    const preview = rt.run<{
      tabs: {
        tab: string;
        sheet: string;
        action: string;
        addColumns: string[];
        recognised: { header: string; as: string }[];
        kept: string[];
      }[];
    }>('previewSetUp');
    const risks = preview.tabs.find((t) => t.tab === 'Risks')!;
    expect(risks.sheet).toBe('Risk Register');
    expect(risks.action).toBe('adopt');
    expect(risks.recognised).toEqual(
      expect.arrayContaining([
        { header: 'Risk ID', as: 'ID' },
        { header: 'Risk Description', as: 'Risk' },
        { header: 'Probability', as: 'Likelihood' },
        { header: 'Mitigation Strategy', as: 'Response' },
        { header: 'Risk Owner', as: 'Owner' },
      ]),
    );
    expect(risks.kept).toEqual(['Board notes']);
    // Appended in the spec's order, after the team's last column.
    expect(risks.addColumns).toEqual(['Level', 'Score', 'Category', 'Assumption', 'Review date', 'State']);

    rt.run('setUpPlan');
    expect(ss.getSheetByName('Risks')).toBeNull(); // adopted, not duplicated
    expect(sheet.getRange(1, 1, 4, 7).getValues()).toEqual(before);
    expect(sheet.getRange('C2').getNote()).toBe('probability agreed with finance');
    expect(sheet.getRange('A1').getBackground()).toBe('#123456');
    expect(sheet.getRange(1, 8, 1, 6).getValues()[0]).toEqual(risks.addColumns);
    expect(sheet.getRange('B4').getFormula()).toBe(''); // a formula-looking description stays text
    // Its ID and name are its leftmost columns: they are frozen with the header row.
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
  });

  it('freezes only the header row where ID and name are not leftmost, and keeps a freeze the team set', () => {
    const rt = freshRuntime();
    const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
    const milestones = ss.insertSheet('Milestones');
    milestones.getRange(1, 1, 2, 3).setValues([
      ['Owner', 'ID', 'Name'],
      ['Ana', 'M1', 'Pilot'],
    ]);
    const people = ss.insertSheet('People');
    people.getRange(1, 1, 2, 2).setValues([
      ['Name', 'Email'],
      ['Ana', 'ana@example.com'],
    ]);
    people.setFrozenRows(2);
    rt.run('setUpPlan');
    expect([milestones.getFrozenRows(), milestones.getFrozenColumns()]).toEqual([1, 0]);
    expect(milestones.getRange(1, 1, 1, 3).getValues()[0]).toEqual(['Owner', 'ID', 'Name']);
    expect([people.getFrozenRows(), people.getFrozenColumns()]).toEqual([2, 1]);
  });

  it('scores the adopted words: High × High is 16, a High risk', () => {
    const { rt, sheet } = foreignRiskRegister();
    rt.run('setUpPlan');
    rt.run('refreshKpiStatus');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    const [score, level] = [header.indexOf('Score') + 1, header.indexOf('Level') + 1];
    const scoreAndLevel = [2, 3, 4].map((row) => [
      sheet.getRange(row, score).getValue(),
      sheet.getRange(row, level).getValue(),
    ]);
    expect(scoreAndLevel).toEqual([
      [16, 'High'],
      [6, 'Medium'],
      [6, 'Medium'],
    ]);
  });

  it('feeds owner dropdowns from the adopted People tab’s Name column, wherever it is', () => {
    const rt = freshRuntime();
    const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
    ss.insertSheet('Team')
      .getRange(1, 1, 2, 3)
      .setValues([
        ['Department', 'E-mail', 'Full name'],
        ['IT', 'ana@example.com', 'Ana'],
      ]);
    rt.run('setUpPlan');
    const ownerColumn = headerOf(rt, 'goals', 'owner').getColumn();
    const owner = ss.getSheetByName('Goals')!.getRange(2, ownerColumn).getDataValidation()!;
    const range = owner.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
    expect(`${range.getSheet().getName()}!${range.getA1Notation()}`).toBe('Team!C2:C1000');
  });

  it('adopts a RACI matrix with people as columns without losing a letter', () => {
    const rt = freshRuntime();
    const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
    const sheet = ss.insertSheet('RACI matrix');
    const rows = [
      ['Task', 'Ana', 'Ben', 'Chris'],
      ['Order hardware', 'R', 'A', 'I'],
      ['Roll out', 'A', 'R', 'C'],
    ];
    sheet.getRange(1, 1, 3, 4).setValues(rows);
    rt.run('setUpPlan');
    expect(sheet.getRange(1, 1, 3, 4).getValues()).toEqual(rows);
    expect(sheet.getRange(1, 5).getValue()).toBe('ID');
  });
});

describe('Insert example plan', () => {
  it('fills every tab and shows every status', () => {
    const rt = exampleRuntime();
    const kpiStatuses = new Set(sheetRecords(rt, 'Goals').map((g) => g.Status));
    for (const s of ['No data', 'Not started', 'Achieved', 'On track', 'At risk', 'Off track', 'Missed'])
      expect(kpiStatuses, s).toContain(s);
    const timelineStatuses = new Set(sheetRecords(rt, TIMELINE.name).map((t) => t.Status));
    for (const s of ['Done', 'Overdue', 'Due soon', 'On schedule', 'Not started'])
      expect(timelineStatuses, s).toContain(s);
    const levels = new Set(sheetRecords(rt, RISKS.name).map((r) => r.Level));
    for (const s of ['Low', 'Medium', 'High', 'Critical']) expect(levels, s).toContain(s);
  });

  it('has the seed budget: $5,000 + $3,000 + 40 h × $120 = $12,800 planned', () => {
    const rt = exampleRuntime();
    const total = sheetRecords(rt, 'Budget').reduce((sum, b) => sum + Number(b['Planned total']), 0);
    expect(total).toBe(12_800);
  });

  it('never writes over a tab that already holds data', () => {
    const rt = freshRuntime();
    rt.run('setUpPlan');
    const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
    ss.getSheetByName('Risks')!
      .getRange('A2:B2')
      .setValues([['MY-1', 'Our own risk']]);
    const result = rt.run<{ filled: string[]; skipped: string[] }>('insertExamplePlan');
    expect(result.skipped).toContain('Risks');
    expect(sheetRecords(rt, 'Risks').map((r) => r.ID)).toEqual(['MY-1']);
    expect(sheetRecords(rt, 'Goals').length).toBeGreaterThan(0);
  });
});
