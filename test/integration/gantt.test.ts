/**
 * The Gantt view through the bundle: OpsPlan's own tab, its cells formulas that read the Timeline by
 * row, its bars conditional formats painted as the runtime renders them for the playground.
 * Custom-formula rules apply to empty cells and the first matching rule paints:
 * https://support.google.com/docs/answer/78413
 */
import { describe, expect, it } from 'vitest';

import { renderSheet } from '../../local/runtime/render.js';
import { MILESTONE } from '../../src/core/gantt.js';
import { RAG } from '../../src/core/spec/types.js';
import { cellOf, exampleRuntime } from '../helpers.js';

type Runtime = ReturnType<typeof exampleRuntime>;
const MONDAY = 1;

/** The Gantt as the playground paints it, with each row's ID and each week's start. */
function painted(rt: Runtime, name = 'Gantt') {
  const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
  const sheet = ss.getSheetByName(name)!;
  const values = sheet.getDataRange().getValues();
  const header = values[0]!;
  // Dates come from the script's context, another realm: recognised by their tag, not instanceof.
  const first = header.findIndex((v) => Object.prototype.toString.call(v) === '[object Date]');
  const weeks = header.slice(first) as Date[];
  const cells = renderSheet(rt.workbook, rt.workbook.sheetByName(name)!).cells;
  /** Fill of each week cell of a piece of work, and the weeks holding a diamond. */
  const row = (id: string) => {
    const r = values.findIndex((line) => line[0] === id);
    expect(r, id).toBeGreaterThan(0);
    return weeks.map((_, w) => ({ bg: cells[r]![first + w]!.bg ?? null, text: cells[r]![first + w]!.v }));
  };
  return { sheet, weeks, row, first };
}

/** The index of the week holding a date (weeks start on Monday, in the spreadsheet's calendar). */
const weekOf = (weeks: Date[], date: Date) =>
  weeks.findIndex(
    (start) => start.getTime() <= date.getTime() && date.getTime() < start.getTime() + 7 * 86_400_000,
  );
/** The weeks a piece of work spans, from its Start (or Due) to its Due, on the Timeline. */
function span(rt: Runtime, weeks: Date[], id: string): number[] {
  const start = cellOf(rt, 'timeline', 'start', id).getValue() as Date;
  const due = cellOf(rt, 'timeline', 'due', id).getValue() as Date;
  const [from, to] = [weekOf(weeks, start), weekOf(weeks, due)];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
const filled = (cells: { bg: string | null }[], colour: string) =>
  cells.flatMap((c, w) => (c.bg === colour ? [w] : []));

describe('Build Gantt view', () => {
  it('draws each piece of work in its weeks: done green, to do blue, overdue or waiting on late work red', () => {
    const rt = exampleRuntime(); // today 2026-11-24
    const run = rt.run<{ sheet: string; rows: number; weeks: number }>('buildGanttNow');
    expect(run).toMatchObject({ sheet: 'Gantt', rows: 8 });
    const { weeks, row } = painted(rt);
    expect(weeks.every((w) => w.getDay() === MONDAY)).toBe(true);
    expect(weeks).toHaveLength(run.weeks);
    const today = weekOf(weeks, new Date('2026-11-24T12:00:00Z'));
    const bars = (id: string, colour: string) =>
      expect(
        filled(row(id), colour).filter((w) => w !== today),
        id,
      ).toEqual(span(rt, weeks, id).filter((w) => w !== today));
    bars('T1', RAG.green.background); // done
    bars('T4', RAG.green.background);
    bars('T5', RAG.red.background); // overdue
    bars('T6', RAG.red.background); // waits on T5, which is overdue
    bars('T8', RAG.blue.background); // in progress
    // This week is amber where no bar is, in every row.
    expect(row('T7')[today]!.bg).toBe(RAG.amber.background);
    // A milestone's diamond is in its due week; other work has none.
    const due = (id: string) => weekOf(weeks, cellOf(rt, 'timeline', 'due', id).getValue() as Date);
    expect(row('T4').flatMap((c, w) => (c.text === MILESTONE ? [w] : []))).toEqual([due('T4')]);
    expect(row('T8').some((c) => c.text === MILESTONE)).toBe(false);
  });

  it('follows the Timeline live, with no script run, and is rebuilt in place, never twice', () => {
    const rt = exampleRuntime();
    rt.run('buildGanttNow');
    const tabs = () => rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheets().length;
    const count = tabs();
    // T5 is done now: its bar turns green, and T6 no longer waits on late work.
    cellOf(rt, 'timeline', 'completed', 'T5').setValue('2026-11-23');
    const { weeks, row } = painted(rt);
    const today = weekOf(weeks, new Date('2026-11-24T12:00:00Z'));
    expect(filled(row('T5'), RAG.green.background).filter((w) => w !== today)).toEqual(
      span(rt, weeks, 'T5').filter((w) => w !== today),
    );
    expect(filled(row('T6'), RAG.red.background)).toEqual([]);
    rt.run('buildGanttNow');
    expect(tabs()).toBe(count);
  });

  it('leaves a team’s own "Gantt" tab alone and uses a free name', () => {
    const rt = exampleRuntime();
    const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
    ss.insertSheet('Gantt').getRange('A1').setValue('our own chart');
    const run = rt.run<{ sheet: string; notices: string[] }>('buildGanttNow');
    expect(run.sheet).toBe('Gantt (OpsPlan)');
    expect(run.notices.join(' ')).toMatch(/Your tab "Gantt" is not one OpsPlan made/);
    expect(ss.getSheetByName('Gantt')!.getDataRange().getValues()).toEqual([['our own chart']]);
    expect(rt.run<{ sheet: string }>('buildGanttNow').sheet).toBe('Gantt (OpsPlan)');
    const { sheet } = painted(rt, 'Gantt (OpsPlan)');
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
  });
});
