// Everything the sidebar sends arrives through google.script.run, which passes any plain data to any
// top-level function: https://developers.google.com/apps-script/guides/html/reference/run#parameters
// Each sidebar function must refuse a malformed call in plain words, before it reads or writes.
import { createHash } from 'node:crypto';

import { beforeAll, describe, expect, it } from 'vitest';

import type { LocalAppsScript } from '../../local/runtime/index.js';
import { MAX_TAB_NAME, SIDEBAR_API, type SidebarFunction } from '../../src/core/api-schemas.js';
import { exampleRuntime, expectThrowMessage, isSpreadsheetWrite } from '../helpers.js';

const FORMULA = '=HYPERLINK("https://attacker.example","click me")';
const HUGE = 'x'.repeat(200_000);
const weekly = { mode: 'weekly', weekday: 'WEDNESDAY', hour: 9, reminders: false, escalations: false };

/** A digest of everything a refused call could have changed: cells, properties, triggers, mail. */
function state(rt: LocalAppsScript): string {
  const everything = JSON.stringify({
    workbook: rt.describeWorkbook(),
    properties: [rt.properties.document, rt.properties.script, rt.properties.user].map((store) => [
      ...(store?.data.entries() ?? []),
    ]),
    triggers: rt.triggers.triggers.map((t) => t.uid),
    mail: rt.outbox.messages.length,
  });
  return createHash('sha256').update(everything).digest('hex');
}

const malformed: [name: SidebarFunction, args: unknown[], error: RegExp][] = [
  ...Object.keys(SIDEBAR_API)
    .filter((name) => SIDEBAR_API[name as SidebarFunction].def.items.length === 0)
    .map((name): [SidebarFunction, unknown[], RegExp] => [
      name as SidebarFunction,
      [FORMULA],
      new RegExp(`${name} takes no arguments`),
    ]),
  ['goToCell', [], /goToCell takes 2 argument\(s\): tab name, cell/],
  ['goToCell', ['Goals', 'A1', 'extra'], /goToCell takes 2 argument/],
  ['goToCell', [1, 'A1'], /the tab name must be a string/],
  ['goToCell', ['Goals', { a1: 'A1' }], /the cell must be a string/],
  ['goToCell', ['Goals', FORMULA], /the cell must be a cell address such as B7/],
  ['goToCell', ['Goals', 'A1:B2'], /the cell must be a cell address/],
  ['goToCell', [HUGE, 'A1'], new RegExp(`the tab name is longer than ${MAX_TAB_NAME} characters`)],
  ['goToCell', ['', 'A1'], /the tab name is empty/],
  ['saveScheduleSettings', [], /saveScheduleSettings takes 1 argument\(s\): schedule/],
  ['saveScheduleSettings', [weekly, weekly], /takes 1 argument/],
  ['saveScheduleSettings', [null], /the schedule must be an object/],
  ['saveScheduleSettings', [JSON.stringify(weekly)], /the schedule must be an object/],
  ['saveScheduleSettings', [{ ...weekly, extra: true }], /the schedule has unknown field\(s\) "extra"/],
  ['saveScheduleSettings', [{ ...weekly, [HUGE]: 1 }], /the schedule has unknown field\(s\) "x{40}…"/],
  ['saveScheduleSettings', [{ ...weekly, hour: '9' }], /the schedule hour must be a number/],
  ['saveScheduleSettings', [{ ...weekly, hour: 24 }], /the schedule hour must be at most 23/],
  ['saveScheduleSettings', [{ ...weekly, hour: 8.5 }], /the schedule hour must be an int/],
  ['saveScheduleSettings', [{ ...weekly, weekday: FORMULA }], /the schedule weekday must be one of SUNDAY/],
  [
    'saveScheduleSettings',
    [{ ...weekly, mode: HUGE }],
    /the schedule mode must be one of off, daily, weekly/,
  ],
  ['saveScheduleSettings', [{ ...weekly, reminders: 'yes' }], /the schedule reminders must be a boolean/],
  ['saveScheduleSettings', [{ mode: 'daily' }], /the schedule weekday must be/],
];

describe('the sidebar API refuses malformed calls', () => {
  let rt: LocalAppsScript;
  let before: string;
  beforeAll(() => {
    rt = exampleRuntime();
    before = state(rt);
  });

  for (const [name, args, error] of malformed) {
    it(`${name}(${JSON.stringify(args).slice(0, 70)})`, () => {
      rt.calls.reset();
      const message = expectThrowMessage(() => rt.scriptRun(name, args));
      expect(message).toMatch(/^OpsPlan refused the request: /);
      expect(message).toMatch(error);
      // The rejected value is never echoed: it may be huge, or a formula.
      expect(message.length).toBeLessThan(200);
      expect(message).not.toContain('HYPERLINK');
      // Refused before anything ran: not one service call, so nothing read or written.
      expect(rt.calls.snapshot()).toEqual({});
    });
  }

  it('changed nothing at all', () => {
    expect(state(rt)).toBe(before);
  });

  it('a well-formed call still works through the same path', () => {
    rt.scriptRun('goToCell', ['Risks', 'K3']);
    const active = rt.service('SpreadsheetApp').getActiveSpreadsheet().getActiveRange()!;
    expect([active.getSheet().getName(), active.getA1Notation()]).toEqual(['Risks', 'K3']);
  });

  it('a tab name that names no tab (a formula, say) is a plain error and writes nothing', () => {
    rt.calls.reset();
    expect(expectThrowMessage(() => rt.scriptRun('goToCell', [FORMULA, 'A1']))).toBe(
      'That tab is gone or was renamed: run Check plan again.',
    );
    expect(rt.calls.total(isSpreadsheetWrite)).toBe(0);
  });
});
