import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { PendingDialog } from '../../local/playground/protocol.js';
import { PlaygroundSession } from '../../local/playground/session.js';
import { specColumn } from '../helpers.js';
import { projectDir } from './playground-project.js';

const stateFileIn = (prefix: string) => join(mkdtempSync(join(tmpdir(), prefix)), 'state.json');

describe('playground session', () => {
  it('opens on the example plan, keeps changes across restarts, and resets', () => {
    const stateFile = stateFileIn('opsplan-session-');
    const first = new PlaygroundSession({ stateFile, now: '2026-11-24T15:00:00Z' });
    expect(first.state().sheets.map((s) => s.name)).toContain('Goals');
    expect(first.state().sidebarOpen).toBe(true);
    first.apply({ kind: 'edit', sheet: 'Goals', row: 3, column: specColumn('goals', 'actual'), value: '99' });
    first.apply({ kind: 'run', fn: 'sendStatusEmailsNow', args: [] });
    const sent = first.state().outbox.length;
    expect(sent).toBeGreaterThan(0);

    const restarted = new PlaygroundSession({ stateFile, now: '2030-01-01T00:00:00Z' });
    const goals = restarted.state('Goals').active!;
    expect(goals.cells[2]![specColumn('goals', 'actual') - 1]!.v).toBe('99');
    expect(restarted.state().outbox.length).toBe(sent);
    expect(restarted.state().nowIso).toBe(first.state().nowIso); // the clock is part of the state

    restarted.reset();
    expect(restarted.state().outbox.length).toBe(0);
    expect(restarted.state('Goals').active!.cells[2]![specColumn('goals', 'actual') - 1]!.v).toBe('90.2');
  });

  it('reports a failing call as an error, like google.script.run', () => {
    const session = new PlaygroundSession({ now: '2026-11-24T15:00:00Z' });
    const result = session.apply({ kind: 'run', fn: 'noSuchFunction', args: [] });
    expect(result.ok).toBe(false);
    expect(result.error!.message).toBe('Script function not found: noSuchFunction');
    const dated = session.apply({ kind: 'run', fn: 'goToCell', args: ['Goals', 'A1'] });
    expect(dated.ok).toBe(true);
  });

  it('asks the user to confirm Send: No sends nothing, and the answer is replayed on restart', () => {
    // Ui.alert blocks until the user answers and returns the button clicked:
    // https://developers.google.com/apps-script/reference/base/ui#alert(String,String,ButtonSet)
    const stateFile = stateFileIn('opsplan-dialog-');
    const asked: PendingDialog[] = [];
    let reply = 'NO';
    const session = new PlaygroundSession({
      stateFile,
      now: '2026-11-24T15:00:00Z',
      ask: (dialog) => {
        asked.push(dialog);
        return { button: reply };
      },
    });
    session.apply({ kind: 'menu', fn: 'menuSendEmails' });
    expect(asked).toEqual([
      expect.objectContaining({ kind: 'alert', buttons: 'YES_NO', title: 'Send status emails now' }),
    ]);
    expect(session.state().outbox).toHaveLength(0);
    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { ops: { answers?: unknown }[] };
    expect(saved.ops.at(-1)!.answers).toEqual([{ button: 'NO' }]);

    reply = 'YES';
    session.apply({ kind: 'menu', fn: 'menuSendEmails' });
    // Yes sends, then the result is an OK alert the user dismisses.
    expect(asked.map((d) => d.buttons)).toEqual(['YES_NO', 'YES_NO', 'OK']);
    const sent = session.state().outbox.length;
    expect(sent).toBeGreaterThan(0);

    const restarted = new PlaygroundSession({
      stateFile,
      now: '2026-11-24T15:00:00Z',
      ask: () => {
        throw new Error('a replay must not ask again');
      },
    });
    expect(restarted.state().outbox).toHaveLength(sent);
  });

  it('reads clock moves on the spreadsheet’s wall clock', () => {
    const session = new PlaygroundSession({ now: '2026-11-24T15:00:00Z', blank: true });
    session.apply({ kind: 'setNow', wall: '2026-12-01T09:30' });
    // America/New_York is UTC−5 in December.
    expect(session.state().nowIso).toBe('2026-12-01T14:30:00.000Z');
    expect(session.state().nowWall).toBe('2026-12-01T09:30');
  });
});

describe('a project of the user’s own in the playground', () => {
  const session = (ask: (d: PendingDialog) => { button: string; text?: string }) => {
    return new PlaygroundSession({ now: '2026-11-24T15:00:00Z', blank: true, distDir: projectDir(), ask });
  };

  it('answers Ui.prompt with the text the user typed, or Cancel', () => {
    // https://developers.google.com/apps-script/reference/base/prompt-response
    const answers = [
      { button: 'CANCEL', text: 'ignored' },
      { button: 'OK', text: 'Hello' },
    ];
    const asked: PendingDialog[] = [];
    const playground = session((d) => (asked.push(d), answers.shift()!));
    playground.apply({ kind: 'menu', fn: 'nameA1' });
    expect(playground.state().active!.cells[0]![0]!.v).toBe('');
    playground.apply({ kind: 'menu', fn: 'nameA1' });
    expect(playground.state().active!.cells[0]![0]!.v).toBe('Hello');
    expect(asked[0]).toEqual({
      kind: 'prompt',
      title: 'Name',
      prompt: 'What goes in A1?',
      buttons: 'OK_CANCEL',
    });
  });

  it('runs onEdit for what the user types in the grid', () => {
    // https://developers.google.com/apps-script/guides/triggers#onedite
    const playground = session(() => ({ button: 'OK' }));
    playground.apply({ kind: 'edit', sheet: 'Sheet1', row: 2, column: 1, value: '42' });
    expect(playground.state().active!.cells[1]![1]!.v).toBe('edited: 42');
  });

  it('reads an embedded chart’s data from its ranges: categories, named series, options', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
    const playground = session(() => ({ button: 'OK' }));
    playground.apply({ kind: 'menu', fn: 'insertCharts' });
    const [column, pie] = playground.state().active!.charts;
    expect(column).toMatchObject({
      type: 'COLUMN',
      title: 'Budget by category',
      anchor: { row: 6, column: 1, offsetX: 0, offsetY: 0 },
      width: 420,
      categories: ['Tools', 'People', 'Training'],
      series: [
        { name: 'Planned', values: [5000, 4800, 3000] },
        { name: 'Actual', values: [4850, 2400, 3300] },
      ],
    });
    // No header row in D2:E4: every row is data.
    expect(pie).toMatchObject({ type: 'PIE', pieHole: 0.4, categories: ['Tools', 'People', 'Training'] });
    expect(pie!.series).toHaveLength(1);
  });
});

describe('what the playground draws', () => {
  it('paints each conditional-format criterion as Sheets evaluates it, custom formulas on empty cells too', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
    const session = new PlaygroundSession({ now: '2026-11-24T15:00:00Z', blank: true });
    const app = session.rt.service('SpreadsheetApp');
    const sheet = app.getActiveSpreadsheet().getSheets()[0]!;
    sheet.getRange('A1:E1').setValues([['On track', 'mostly late', 5, '', 20]]);
    const rule = (range: string) => app.newConditionalFormatRule().setRanges([sheet.getRange(range)]);
    sheet.setConditionalFormatRules([
      rule('A1').whenTextEqualTo('on track').setBackground('#b7e1cd').build(),
      rule('B1').whenTextContains('LATE').setFontColor('#a50e0e').build(),
      rule('C1').whenNumberLessThan(10).setBold(true).build(),
      rule('D1').whenCellEmpty().setBackground('#e8eaed').build(),
      rule('E1').whenNumberGreaterThan(30).setBackground('#f4c7c3').build(),
      // A Gantt bar: an empty cell painted because the formula, shifted to it, holds.
      rule('F1:G1').whenFormulaSatisfied('=COLUMN(F1)=7').setBackground('#1a73e8').build(),
    ]);
    const [line] = session.state().active!.cells;
    expect(line!.slice(0, 7).map((c) => [c.bg ?? null, c.color ?? null, c.bold ?? false])).toEqual([
      ['#b7e1cd', null, false],
      [null, '#a50e0e', false],
      [null, null, true],
      ['#e8eaed', null, false],
      [null, null, false], // 20 is not greater than 30
      [null, null, false],
      ['#1a73e8', null, false],
    ]);
    expect(session.state().active!.unpainted).toEqual([]);

    // A colour scale: 50 lies halfway between the range's minimum 0 and maximum 100.
    // https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#setgradientmaxpointcolor
    sheet.getRange('A2:D2').setValues([[0, 50, 100, 'text']]);
    sheet.setConditionalFormatRules([
      rule('A2:D2').setGradientMinpoint('#ffffff').setGradientMaxpoint('#000000').build(),
    ]);
    const scaled = session
      .state()
      .active!.cells[1]!.slice(0, 4)
      .map((c) => c.bg ?? null);
    expect(scaled).toEqual(['#ffffff', '#808080', '#000000', null]);
  });

  it('links a HYPERLINK cell to its computed target and aligns numbers right', () => {
    const session = new PlaygroundSession({ now: '2026-11-24T15:00:00Z', blank: true });
    session.apply({ kind: 'edit', sheet: 'Sheet1', row: 1, column: 1, value: 'https://example.com/' });
    session.apply({
      kind: 'edit',
      sheet: 'Sheet1',
      row: 1,
      column: 2,
      value: '=HYPERLINK(A1&"wiki", "Wiki, here")',
    });
    session.apply({ kind: 'edit', sheet: 'Sheet1', row: 1, column: 3, value: '42' });
    const [line] = session.state().active!.cells;
    expect(line![1]).toMatchObject({ v: 'Wiki, here', link: 'https://example.com/wiki' });
    expect(line![2]!.align).toBe('right');
    expect(line![0]!.align).toBeUndefined();
  });
});
