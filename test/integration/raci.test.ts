/**
 * The RACI as teams write it (issue 14), through the built bundle: a names tab (Responsible,
 * Accountable, Consulted, Informed columns) and a matrix with person, Role and Team columns, each
 * adopted without changing a team cell, checked (findings named by tab, row and column) and used
 * for escalations. Section headings are no activities; combined letters mean both.
 */
import { describe, expect, it } from 'vitest';

import type { LocalAppsScript } from '../../local/runtime/index.js';
import type { Finding } from '../../src/core/check.js';
import { cellOf, exampleRuntime, freshRuntime } from '../helpers.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Result = { findings: Finding[] };
type PipelineResult = { sent: { kind: string; to: string }[] };

const spreadsheet = (rt: LocalAppsScript) => rt.service('SpreadsheetApp').getActiveSpreadsheet();

/** The example plan with its RACI replaced by the team's own tab. */
function withTeamRaci(name: string, rows: string[][]): { rt: LocalAppsScript; sheet: Sheet } {
  const rt = exampleRuntime();
  const ss = spreadsheet(rt);
  ss.deleteSheet(ss.getSheetByName('RACI')!);
  const sheet = ss.insertSheet(name);
  sheet.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows);
  return { rt, sheet };
}

const raciFindings = (rt: LocalAppsScript) =>
  rt
    .run<Result>('checkPlanNow')
    .findings.filter((f) => f.tabKey === 'raci')
    .map((f) => `${f.rule} ${f.tab}!${f.cell} ${f.header}`)
    .sort();

/** Who got an escalation of T5 (overdue in the example plan). */
function escalatedTo(rt: LocalAppsScript): string[] {
  rt.run<PipelineResult>('sendStatusEmailsNow');
  return rt.outbox.messages
    .filter((m) => /Late work escalated to you:\n- T5 /.test(m.text))
    .map((m) => m.to[0]!);
}

const setPlanOwner = (rt: LocalAppsScript, name: string) =>
  spreadsheet(rt).getRangeByName('OpsPlan_PlanOwner')!.setValue(name);

// Example People: Sam Patel (IT manager, IT), Dana Kim (CISO, Security), Jordan Lee and Priya Shah
// (Security), Alex Rivera (IT), Morgan Blake (Northwind Consulting).
const NAMES = [
  ['Task/Activity', 'Responsible', 'Accountable', 'Consulted', 'Informed', 'Notes'],
  ['Initiation Phase', '', '', '', '', ''],
  [
    'First vulnerability scan of updated devices',
    'Priya Shah',
    'IT manager',
    'Jordan Lee; Security',
    'Dana Kim',
    'weekly',
  ],
  ['Security-awareness training, wave 1', 'Morgan Blake', 'Sam Patel, Dana Kim', '', 'Stranger', ''],
  ['Roll-out Phase', '', '', '', '', ''],
  ['New antivirus on all devices', '', 'Sam Patel', '', 'IT', ''],
];

describe('RACI as names: Responsible, Accountable, Consulted, Informed columns', () => {
  it('is what Set up creates: six columns however many people there are (issue 13)', () => {
    const rt = freshRuntime();
    const ss = spreadsheet(rt);
    const people = ss.insertSheet('People');
    const rows = [['Name', 'Email'], ...Array.from({ length: 60 }, (_, i) => [`P${i}`, `p${i}@example.com`])];
    people.getRange(1, 1, rows.length, 2).setValues(rows);
    rt.run('setUpPlan');
    const raci = ss.getSheetByName('RACI')!;
    expect(raci.getRange(1, 1, 1, raci.getLastColumn()).getValues()[0]).toEqual([
      'ID',
      'Activity',
      'Responsible',
      'Accountable',
      'Consulted',
      'Informed',
    ]);
  });

  it('is adopted as it is: every team cell unchanged, no column added', () => {
    const { rt, sheet } = withTeamRaci('RACI chart', NAMES);
    const preview = rt.run<{ tabs: { tab: string; sheet: string; kept: string[] }[] }>('previewSetUp');
    expect(preview.tabs.find((t) => t.tab === 'RACI')).toMatchObject({
      sheet: 'RACI chart',
      kept: ['Notes'],
    });
    rt.run('setUpPlan');
    expect(sheet.getDataRange().getValues()).toEqual(NAMES);
    expect(rt.run<{ changes: number }>('setUpPlan').changes).toBe(0);
  });

  it('is checked by the same rules, each finding at its cell; headings are no activities', () => {
    const { rt } = withTeamRaci('RACI chart', NAMES);
    expect(raciFindings(rt)).toEqual([
      'raci-accountable RACI chart!C4 Accountable', // Sam Patel, Dana Kim
      'raci-responsible RACI chart!B6 Responsible',
      'raci-unknown-person RACI chart!E4 Informed', // Stranger
    ]);
  });

  it('escalates to the Accountable found by the activity’s name: a Role of one person is that person', () => {
    const { rt } = withTeamRaci('RACI chart', NAMES);
    setPlanOwner(rt, 'Dana Kim');
    expect(escalatedTo(rt)).toEqual(['sam.patel@example.com']); // IT manager: Sam alone
  });

  it('escalates to the Plan owner when the Accountable is a Team of several people', () => {
    const { rt, sheet } = withTeamRaci('RACI chart', NAMES);
    setPlanOwner(rt, 'Dana Kim');
    sheet.getRange('C3').setValue('Security'); // Dana, Jordan and Priya
    expect(escalatedTo(rt)).toEqual(['dana.kim@example.com']);
    expect(raciFindings(rt)).toContain('raci-accountable-group RACI chart!C3 Accountable');
  });
});

const MATRIX = [
  ['ID', 'Activity', 'IT manager', 'Security', 'Morgan Blake', 'Priya Shah', 'Stranger'],
  ['Initiation Phase', '', '', '', '', '', ''],
  ['T5', 'First vulnerability scan', 'A', 'C', '', 'R', ''],
  ['T1', 'Training wave 1', 'r/a', '', 'R,A', '', ''],
  ['T2', 'Training wave 2', 'RA', 'I', 'C', '', 'X'],
  ['T3', 'Training wave 3', 'A/R', 'Informed', 'R; C', '', ''],
  ['T4', 'New antivirus on all devices', '', 'A', 'R', '', ''],
];

describe('RACI as a matrix of person, Role and Team columns', () => {
  it('is adopted as it is; Set up adds a column only for people no column stands for', () => {
    const { rt, sheet } = withTeamRaci('RACI matrix', MATRIX);
    rt.run('setUpPlan');
    const values = sheet.getDataRange().getValues();
    expect(values.map((row) => row.slice(0, MATRIX[0]!.length))).toEqual(MATRIX);
    // Sam is the IT manager; Dana, Jordan and Priya are Security; Morgan and Priya have columns.
    expect(values[0]!.slice(MATRIX[0]!.length)).toEqual(['Alex Rivera']);
    expect(rt.run<{ changes: number }>('setUpPlan').changes).toBe(0);
  });

  it('is checked: combined letters mean both, a heading is no activity, a Team Accountable is noted', () => {
    const { rt } = withTeamRaci('RACI matrix', MATRIX);
    expect(raciFindings(rt)).toEqual([
      'raci-accountable RACI matrix!A4 ID', // r/a and R,A: two Accountables
      'raci-accountable-group RACI matrix!D7 Security',
      'raci-letter RACI matrix!G5 Stranger', // X
      'raci-unknown-person RACI matrix!G1 Stranger',
    ]);
  });

  it('tells a Consulted Team column’s people in their digests when FYI is on', () => {
    const { rt } = withTeamRaci('RACI matrix', MATRIX);
    spreadsheet(rt).getRangeByName('OpsPlan_FyiDigest')!.setValue('Yes');
    rt.run('sendStatusEmailsNow');
    const jordan = rt.outbox.messages.filter((m) => m.to[0] === 'jordan.lee@example.com');
    expect(jordan).toHaveLength(1);
    expect(jordan[0]!.text).toMatch(/For your information:\n- T5 .*you are Consulted/);
  });

  it('escalates to the one person of the Accountable Role column', () => {
    const { rt } = withTeamRaci('RACI matrix', MATRIX);
    setPlanOwner(rt, 'Dana Kim');
    expect(escalatedTo(rt)).toEqual(['sam.patel@example.com']);
  });
});

describe('Consulted and Informed hear of late and due-soon work (For your information)', () => {
  const fyi = /For your information/;
  /** The example plan with T5 (overdue, owned by Priya) consulting Security and informing Kim, who owns nothing. */
  function fyiPlan(on: boolean): LocalAppsScript {
    const rt = exampleRuntime();
    const ss = spreadsheet(rt);
    const people = ss.getSheetByName('People')!;
    const header = people.getRange(1, 1, 1, people.getLastColumn()).getValues()[0]!.map(String);
    const kim: Record<string, string> = { Name: 'Kim Ode', Email: 'kim.ode@example.com' };
    people
      .getRange(people.getLastRow() + 1, 1, 1, header.length)
      .setValues([header.map((h) => kim[h] ?? '')]);
    cellOf(rt, 'raci', 'consulted', 'T5').setValue('Security'); // Dana, Jordan and Priya
    cellOf(rt, 'raci', 'informed', 'T5').setValue('Dana Kim; Kim Ode');
    if (on) ss.getRangeByName('OpsPlan_FyiDigest')!.setValue('Yes');
    return rt;
  }
  const messageTo = (rt: LocalAppsScript, address: string) => {
    const mine = rt.outbox.messages.filter((m) => m.to[0] === address);
    expect(mine, address).toHaveLength(1);
    return mine[0]!.text;
  };

  it('is off unless the Plan says Yes', () => {
    const rt = fyiPlan(false);
    rt.run('sendStatusEmailsNow');
    expect(rt.outbox.messages.filter((m) => fyi.test(m.text))).toEqual([]);
  });

  it('on: each one (a Team stands for its people) finds it in their one digest, and nothing goes twice', () => {
    const rt = fyiPlan(true);
    rt.run('sendStatusEmailsNow');
    const line = /For your information[^]*- T5 .*(Consulted|Informed)/;
    expect(messageTo(rt, 'jordan.lee@example.com')).toMatch(line); // Consulted, through Security
    expect(messageTo(rt, 'dana.kim@example.com')).toMatch(line); // with her manager report
    expect(messageTo(rt, 'kim.ode@example.com')).toMatch(line); // owns nothing: a digest of FYI alone
    // Its opening says what the list is, never "Nothing needs you now" above it.
    expect(messageTo(rt, 'kim.ode@example.com')).toMatch(
      /^\* Know about 1 late or due-soon item of others \(for your information\)$/m,
    );
    expect(messageTo(rt, 'kim.ode@example.com')).not.toMatch(/Nothing needs you/);
    expect(messageTo(rt, 'priya.shah@example.com')).not.toMatch(fyi); // T5 is hers: listed as her work
    const count = rt.outbox.messages.length;
    expect(rt.run<PipelineResult>('sendStatusEmailsNow').sent).toEqual([]);
    expect(rt.outbox.messages).toHaveLength(count);
  });

  it('the schedule asks approval for them, naming why', () => {
    const rt = fyiPlan(true);
    const status = rt.run<{ recipients: { address: string; source: string }[] }>('getSchedule');
    expect(status.recipients.find((r) => r.address === 'kim.ode@example.com')?.source).toMatch(
      /Kim Ode \(Informed on T5\)/,
    );
  });
});
