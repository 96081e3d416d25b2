import { describe, expect, it } from 'vitest';

import { expectThrowMessage, freshRuntime } from '../helpers.js';

function setup(options = {}) {
  const rt = freshRuntime(options);
  const app = rt.service('SpreadsheetApp');
  const ss = app.getActiveSpreadsheet();
  return { rt, app, ss, sheet: ss.getSheets()[0]! };
}

describe('Range values', () => {
  it('round-trips numbers, text, booleans and empties as Apps Script returns them', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 2, 3).setValues([
      [1, 'two', true],
      ['', null, 3.5],
    ]);
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      [1, 'two', true],
      ['', '', 3.5],
    ]);
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getRange('B1').getValue()).toBe('two');
  });

  it('interprets typed text like Sheets: numbers, percentages, ISO dates, formulas; an apostrophe keeps text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:F1').setValues([['45', '45%', '2026-04-01', '=1+1', "'=1+1", 'TRUE']]);
    const [row] = sheet.getRange('A1:F1').getValues();
    expect(row![0]).toBe(45);
    expect(row![1]).toBeCloseTo(0.45);
    expect(Object.prototype.toString.call(row![2])).toBe('[object Date]');
    expect(row![3]).toBe(2);
    expect(row![4]).toBe('=1+1');
    expect(row![5]).toBe(true);
    expect(sheet.getRange('D1').getFormula()).toBe('=1+1');
    expect(sheet.getRange('E1').getFormula()).toBe('');
  });

  it('keeps text in plain-text formatted cells as typed', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setNumberFormat('@').setValue('=SUM(1,2)');
    expect(sheet.getRange('A1').getValue()).toBe('=SUM(1,2)');
  });

  it('returns error values as their display strings', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['=1/0', '#REF!', '=NA()']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['#DIV/0!', '#REF!', '#N/A']]);
  });

  it('throws like Apps Script when the data does not fit the range', () => {
    const { sheet } = setup();
    expect(
      expectThrowMessage(() =>
        sheet.getRange(1, 1, 3, 2).setValues([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(expectThrowMessage(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]]))).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  it('rejects ranges outside the sheet and invalid A1 notation', () => {
    const { sheet } = setup();
    expect(expectThrowMessage(() => sheet.getRange(1001, 1))).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(expectThrowMessage(() => sheet.getRange(0, 1))).toBe(
      'The starting row of the range is too small.',
    );
    expect(expectThrowMessage(() => sheet.getRange('not a range'))).toBe('Range not found');
    expect(expectThrowMessage(() => sheet.getRange(1, 1, 0, 1))).toBe(
      'The number of rows in the range must be at least 1.',
    );
    sheet.insertRowsAfter(1000, 10);
    expect(sheet.getMaxRows()).toBe(1010);
    expect(sheet.getRange(1005, 1).getA1Notation()).toBe('A1005');
  });

  it('rejects over-long cell text', () => {
    const { sheet } = setup();
    expect(expectThrowMessage(() => sheet.getRange('A1').setValue('x'.repeat(50_001)))).toMatch(
      /maximum of 50000 characters/,
    );
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect((sheet.getRange('A1').getValue() as string).length).toBe(50_000);
  });

  it('formats display values by number format', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[0.456, 12800, 46000]]);
    sheet.getRange('A1').setNumberFormat('0%');
    sheet.getRange('B1').setNumberFormat('"$"#,##0.00');
    sheet.getRange('C1').setNumberFormat('yyyy-mm-dd');
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['46%', '$12,800.00', '2025-12-09']]);
  });
});

describe('Dates and time zones', () => {
  it('stores a Date as the wall-clock date of the spreadsheet time zone and returns the same instant', () => {
    for (const timeZone of ['America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC']) {
      const { sheet } = setup({ timeZone });
      const d = new Date('2026-07-01T04:30:00Z');
      sheet.getRange('A1').setValue(d);
      const back = sheet.getRange('A1').getValue() as Date;
      expect(back.getTime()).toBe(d.getTime());
      expect(sheet.getRange('A1').getNumberFormat()).toMatch(/yyyy/);
    }
  });

  it('reads the same serial date as different instants in different zones', () => {
    const ny = setup({ timeZone: 'America/New_York' });
    const tokyo = setup({ timeZone: 'Asia/Tokyo' });
    ny.sheet.getRange('A1').setValue('2026-01-15');
    tokyo.sheet.getRange('A1').setValue('2026-01-15');
    expect((ny.sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect((tokyo.sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-01-14T15:00:00.000Z');
  });

  it('hands the bundle Dates of its own realm', () => {
    const { rt, sheet } = setup();
    sheet.getRange('A1').setValue('2026-01-15');
    const value = sheet.getRange('A1').getValue();
    expect(value instanceof Date).toBe(false); // host realm's Date differs: proof the value belongs to the script's realm
    expect(Object.prototype.toString.call(value)).toBe('[object Date]');
    expect(rt.functionNames()).toContain('onOpen');
  });
});

describe('Formulas', () => {
  it('computes with a real engine, TODAY() from the runtime clock in the spreadsheet time zone', () => {
    // 02:00 UTC on 16 March is still 15 March in New York.
    const { rt, sheet } = setup({ now: '2026-03-16T02:00:00Z' });
    sheet.getRange('A1:B1').setFormulas([['=TODAY()', '=IF(TODAY()>A2,"late","ok")']]);
    sheet.getRange('A2').setValue('2026-03-15');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-03-15T04:00:00.000Z');
    expect(sheet.getRange('B1').getValue()).toBe('ok');
    rt.setNow('2026-03-17T15:00:00Z');
    expect(sheet.getRange('B1').getValue()).toBe('late');
  });

  it('understands bare TRUE and FALSE and the functions OpsPlan generates', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet
      .getRange('B1:B4')
      .setFormulas([
        ['=IF(TRUE,"yes","no")'],
        ['=IFS(A1>5,"big",TRUE,"small")'],
        ['=SUMIFS(A1:A3,A1:A3,">1")'],
        ['=IFERROR(INDEX(A1:A3,MATCH(3,A1:A3,0)),"none")'],
      ]);
    expect(sheet.getRange('B1:B4').getValues()).toEqual([['yes'], ['small'], [5], [3]]);
  });

  it('reads named ranges in formulas', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1').setValue(0.1);
    ss.setNamedRange('AtRiskBand', sheet.getRange('A1'));
    sheet.getRange('B1').setFormula('=AtRiskBand*2');
    expect(sheet.getRange('B1').getValue()).toBeCloseTo(0.2);
    expect(ss.getRangeByName('atriskband')!.getA1Notation()).toBe('A1');
  });

  it('rejects formulas it would compute differently from Google Sheets, never a silently wrong value', () => {
    const { sheet } = setup();
    expect(expectThrowMessage(() => sheet.getRange('A1').setFormula('=SUM(B2:B)'))).toMatch(
      /open-ended ranges/,
    );
    expect(expectThrowMessage(() => sheet.getRange('A1').setFormula('=LET(x,1,x)'))).toMatch(
      /LET is not implemented/,
    );
    expect(expectThrowMessage(() => sheet.getRange('A1').setFormula('=SPARKLINE(B1:B3)'))).toMatch(
      /SPARKLINE/,
    );
    expect(expectThrowMessage(() => sheet.getRange('A1').setFormula('=TEXT(0.5,"0%")'))).toMatch(/TEXT\(\)/);
    // Text inside quotes is not code.
    sheet.getRange('A1').setFormula('="A2:A"');
    expect(sheet.getRange('A1').getValue()).toBe('A2:A');
  });
});

describe('Spreadsheet and Sheet', () => {
  it('refuses duplicate sheet names and deleting the last sheet', () => {
    const { ss, sheet } = setup();
    ss.insertSheet('Plan');
    expect(expectThrowMessage(() => ss.insertSheet('plan'))).toBe(
      'A sheet with the name "plan" already exists. Please enter another name.',
    );
    ss.deleteSheet(sheet);
    expect(expectThrowMessage(() => ss.deleteSheet(ss.getSheetByName('Plan')!))).toBe(
      "You can't remove all the sheets in a document.",
    );
  });

  it('keeps sheet order, ids, tab colours, frozen rows and column widths', () => {
    const { ss } = setup();
    const b = ss.insertSheet('B');
    const a = ss.insertSheet('A', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['A', 'Sheet1', 'B']);
    expect(a.getSheetId()).not.toBe(b.getSheetId());
    a.setTabColor('#1a73e8').setFrozenRows(1);
    a.setColumnWidth(2, 240);
    expect([a.getTabColor(), a.getFrozenRows(), a.getColumnWidth(2), a.getColumnWidth(3)]).toEqual([
      '#1a73e8',
      1,
      240,
      100,
    ]);
    expect(ss.getSheetByName('A')).toBe(a);
  });

  it('stores data validation and enforces rules that reject invalid input', () => {
    const { app, sheet } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(['Low', 'High'], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange('A1:A3').setDataValidation(rule);
    expect(sheet.getRange('A2').getDataValidation()!.getCriteriaValues()[0]).toEqual(['Low', 'High']);
    sheet.getRange('A1').setValue('High');
    expect(expectThrowMessage(() => sheet.getRange('A2').setValue('Huge'))).toBe(
      'The data you entered in cell A2 violates the data validation rules set on this cell.',
    );
    expect(sheet.getRange('A4').getDataValidation()).toBeNull();
    // A number rule judges the number Sheets makes of text, as when a person types it:
    // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireNumberGreaterThanOrEqualTo(Number)
    sheet
      .getRange('B1:B3')
      .setDataValidation(
        app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(false).build(),
      );
    sheet.getRange('B1').setValue('1000');
    expect(sheet.getRange('B1').getValue()).toBe(1000);
    for (const bad of ['-5', 'lots'])
      expect(expectThrowMessage(() => sheet.getRange('B2').setValue(bad))).toMatch(
        /violates the data validation/,
      );
  });

  it('replaces all conditional format rules on set, like Sheets', () => {
    const { app, sheet } = setup();
    const red = app
      .newConditionalFormatRule()
      .whenTextEqualTo('Off track')
      .setBackground('#f4c7c3')
      .setRanges([sheet.getRange('A1:A9')])
      .build();
    const green = app
      .newConditionalFormatRule()
      .whenTextEqualTo('On track')
      .setBackground('#b7e1cd')
      .setRanges([sheet.getRange('A1:A9')])
      .build();
    sheet.setConditionalFormatRules([red]);
    sheet.setConditionalFormatRules([green]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    expect(rules[0]!.getBooleanCondition()!.getCriteriaValues()).toEqual(['On track']);
  });

  it('cannot merge cells, so no range holds a merged one', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/range#getMergedRanges()
    const { sheet } = setup();
    expect(expectThrowMessage(() => sheet.getRange('A1:B2').merge())).toBe(
      'not implemented in the local runtime: Range.merge',
    );
    expect(sheet.getRange('A1:C3').getMergedRanges()).toEqual([]);
  });

  it('refuses a custom-formula rule that references another sheet', () => {
    // Custom formulas may reference only their own sheet: https://support.google.com/docs/answer/78413
    const { app } = setup();
    expect(
      expectThrowMessage(() => app.newConditionalFormatRule().whenFormulaSatisfied("='Timeline'!A2=1")),
    ).toMatch(
      /not implemented in the local runtime: a conditional format formula that references another sheet/,
    );
    expect(() => app.newConditionalFormatRule().whenFormulaSatisfied('=$A2="x!"')).not.toThrow();
  });

  it('inserting rows moves notes and formats with their cells', () => {
    const { sheet } = setup();
    sheet.getRange('A2').setValue('x').setNote('a note').setNumberFormat('0%');
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getRange('A4').getNote()).toBe('a note');
    expect(sheet.getRange('A4').getValue()).toBe('x');
    expect(sheet.getRange('A2').getNote()).toBe('');
  });
});

describe('Call accounting and unsupported members', () => {
  it('counts every service call by class and method', () => {
    const { rt, sheet } = setup();
    rt.calls.reset();
    const range = sheet.getRange('A1:B2');
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    range.getValues();
    range.getValues();
    expect(rt.calls.snapshot()).toEqual({ 'Range.getValues': 2, 'Range.setValues': 1, 'Sheet.getRange': 1 });
  });

  it('throws for a method the runtime does not implement instead of doing nothing', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B2') as unknown as { merge(): void };
    expect(expectThrowMessage(() => range.merge())).toBe('not implemented in the local runtime: Range.merge');
  });
});
