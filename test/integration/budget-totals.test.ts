/**
 * Budget totals through the bundle: OpsPlan's block in the Budget header row (docs/ARCHITECTURE.md,
 * "Budget totals") sums whole columns with native formulas, so lines a person appends or inserts
 * are counted with no script running, and no reader takes the block for a budget line.
 */
import { describe, expect, it } from 'vitest';

import { BUDGET_TOTALS } from '../../src/core/budget-totals.js';
import type { Finding } from '../../src/core/check.js';
import { BUDGET } from '../../src/core/spec/tabs.js';
import type { ColumnKeyOf } from '../../src/core/spec/types.js';
import { a1, exampleRuntime, freshRuntime, sheetRecords, sheetValues } from '../helpers.js';

type Runtime = ReturnType<typeof freshRuntime>;
const budgetSheet = (rt: Runtime, name = 'Budget') =>
  rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheetByName(name)!;

/** The three totals as the sheet computes them, read beside their labels in row 1. */
function totals(rt: Runtime, name = 'Budget'): number[] {
  const header = budgetSheet(rt, name).getDataRange().getValues()[0]!;
  return BUDGET_TOTALS.map((t) => {
    const at = header.indexOf(t.label);
    expect(at, t.label).toBeGreaterThan(0);
    return header[at + 1] as number;
  });
}

/** A budget line as a person types it across the row (computed cells left empty). */
const line = (values: Partial<Record<ColumnKeyOf<typeof BUDGET>, string>>) => [
  BUDGET.columns.map((c) => values[c.key] ?? ''),
];
const lastColumn = BUDGET.columns[BUDGET.columns.length - 1]!.key;

describe('Budget totals', () => {
  it('sum whole columns in the header row, after one empty column, and match the Report', () => {
    const rt = exampleRuntime();
    const sheet = budgetSheet(rt);
    const width = BUDGET.columns.length;
    const block = sheet.getRange(1, width + 1, 1, 1 + BUDGET_TOTALS.length * 2);
    const [planned, actual] = (['plannedTotal', 'actual'] as const).map((key) =>
      a1('budget', key, 1).slice(0, -1),
    );
    expect(block.getFormulas()[0]).toEqual([
      '',
      '',
      `=SUM(${planned}:${planned})`,
      '',
      `=SUM(${actual}:${actual})`,
      '',
      `=SUM(${planned}:${planned})-SUM(${actual}:${actual})`,
    ]);
    expect(block.getDisplayValues()[0]).toEqual([
      '',
      'Total planned',
      '$12,800.00',
      'Total actual',
      '$10,550.00',
      'Total variance',
      '$2,250.00',
    ]);
    rt.run('generateReportNow');
    const reportTotal = sheetValues(rt, 'Report').find((r) => r[0] === 'Total')!;
    expect(totals(rt)).toEqual([reportTotal[1], reportTotal[2], reportTotal[3]]);
  });

  it('count a line a person appends or inserts, and drop one deleted, with no script writing them', () => {
    const rt = exampleRuntime();
    const sheet = budgetSheet(rt);
    const before = totals(rt);
    const next = sheet.getLastRow() + 1;
    rt.userEdit(
      `Budget!A${next}:${a1('budget', lastColumn, next)}`,
      line({ id: 'B9', item: 'Spare laptops', category: 'Tools', planned: '1000', actual: '400' }),
    );
    expect(totals(rt)).toEqual([before[0]! + 1000, before[1]! + 400, before[2]! + 600]);
    sheet.insertRowsBefore(3, 1); // a line inserted among the others
    rt.userEdit(
      `Budget!A3:${a1('budget', lastColumn, 3)}`,
      line({ id: 'B10', item: 'Courier', category: 'Other', planned: '250' }),
    );
    expect(totals(rt)[0]).toBe(before[0]! + 1250);
    sheet.deleteRows(3, 1);
    expect(totals(rt)).toEqual([before[0]! + 1000, before[1]! + 400, before[2]! + 600]);
  });

  it('is no budget line to any reader, and Set up leaves it alone once written', () => {
    const rt = exampleRuntime();
    const records = sheetRecords(rt, 'Budget').filter((r) => r['ID'] !== '');
    const findings = rt.run<{ findings: Finding[] }>('checkPlanNow').findings;
    expect(findings.filter((f) => f.tab === 'Budget')).toEqual([]);
    const preview = rt.run<{ tabs: { tab: string; action: string; kept: string[] }[] }>('previewSetUp');
    expect(preview.tabs.find((t) => t.tab === 'Budget')).toMatchObject({ action: 'ready', kept: [] });
    rt.run('setUpPlan');
    expect(sheetRecords(rt, 'Budget').filter((r) => r['ID'] !== '')).toEqual(records);
  });

  it('on a team’s budget goes after their last column, and their cells stay as they are', () => {
    const rt = freshRuntime();
    const sheet = rt.service('SpreadsheetApp').getActiveSpreadsheet().insertSheet('Costs');
    const rows = [
      ['Line item', 'Budget', 'Spent', 'Notes'],
      ['Licences', 1200, 300, 'annual'],
      ['Workshop', 800, 900, ''],
    ];
    sheet.getRange(1, 1, 3, 4).setValues(rows);
    rt.run('setUpPlan');
    rt.run('refreshKpiStatus');
    expect(sheet.getRange(1, 1, 3, 4).getValues()).toEqual(rows);
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    const at = header.indexOf('Total planned');
    expect(header[at - 1]).toBe(''); // one empty column between their table and the block
    expect(header.slice(4, at - 1)).toEqual(
      BUDGET.columns.map((c) => c.header).filter((h) => !['Item', 'Planned', 'Actual'].includes(h)),
    );
    expect(totals(rt, 'Costs')).toEqual([2000, 1200, 800]);
  });
});
