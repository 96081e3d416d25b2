/**
 * The status rules in words, in the order the formulas test them: the README's "How status is
 * computed" is generated from this list, and a test runs every example through the reference
 * evaluator (which the formula property test holds equal to the sheet formulas), so the words and
 * the formulas cannot drift apart. "band" is the Plan's At-risk band; dates default to the period.
 */

export interface StatusRule {
  status: string;
  when: string;
  /** A row (cells by column key; dates as day offsets from today) that gets this status. */
  example: Readonly<Record<string, string | number>>;
}

export interface StatusColumn {
  tab: 'goals' | 'timeline' | 'risks';
  column: string;
  /** How the value the rules compare is computed. */
  inputs: readonly string[];
  rules: readonly StatusRule[];
}

const KPI = { kpi: 'KPI', goal: 'A goal', start: -50, due: 50 } as const;

export const STATUS_RULES: readonly StatusColumn[] = [
  {
    tab: 'goals',
    column: 'Status',
    inputs: [
      'Expected = (today − Start) ÷ (Due − Start), kept within 0–100% (when Due is not after Start: 100% from Due on, else 0%).',
      'Progress (Increase, Decrease) = (Actual − Baseline) ÷ (Target − Baseline); none when Target = Baseline.',
      'Progress (Maintain) = 1 − |Actual − Target| ÷ |Target|, at least 0; with Target 0, 100% when Actual is 0, else 0%.',
      'Direction and every other word are compared without case, stray spaces or non-breaking spaces.',
    ],
    rules: [
      {
        status: 'Missed',
        when: 'there is no Actual and Due has passed',
        example: { ...KPI, direction: 'Increase', baseline: 0, target: 10, start: -50, due: -1 },
      },
      {
        status: 'No data',
        when: 'Progress cannot be computed (no Actual or no Target), or Start and Due are unknown',
        example: { ...KPI, direction: 'Increase', baseline: 0, target: 10 },
      },
      {
        status: 'Not started',
        when: 'today is before Start (this comes before Achieved)',
        example: { ...KPI, direction: 'Increase', baseline: 0, target: 10, actual: 10, start: 5 },
      },
      {
        status: 'Achieved',
        when: 'Maintain, Due has passed and Progress ≥ 1 − band',
        example: { ...KPI, direction: 'Maintain', target: 100, actual: 95, due: -1 },
      },
      {
        status: 'Missed',
        when: 'Maintain, Due has passed and Progress < 1 − band',
        example: { ...KPI, direction: 'Maintain', target: 100, actual: 80, due: -1 },
      },
      {
        status: 'On track',
        when: 'Maintain and Progress ≥ 1 − band',
        example: { ...KPI, direction: 'Maintain', target: 100, actual: 97 },
      },
      {
        status: 'At risk',
        when: 'Maintain and Progress ≥ 1 − 2 × band',
        example: { ...KPI, direction: 'Maintain', target: 100, actual: 85 },
      },
      {
        status: 'Off track',
        when: 'otherwise, for Maintain',
        example: { ...KPI, direction: 'Maintain', target: 100, actual: 50 },
      },
      {
        status: 'Achieved',
        when: 'Progress ≥ 100%',
        example: { ...KPI, direction: 'Decrease', baseline: 40, target: 5, actual: 5 },
      },
      {
        status: 'Missed',
        when: 'Due has passed',
        example: { ...KPI, direction: 'Increase', baseline: 0, target: 10, actual: 9, due: -1 },
      },
      {
        status: 'On track',
        when: 'Progress ≥ Expected',
        example: { ...KPI, direction: 'Increase', baseline: 0, target: 10, actual: 5 },
      },
      {
        status: 'At risk',
        when: 'Progress ≥ Expected − band',
        example: { ...KPI, direction: 'Increase', baseline: 0, target: 10, actual: 4.5 },
      },
      {
        status: 'Off track',
        when: 'otherwise',
        example: { ...KPI, direction: 'Increase', baseline: 0, target: 10, actual: 2 },
      },
    ],
  },
  {
    tab: 'timeline',
    column: 'Status',
    inputs: ['State is compared without case, stray spaces or non-breaking spaces.'],
    rules: [
      {
        status: 'Done',
        when: 'State is Done or Completed holds a date',
        example: { name: 'Task', due: -3, state: 'In progress', completed: -4 },
      },
      { status: 'Overdue', when: 'Due has passed', example: { name: 'Task', due: -1, state: 'In progress' } },
      {
        status: 'Due soon',
        when: 'Due is within the Due-soon days',
        example: { name: 'Task', due: 3, state: 'In progress' },
      },
      { status: 'Not started', when: 'today is before Start', example: { name: 'Task', start: 10, due: 40 } },
      { status: 'On schedule', when: 'otherwise', example: { name: 'Task', start: -10, due: 40 } },
    ],
  },
  {
    tab: 'risks',
    column: 'Level',
    inputs: [
      'Score = Likelihood × Impact, each 1–5 or a word (Rare 1 … Almost certain 5, Negligible 1 … Severe 5; Low 2, Medium 3, High 4).',
    ],
    rules: [
      { status: 'Low', when: 'Score ≤ the Low band', example: { risk: 'R', likelihood: 2, impact: 2 } },
      { status: 'Medium', when: 'Score ≤ the Medium band', example: { risk: 'R', likelihood: 3, impact: 3 } },
      {
        status: 'High',
        when: 'Score ≤ the High band',
        example: { risk: 'R', likelihood: 'High', impact: 4 },
      },
      { status: 'Critical', when: 'otherwise', example: { risk: 'R', likelihood: 5, impact: 'Severe' } },
    ],
  },
];
