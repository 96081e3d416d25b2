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
  /** For a goal without a KPI: the rows of the tab below (and around) it. */
  below?: readonly Readonly<Record<string, string | number>>[];
}

export interface StatusColumn {
  tab: 'goals' | 'timeline' | 'risks';
  column: string;
  /** Which rows the rules are for, when not every row of the column. */
  rows?: string;
  /** How the value the rules compare is computed. */
  inputs: readonly string[];
  rules: readonly StatusRule[];
}

const KPI = { kpi: 'KPI', goal: 'A goal', start: -50, due: 50 } as const;
/** A goal without a KPI (G1) and KPIs under it: one at 80% (Weight 3), one at 20%. */
const GOAL = { id: 'G1', goal: 'A goal', start: -50, due: 50 } as const;
const measured = (id: string, actual: number, extra: Record<string, string | number> = {}) => ({
  ...KPI,
  id,
  parent: 'G1',
  direction: 'Increase',
  baseline: 0,
  target: 100,
  actual,
  ...extra,
});

export const STATUS_RULES: readonly StatusColumn[] = [
  {
    tab: 'goals',
    column: 'Status',
    rows: 'of a KPI row',
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
    tab: 'goals',
    column: 'Status',
    rows: 'of a goal without a KPI (rolled up)',
    inputs: [
      `Share = the row's Weight ÷ the sum of the Weights of the rows with the same Parent (a blank, zero, negative or non-number Weight counts 1); 100% for a top-level goal (or one whose Parent is no ID on the tab), 0% under a row that has its own KPI.`,
      'Progress = the sum, over every KPI row below the goal (at any depth) that has a Progress, of that Progress × the Shares on its way up to the goal multiplied, rounded to 4 decimals. This is the Share-weighted average of its children’s Progress, where a child is a KPI row or a goal rolled up the same way, and a KPI without Progress counts 0.',
      'Expected is computed as for a KPI, from the goal’s own Start and Due or the plan period.',
      'Milestones and tasks linked to the goal or below it (Timeline’s Goal) are the report’s Work done for it: how many of them are Done. They do not change Progress.',
    ],
    rules: [
      {
        status: 'Check parents',
        when: 'its Parent chain loops, or has more than 6 goals above a row (Path is blank); Check names the loop',
        example: { ...GOAL, parent: 'G2' },
        below: [{ id: 'G2', goal: 'Sub-goal', parent: 'G1' }],
      },
      {
        status: 'No data',
        when: 'no KPI row below it has a Progress, or Start and Due are unknown',
        example: GOAL,
        below: [{ ...KPI, id: 'K1', parent: 'G1', direction: 'Increase', target: 100 }],
      },
      {
        status: 'Not started',
        when: 'today is before Start',
        example: { ...GOAL, start: 5 },
        below: [measured('K1', 80)],
      },
      {
        status: 'Achieved',
        when: 'Progress ≥ 100%',
        example: GOAL,
        below: [measured('K1', 100), measured('K2', 100)],
      },
      {
        status: 'Missed',
        when: 'Due has passed',
        example: { ...GOAL, due: -1 },
        below: [measured('K1', 90)],
      },
      {
        status: 'On track',
        when: 'Progress ≥ Expected',
        example: GOAL,
        below: [measured('K1', 80, { weight: 3 }), measured('K2', 20)],
      },
      {
        status: 'At risk',
        when: 'Progress ≥ Expected − band',
        example: GOAL,
        below: [measured('K1', 80), measured('K2', 20), measured('K3', 30)],
      },
      {
        status: 'Off track',
        when: 'otherwise',
        example: GOAL,
        below: [measured('K1', 80), measured('K2', 20), measured('K3', 0)],
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
