import { describe, expect, it } from 'vitest';

import { literal } from '../../src/core/cells.js';
import { mapHeaders } from '../../src/core/headers.js';
import { RISKS, TIMELINE } from '../../src/core/spec/tabs.js';
import {
  dayFromIso,
  isoFromDay,
  parseBoolean,
  parseDate,
  parsePercent,
  parseScale,
} from '../../src/core/values.js';

describe('values as people write them', () => {
  it('reads likelihood and impact as 1–5 from numbers and words', () => {
    const cases: [unknown, number][] = [
      [3, 3],
      ['4', 4],
      ['Low', 2],
      ['medium', 3],
      ['H', 4],
      ['Very low', 1],
      ['very high', 5],
      ['Rare', 1],
      ['Unlikely', 2],
      ['Possible', 3],
      ['Likely', 4],
      ['Almost certain', 5],
      ['Negligible', 1],
      ['Minor', 2],
      ['Moderate', 3],
      ['Major', 4],
      ['Severe', 5],
    ];
    for (const [input, expected] of cases)
      expect(parseScale(input), String(input)).toEqual({ ok: true, value: expected });
    for (const bad of [0, 6, 2.5, 'Huge', '#REF!']) expect(parseScale(bad).ok, String(bad)).toBe(false);
  });

  it('reads percentages as 0.45, 45 %, "45%" or 45', () => {
    for (const v of [0.45, '45%', '45 %', 45])
      expect(parsePercent(v), String(v)).toEqual({ ok: true, value: 0.45 });
    expect(parsePercent(1)).toEqual({ ok: true, value: 1 });
    expect(parsePercent('lots').ok).toBe(false);
  });

  it('reads dates from date cells (ISO from the adapter), ISO text and serials; rejects the rest', () => {
    expect(parseDate('2026-03-31')).toEqual({ ok: true, value: dayFromIso('2026-03-31') });
    expect(parseDate('2026-03-31T00:00')).toEqual({ ok: true, value: dayFromIso('2026-03-31') });
    expect(parseDate('3/31/2026')).toEqual({ ok: true, value: dayFromIso('2026-03-31') });
    expect(parseDate(46112)).toEqual({ ok: true, value: 46112 });
    expect(isoFromDay(46112)).toBe('2026-03-31');
    for (const bad of ['2026-02-30', 'next week', 12, true])
      expect(parseDate(bad).ok, String(bad)).toBe(false);
  });

  it('reads booleans from checkboxes and Yes/No', () => {
    expect(parseBoolean(true)).toEqual({ ok: true, value: true });
    expect(parseBoolean('Yes')).toEqual({ ok: true, value: true });
    expect(parseBoolean('n')).toEqual({ ok: true, value: false });
    expect(parseBoolean('maybe').ok).toBe(false);
  });
});

describe('adopting headers', () => {
  it('matches aliases case-, space- and punctuation-insensitively and keeps unknown columns', () => {
    const map = mapHeaders(RISKS, [
      'Risk ID',
      ' risk  description ',
      'PROBABILITY',
      'Impact',
      'Mitigation / Contingency',
      'Risk-Owner',
      'Board notes',
    ]);
    expect(map.byKey.get('id')).toBe(0);
    expect(map.byKey.get('risk')).toBe(1);
    expect(map.byKey.get('likelihood')).toBe(2);
    expect(map.byKey.get('owner')).toBe(5);
    expect(map.unknown).toEqual([4, 6]);
    const timeline = mapHeaders(TIMELINE, ['Task', 'Assignee', 'Due Date', 'Deadline']);
    expect([timeline.byKey.get('name'), timeline.byKey.get('owner'), timeline.byKey.get('due')]).toEqual([
      0, 1, 2,
    ]);
    expect(timeline.duplicates).toEqual([{ key: 'due', index: 3 }]);
  });
});

describe('literal text', () => {
  it('keeps anything Sheets would interpret as text', () => {
    expect(literal('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(literal('+1 555')).toBe("'+1 555");
    expect(literal('45%')).toBe("'45%");
    expect(literal('2026-01-02')).toBe("'2026-01-02");
    expect(literal('TRUE')).toBe("'TRUE");
    expect(literal('Plain words')).toBe('Plain words');
  });
});
