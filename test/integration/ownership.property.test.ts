/**
 * Random team workbooks lose nothing: tabs with random names (OpsPlan's own names among them) and
 * random values, formulas and notes go through every writer — Set up, Insert example, Refresh,
 * Generate report, Send and two scheduled runs — and every cell that held something still holds
 * the same value or formula, and every note is still there. A team's tab named like one OpsPlan
 * generates, or generated in earlier versions (Report, History, OpsPlan log), does not change at all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { LocalAppsScript } from '../../local/runtime/index.js';
import { freshRuntime } from '../helpers.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const NAMES = [
  'Sheet1',
  'Report',
  'History',
  'OpsPlan log',
  'Report (OpsPlan)',
  'History (OpsPlan)',
  'Plan',
  'People',
  'Goals',
  'Risks',
  'Risk register',
  'Notes',
];
const SIZE = 4;

const content = fc.oneof(
  fc.constantFrom('1E3', '$5', '1e-2', 'Report', 'On track', 'Status', 'ID', 'KPI', 'Owner', 'Score'),
  fc.integer({ min: -5, max: 500 }),
  fc.string({ maxLength: 6 }).filter((s) => !s.startsWith('=')),
  fc.constantFrom('=1+1', '=5*5', '=ROUND(2.5,0)', '=CONCATENATE("a","b")', '=IF(1>0,"On track","")'),
);
/** Headers OpsPlan knows (computed columns among them) and words it writes, so tabs get adopted. */
const header = fc.constantFrom('ID', 'Status', 'Score', 'KPI', 'Risk', 'Owner', 'Progress', 'Report', 'Date');
const at = (rows: fc.Arbitrary<number>, what: fc.Arbitrary<string | number>) =>
  fc.record({
    row: rows,
    column: fc.integer({ min: 1, max: SIZE }),
    content: fc.option(what, { nil: undefined }),
    note: fc.option(fc.string({ minLength: 1, maxLength: 6 }), { nil: undefined }),
  });
const cells = fc
  .tuple(
    fc.array(at(fc.constant(1), header), { minLength: 1, maxLength: 3 }),
    fc.array(at(fc.integer({ min: 2, max: SIZE }), content), { minLength: 1, maxLength: 5 }),
  )
  .map(([top, body]) => [...top, ...body]);
/** Names of tabs OpsPlan generates, or did (the send log's tab): a team's tab so named must not change. */
const GENERATED = ['Report', 'History', 'OpsPlan log'];
/** One tab named like a tab OpsPlan generates, then up to three more of any name. */
const workbook = fc
  .tuple(fc.constantFrom(...GENERATED), fc.shuffledSubarray(NAMES, { minLength: 1, maxLength: 3 }))
  .map(([first, rest]) => [first, ...rest.filter((name) => name !== first)])
  .chain((names) => fc.tuple(...names.map((name) => cells.map((c) => ({ name, cells: c })))));

/** Every cell of a tab's first SIZE×SIZE that holds a value, formula or note. */
function filled(tab: Sheet): Map<string, string> {
  const range = tab.getRange(1, 1, SIZE, SIZE);
  const [values, formulas, notes] = [range.getValues(), range.getFormulas(), range.getNotes()];
  const held = new Map<string, string>();
  for (let r = 0; r < SIZE; r++)
    for (let c = 0; c < SIZE; c++) {
      const at = `${tab.getName()}!R${r + 1}C${c + 1}`;
      if (formulas[r]![c]) held.set(`${at} formula`, formulas[r]![c]!);
      else if (values[r]![c] !== '') held.set(`${at} value`, JSON.stringify(values[r]![c]));
      if (notes[r]![c]) held.set(`${at} note`, notes[r]![c]!);
    }
  return held;
}

function everyWriter(rt: LocalAppsScript): void {
  rt.run('setUpPlan');
  rt.run('insertExamplePlan');
  rt.run('refreshKpiStatus');
  rt.run('generateReportNow');
  rt.run('sendStatusEmailsNow');
  rt.run('saveScheduleSettings', {
    mode: 'daily',
    weekday: 'WEDNESDAY',
    hour: 7,
    reminders: true,
    escalations: true,
  });
  const runs = rt.advanceTo('2026-11-26T16:00:00Z');
  expect(runs.map((r) => r.error)).toEqual([undefined, undefined]);
}

describe('Ownership property', () => {
  it('random workbooks lose no cell, note or formula across Set up, Refresh, Generate report, Send and scheduled runs', () => {
    fc.assert(
      fc.property(workbook, (tabs) => {
        const rt = freshRuntime({ now: '2026-11-24T15:00:00Z' });
        const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
        const sheets = tabs.map(({ name, cells }) => {
          const tab = ss.getSheetByName(name) ?? ss.insertSheet(name);
          for (const c of cells) {
            const range = tab.getRange(c.row, c.column);
            if (c.content !== undefined) range.setValue(c.content);
            if (c.note !== undefined) range.setNote(c.note);
          }
          return tab;
        });
        const generated = () =>
          rt
            .describeWorkbook()
            .sheets.filter((s) => tabs.some((t) => t.name === s.name && GENERATED.includes(s.name)));
        const before = { cells: new Map(sheets.flatMap((tab) => [...filled(tab)])), generated: generated() };
        everyWriter(rt);
        const after = new Map(sheets.flatMap((tab) => [...filled(tab)]));
        for (const [at, held] of before.cells) expect(after.get(at), at).toBe(held);
        expect(generated()).toEqual(before.generated);
      }),
      { numRuns: 4, seed: 11 },
    );
  });
});
