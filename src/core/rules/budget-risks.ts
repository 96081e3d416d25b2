/** Rules of the Budget and Risks tabs. */
import { RISKS } from '../spec/tabs';
import type { ColumnSpec } from '../spec/types';
import { isoFromDay } from '../values';
import { eachRecord, rule } from './define';

export const noPlannedCost = rule({
  id: 'no-planned-cost',
  tabs: ['budget'],
  severity: 'warning',
  summary: 'A cost line has Planned money or Hours.',
  message: () => 'The line has neither Planned money nor Hours.',
  fix: () => 'Enter the planned spend, or Hours and Rate for in-house work.',
  find: eachRecord(
    'budget',
    (row, table) =>
      table.hasColumn('planned') && !row.has('planned') && !row.has('hours') && { column: 'planned' },
  ),
});

export const hoursWithoutRate = rule({
  id: 'hours-without-rate',
  tabs: ['budget'],
  severity: 'warning',
  summary: 'Planned hours have a Rate.',
  message: () => 'Hours are planned but Rate is blank, so they cost nothing in the Planned total.',
  fix: () => 'Enter the cost of one hour.',
  find: eachRecord(
    'budget',
    (row, table) => table.hasColumn('rate') && row.has('hours') && !row.has('rate') && { column: 'rate' },
  ),
});

const isOpen = (state: string) => state !== 'Closed';
const OPEN_RISK_KEYS = ['owner', 'response', 'reviewDate', 'likelihood', 'impact'] as const;

export const openRiskIncomplete = rule({
  id: 'open-risk-incomplete',
  tabs: ['risks'],
  severity: 'warning',
  summary: 'An open risk has an Owner, an if-then Response, a Review date, a Likelihood and an Impact.',
  message: (p: { column: ColumnSpec }) => `This open risk has no ${p.column.header}.`,
  fix: (p) => `Fill in ${p.column.header}: ${p.column.note}`,
  find: eachRecord('risks', (row, table) =>
    isOpen(row.text('state'))
      ? OPEN_RISK_KEYS.filter((k) => table.hasColumn(k) && !row.has(k)).map((k) => ({
          column: k,
          params: { column: RISKS.columns.find((c) => c.key === k)! as ColumnSpec },
        }))
      : null,
  ),
});

export const responseNotIfThen = rule({
  id: 'response-not-if-then',
  tabs: ['risks'],
  severity: 'info',
  summary: 'An open risk’s Response is written as "If <trigger>, then <action>".',
  message: () => 'The response is not written as if-then.',
  fix: () => 'Say when it applies and what happens: "If <trigger>, then <action>".',
  find: eachRecord('risks', (row) => {
    const response = row.text('response');
    return (
      isOpen(row.text('state')) &&
      response &&
      !/\bif\b[\s\S]*\bthen\b/i.test(response) && { column: 'response' }
    );
  }),
});

export const reviewOverdue = rule({
  id: 'review-overdue',
  tabs: ['risks'],
  severity: 'warning',
  summary: 'An open risk’s Review date has not passed.',
  message: (p: { review: number }) => `The review was due ${isoFromDay(p.review)}.`,
  fix: () => 'Review the risk, update Likelihood, Impact and Response, and set the next Review date.',
  find: eachRecord('risks', (row, _table, ctx) => {
    const review = row.num('reviewDate');
    return (
      isOpen(row.text('state')) &&
      review !== null &&
      review < ctx.today && { column: 'reviewDate', params: { review } }
    );
  }),
});

export const BUDGET_RISK_RULES = [
  noPlannedCost,
  hoursWithoutRate,
  openRiskIncomplete,
  responseNotIfThen,
  reviewOverdue,
] as const;
