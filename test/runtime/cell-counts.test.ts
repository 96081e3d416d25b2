/**
 * The call log's cell counts, which the benchmark prices (bench/README.md): a range's area for
 * reads and writes, one cell for single-cell getters, the cells that hold something for clears.
 */
import { describe, expect, it } from 'vitest';

import { freshRuntime } from '../helpers.js';

describe('cells per call', () => {
  it('counts the area read or written, one cell for getValue, and only used cells cleared', () => {
    const rt = freshRuntime();
    const sheet = rt.service('SpreadsheetApp').getActiveSpreadsheet().getActiveSheet();
    sheet.getRange(1, 1, 3, 4).setValues([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10, 11, 12],
    ]);
    sheet.getRange(1, 1, 3, 4).getValues();
    sheet.getRange(2, 2).getValue();
    sheet.getRange(1, 1, 3, 4).getA1Notation();
    sheet.getRange(2, 1, 100, 26).clear(); // rows 2–3 of columns A–D hold something
    expect(rt.calls.cells()).toEqual({
      'Range.setValues': 12,
      'Range.getValues': 12,
      'Range.getValue': 1,
      'Range.clear': 8,
    });
    sheet.clear();
    expect(rt.calls.cells()['Sheet.clear']).toBe(4);
  });
});
