import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { accountableOf, readRaci } from '../../src/core/raci.js';
import { PEOPLE, RACI } from '../../src/core/spec/tabs.js';
import { RACI_LETTERS } from '../../src/core/spec/vocab.js';
import { readTable } from '../../src/core/tables.js';
import { parseRaciLetters } from '../../src/core/values.js';

describe('combined RACI letters', () => {
  it('any letters, in any order and case, joined by / , ; & + - or spaces, or run together, mean each of them', () => {
    const letters = fc.subarray([...RACI_LETTERS], { minLength: 1 });
    const form = fc.record({
      order: fc.boolean(),
      lower: fc.boolean(),
      separator: fc.constantFrom('/', ',', ', ', ' ; ', '&', ' + ', '-', ' ', ''),
    });
    fc.assert(
      fc.property(letters, form, (chosen, f) => {
        const written = (f.order ? [...chosen].reverse() : chosen).join(f.separator);
        const parsed = parseRaciLetters(f.lower ? written.toLowerCase() : written);
        expect(parsed).toEqual({ ok: true, value: chosen });
      }),
      { seed: 14 },
    );
  });

  it('reads the words and refuses anything else', () => {
    expect(parseRaciLetters(' Accountable / responsible ')).toEqual({ ok: true, value: ['R', 'A'] });
    expect(parseRaciLetters('')).toEqual({ ok: true, value: null });
    for (const wrong of ['X', 'S', 'RR', 'R/X', 'yes', '/', 'R and A', 1, true])
      expect(parseRaciLetters(wrong).ok, String(wrong)).toBe(false);
  });
});

const people = readTable(PEOPLE, {
  sheetName: 'People',
  header: ['Name', 'Role', 'Team'],
  rows: [
    ['Ana', 'Product Manager', 'Product'],
    ['Ben', 'QA Lead', 'Quality'],
    ['Cy', 'QA Lead', 'Quality'],
  ],
});

describe('reading a RACI', () => {
  it('a row with only its first cell filled is a heading; a lone ID is an activity', () => {
    const names = readTable(RACI, {
      sheetName: 'RACI',
      header: ['Task', 'Responsible', 'Accountable'],
      rows: [['Initiation Phase'], ['Design', 'Ana', 'Ana'], ['Build phase', '', '']],
    });
    expect(names.records.map((r) => r.row)).toEqual([3]);
    const matrix = readTable(RACI, {
      sheetName: 'RACI',
      header: ['ID', 'Activity', 'Ana'],
      rows: [['Phase 1'], ['T9', '', ''], ['', 'Planning', '']],
    });
    expect(matrix.map.shape?.name).toBe('matrix');
    expect(matrix.records.map((r) => r.row)).toEqual([3, 4]);
  });

  it('an Accountable is one person, a Role or Team of one, or else ambiguous', () => {
    const table = readTable(RACI, {
      sheetName: 'RACI',
      header: ['ID', 'Accountable'],
      rows: [
        ['T1', 'product manager'],
        ['T2', 'QA Lead'],
        ['T3', 'Ana; Ben'],
        ['T4', 'Nobody'],
        ['T5', 'ben'],
      ],
    });
    const raci = readRaci(table, people);
    const of = (id: string) => accountableOf(raci, { id });
    expect(of('T1')).toEqual({ kind: 'person', name: 'Ana' });
    expect(of('T2')).toEqual({ kind: 'ambiguous', why: 'Accountable QA Lead is 2 people' });
    expect(of('T3')).toEqual({ kind: 'ambiguous', why: '2 Accountables' });
    expect(of('T4')).toEqual({ kind: 'none' });
    expect(of('T5')).toEqual({ kind: 'person', name: 'Ben' });
    expect(of('T6')).toEqual({ kind: 'none' });
  });
});
