/**
 * Any RACI a team writes, in either shape, is adopted without a cell changing: Set up, Check and
 * Send now run on random RACI tabs (names or matrix headers, letters combined or not, names, Roles,
 * Teams, headings, junk) through the built bundle, and the team's block reads back as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { freshRuntime } from '../helpers.js';

const PEOPLE = [
  ['Name', 'Email', 'Role', 'Team'],
  ['Ana', 'ana@example.com', 'Product Manager', 'Product'],
  ['Ben', 'ben@example.com', 'QA Lead', 'Quality'],
  ['Cy', 'cy@example.com', 'QA Lead', 'Quality'],
];

const namesHeader = fc.constantFrom(
  ['Task/Activity', 'Responsible', 'Accountable', 'Consulted', 'Informed'],
  ['ID', 'Task', 'Responsible (R)', 'Accountable (A)', 'Notes'],
  ['Activity', 'R', 'A', 'C', 'I', 'Phase'],
);
const matrixHeader = fc
  .subarray(['Ana', 'Ben', 'QA Lead', 'Product', 'Stranger'], { minLength: 1 })
  .map((people) => ['ID', 'Activity', ...people]);
const cell = fc.oneof(
  fc.constantFrom('', '', 'R', 'A', 'A/R', 'r, a', 'RA', 'C', 'I', 'X', 'Informed'),
  fc.constantFrom('Ana', 'Ana; Ben', 'QA Lead', 'Quality, Stranger', 'T1', 'Initiation Phase'),
  // Team text, not formulas: a cell typed with a leading = is a formula (refused when unsupported).
  fc.string({ maxLength: 12 }).filter((s) => !s.trimStart().startsWith('=')),
  fc.integer(),
  fc.boolean(),
);

describe('RACI adoption, any shape', () => {
  it('Set up, Check and Send now leave every team cell of a random RACI as it was', () => {
    fc.assert(
      fc.property(
        fc.oneof(namesHeader, matrixHeader),
        fc.array(fc.array(cell, { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 6 }),
        (header, body) => {
          const rt = freshRuntime();
          const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
          ss.insertSheet('People').getRange(1, 1, PEOPLE.length, 4).setValues(PEOPLE);
          const rows = [[...header], ...body.map((r) => r.slice(0, header.length))];
          const sheet = ss.insertSheet('RACI');
          const block = sheet.getRange(1, 1, rows.length, header.length);
          block.setValues(rows);
          const before = block.getValues();
          rt.run('setUpPlan');
          rt.run('checkPlanNow');
          rt.run('sendStatusEmailsNow');
          expect(block.getValues()).toEqual(before);
          expect(rt.run<{ changes: number }>('setUpPlan').changes).toBe(0);
        },
      ),
      { numRuns: 12, seed: 14 },
    );
  }, 60_000);
});
