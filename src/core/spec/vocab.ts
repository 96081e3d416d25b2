/** Words of the plan model: allowed values and status names, shared by specs, formulas and checks. */

export const DIRECTIONS = ['Increase', 'Decrease', 'Maintain'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const KPI_STATUSES = [
  'No data',
  'Not started',
  'Achieved',
  'On track',
  'At risk',
  'Off track',
  'Missed',
] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];
/** A goal without a KPI also says when its Parent chain cannot be rolled up (a loop, or too deep). */
export const GOAL_STATUSES = [...KPI_STATUSES, 'Check parents'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const ACTIVITY_TYPES = ['Task', 'Milestone', 'Check-in'] as const;
export const TASK_STATES = ['Not started', 'In progress', 'Blocked', 'Done'] as const;
export const TIMELINE_STATUSES = ['Done', 'Overdue', 'Due soon', 'On schedule', 'Not started'] as const;
export type TimelineStatus = (typeof TIMELINE_STATUSES)[number];

export const BUDGET_CATEGORIES = ['Tools', 'Training', 'People', 'Services', 'Travel', 'Other'] as const;
export const BUDGET_STATUSES = ['Under budget', 'On budget', 'Over budget'] as const;
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];

export const RISK_CATEGORIES = ['People', 'Technology', 'Vendors', 'Timeline', 'Budget', 'Other'] as const;
export const RISK_STATES = ['Open', 'Monitoring', 'Closed'] as const;
export const RISK_LEVELS = ['Low', 'Medium', 'High', 'Critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RACI_LETTERS = ['R', 'A', 'C', 'I'] as const;

/**
 * Words people use for likelihood and impact, on the 1–5 scale. Three-level words take the
 * five-level meaning (Low 2, Medium 3, High 4), so "High × High" scores 16, a High risk.
 */
export const SCALE_WORDS: Readonly<Record<number, readonly string[]>> = {
  1: ['Very low', 'VL', 'Rare', 'Negligible', 'Insignificant'],
  2: ['Low', 'L', 'Unlikely', 'Minor'],
  3: ['Medium', 'M', 'Moderate', 'Possible', 'Med'],
  4: ['High', 'H', 'Likely', 'Major'],
  5: ['Very high', 'VH', 'Almost certain', 'Severe', 'Catastrophic', 'Critical'],
};

/** Each scale word (and digit) in lower case → its 1–5 value: the one lookup every reader uses. */
export const SCALE_BY_WORD: ReadonlyMap<string, number> = new Map(
  Object.entries(SCALE_WORDS).flatMap(([n, words]) =>
    [n, ...words].map((w) => [w.toLowerCase(), Number(n)] as const),
  ),
);
