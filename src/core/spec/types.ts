/** The vocabulary of tab specs: the single description every feature derives from. */

export type CellType =
  | 'id' // a short unique key such as G1 or T3
  | 'ids' // a comma-separated list of IDs (Depends on)
  | 'text'
  | 'email'
  | 'emails' // a comma-separated list of addresses
  | 'person' // a name from the People tab
  | 'date'
  | 'number'
  | 'integer'
  | 'money'
  | 'hours'
  | 'percent'
  | 'choice' // one of `values`
  | 'scale' // 1–5, or a word such as High or Likely
  | 'raci' // R, A, C or I, or a combination such as A/R (src/core/raci.ts)
  | 'names' // names from People (or a Role or Team there), separated by commas or semicolons
  | 'boolean' // Yes or No (also TRUE/FALSE, a checkbox)
  | 'formula'; // written by OpsPlan, one formula per data row

export type Severity = 'error' | 'warning' | 'info';

/** RAG colours shared by every status column and the report. */
export const RAG = {
  green: { background: '#b7e1cd', font: '#0d652d' },
  amber: { background: '#fce8b2', font: '#7a4f01' },
  red: { background: '#f4c7c3', font: '#a50e0e' },
  grey: { background: '#e8eaed', font: '#3c4043' },
  blue: { background: '#c6dafc', font: '#174ea6' },
} as const;
export type RagColour = keyof typeof RAG;

export type FormulaKey =
  | 'goalExpected'
  | 'goalProgress'
  | 'goalStatus'
  | 'goalShare'
  | 'goalPath'
  | 'goalContribution'
  | 'budgetPlannedTotal'
  | 'budgetVariance'
  | 'budgetVariancePercent'
  | 'budgetStatus'
  | 'timelineStatus'
  | 'timelineDaysLeft'
  | 'riskScore'
  | 'riskLevel';

export interface ColumnSpec {
  /** Stable name used in code; never shown. */
  key: string;
  /** The default header written when OpsPlan creates the column. */
  header: string;
  /** Other headers that mean the same column when adopting a team's own tab. */
  aliases?: readonly string[];
  type: CellType;
  /** A blank cell is an error (required) or a warning (expected) in a row that has data. */
  required?: 'error' | 'warning';
  /** Allowed values of a choice column, in dropdown order. */
  values?: readonly string[];
  /** Data validation: reject invalid input, or accept it with a warning mark. */
  validation?: 'reject' | 'warn';
  /** Width in pixels. */
  width: number;
  /** Sheets number format; derived from the type when absent. */
  format?: string;
  /** The header's note: what goes in the column. */
  note: string;
  /** For formula columns: which builder writes the formula. */
  formula?: FormulaKey;
  /** RAG colour of each value, for conditional formatting. */
  colours?: Readonly<Record<string, RagColour>>;
}

export type TabKey =
  'plan' | 'people' | 'goals' | 'raci' | 'budget' | 'timeline' | 'risks' | 'report' | 'history';

/**
 * One way teams lay a tab out. The shape of a tab is the first whose `detect` columns (any of them)
 * its header has; a tab without a header gets the first shape, one matching none the last.
 */
export interface TabShape {
  name: string;
  /** Column keys that mark this shape. Empty: the shape of any header (the fallback). */
  detect: readonly string[];
  /** The columns of the shape: Set up adds those missing, Check reports them. */
  columns: readonly string[];
  /** Columns a new tab gets but an adopted one may do without (neither added nor reported). */
  optional?: readonly string[];
  /** Every column the spec does not name stands for people (a RACI matrix's person columns). */
  assigneeColumns?: boolean;
}

export interface TabSpec {
  readonly key: TabKey;
  name: string;
  aliases: readonly string[];
  colour: string;
  /** table: a header row and one record per row; settings: key/value rows; raci: one activity per row, in one of its `shapes`; generated: written whole by OpsPlan. */
  kind: 'table' | 'settings' | 'raci' | 'generated';
  description: string;
  /** Prefix of generated IDs (G1, T1…). */
  idPrefix?: string;
  /**
   * How many leading columns name a row (the ID and the name): Set up freezes them with the header
   * row, so a row keeps its label when scrolled sideways (only where they are the tab's leftmost).
   */
  labelColumns?: number;
  columns: readonly ColumnSpec[];
  /** The shapes teams write this tab in (RACI: a list of names, or a matrix); absent: one shape, every column. */
  shapes?: readonly TabShape[];
  /** A row whose only filled cell is its first (e.g. "Initiation Phase") is a section heading, not a record. */
  headingRows?: boolean;
}

export interface SettingSpec {
  key: string;
  label: string;
  aliases?: readonly string[];
  type: CellType;
  /** Default value as a person would type it; '' for none. */
  defaultValue: string | number;
  note: string;
  /** Name of the named range formulas read the value by. */
  rangeName: string;
}

/** The column keys of a tab spec declared `as const`: a typo in a key is a compile error. */
export type ColumnKeyOf<T extends TabSpec> = T['columns'][number]['key'];

/** The formula keys a tab spec's columns use. */
export type FormulaKeyOf<T extends TabSpec> = NonNullable<
  Extract<T['columns'][number], { formula: string }>['formula']
>;
