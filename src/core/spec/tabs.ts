/**
 * The plan tabs, described once. Scaffolding, adoption, reading, validation, formulas, the report
 * and the tests all derive from these specs; no header text appears anywhere else.
 */
import type { ColumnKeyOf, ColumnSpec, SettingSpec, TabKey, TabSpec } from './types';
import {
  ACTIVITY_TYPES,
  BUDGET_CATEGORIES,
  DIRECTIONS,
  RACI_LETTERS,
  RISK_CATEGORIES,
  RISK_STATES,
  TASK_STATES,
} from './vocab';

const id = (prefix: string, what: string) =>
  ({
    key: 'id',
    header: 'ID',
    aliases: ['Key', `${what} ID`, `${what} #`, '#', 'No.', 'Ref'],
    type: 'id',
    required: 'error',
    width: 70,
    note: `A short unique key for this ${what.toLowerCase()}, such as ${prefix}1. Other tabs refer to it.`,
  }) as const satisfies ColumnSpec;

const owner = (what: string) =>
  ({
    key: 'owner',
    header: 'Owner',
    aliases: ['Assignee', 'Responsible', 'Assigned to', `${what} owner`, 'Lead', 'Person'],
    type: 'person',
    required: 'warning',
    validation: 'warn',
    width: 130,
    note: `Who answers for this ${what.toLowerCase()}: a name from the People tab. They get its status by email.`,
  }) as const satisfies ColumnSpec;

const goalRef = (what: string) =>
  ({
    key: 'goal',
    header: 'Goal',
    aliases: ['Goal ID', 'Objective', 'Parent goal'],
    type: 'id',
    width: 70,
    note: `The ID of the goal this ${what} serves (from the Goals tab).`,
  }) as const satisfies ColumnSpec;

const start = {
  key: 'start',
  header: 'Start',
  aliases: ['Start date', 'Begin', 'Starts'],
  type: 'date',
  validation: 'warn',
  width: 100,
  note: 'The date work starts.',
} as const satisfies ColumnSpec;

const due = {
  key: 'due',
  header: 'Due',
  aliases: ['Due date', 'Deadline', 'Target date', 'End', 'End date', 'Finish'],
  type: 'date',
  validation: 'warn',
  width: 100,
  note: 'The date it must be done by.',
} as const satisfies ColumnSpec;

export const PLAN = {
  key: 'plan',
  name: 'Plan',
  aliases: ['Settings', 'Plan settings', 'Overview'],
  colour: '#1a73e8',
  kind: 'settings',
  labelColumns: 1,
  description: 'The plan itself: its name, vision and period, and the settings that OpsPlan reads by name.',
  columns: [
    {
      key: 'setting',
      header: 'Setting',
      aliases: ['Key', 'Name', 'Field'],
      type: 'text',
      width: 220,
      note: 'What the setting is. Keep these labels as they are: OpsPlan finds settings by them.',
    },
    {
      key: 'value',
      header: 'Value',
      type: 'text',
      width: 320,
      note: 'The setting’s value. Formulas read it through a named range (Data → Named ranges).',
    },
    {
      key: 'about',
      header: 'About',
      aliases: ['Notes', 'Description'],
      type: 'text',
      width: 380,
      note: 'What the setting does.',
    },
  ],
} as const satisfies TabSpec;

export const SETTINGS = [
  {
    key: 'planName',
    label: 'Plan name',
    type: 'text',
    defaultValue: '',
    rangeName: 'OpsPlan_PlanName',
    note: 'The plan’s name, shown in reports and email subjects.',
  },
  {
    key: 'vision',
    label: 'Vision',
    aliases: ['Mission', 'Purpose'],
    type: 'text',
    defaultValue: '',
    rangeName: 'OpsPlan_Vision',
    note: 'What the plan is for, in one sentence: goals serve it.',
  },
  {
    key: 'periodStart',
    label: 'Period start',
    aliases: ['Start', 'Start date'],
    type: 'date',
    defaultValue: '',
    rangeName: 'OpsPlan_PeriodStart',
    note: 'First day of the plan period. KPIs without a Start use it.',
  },
  {
    key: 'periodEnd',
    label: 'Period end',
    aliases: ['End', 'End date'],
    type: 'date',
    defaultValue: '',
    rangeName: 'OpsPlan_PeriodEnd',
    note: 'Last day of the plan period. KPIs without a Due use it.',
  },
  {
    key: 'planOwner',
    label: 'Plan owner',
    aliases: ['Owner'],
    type: 'person',
    defaultValue: '',
    rangeName: 'OpsPlan_PlanOwner',
    note: 'The person accountable for the whole plan (a name from People).',
  },
  {
    key: 'reportRecipients',
    label: 'Report recipients',
    aliases: ['Recipients'],
    type: 'emails',
    defaultValue: '',
    rangeName: 'OpsPlan_ReportRecipients',
    note: 'Email addresses, separated by commas, that get the manager report.',
  },
  {
    key: 'maxRecipientsPerRun',
    label: 'Max recipients per run',
    aliases: ['Recipients per run'],
    type: 'integer',
    defaultValue: 200,
    rangeName: 'OpsPlan_MaxRecipientsPerRun',
    note: 'A run sends to at most this many people (and never more than the sender’s remaining daily mail quota); the rest go on the next run.',
  },
  {
    key: 'currency',
    label: 'Currency',
    type: 'text',
    defaultValue: 'USD',
    rangeName: 'OpsPlan_Currency',
    note: 'ISO code of the budget’s currency (USD, EUR, GBP…).',
  },
  {
    key: 'atRiskBand',
    label: 'At-risk band',
    aliases: ['At risk band', 'Tolerance'],
    type: 'percent',
    defaultValue: 0.1,
    rangeName: 'OpsPlan_AtRiskBand',
    note: 'How far below expected progress a KPI may be and still be At risk rather than Off track (also the tolerance of Maintain KPIs and of On budget).',
  },
  {
    key: 'dueSoonDays',
    label: 'Due-soon days',
    aliases: ['Due soon days', 'Reminder days'],
    type: 'integer',
    defaultValue: 7,
    rangeName: 'OpsPlan_DueSoonDays',
    note: 'Work due within this many days is Due soon, and its owner gets a reminder.',
  },
  {
    key: 'escalateAfterDays',
    label: 'Escalate after days',
    aliases: ['Escalation days'],
    type: 'integer',
    defaultValue: 3,
    rangeName: 'OpsPlan_EscalateAfterDays',
    note: 'Work overdue by more than this many days is escalated to its Accountable (RACI).',
  },
  {
    key: 'fyiDigest',
    label: 'FYI to Consulted and Informed',
    aliases: ['FYI digest', 'FYI in digests'],
    type: 'boolean',
    defaultValue: 'No',
    rangeName: 'OpsPlan_FyiDigest',
    note: 'Yes: each digest also lists, under "For your information", late and due-soon work whose RACI names the reader Consulted or Informed.',
  },
  {
    key: 'kpiCadenceDays',
    label: 'KPI update cadence (days)',
    aliases: ['KPI update cadence', 'Update cadence'],
    type: 'integer',
    defaultValue: 14,
    rangeName: 'OpsPlan_KpiCadenceDays',
    note: 'A started KPI is stale when its Updated date is older than this, or when it has no Actual this long after its Start.',
  },
  {
    key: 'riskLowMax',
    label: 'Risk band: Low up to',
    aliases: ['Risk bands', 'Low risk up to'],
    type: 'integer',
    defaultValue: 4,
    rangeName: 'OpsPlan_RiskLowMax',
    note: 'Risk scores (likelihood × impact, 1–25) up to this are Low.',
  },
  {
    key: 'riskMediumMax',
    label: 'Risk band: Medium up to',
    aliases: ['Medium risk up to'],
    type: 'integer',
    defaultValue: 9,
    rangeName: 'OpsPlan_RiskMediumMax',
    note: 'Scores up to this are Medium.',
  },
  {
    key: 'riskHighMax',
    label: 'Risk band: High up to',
    aliases: ['High risk up to'],
    type: 'integer',
    defaultValue: 16,
    rangeName: 'OpsPlan_RiskHighMax',
    note: 'Scores up to this are High; above it, Critical.',
  },
  {
    key: 'reportLines',
    label: 'Report lines per section',
    aliases: ['Report lines'],
    type: 'integer',
    defaultValue: 50,
    rangeName: 'OpsPlan_ReportLines',
    note: 'Each Report section lists its most pressing lines, at most this many, then counts the rest and links to them.',
  },
  {
    key: 'okrScores',
    label: 'OKR scores',
    aliases: ['OKR view', 'Show OKR scores'],
    type: 'text',
    defaultValue: 'No',
    rangeName: 'OpsPlan_OkrScores',
    note: 'Yes shows Progress in the report and emails as OKR scores from 0.0 to 1.0 (0.7 and above is where a stretch goal should land: green; 0.4–0.6 amber; below, red). Status is unchanged.',
  },
] as const satisfies readonly SettingSpec[];

export const PEOPLE = {
  key: 'people',
  name: 'People',
  aliases: ['Team', 'Owners', 'Contacts', 'Staff'],
  colour: '#9334e6',
  kind: 'table',
  labelColumns: 1,
  description: 'Everyone who owns, runs or is told about work in the plan.',
  columns: [
    {
      key: 'name',
      header: 'Name',
      aliases: ['Full name', 'Person', 'Owner'],
      type: 'text',
      required: 'error',
      width: 160,
      note: 'The name used in Owner columns and as a RACI column header. Unique.',
    },
    {
      key: 'email',
      header: 'Email',
      aliases: ['E-mail', 'Email address', 'Mail'],
      type: 'email',
      required: 'warning',
      validation: 'warn',
      width: 220,
      note: 'Where their status emails go.',
    },
    {
      key: 'role',
      header: 'Role',
      aliases: ['Title', 'Job title', 'Position'],
      type: 'text',
      width: 180,
      note: 'Their role in the plan, e.g. IT support specialist.',
    },
    {
      key: 'team',
      header: 'Team',
      aliases: ['Department', 'Group', 'Org'],
      type: 'text',
      width: 140,
      note: 'Their team or department.',
    },
  ],
} as const satisfies TabSpec;

export const GOALS = {
  key: 'goals',
  name: 'Goals',
  aliases: ['Objectives', 'OKRs', 'KPIs', 'Goals & KPIs'],
  colour: '#188038',
  kind: 'table',
  labelColumns: 2,
  idPrefix: 'G',
  description: 'Goals and the KPIs that measure them. A row with a KPI is measured; its status is computed.',
  columns: [
    id('G', 'Goal'),
    {
      key: 'goal',
      header: 'Goal',
      aliases: ['Objective', 'Title', 'Name', 'Description'],
      type: 'text',
      required: 'error',
      width: 260,
      note: 'The goal or, on a KPI row, what the KPI measures.',
    },
    {
      key: 'status',
      header: 'Status',
      type: 'formula',
      formula: 'goalStatus',
      width: 100,
      note: 'Computed: No data, Not started, Achieved, On track, At risk (within the At-risk band below expected), Off track, Missed (past Due, also with no Actual); a goal without a KPI gets the same from its rolled-up Progress, or Check parents when its Parent chain loops. The README lists the rules in order.',
      colours: {
        'Check parents': 'red',
        Achieved: 'green',
        'On track': 'green',
        'At risk': 'amber',
        'Off track': 'red',
        Missed: 'red',
        'No data': 'grey',
        'Not started': 'blue',
      },
    },
    {
      key: 'progress',
      header: 'Progress',
      type: 'formula',
      formula: 'goalProgress',
      width: 85,
      format: '0%',
      note: 'Computed: on a KPI row (Actual − Baseline) ÷ (Target − Baseline), which works for lower-is-better KPIs too; on a goal without a KPI, its children’s Progress averaged by their Share (rolled up from every KPI below it).',
    },
    {
      key: 'parent',
      header: 'Parent',
      aliases: ['Parent ID', 'Parent goal', 'Under'],
      type: 'id',
      width: 70,
      note: 'ID of the goal this one serves (blank for a top-level goal, which serves the Vision).',
    },
    {
      key: 'weight',
      header: 'Weight',
      aliases: ['Weighting', 'Weights', 'Priority weight'],
      type: 'number',
      width: 70,
      note: 'How much this row counts toward its Parent’s Progress, relative to the other rows under the same Parent. Blank is 1.',
    },
    owner('Goal'),
    {
      key: 'kpi',
      header: 'KPI',
      aliases: ['Metric', 'Measure', 'Indicator', 'Key result'],
      type: 'text',
      width: 220,
      note: 'The measure, e.g. "% of devices compliant". Leave blank on a goal that is measured by its sub-goals.',
    },
    {
      key: 'unit',
      header: 'Unit',
      aliases: ['Units', 'UoM'],
      type: 'text',
      width: 70,
      note: 'Unit of the KPI: %, users, count, days…',
    },
    {
      key: 'direction',
      header: 'Direction',
      aliases: ['Polarity', 'Better when'],
      type: 'choice',
      values: DIRECTIONS,
      validation: 'reject',
      width: 95,
      note: 'Increase (higher is better), Decrease (lower is better) or Maintain (stay at target).',
    },
    {
      key: 'baseline',
      header: 'Baseline',
      aliases: ['Start value', 'Baseline value', 'Current at start'],
      type: 'number',
      width: 85,
      note: 'The KPI’s value when the plan started.',
    },
    {
      key: 'target',
      header: 'Target',
      aliases: ['Goal value', 'Target value'],
      type: 'number',
      width: 85,
      note: 'The value to reach by Due.',
    },
    {
      key: 'actual',
      header: 'Actual',
      aliases: ['Current', 'Current value', 'Latest', 'Value'],
      type: 'number',
      width: 85,
      note: 'The latest measured value. Update it, and the Updated date, at every check-in.',
    },
    start,
    due,
    {
      key: 'updated',
      header: 'Updated',
      aliases: ['Last updated', 'As of', 'Measured on'],
      type: 'date',
      validation: 'warn',
      width: 100,
      note: 'When Actual was last measured. Older than the KPI update cadence means stale.',
    },
    {
      key: 'expected',
      header: 'Expected',
      type: 'formula',
      formula: 'goalExpected',
      width: 85,
      format: '0%',
      note: 'Computed: the share of Start→Due (or the plan period) elapsed today, 0–100%. Progress at or above it is On track.',
    },
    {
      key: 'share',
      header: 'Share',
      type: 'formula',
      formula: 'goalShare',
      width: 70,
      format: '0%',
      note: 'Computed: this row’s Weight ÷ the Weights of all rows with the same Parent: how much it counts toward its Parent’s Progress. 100% for a top-level goal; 0% under a row that has its own KPI.',
    },
    {
      key: 'path',
      header: 'Path',
      type: 'formula',
      formula: 'goalPath',
      width: 160,
      note: 'Computed: where the row sits in the goal tree, top-level goal first (G1 › G1.2 › K3). Blank when its Parent chain loops or is more than 6 levels deep.',
    },
    {
      key: 'contribution',
      header: 'Contribution',
      type: 'formula',
      formula: 'goalContribution',
      width: 95,
      format: '0.0%',
      note: 'Computed, on a KPI row: its Progress × its share of its top-level goal (the Shares along its Path multiplied). The goals above it add these up.',
    },
  ],
} as const satisfies TabSpec;

/** A names column of the RACI: who holds one letter for the activity. */
const raciNames = (key: string, header: string, letter: string, aliases: readonly string[], note: string) =>
  ({
    key,
    header,
    aliases: [`${header} (${letter})`, `${letter} - ${header}`, letter, ...aliases],
    type: 'names',
    width: 180,
    note: `${note} Names from People (or a Role or Team there), separated by commas or semicolons.`,
  }) as const satisfies ColumnSpec;

export const RACI = {
  key: 'raci',
  name: 'RACI',
  aliases: ['RACI matrix', 'RACI chart', 'Responsibilities', 'Responsibility matrix', 'RASCI'],
  colour: '#e37400',
  kind: 'raci',
  labelColumns: 2,
  description:
    'Who is Responsible, Accountable, Consulted and Informed for each activity: names in four columns, or a matrix with a column per person, role or team.',
  headingRows: true,
  columns: [
    {
      key: 'id',
      header: 'ID',
      aliases: ['Activity ID', 'Task ID', 'Key', '#'],
      type: 'id',
      width: 70,
      note: 'ID of a goal (Goals) or an activity (Timeline). Without one, the Activity is matched to a Timeline name or a goal.',
    },
    {
      key: 'activity',
      header: 'Activity',
      aliases: [
        'Task',
        'Task / Activity',
        'Activity / Task',
        'Task name',
        'Activity name',
        'Deliverable',
        'Work',
        'Name',
        'Description',
      ],
      type: 'text',
      width: 240,
      note: 'What the activity is. A row with only its first cell filled (e.g. "Initiation Phase") is a section heading.',
    },
    raciNames(
      'responsible',
      'Responsible',
      'R',
      ['Responsible person', 'Doer'],
      'Who does the work (at least one).',
    ),
    raciNames(
      'accountable',
      'Accountable',
      'A',
      ['Accountable person', 'Approver'],
      'Who signs off and receives escalations: exactly one.',
    ),
    raciNames('consulted', 'Consulted', 'C', ['Consult'], 'Who is asked before decisions.'),
    raciNames('informed', 'Informed', 'I', ['Keep informed', 'Inform'], 'Who is told of progress.'),
  ],
  shapes: [
    {
      // Set up creates this shape: its width does not grow with people.
      name: 'names',
      detect: ['responsible', 'accountable', 'consulted', 'informed'],
      columns: ['id', 'activity', 'responsible', 'accountable', 'consulted', 'informed'],
      optional: ['id'],
    },
    { name: 'matrix', detect: [], columns: ['id', 'activity'], assigneeColumns: true },
  ],
} as const satisfies TabSpec;

/** The cells of a RACI matrix's person (Role, Team) column: not a fixed column, so described here once. */
export const RACI_PERSON_COLUMN = {
  key: 'person',
  header: '',
  type: 'raci',
  validation: 'reject',
  values: [...RACI_LETTERS, 'A/R'],
  width: 60,
  note: 'R = Responsible (does the work), A = Accountable (one per activity; signs off, gets escalations), C = Consulted, I = Informed; A/R = both. The header is a name, Role or Team from People.',
  colours: { R: 'blue', A: 'amber', 'A/R': 'amber', C: 'grey', I: 'grey' },
} as const satisfies ColumnSpec;

export const BUDGET = {
  key: 'budget',
  name: 'Budget',
  aliases: ['Costs', 'Budget plan', 'Financials'],
  colour: '#f9ab00',
  kind: 'table',
  labelColumns: 2,
  idPrefix: 'B',
  description: 'Cost lines: money planned and spent, and in-house hours at a rate.',
  columns: [
    id('B', 'Budget line'),
    {
      key: 'item',
      header: 'Item',
      aliases: ['Line item', 'Description', 'Cost item', 'Expense'],
      type: 'text',
      required: 'error',
      width: 240,
      note: 'What the money is for.',
    },
    {
      key: 'status',
      header: 'Status',
      type: 'formula',
      formula: 'budgetStatus',
      width: 105,
      note: 'Computed: Over budget (Actual above Planned total), On budget (within the At-risk band below it), Under budget.',
      colours: { 'Under budget': 'green', 'On budget': 'green', 'Over budget': 'red' },
    },
    {
      key: 'variance',
      header: 'Variance',
      type: 'formula',
      formula: 'budgetVariance',
      width: 100,
      note: 'Computed: Planned total − Actual (negative means over budget).',
    },
    {
      key: 'category',
      header: 'Category',
      aliases: ['Type', 'Cost category'],
      type: 'choice',
      values: BUDGET_CATEGORIES,
      validation: 'warn',
      width: 100,
      note: 'Tools, Training, People, Services, Travel or Other. The report totals by category.',
    },
    goalRef('cost'),
    owner('Cost line'),
    {
      key: 'planned',
      header: 'Planned',
      aliases: ['Budget', 'Planned cost', 'Budgeted', 'Estimate'],
      type: 'money',
      validation: 'reject',
      width: 100,
      note: 'Planned spend in money (not counting hours).',
    },
    {
      key: 'hours',
      header: 'Hours',
      aliases: ['Planned hours', 'Effort (h)', 'Effort'],
      type: 'hours',
      validation: 'reject',
      width: 70,
      note: 'In-house hours planned.',
    },
    {
      key: 'rate',
      header: 'Rate',
      aliases: ['Hourly rate', 'Rate per hour'],
      type: 'money',
      validation: 'reject',
      width: 80,
      note: 'Cost of one in-house hour.',
    },
    {
      key: 'plannedTotal',
      header: 'Planned total',
      type: 'formula',
      formula: 'budgetPlannedTotal',
      width: 110,
      note: 'Computed: Planned + Hours × Rate.',
    },
    {
      key: 'actual',
      header: 'Actual',
      aliases: ['Spent', 'Actual cost', 'Actuals'],
      type: 'money',
      validation: 'reject',
      width: 100,
      note: 'Spent so far, hours included.',
    },
    {
      key: 'variancePercent',
      header: 'Variance %',
      type: 'formula',
      formula: 'budgetVariancePercent',
      format: '0%',
      width: 90,
      note: 'Computed: Variance ÷ Planned total.',
    },
  ],
} as const satisfies TabSpec;

export const TIMELINE = {
  key: 'timeline',
  name: 'Timeline',
  aliases: ['Milestones', 'Tasks', 'Schedule', 'Action plan', 'Actions', 'Roadmap'],
  colour: '#12b5cb',
  kind: 'table',
  labelColumns: 2,
  idPrefix: 'T',
  description: 'Tasks, milestones and check-ins, with owners, dates and dependencies.',
  columns: [
    id('T', 'Task'),
    {
      key: 'name',
      header: 'Name',
      aliases: ['Task', 'Milestone', 'Activity', 'Title', 'Description', 'Action'],
      type: 'text',
      required: 'error',
      width: 260,
      note: 'What is to be done.',
    },
    {
      key: 'status',
      header: 'Status',
      type: 'formula',
      formula: 'timelineStatus',
      width: 100,
      note: 'Computed: Done, Overdue, Due soon (within Due-soon days), On schedule, Not started (before Start).',
      colours: {
        Done: 'green',
        'On schedule': 'green',
        'Due soon': 'amber',
        Overdue: 'red',
        'Not started': 'grey',
      },
    },
    {
      key: 'type',
      header: 'Type',
      aliases: ['Kind'],
      type: 'choice',
      values: ACTIVITY_TYPES,
      validation: 'reject',
      width: 90,
      note: 'Task, Milestone or Check-in. The report counts milestone completion.',
    },
    goalRef('work'),
    owner('Task'),
    start,
    due,
    {
      key: 'dependsOn',
      header: 'Depends on',
      aliases: ['Dependencies', 'Predecessors', 'Depends', 'Blocked by'],
      type: 'ids',
      width: 90,
      note: 'IDs of work that must finish first, separated by commas (e.g. T2, T4).',
    },
    {
      key: 'percentDone',
      header: '% Done',
      aliases: ['% complete', 'Percent complete', 'Progress', 'Done %', 'Complete'],
      type: 'percent',
      validation: 'warn',
      width: 70,
      format: '0%',
      note: 'How much is done: 0–100%.',
    },
    {
      key: 'state',
      header: 'State',
      aliases: ['Task status', 'Stage', 'Phase'],
      type: 'choice',
      values: TASK_STATES,
      validation: 'reject',
      width: 100,
      note: 'Not started, In progress, Blocked or Done (set Completed too).',
    },
    {
      key: 'completed',
      header: 'Completed',
      aliases: ['Completed on', 'Done date', 'Completion date', 'Finished'],
      type: 'date',
      validation: 'warn',
      width: 100,
      note: 'The date it was done.',
    },
    {
      key: 'daysLeft',
      header: 'Days left',
      type: 'formula',
      formula: 'timelineDaysLeft',
      format: '0',
      width: 75,
      note: 'Computed: days until Due (negative when late); blank once done.',
    },
  ],
} as const satisfies TabSpec;

export const RISKS = {
  key: 'risks',
  name: 'Risks',
  aliases: ['Risk register', 'Risk log', 'Risk', 'RAID'],
  colour: '#d93025',
  kind: 'table',
  labelColumns: 2,
  idPrefix: 'R',
  description: 'What could go wrong, how likely and how bad, and the if-then response.',
  columns: [
    id('R', 'Risk'),
    {
      key: 'risk',
      header: 'Risk',
      aliases: ['Description', 'Risk description', 'Risk title', 'Title', 'Risk name', 'Issue'],
      type: 'text',
      required: 'error',
      width: 260,
      note: 'What could happen, and its effect.',
    },
    {
      key: 'level',
      header: 'Level',
      aliases: ['Risk level'],
      type: 'formula',
      formula: 'riskLevel',
      width: 80,
      note: 'Computed from the Score and the risk bands on the Plan tab: Low, Medium, High, Critical.',
      colours: { Low: 'green', Medium: 'amber', High: 'red', Critical: 'red' },
    },
    {
      key: 'score',
      header: 'Score',
      aliases: ['Risk score', 'Rating'],
      type: 'formula',
      formula: 'riskScore',
      format: '0',
      width: 65,
      note: 'Computed: Likelihood × Impact, 1–25.',
    },
    {
      key: 'category',
      header: 'Category',
      aliases: ['Risk category', 'Type', 'Area'],
      type: 'choice',
      values: RISK_CATEGORIES,
      validation: 'warn',
      width: 100,
      note: 'People, Technology, Vendors, Timeline, Budget or Other.',
    },
    {
      key: 'assumption',
      header: 'Assumption',
      aliases: ['Assumptions', 'Cause', 'Trigger'],
      type: 'text',
      width: 200,
      note: 'The assumption that, if wrong, makes this risk real.',
    },
    {
      key: 'likelihood',
      header: 'Likelihood',
      aliases: ['Probability', 'Chance', 'Prob.'],
      type: 'scale',
      validation: 'warn',
      width: 90,
      note: '1–5, or a word: Rare, Unlikely, Possible, Likely, Almost certain (or Low / Medium / High).',
    },
    {
      key: 'impact',
      header: 'Impact',
      aliases: ['Severity', 'Consequence'],
      type: 'scale',
      validation: 'warn',
      width: 80,
      note: '1–5, or a word: Negligible, Minor, Moderate, Major, Severe (or Low / Medium / High).',
    },
    owner('Risk'),
    {
      key: 'response',
      header: 'Response',
      aliases: [
        'Mitigation',
        'Mitigation strategy',
        'Contingency',
        'Mitigation plan',
        'Action',
        'If-then response',
        'Response plan',
      ],
      type: 'text',
      width: 300,
      note: 'The if-then response: "If <trigger>, then <action>".',
    },
    {
      key: 'reviewDate',
      header: 'Review date',
      aliases: ['Review', 'Next review', 'Review by'],
      type: 'date',
      validation: 'warn',
      width: 100,
      note: 'When the owner reviews the risk next.',
    },
    {
      key: 'state',
      header: 'State',
      aliases: ['Risk status', 'Status'],
      type: 'choice',
      values: RISK_STATES,
      validation: 'reject',
      width: 95,
      note: 'Open, Monitoring or Closed.',
    },
  ],
} as const satisfies TabSpec;

export const REPORT = {
  key: 'report',
  name: 'Report',
  aliases: [],
  colour: '#5f6368',
  kind: 'generated',
  description: 'The progress report, regenerated whole by Generate report. Do not edit it by hand.',
  columns: [],
} as const satisfies TabSpec;

export const HISTORY = {
  key: 'history',
  name: 'History',
  aliases: [],
  colour: '#9aa0a6',
  kind: 'table',
  description: 'One row per KPI per report run: the source of trends. Written by OpsPlan.',
  columns: [
    { key: 'date', header: 'Date', type: 'date', width: 100, note: 'When the report ran.' },
    { key: 'kpiId', header: 'KPI ID', type: 'id', width: 70, note: 'The KPI’s ID on the Goals tab.' },
    { key: 'actual', header: 'Actual', type: 'number', width: 85, note: 'Its Actual then.' },
    {
      key: 'progress',
      header: 'Progress',
      type: 'percent',
      format: '0%',
      width: 85,
      note: 'Its Progress then.',
    },
    { key: 'status', header: 'Status', type: 'text', width: 100, note: 'Its Status then.' },
  ],
} as const satisfies TabSpec;

/** Every tab spec by key: `TABS.goals` is the Goals spec with its column keys as types. */
export const TABS = {
  plan: PLAN,
  people: PEOPLE,
  goals: GOALS,
  raci: RACI,
  budget: BUDGET,
  timeline: TIMELINE,
  risks: RISKS,
  report: REPORT,
  history: HISTORY,
} as const satisfies { [K in TabKey]: TabSpec & { key: K } };

/** The tabs Set up creates, in tab order. */
export const PLAN_TABS = [PLAN, PEOPLE, GOALS, RACI, BUDGET, TIMELINE, RISKS] as const;
export const ALL_TABS: readonly TabSpec[] = [...PLAN_TABS, REPORT, HISTORY];

/** A column's spec by its key; the key is checked against the tab at compile time. */
export function columnSpec<T extends TabSpec>(tab: T, key: ColumnKeyOf<T>): ColumnSpec {
  const column = tab.columns.find((c) => c.key === key);
  if (!column) throw new Error(`No column ${key} on ${tab.name}`);
  return column;
}

/** Sheets number format of a column, from its type unless the spec gives one. */
export function numberFormatOf(column: ColumnSpec, currencyFormat: string): string | undefined {
  if (column.format) return column.format;
  switch (column.type) {
    case 'date':
      return 'yyyy-mm-dd';
    case 'money':
      return currencyFormat;
    case 'percent':
      return '0%';
    case 'hours':
      return '0.0';
    case 'integer':
      return '0';
    case 'formula':
      return column.key === 'plannedTotal' || column.key === 'variance' ? currencyFormat : undefined;
    case 'id':
    case 'ids':
    case 'text':
    case 'person':
    case 'email':
    case 'emails':
    case 'names':
      // Plain text: what people type stays as typed (an ID like 1E3 is not a number, "=x" is not a formula).
      return '@';
    default:
      return undefined;
  }
}

const CURRENCY_SYMBOLS: Record<string, string> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  INR: '₹',
  AUD: 'A$',
  CAD: 'C$',
  CHF: 'CHF ',
};

/** Money format for the Plan's Currency (an ISO code). */
export function currencyFormat(code: string): string {
  const upper = (code || 'USD').trim().toUpperCase();
  const symbol = CURRENCY_SYMBOLS[upper] ?? `${upper} `;
  const decimals = upper === 'JPY' ? '' : '.00';
  return `[$${symbol}]#,##0${decimals}`;
}
