/**
 * Formula text and values after writes and structural changes. The runtime remembers formula text
 * and defers evaluation to the next read (local/runtime/workbook.ts); Sheets shows every change at
 * once, so neither may ever show a stale formula or value.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#getFormulas()
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsBefore(Integer,Integer)
 */
import { describe, expect, it } from 'vitest';

import { freshRuntime } from '../helpers.js';

function setup() {
  const ss = freshRuntime().service('SpreadsheetApp').getActiveSpreadsheet();
  const sheet = ss.getSheets()[0]!;
  const other = ss.insertSheet('Other');
  return { ss, sheet, other };
}

describe('formula text and values are never stale', () => {
  it('a formula read, then rewritten, moved by inserted or deleted rows and columns, reads anew', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([[2, '=A1*2']]);
    expect(sheet.getRange('B1').getFormula()).toBe('=A1*2');
    expect(sheet.getRange('B1').getValue()).toBe(4);
    sheet.getRange('B1').setFormula('=A1*3');
    expect(sheet.getRange('B1').getFormula()).toBe('=A1*3');
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getRange('B3').getFormula()).toBe('=A3*3');
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getRange('C3').getFormula()).toBe('=B3*3');
    sheet.deleteRows(1, 1);
    expect(sheet.getRange('C2').getFormula()).toBe('=B2*3');
    expect(sheet.getRange('C1:C2').getFormulas()).toEqual([[''], ['=B2*3']]);
    sheet.deleteColumns(1, 1);
    expect(sheet.getRange('B2').getFormula()).toBe('=A2*3');
    expect(sheet.getRange('B2').getValue()).toBe(6);
  });

  it('a reference to another tab follows its rename', () => {
    const { sheet, other } = setup();
    other.getRange('A1').setValue(5);
    sheet.getRange('A1').setFormula('=Other!A1+1');
    expect(sheet.getRange('A1').getFormula()).toBe('=Other!A1+1');
    other.setName('Renamed');
    expect(sheet.getRange('A1').getFormula()).toBe('=Renamed!A1+1');
    expect(sheet.getRange('A1').getValue()).toBe(6);
  });

  it('many writes, then one read: every value reflects every write', () => {
    const { sheet } = setup();
    sheet.getRange('B1').setFormula('=SUM(A1:A50)');
    for (let i = 1; i <= 50; i++) sheet.getRange(i, 1).setValue(i);
    expect(sheet.getRange('B1').getValue()).toBe(1275);
    sheet.getRange('A50').setValue(0);
    sheet.getRange('A49').setValue(0);
    expect(sheet.getRange('B1').getValue()).toBe(1275 - 99);
  });
});
