/**
 * The formula engine's evaluation shortcuts (local/runtime/lazy-conditionals.ts,
 * local/runtime/lookup-speedups.ts) change what is computed, never a result.
 */
import type { HyperFormula, RawCellContent } from 'hyperformula';
import { describe, expect, it } from 'vitest';

import { createEngine } from '../../local/runtime/formula-engine.js';
import { buildFormula } from '../../src/core/formulas.js';
import { GOALS } from '../../src/core/spec/tabs.js';
import type { FormulaKey } from '../../src/core/spec/types.js';

const engine = (eagerConditionals: boolean) =>
  createEngine({ now: () => Date.UTC(2026, 5, 1), timeZone: () => 'UTC', eagerConditionals });

function evaluate(hf: HyperFormula, rows: RawCellContent[][]): unknown[][] {
  const sheet = hf.getSheetId(hf.addSheet('S'))!;
  hf.setSheetContent(sheet, rows);
  return hf
    .getSheetValues(sheet)
    .map((row) => row.map((v) => (typeof v === 'object' && v ? String(v.value) : v)));
}

/** A small Goals tab in spec column order (formula columns included): a weighted tree and a Parent loop. */
function goalsTab(): RawCellContent[][] {
  const keys = GOALS.columns.map((c) => c.key);
  const letter = (key: string) => String.fromCharCode(65 + keys.indexOf(key as never));
  const goals: Record<string, RawCellContent>[] = [
    { id: 'G1', goal: 'Top' },
    { id: 'G2', parent: 'G1', weight: 2 },
    { id: 'G3', parent: ' g2 ', kpi: 'K', baseline: 0, target: 10, actual: 4, direction: 'Increase' },
    { id: 'G4', parent: 'G2', kpi: 'K', baseline: 10, target: 0, actual: 9, direction: 'Decrease' },
    { id: 'G5', parent: 'G1', kpi: 'K', target: 5, actual: 5, direction: 'Maintain' },
    { id: 'G6', parent: 'G7' },
    { id: 'G7', parent: 'G6', kpi: 'K', target: 1, actual: 1 },
    { id: 'G8', parent: 'G3', kpi: 'K', target: 1, actual: 'n/a' },
  ];
  return [
    GOALS.columns.map((c) => c.header),
    ...goals.map((goal, i) =>
      GOALS.columns.map((c) =>
        c.type === 'formula'
          ? buildFormula(c.formula as FormulaKey, (key: string) => `${letter(key)}${i + 2}`)
          : (goal[c.key] ?? null),
      ),
    ),
  ];
}

describe('IF and IFS evaluate only the value their condition picks', () => {
  // https://support.google.com/docs/answer/3093364 (IF), https://support.google.com/docs/answer/7014145 (IFS)
  const formulas: RawCellContent[][] = [
    [1, 'text', null, '=IF(A1>0,"pos","neg")', '=IF(C1,1)', '=IF(B1,1,2)'],
    [-2, 'TRUE', 0, '=IF(1/0,1,2)', '=IF(TRUE,1/0,2)', '=IF(FALSE,1/0,2)'],
    [3, '', '', '=IF(B2,"yes","no")', '=IF(B3,1,2)', '=IF(A1:A3>0,1,0)'],
    [null, null, null, '=IF(TRUE,A1:A2,0)', '=IFS(A1>5,"a",A1>0,"b")', '=IFS(FALSE,1)'],
    [null, null, null, '=IFS(A2>0,1,B1,2)', '=IF(A1=1,IF(B1="text",COUNTIFS(A1:A3,">0"),0),0)', '=IF(,1,2)'],
  ];

  it('gives HyperFormula’s own results for scalars, errors, text, blanks, ranges and arrays', () => {
    expect(evaluate(engine(false), formulas)).toEqual(evaluate(engine(true), formulas));
  });

  it('gives the goal roll-up’s own results, a Parent loop included', () => {
    const lazy = evaluate(engine(false), goalsTab());
    expect(lazy).toEqual(evaluate(engine(true), goalsTab()));
    const column = (key: string) => lazy.map((row) => row[GOALS.columns.findIndex((c) => c.key === key)]);
    // Rows 6 and 7 (G6, G7) are each other's Parent; G3's Parent is typed " g2 ".
    expect(column('status')[6]).toBe('Check parents');
    expect(column('path').slice(3, 8)).toEqual([' G1 › g2 › G3 ', ' G1 › G2 › G4 ', ' G1 › G5 ', '', '']);
  });
});

describe('lookups over whole columns', () => {
  // https://support.google.com/docs/answer/3093378 (MATCH), https://support.google.com/docs/answer/3098242 (INDEX)
  it('MATCH finds the first exact match without case, follows edits and inserted rows, and says #N/A when absent', () => {
    const hf = engine(false);
    const sheet = hf.getSheetId(hf.addSheet('S'))!;
    hf.setSheetContent(sheet, [
      ['ID', 'Parent', '=MATCH("g2",$A:$A,0)', '=INDEX($B:$B,MATCH("G3",$A:$A,0))', '=MATCH("",$A:$A,0)'],
      ['G1', ''],
      ['G2', 'G1'],
      ['g2', 'G9'],
      ['G3', 'G2'],
    ]);
    const row = () =>
      hf
        .getSheetValues(sheet)[0]!
        .slice(2)
        .map((v) => (typeof v === 'object' ? String(v) : v));
    expect(row()).toEqual([3, 'G2', '#N/A']);
    hf.setCellContents({ sheet, row: 2, col: 0 }, 'X');
    hf.setCellContents({ sheet, row: 4, col: 0 }, 'G4');
    expect(row()).toEqual([4, '#N/A', '#N/A']);
    hf.addRows(sheet, [1, 2]);
    hf.setCellContents({ sheet, row: 1, col: 0 }, [['G3', 'G7']]);
    expect(row()).toEqual([6, 'G7', '#N/A']);
  });

  // https://support.google.com/docs/answer/12405947: search_mode -1 searches from last to first.
  it('XLOOKUP searching from the last row finds the last exact match', () => {
    const hf = engine(false);
    const sheet = hf.getSheetId(hf.addSheet('S'))!;
    hf.setSheetContent(sheet, [
      ['x', 1, '=XLOOKUP("x",A1:A5,B1:B5,"none",0,-1)', '=XLOOKUP("x",A1:A5,B1:B5,"none",0,1)'],
      [null, 2],
      ['X', 3],
    ]);
    expect(hf.getSheetValues(sheet)[0]!.slice(2)).toEqual([3, 1]);
  });

  it('INDEX reads the cell at the position and refuses positions outside the range', () => {
    const rows: RawCellContent[][] = [
      [
        1,
        '=INDEX($A:$A,3)',
        '=INDEX(A1:A3,4)',
        '=INDEX(A1:B3,3,2)',
        '=INDEX($A:$A,"x")',
        '=INDEX(A1:B3,2,2)',
      ],
      [2, 'b'],
      ['three', '=A1*10'],
    ];
    const values = evaluate(engine(false), rows)[0]!.slice(1);
    expect(values).toEqual(['three', '#NUM!', 10, '#VALUE!', 'b']);
  });
});
