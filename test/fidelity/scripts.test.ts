/**
 * Typical Sheets scripts of our own (test/fidelity/scripts/<name>/Code.js, plain Apps Script),
 * loaded into the runtime exactly as dist/Code.js is, run on their own data; every outcome is what
 * Google's reference pages and guides document (cited per test).
 */
import { describe, expect, it } from 'vitest';

import { LocalAppsScript } from '../../local/runtime/index.js';
import { expectThrowMessage } from '../helpers.js';

/** A container-bound script (not an add-on: no add-on trigger limits). */
const load = (name: string, now = '2026-03-16T14:00:00Z') =>
  new LocalAppsScript({
    distDir: `test/fidelity/scripts/${name}`,
    now,
    timeZone: 'America/New_York',
    addon: false,
  });

const activeSheet = (rt: LocalAppsScript) =>
  rt.service('SpreadsheetApp').getActiveSpreadsheet().getActiveSheet();

describe('remove duplicate rows', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getlastrow
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#clearcontents
  it('keeps the first of each row; the last row with content moves up', () => {
    const rt = load('dedupe');
    rt.runWithoutAuth('onOpen');
    expect(rt.ui.menus[0]!.items.map((i) => i.functionName)).toEqual(['removeDuplicateRows']);
    const sheet = activeSheet(rt);
    sheet.getRange('A1:B6').setValues([
      ['Name', 'Team'],
      ['Ann', 'A'],
      ['Bob', 'B'],
      ['Ann', 'A'],
      ['Cid', 'C'],
      ['Bob', 'B'],
    ]);
    expect(rt.run('removeDuplicateRows')).toBe(2);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['Name', 'Team'],
      ['Ann', 'A'],
      ['Bob', 'B'],
      ['Cid', 'C'],
    ]);
    expect(sheet.getLastRow()).toBe(4);
    expect(rt.toasts).toEqual([{ title: 'Clean up', message: '2 duplicate rows removed' }]);
  });
});

describe('a report sheet', () => {
  it('totals per region with formulas, number formats, conditional formats and a frozen header', () => {
    const rt = load('report');
    const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
    const sales = ss.insertSheet('Sales');
    sales.getRange('A1:D6').setValues([
      ['Region', 'Rep', 'Amount', 'Date'],
      ['West', 'Ann', 1200.5, new Date('2026-03-02T12:00:00Z')],
      ['East', 'Bob', 300, new Date('2026-03-05T12:00:00Z')],
      ['West', 'Cid', 34, new Date('2026-03-09T12:00:00Z')],
      ['East', 'Dee', -500, new Date('2026-03-01T12:00:00Z')],
      ['North', 'Eve', 0, new Date('2026-02-27T12:00:00Z')],
    ]);
    expect(rt.run('buildReport')).toBe(3);
    const report = ss.getSheetByName('Report')!;
    // Display values follow https://developers.google.com/sheets/api/guides/formats
    expect(report.getDataRange().getDisplayValues()).toEqual([
      ['Region', 'Total', 'Share', 'Last sale'],
      ['East', '(200.00)', '-19.3%', '5 Mar 2026'],
      ['North', '0.00', '0.0%', '27 Feb 2026'],
      ['West', '1,234.50', '119.3%', '9 Mar 2026'],
    ]);
    expect(report.getRange('B2').getFormula()).toBe('=SUMIF(Sales!A2:A6,A2,Sales!C2:C6)');
    // https://developers.google.com/apps-script/reference/spreadsheet/sheet#setfrozenrowsrows
    expect(report.getFrozenRows()).toBe(1);
    // https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
    expect(
      report
        .getConditionalFormatRules()
        .map((r) => [
          String(r.getBooleanCondition()!.getCriteriaType()),
          r.getBooleanCondition()!.getCriteriaValues(),
        ]),
    ).toEqual([
      ['NUMBER_LESS_THAN', [0]],
      ['NUMBER_GREATER_THAN_OR_EQUAL_TO', [1000]],
    ]);
    expect(report.getRange('A1').getFontWeight()).toBe('bold');
    // autoResizeColumns sizes columns to rendered text; the runtime refuses to guess that width.
    expect(expectThrowMessage(() => report.getColumnWidth(1))).toMatch(
      /not implemented in the local runtime/,
    );
  });
});

describe('clean a sheet of empty rows and columns', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#deleterowrowposition
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#deletecolumncolumnposition
  it('deletes blank rows and columns inside the data and the unused ones after it', () => {
    const rt = load('clean');
    const sheet = activeSheet(rt);
    sheet.getRange('A1:D5').setValues([
      ['id', '', 'name', 'score'],
      [1, '', 'Ann', 3],
      ['', '', '', ''],
      [2, '', 'Bob', 5],
      ['', '', '', ''],
    ]);
    sheet.getRange('A7').setValue('note');
    expect(rt.run('removeEmptyRowsAndColumns')).toEqual([4, 3]);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['id', 'name', 'score'],
      [1, 'Ann', 3],
      [2, 'Bob', 5],
      ['note', '', ''],
    ]);
  });
});

describe('custom functions used from cells (https://developers.google.com/apps-script/guides/sheets/functions)', () => {
  const setup = () => {
    const rt = load('custom-functions');
    const sheet = activeSheet(rt);
    sheet.getRange('A1:A3').setValues([[32], [212], [98.6]]);
    sheet
      .getRange('C1:C2')
      .setValues([[new Date('2026-03-02T17:00:00Z')], [new Date('2026-03-16T17:00:00Z')]]);
    return { rt, sheet };
  };

  it('a range arrives as a 2D array and the 2D result spills; a cell arrives as a value', () => {
    const { sheet } = setup();
    sheet.getRange('B1').setFormula('=TO_CELSIUS(A1:A3)');
    sheet.getRange('D1').setFormula('=TO_CELSIUS(A2)');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[0], [100], [37]]);
    expect(sheet.getRange('D1').getValue()).toBe(100);
    // Results recompute when an argument changes.
    sheet.getRange('A1').setValue(50);
    expect(sheet.getRange('B1').getValue()).toBe(10);
  });

  it('names are case-insensitive; dates arrive as Date objects; a returned Date is a date', () => {
    const { sheet } = setup();
    sheet
      .getRange('E1:E3')
      .setFormulas([['=salestax(100)'], ['=SALESTAX(100, 0.2)'], ['=DAYS_BETWEEN(C1, C2)']]);
    expect(sheet.getRange('E1:E3').getValues()).toEqual([[8], [20], [14]]);
    sheet.getRange('F1').setFormula('=WEEK_OF(C2)');
    const week = sheet.getRange('F1').getValue() as Date;
    expect(Object.prototype.toString.call(week)).toBe('[object Date]');
  });

  it('a one-dimensional array fills a column; a thrown error shows #ERROR!', () => {
    const { sheet } = setup();
    sheet.getRange('G1').setFormula('=WORDS("plan do check")');
    expect(sheet.getRange('G1:G3').getValues()).toEqual([['plan'], ['do'], ['check']]);
    sheet.getRange('H1').setFormula('=SALESTAX("ten")');
    expect(sheet.getRange('H1').getValue()).toBe('#ERROR!');
  });

  it('may not change anything (read-only services) and private functions are not callable', () => {
    const { rt, sheet } = setup();
    sheet.getRange('H2').setFormula('=REMEMBER(1)');
    expect(sheet.getRange('H2').getValue()).toBe('#ERROR!');
    expect(rt.properties.script.data.size).toBe(0);
    expect(expectThrowMessage(() => sheet.getRange('H3').setFormula('=SECRET_()'))).toMatch(/SECRET_/);
  });

  it('runs for at most 30 seconds', () => {
    const { sheet } = setup();
    sheet.getRange('I1:I2').setFormulas([['=PATIENT()'], ['=SLOW()']]);
    expect(sheet.getRange('I1:I2').getValues()).toEqual([['done'], ['#ERROR!']]);
  });

  it('a spill onto other data is refused as in Sheets (#REF!)', () => {
    const { sheet } = setup();
    sheet.getRange('B2').setValue('in the way');
    sheet.getRange('B1').setFormula('=TO_CELSIUS(A1:A3)');
    expect(sheet.getRange('B1').getValue()).toBe('#REF!');
  });
});

describe('menus, sidebars and dialogs from templates', () => {
  // https://developers.google.com/apps-script/guides/menus
  // https://developers.google.com/apps-script/guides/html/templates
  // https://developers.google.com/apps-script/guides/dialogs
  it('builds the menus on open', () => {
    const rt = load('ui');
    // A bound script's onOpen may read its own spreadsheet (Spreadsheet.addMenu needs it).
    rt.run('onOpen');
    expect(rt.ui.menus.map((m) => m.title)).toEqual(['Helper', 'Legacy']);
    const helper = rt.ui.menus[0]!;
    expect(helper.items.map((i) => i.caption)).toEqual(['Show sidebar', '', 'More']);
    expect(helper.items[2]!.submenu!.items.map((i) => i.functionName)).toEqual([
      'showDialog',
      'confirmClear',
    ]);
    expect(rt.ui.menus[1]!.items.map((i) => i.functionName ?? '-')).toEqual([
      'showSidebar',
      '-',
      'showDialog',
    ]);
  });

  it('a sidebar from a template: escaped values, included stylesheet, scriptlet loop, title', () => {
    const rt = load('ui');
    rt.run('showSidebar');
    const html = rt.ui.sidebar!.getContent();
    expect(html).toContain('<h1>Sheet: Sheet1</h1>');
    expect(html).toContain('<li>&lt;alpha&gt;</li>');
    expect(html).toContain('<li>beta &amp; gamma</li>');
    expect(html).toContain('h1 { font-size: 14px; }');
    expect(html).not.toContain('<?');
    expect(rt.ui.sidebar!.getTitle()).toBe('Helper');
  });

  it('a modal dialog whose template calls a service; an alert answered Yes or No', () => {
    const rt = load('ui');
    activeSheet(rt)
      .getRange('A1:A3')
      .setValues([['a'], ['b'], ['c']]);
    rt.run('showDialog');
    expect(rt.ui.dialog!.title).toBe('About this sheet');
    expect(rt.ui.dialog!.modal).toBe(true);
    expect([rt.ui.dialog!.output.getWidth(), rt.ui.dialog!.output.getHeight()]).toEqual([400, 200]);
    expect(rt.ui.dialog!.output.getContent()).toContain('Rows with data: 3');
    activeSheet(rt).getRange('A1').setNote('keep me?');
    rt.ui.answers.push({ button: 'NO' });
    expect(rt.run('confirmClear')).toBe('kept');
    rt.ui.answers.push({ button: 'YES' });
    expect(rt.run('confirmClear')).toBe('cleared');
    expect(activeSheet(rt).getRange('A1').getNote()).toBe('');
  });
});

describe('time-driven triggers (https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers)', () => {
  it('installs, fires hourly and weekly on the clock, and uninstalls', () => {
    // Monday 16 March 2026, 10:00 in New York.
    const rt = load('triggers', '2026-03-16T14:00:00Z');
    expect(rt.run('install')).toEqual(['hourly:CLOCK', 'weekly:CLOCK']);
    const fired = rt.advanceTo('2026-03-23T15:30:00Z');
    expect(fired.every((e) => !e.error)).toBe(true);
    const runs = rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheetByName('Runs')!;
    const kinds = runs
      .getDataRange()
      .getValues()
      .map((r) => r[0]);
    expect(kinds.filter((k) => k === 'weekly')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'hourly').length).toBeGreaterThanOrEqual(168);
    const weekly = runs
      .getDataRange()
      .getValues()
      .find((r) => r[0] === 'weekly')!;
    expect(weekly[2]).toMatch(/^Mon 09:/);
    rt.run('uninstall');
    expect(rt.triggers.triggers).toHaveLength(0);
  });
});

describe('properties and logging', () => {
  // https://developers.google.com/apps-script/reference/properties/properties
  // https://developers.google.com/apps-script/reference/base/console
  it('counts runs in script properties and logs with substitutions and a timer', () => {
    const rt = load('properties-logging');
    rt.run('countRun');
    expect(rt.run('countRun')).toEqual({ runs: '2', lastRunBy: 'owner@example.com' });
    expect(rt.logs.lines).toEqual([
      'log: run 1 by owner@example.com',
      'info: settings: { runs: 1 }',
      'log: count: 250ms',
      'Run 1 finished',
      'log: run 2 by owner@example.com',
      'info: settings: { runs: 2 }',
      'log: count: 250ms',
      'Run 2 finished',
    ]);
    expect(rt.run('forget')).toEqual([]);
  });
});
