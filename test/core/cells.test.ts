import { describe, expect, it } from 'vitest';

import { CELL_TEXT_MAX, clampCell, literal } from '../../src/core/cells.js';
import { CELL_CHARACTERS } from '../../src/core/limits.js';

describe('Text written to cells', () => {
  it('keeps as text what Sheets would read as a number, currency, date, time, boolean or formula', () => {
    for (const text of [
      '1E3',
      '$5',
      '1e-2',
      '12',
      '-3',
      '45%',
      '1,000',
      '€7',
      '2026-03-31',
      '3/4',
      '9:30',
      'TRUE',
      '=A1',
      '+1',
      '#N/A',
    ])
      expect(literal(text), text).toBe(`'${text}`);
    for (const text of ['G1', 'KPI-7', 'On track', 'E3 rollout', '']) expect(literal(text), text).toBe(text);
  });

  it('clamps every string below the 50,000-character cell limit, with an ellipsis', () => {
    const long = 'x'.repeat(60_000);
    expect(clampCell(long)).toHaveLength(CELL_TEXT_MAX);
    expect(clampCell(long).endsWith('…')).toBe(true);
    expect(literal(`=${long}`).length).toBeLessThan(CELL_CHARACTERS);
    expect(clampCell('short')).toBe('short');
    // A surrogate pair is never split.
    const emoji = `${'x'.repeat(CELL_TEXT_MAX - 2)}😀😀`;
    expect(clampCell(emoji).endsWith('x…')).toBe(true);
  });
});
