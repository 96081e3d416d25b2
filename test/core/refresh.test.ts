import { describe, expect, it } from 'vitest';

import { formulaPlan } from '../../src/core/refresh.js';
import { GOALS } from '../../src/core/spec/tabs.js';
import { readTable } from '../../src/core/tables.js';
import type { CellValue } from '../../src/core/values.js';

const headers: string[] = GOALS.columns.map((c) => c.header);
const formulaColumns = GOALS.columns.flatMap((c, i) => (c.type === 'formula' ? [i + 1] : []));
const at = (key: string) => GOALS.columns.findIndex((c) => c.key === key);

/** A Goals row with data in its input columns and nothing in its formula columns. */
function goal(id: string): CellValue[] {
  const row: CellValue[] = headers.map(() => '');
  row[at('id')] = id;
  row[at('kpi')] = `KPI of ${id}`;
  row[at('target')] = 100;
  return row;
}

function plan(rows: CellValue[][], formulas?: string[][], header: readonly string[] = headers) {
  return formulaPlan(readTable(GOALS, { sheetName: 'Goals', header, rows, formulas }));
}

/** Every cell the plan writes, as "row:column" → formula. */
function written(result: ReturnType<typeof formulaPlan>): Map<string, string> {
  const cells = new Map<string, string>();
  for (const block of result.blocks)
    for (const line of block.cells)
      for (const cell of line) cells.set(`${cell.row}:${cell.column}`, cell.formula);
  return cells;
}

describe('formulaPlan: which formula cells Refresh writes', () => {
  const rows = [goal('G1'), goal('G2')];
  const first = plan(
    rows,
    rows.map((r) => r.map(() => '')),
  );

  it('gives every data row a formula in each formula column, built for its own row', () => {
    expect(first.dataRows).toBe(2);
    const cells = written(first);
    expect([...cells.keys()].sort()).toEqual(
      [2, 3].flatMap((row) => formulaColumns.map((column) => `${row}:${column}`)).sort(),
    );
    for (const column of formulaColumns) {
      const row2 = cells.get(`2:${column}`)!;
      expect(row2).toMatch(/^=/);
      // The same formula, with its same-row references moved to row 3.
      expect(cells.get(`3:${column}`)).toBe(row2.replace(/\b([A-Z]{1,3})2\b/g, '$13'));
    }
  });

  it('writes nothing when the formulas are already there, however they are spaced or cased', () => {
    const cells = written(first);
    const current = rows.map((r, i) =>
      r.map((_, j) => (cells.get(`${i + 2}:${j + 1}`) ?? '').toLowerCase().replace(/,/g, ', ')),
    );
    const again = plan(rows, current);
    expect(again.blocks).toEqual([]);
    expect(again.conflicts).toEqual([]);
  });

  it('keeps a value typed over a formula and reports it; the cells around it are still written', () => {
    const status = at('status');
    const typed = rows.map((r) => [...r]);
    typed[0]![status] = 'On track';
    const result = plan(
      typed,
      typed.map((r) => r.map(() => '')),
    );
    expect(result.conflicts).toEqual([
      { row: 2, column: status + 1, header: 'Status', kind: 'value', value: 'On track' },
    ]);
    const cells = written(result);
    expect(cells.has(`2:${status + 1}`)).toBe(false);
    expect(cells.has(`3:${status + 1}`)).toBe(true);
  });

  it('keeps a formula the team wrote in a formula column, and reports it', () => {
    const status = at('status');
    const cells = written(first);
    const formulas = rows.map((r, i) => r.map((_, j) => cells.get(`${i + 2}:${j + 1}`) ?? ''));
    formulas[1]![status] = '=IF(J3>90,"Fine","Not yet")';
    const result = plan(rows, formulas);
    expect(result.blocks).toEqual([]);
    expect(result.conflicts).toEqual([
      { row: 3, column: status + 1, header: 'Status', kind: 'formula', value: '=IF(J3>90,"Fine","Not yet")' },
    ]);
  });

  it('rewrites its own formula that kept another row’s numbers (a cut-and-pasted row)', () => {
    const cells = written(first);
    const swapped = [2, 3].map((row) => rows[0]!.map((_, j) => cells.get(`${5 - row}:${j + 1}`) ?? ''));
    const after = written(plan(rows, swapped));
    expect(after).toEqual(cells);
  });

  it('clears a formula left in a row that no longer holds data', () => {
    const cells = written(first);
    const formulas = [rows[0]!.map((_, j) => cells.get(`2:${j + 1}`) ?? ''), rows[1]!.map(() => '')];
    const emptied = [goal('G1'), headers.map(() => '')];
    const result = plan(emptied, formulas.reverse());
    expect(result.dataRows).toBe(1);
    const after = written(result);
    for (const column of formulaColumns) expect(after.get(`3:${column}`), `column ${column}`).toBe('');
  });

  it('reports a formula column it cannot build because a column it reads is missing', () => {
    const withoutTarget = headers.filter((h) => h !== 'Target');
    const rowsWithout = rows.map((r) => r.filter((_, j) => j !== at('target')));
    const result = plan(rowsWithout, undefined, withoutTarget);
    expect(result.unbuildable.length).toBeGreaterThan(0);
    expect(result.unbuildable.every((u) => u.missing === 'Target')).toBe(true);
    const unbuilt = new Set(result.unbuildable.map((u) => withoutTarget.indexOf(u.header) + 1));
    for (const key of written(result).keys()) expect(unbuilt.has(Number(key.split(':')[1]))).toBe(false);
  });
});
