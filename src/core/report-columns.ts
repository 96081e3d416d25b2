/** Column titles of the report's and emails' tables: taken from the tab specs, never retyped. */
import { BUDGET, columnSpec, GOALS, RISKS, TIMELINE } from './spec/tabs';
import type { TabSpec } from './spec/types';

const h = (tab: TabSpec, key: string) => columnSpec(tab, key).header;

export const KPI_COLUMNS = {
  report: [
    h(GOALS, 'id'),
    h(GOALS, 'kpi'),
    h(GOALS, 'owner'),
    h(GOALS, 'actual'),
    h(GOALS, 'target'),
    h(GOALS, 'progress'),
    h(GOALS, 'expected'),
    h(GOALS, 'status'),
    'Trend',
  ],
  // Progress is shown under the value: four columns fit a phone.
  email: [
    h(GOALS, 'id'),
    h(GOALS, 'kpi'),
    `${h(GOALS, 'actual')} / ${h(GOALS, 'target').toLowerCase()}`,
    h(GOALS, 'status'),
  ],
};

/** The goal tree: the row, its rolled-up (or own) progress and status, its work, what is folded under it. */
export const GOAL_TREE_COLUMNS = {
  report: [
    h(GOALS, 'id'),
    h(GOALS, 'goal'),
    h(GOALS, 'owner'),
    h(GOALS, 'progress'),
    h(GOALS, 'expected'),
    h(GOALS, 'status'),
    'Work done',
    'Not listed',
  ],
  email: [h(GOALS, 'id'), h(GOALS, 'goal'), h(GOALS, 'progress'), h(GOALS, 'status'), 'Work done'],
};

/** A table's titles with Progress called OKR score when the Plan shows scores. */
export const progressTitles = (titles: readonly string[], okr: boolean): string[] =>
  titles.map((t) => (okr && t === h(GOALS, 'progress') ? 'OKR score' : t));

export const WORK_COLUMNS = {
  report: [
    h(TIMELINE, 'id'),
    'Work',
    h(TIMELINE, 'owner'),
    h(TIMELINE, 'type'),
    h(TIMELINE, 'due'),
    h(TIMELINE, 'daysLeft'),
    h(TIMELINE, 'status'),
  ],
  email: [h(TIMELINE, 'id'), 'Work', h(TIMELINE, 'due'), h(TIMELINE, 'status')],
};

export const RISK_COLUMNS = {
  report: [
    h(RISKS, 'id'),
    h(RISKS, 'risk'),
    h(RISKS, 'owner'),
    h(RISKS, 'score'),
    h(RISKS, 'level'),
    h(RISKS, 'reviewDate'),
    h(RISKS, 'response'),
  ],
  email: [h(RISKS, 'id'), h(RISKS, 'risk'), h(RISKS, 'reviewDate'), h(RISKS, 'level')],
};

export const BUDGET_COLUMNS = {
  report: [
    h(BUDGET, 'category'),
    h(BUDGET, 'plannedTotal'),
    h(BUDGET, 'actual'),
    h(BUDGET, 'variance'),
    'Spent',
  ],
  email: [h(BUDGET, 'category'), h(BUDGET, 'plannedTotal'), h(BUDGET, 'actual'), h(BUDGET, 'variance')],
};
