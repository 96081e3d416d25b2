import { describe, expect, it } from 'vitest';

import { BUDGET_TOTALS } from '../../src/core/budget-totals.js';
import { mapHeaders } from '../../src/core/headers.js';
import { freezeAllowed, planSetup, type SheetShape, type WorkbookShape } from '../../src/core/scaffold.js';
import { BUDGET, PLAN_TABS, SETTINGS } from '../../src/core/spec/tabs.js';

const sheet = (name: string, header: string[] = [], body: string[][] = []): SheetShape => ({
  name,
  header,
  headerNotes: header.map(() => ''),
  lastRow: header.length ? body.length + 1 : 0,
  lastColumn: header.length,
  maxRows: 1000,
  maxColumns: 26,
  body,
});

describe('planSetup: what Set up will do', () => {
  it('on a new spreadsheet, creates every plan tab in order', () => {
    const plan = planSetup({ sheets: [sheet('Sheet1')], namedRanges: {} });
    expect(plan.tabs.map((t) => [t.sheetName, t.action])).toEqual(PLAN_TABS.map((s) => [s.name, 'create']));
    expect(plan.tabs.map((t) => t.position)).toEqual(PLAN_TABS.map((_, i) => i)); // 0-based, in tab order
    expect(plan.changes).toBe(PLAN_TABS.length);
    const planTab = plan.tabs.find((t) => t.spec.key === 'plan')!;
    expect(planTab.settingRows.map((r) => r.setting.key)).toEqual(SETTINGS.map((s) => s.key));
    expect(planTab.namedRanges.map((r) => r.name)).toEqual(SETTINGS.map((s) => s.rangeName));
  });

  it('adopts a team’s tab by alias: maps its headers, keeps its own columns, appends only what is missing', () => {
    const team = sheet(
      'Risk register',
      ['Risk ID', 'Risk description', 'Probability', 'Severity', 'Board notes'],
      [['R1', 'Supplier late', 'High', 'High', 'raised in Q1']],
    );
    const plan = planSetup({ sheets: [team], namedRanges: {} });
    const risks = plan.tabs.find((t) => t.spec.key === 'risks')!;
    expect(risks.action).toBe('adopt');
    expect(risks.sheetName).toBe('Risk register');
    expect(risks.recognised).toEqual(
      expect.arrayContaining([
        { header: 'Probability', as: 'Likelihood' },
        { header: 'Severity', as: 'Impact' },
      ]),
    );
    expect(risks.kept).toEqual(['Board notes']);
    expect(risks.dataRows).toBe(1);
    // Existing columns stay where they are; the missing ones go after the last one.
    expect(risks.columnOf.likelihood).toBe(3);
    expect(risks.newColumns.map((c) => c.column)).toEqual(
      risks.newColumns.map((_, i) => team.lastColumn + 1 + i),
    );
    expect(risks.newColumns.map((c) => c.spec.key)).not.toContain('likelihood');
  });

  it('plans no change on a workbook that Set up has finished', () => {
    const settingsBody = SETTINGS.map((s) => [s.label, String(s.defaultValue), s.note]);
    const sheets = PLAN_TABS.map((spec) => ({
      ...sheet(
        spec.name,
        [
          ...spec.columns.map((c) => c.header),
          // Budget's totals block in the header row, after one empty column.
          ...(spec.key === 'budget' ? ['', ...BUDGET_TOTALS.flatMap((t) => [t.label, '0'])] : []),
        ],
        spec.kind === 'settings' ? settingsBody : [],
      ),
      headerNotes: spec.columns.map((c) => c.note),
      frozenRows: 1,
      frozenColumns: spec.labelColumns,
    }));
    const namedRanges = Object.fromEntries(SETTINGS.map((s, i) => [s.rangeName, `Plan!B${i + 2}`]));
    const plan = planSetup({ sheets, namedRanges } satisfies WorkbookShape);
    expect(plan.tabs.map((t) => [t.sheetName, t.action])).toEqual(PLAN_TABS.map((s) => [s.name, 'ready']));
    expect(plan.changes).toBe(0);
    // Unfrozen (a tab set up before freezing, or a team's), it freezes the header and the labels.
    const unfrozen = planSetup({
      sheets: sheets.map((s) => ({ ...s, frozenRows: 0, frozenColumns: 0 })),
      namedRanges,
    });
    expect(unfrozen.tabs.map((t) => [t.sheetName, t.action, t.freeze])).toEqual(
      PLAN_TABS.map((s) => [s.name, 'adopt', { rows: 1, columns: s.labelColumns }]),
    );
  });
});

describe('Budget totals block', () => {
  it('labels are no header or alias of a Budget column, so header detection maps them to nothing', () => {
    const labels = BUDGET_TOTALS.map((t) => t.label);
    const map = mapHeaders(BUDGET, ['', ...labels]);
    expect(map.byKey.size).toBe(0);
    expect(map.unknown).toEqual(labels.map((_, i) => i + 1));
  });
});

describe('freezeAllowed', () => {
  // Sheets refuses a freeze line through a merged cell (docs/APPS-SCRIPT.md#frozen-rows-and-columns).
  const area = (row: number, column: number, lastRow: number, lastColumn: number) => ({
    row,
    column,
    lastRow,
    lastColumn,
  });
  it('leaves out only the freeze whose line would cut a merged cell', () => {
    const freeze = { rows: 1, columns: 2 };
    expect(freezeAllowed(freeze, [])).toEqual(freeze);
    expect(freezeAllowed(freeze, [area(1, 1, 1, 6)])).toEqual({ rows: 1 }); // a title across A1:F1
    expect(freezeAllowed(freeze, [area(1, 3, 2, 3)])).toEqual({ columns: 2 }); // C1:C2
    expect(freezeAllowed(freeze, [area(1, 1, 1, 2), area(3, 1, 3, 2)])).toEqual(freeze); // within A:B
  });
});
