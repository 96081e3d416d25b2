/** Data-validation and conditional-format rules and their builders, as SpreadsheetApp has them. */
import { type CallLog, NotImplementedError, service } from './calls.js';
import { AppsScriptException, isDateValue } from './errors.js';

type GasValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GasValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GasRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GasRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** The criteria names the runtime supports, as in SpreadsheetApp.DataValidationCriteria. */
export const DataValidationCriteria = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  CHECKBOX: 'CHECKBOX',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;

/** SpreadsheetApp.BooleanCriteria (https://developers.google.com/apps-script/reference/spreadsheet/boolean-criteria). */
export const BooleanCriteria = {
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_AFTER_RELATIVE: 'DATE_AFTER_RELATIVE',
  DATE_BEFORE_RELATIVE: 'DATE_BEFORE_RELATIVE',
  DATE_EQUAL_TO_RELATIVE: 'DATE_EQUAL_TO_RELATIVE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_NOT_EQUAL_TO: 'TEXT_NOT_EQUAL_TO',
  TEXT_STARTS_WITH: 'TEXT_STARTS_WITH',
  TEXT_ENDS_WITH: 'TEXT_ENDS_WITH',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;

export const RelativeDate = {
  TODAY: 'TODAY',
  TOMORROW: 'TOMORROW',
  YESTERDAY: 'YESTERDAY',
  PAST_WEEK: 'PAST_WEEK',
  PAST_MONTH: 'PAST_MONTH',
  PAST_YEAR: 'PAST_YEAR',
} as const;

export const InterpolationType = {
  NUMBER: 'NUMBER',
  PERCENT: 'PERCENT',
  PERCENTILE: 'PERCENTILE',
  MIN: 'MIN',
  MAX: 'MAX',
} as const;

export interface GradientPoint {
  color: string;
  type: string;
  value: string;
}

export interface GradientSpec {
  min?: GradientPoint;
  mid?: GradientPoint;
  max?: GradientPoint;
}

/**
 * Whether a boolean condition holds for a cell, as Sheets paints it: number criteria only match
 * numbers, text criteria compare the displayed text case-insensitively, dates compare by day.
 */
export function booleanConditionHolds(
  criteria: string,
  values: unknown[],
  cell: { value: unknown; display: string; dateSerial?: number },
  today: number,
): boolean | undefined {
  const n = typeof cell.value === 'number' ? cell.value : undefined;
  const text = cell.display.toLowerCase();
  const arg = (i: number) => String(values[i] ?? '').toLowerCase();
  const num = (i: number) => Number(values[i]);
  const between = (v: number) => v >= Math.min(num(0), num(1)) && v <= Math.max(num(0), num(1));
  const relative: Record<string, number> = {
    TODAY: today,
    TOMORROW: today + 1,
    YESTERDAY: today - 1,
    PAST_WEEK: today - 7,
    PAST_MONTH: today - 30,
    PAST_YEAR: today - 365,
  };
  const day = cell.dateSerial === undefined ? undefined : Math.floor(cell.dateSerial);
  const target = criteria.endsWith('_RELATIVE')
    ? relative[String(values[0])]
    : (values[0] as number | undefined);
  switch (criteria) {
    case 'CELL_EMPTY':
      return cell.display === '';
    case 'CELL_NOT_EMPTY':
      return cell.display !== '';
    case 'NUMBER_BETWEEN':
      return n !== undefined && between(n);
    case 'NUMBER_NOT_BETWEEN':
      return n !== undefined && !between(n);
    case 'NUMBER_EQUAL_TO':
      return n !== undefined && n === num(0);
    case 'NUMBER_NOT_EQUAL_TO':
      return n !== undefined && n !== num(0);
    case 'NUMBER_GREATER_THAN':
      return n !== undefined && n > num(0);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n !== undefined && n >= num(0);
    case 'NUMBER_LESS_THAN':
      return n !== undefined && n < num(0);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n !== undefined && n <= num(0);
    case 'TEXT_EQUAL_TO':
      return cell.display !== '' && text === arg(0);
    case 'TEXT_NOT_EQUAL_TO':
      return text !== arg(0);
    case 'TEXT_CONTAINS':
      return cell.display !== '' && text.includes(arg(0));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(arg(0));
    case 'TEXT_STARTS_WITH':
      return cell.display !== '' && text.startsWith(arg(0));
    case 'TEXT_ENDS_WITH':
      return cell.display !== '' && text.endsWith(arg(0));
    case 'DATE_BEFORE':
    case 'DATE_BEFORE_RELATIVE':
      return day !== undefined && target !== undefined && day < target;
    case 'DATE_AFTER':
    case 'DATE_AFTER_RELATIVE':
      return day !== undefined && target !== undefined && day > target;
    case 'DATE_EQUAL_TO':
    case 'DATE_EQUAL_TO_RELATIVE':
      return day !== undefined && target !== undefined && day === target;
    default:
      return undefined;
  }
}

export interface ValidationSpec {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export class DataValidation implements Pick<
  GasValidation,
  'getAllowInvalid' | 'getHelpText' | 'getCriteriaValues' | 'copy'
> {
  constructor(
    readonly spec: ValidationSpec,
    private readonly log: CallLog,
  ) {
    return service(this, 'DataValidation', log);
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.spec.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.spec.values];
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getHelpText(): string {
    return this.spec.helpText;
  }
  copy(): GasValidationBuilder {
    return new DataValidationBuilder(this.log, {
      ...this.spec,
      values: [...this.spec.values],
    }) as unknown as GasValidationBuilder;
  }
  /** Structural identity, used by tests to compare validation before and after a run. */
  signature(): string {
    return JSON.stringify([
      this.spec.criteria,
      this.spec.values.map(describeCriteriaValue),
      this.spec.allowInvalid,
      this.spec.helpText,
    ]);
  }
}

function describeCriteriaValue(v: unknown): unknown {
  if (v && typeof v === 'object' && 'getA1Notation' in v) {
    const r = v as GasRange;
    return `${r.getSheet().getName()}!${r.getA1Notation()}`;
  }
  return v;
}

export class DataValidationBuilder implements Pick<
  GasValidationBuilder,
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'requireDate'
  | 'requireNumberBetween'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireCheckbox'
  | 'requireTextIsEmail'
  | 'requireFormulaSatisfied'
  | 'setAllowInvalid'
  | 'setHelpText'
> {
  private spec: ValidationSpec;
  constructor(
    private readonly log: CallLog,
    spec?: ValidationSpec,
  ) {
    this.spec = spec ?? { criteria: '', values: [], allowInvalid: true, helpText: '' };
    return service(this, 'DataValidationBuilder', log);
  }
  private set(criteria: string, values: unknown[]): GasValidationBuilder {
    this.spec.criteria = criteria;
    this.spec.values = values;
    return this as unknown as GasValidationBuilder;
  }
  requireValueInList(values: string[], showDropdown = true) {
    if (!Array.isArray(values) || values.length === 0)
      throw new Error(
        "Exception: The parameters (String[]) don't match the method signature for DataValidationBuilder.requireValueInList.",
      );
    return this.set(DataValidationCriteria.VALUE_IN_LIST, [[...values], showDropdown]);
  }
  requireValueInRange(range: GasRange, showDropdown = true) {
    return this.set(DataValidationCriteria.VALUE_IN_RANGE, [range, showDropdown]);
  }
  requireDate() {
    return this.set(DataValidationCriteria.DATE_IS_VALID_DATE, []);
  }
  requireNumberBetween(start: number, end: number) {
    return this.set(DataValidationCriteria.NUMBER_BETWEEN, [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(number: number) {
    return this.set(DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [number]);
  }
  requireCheckbox() {
    return this.set(DataValidationCriteria.CHECKBOX, []);
  }
  requireTextIsEmail() {
    return this.set(DataValidationCriteria.TEXT_IS_VALID_EMAIL, []);
  }
  requireFormulaSatisfied(formula: string) {
    return this.set(DataValidationCriteria.CUSTOM_FORMULA, [formula]);
  }
  setAllowInvalid(allowInvalidData: boolean) {
    this.spec.allowInvalid = allowInvalidData;
    return this as unknown as GasValidationBuilder;
  }
  setHelpText(helpText: string) {
    this.spec.helpText = helpText;
    return this as unknown as GasValidationBuilder;
  }
  build(): GasValidation {
    if (!this.spec.criteria)
      throw new Error('Exception: You must set a criteria for the data validation rule.');
    return new DataValidation(
      { ...this.spec, values: [...this.spec.values] },
      this.log,
    ) as unknown as GasValidation;
  }
}

export interface ConditionalSpec {
  criteria: string;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic?: boolean | null;
  underline?: boolean | null;
  strikethrough?: boolean | null;
  gradient?: GradientSpec;
  ranges: GasRange[];
}

export class BooleanCondition {
  constructor(
    private readonly spec: ConditionalSpec,
    log: CallLog,
  ) {
    return service(this, 'BooleanCondition', log);
  }
  getCriteriaType() {
    return this.spec.criteria;
  }
  getCriteriaValues() {
    return [...this.spec.values];
  }
  getBackground() {
    return this.spec.background;
  }
  getFontColor() {
    return this.spec.fontColor;
  }
  getBold() {
    return this.spec.bold;
  }
  getItalic() {
    return this.spec.italic ?? null;
  }
  getUnderline() {
    return this.spec.underline ?? null;
  }
  getStrikethrough() {
    return this.spec.strikethrough ?? null;
  }
}

export class GradientCondition {
  constructor(
    private readonly gradient: GradientSpec,
    log: CallLog,
  ) {
    return service(this, 'GradientCondition', log);
  }
  getMinColor() {
    return this.gradient.min?.color ?? '';
  }
  getMinType() {
    return this.gradient.min?.type ?? null;
  }
  getMinValue() {
    return this.gradient.min?.value ?? '';
  }
  getMidColor() {
    return this.gradient.mid?.color ?? '';
  }
  getMidType() {
    return this.gradient.mid?.type ?? null;
  }
  getMidValue() {
    return this.gradient.mid?.value ?? '';
  }
  getMaxColor() {
    return this.gradient.max?.color ?? '';
  }
  getMaxType() {
    return this.gradient.max?.type ?? null;
  }
  getMaxValue() {
    return this.gradient.max?.value ?? '';
  }
}

export class ConditionalFormatRule implements Pick<GasRule, 'getRanges' | 'copy'> {
  constructor(
    readonly spec: ConditionalSpec,
    private readonly log: CallLog,
  ) {
    return service(this, 'ConditionalFormatRule', log);
  }
  getRanges(): GasRange[] {
    return [...this.spec.ranges];
  }
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    if (this.spec.gradient) return null;
    return new BooleanCondition(
      this.spec,
      this.log,
    ) as unknown as GoogleAppsScript.Spreadsheet.BooleanCondition;
  }
  getGradientCondition(): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    if (!this.spec.gradient) return null;
    return new GradientCondition(
      this.spec.gradient,
      this.log,
    ) as unknown as GoogleAppsScript.Spreadsheet.GradientCondition;
  }
  copy(): GasRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.log, {
      ...this.spec,
      ranges: [...this.spec.ranges],
    }) as unknown as GasRuleBuilder;
  }
  signature(): string {
    return JSON.stringify([
      this.spec.criteria,
      this.spec.values,
      this.spec.background,
      this.spec.fontColor,
      this.spec.bold,
      this.spec.ranges.map(describeCriteriaValue),
      this.spec.gradient ?? null,
    ]);
  }
}

export class ConditionalFormatRuleBuilder implements Pick<
  GasRuleBuilder,
  | 'whenTextEqualTo'
  | 'whenTextContains'
  | 'whenFormulaSatisfied'
  | 'whenNumberLessThan'
  | 'whenNumberGreaterThan'
  | 'whenCellEmpty'
  | 'setBackground'
  | 'setFontColor'
  | 'setBold'
  | 'setRanges'
> {
  private spec: ConditionalSpec;
  constructor(
    private readonly log: CallLog,
    spec?: ConditionalSpec,
  ) {
    this.spec = spec ?? {
      criteria: '',
      values: [],
      background: null,
      fontColor: null,
      bold: null,
      ranges: [],
    };
    return service(this, 'ConditionalFormatRuleBuilder', log);
  }
  private when(criteria: string, values: unknown[]): GasRuleBuilder {
    this.spec.criteria = criteria;
    this.spec.values = values;
    delete this.spec.gradient;
    return this as unknown as GasRuleBuilder;
  }
  // Each when… replaces the condition (and any gradient), as the builder does on Google.
  whenTextEqualTo(text: string) {
    return this.when(BooleanCriteria.TEXT_EQUAL_TO, [text]);
  }
  whenTextContains(text: string) {
    return this.when(BooleanCriteria.TEXT_CONTAINS, [text]);
  }
  whenTextDoesNotContain(text: string) {
    return this.when(BooleanCriteria.TEXT_DOES_NOT_CONTAIN, [text]);
  }
  whenTextStartsWith(text: string) {
    return this.when(BooleanCriteria.TEXT_STARTS_WITH, [text]);
  }
  whenTextEndsWith(text: string) {
    return this.when(BooleanCriteria.TEXT_ENDS_WITH, [text]);
  }
  /**
   * A custom formula may reference only its own sheet (https://support.google.com/docs/answer/78413:
   * other sheets only through INDIRECT); what Sheets does with another sheet's reference is not
   * modelled, so the runtime refuses it.
   */
  whenFormulaSatisfied(formula: string) {
    if (
      String(formula)
        .replace(/"(?:[^"]|"")*"/g, '""')
        .includes('!')
    )
      throw new NotImplementedError(
        `a conditional format formula that references another sheet (${formula}); Sheets allows only its own sheet`,
      );
    return this.when(BooleanCriteria.CUSTOM_FORMULA, [formula]);
  }
  whenNumberBetween(start: number, end: number) {
    return this.when(BooleanCriteria.NUMBER_BETWEEN, [start, end]);
  }
  whenNumberNotBetween(start: number, end: number) {
    return this.when(BooleanCriteria.NUMBER_NOT_BETWEEN, [start, end]);
  }
  whenNumberEqualTo(number: number) {
    return this.when(BooleanCriteria.NUMBER_EQUAL_TO, [number]);
  }
  whenNumberNotEqualTo(number: number) {
    return this.when(BooleanCriteria.NUMBER_NOT_EQUAL_TO, [number]);
  }
  whenNumberLessThan(number: number) {
    return this.when(BooleanCriteria.NUMBER_LESS_THAN, [number]);
  }
  whenNumberLessThanOrEqualTo(number: number) {
    return this.when(BooleanCriteria.NUMBER_LESS_THAN_OR_EQUAL_TO, [number]);
  }
  whenNumberGreaterThan(number: number) {
    return this.when(BooleanCriteria.NUMBER_GREATER_THAN, [number]);
  }
  whenNumberGreaterThanOrEqualTo(number: number) {
    return this.when(BooleanCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [number]);
  }
  whenCellEmpty() {
    return this.when(BooleanCriteria.CELL_EMPTY, []);
  }
  whenCellNotEmpty() {
    return this.when(BooleanCriteria.CELL_NOT_EMPTY, []);
  }
  private whenDate(criteria: 'DATE_BEFORE' | 'DATE_AFTER' | 'DATE_EQUAL_TO', date: unknown) {
    if (typeof date === 'string' && date in RelativeDate) return this.when(`${criteria}_RELATIVE`, [date]);
    if (!isDateValue(date))
      throw new AppsScriptException(
        `The parameters (${typeof date}) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.when${criteria === 'DATE_BEFORE' ? 'DateBefore' : criteria === 'DATE_AFTER' ? 'DateAfter' : 'DateEqualTo'}.`,
      );
    return this.when(criteria, [date]);
  }
  whenDateBefore(date: unknown) {
    return this.whenDate('DATE_BEFORE', date);
  }
  whenDateAfter(date: unknown) {
    return this.whenDate('DATE_AFTER', date);
  }
  whenDateEqualTo(date: unknown) {
    return this.whenDate('DATE_EQUAL_TO', date);
  }
  withCriteria(criteria: string, args: unknown[]) {
    if (!(String(criteria) in BooleanCriteria))
      throw new AppsScriptException(`Invalid argument: criteria: ${String(criteria)}`);
    return this.when(String(criteria), [...args]);
  }
  private point(which: 'min' | 'mid' | 'max', color: string, type: string, value: string) {
    this.spec.criteria = '';
    this.spec.values = [];
    this.spec.gradient = {
      ...this.spec.gradient,
      [which]: { color: String(color), type: String(type), value: String(value ?? '') },
    };
    return this as unknown as GasRuleBuilder;
  }
  setGradientMinpoint(color: string) {
    return this.point('min', color, InterpolationType.MIN, '');
  }
  setGradientMaxpoint(color: string) {
    return this.point('max', color, InterpolationType.MAX, '');
  }
  setGradientMinpointWithValue(color: string, type: string, value: string) {
    return this.point('min', color, type, value);
  }
  setGradientMidpointWithValue(color: string, type: string, value: string) {
    return this.point('mid', color, type, value);
  }
  setGradientMaxpointWithValue(color: string, type: string, value: string) {
    return this.point('max', color, type, value);
  }
  setItalic(italic: boolean | null) {
    this.spec.italic = italic;
    return this as unknown as GasRuleBuilder;
  }
  setUnderline(underline: boolean | null) {
    this.spec.underline = underline;
    return this as unknown as GasRuleBuilder;
  }
  setStrikethrough(strikethrough: boolean | null) {
    this.spec.strikethrough = strikethrough;
    return this as unknown as GasRuleBuilder;
  }
  getRanges(): GasRange[] {
    return [...this.spec.ranges];
  }
  setBackground(color: string | null) {
    this.spec.background = color;
    return this as unknown as GasRuleBuilder;
  }
  setFontColor(color: string | null) {
    this.spec.fontColor = color;
    return this as unknown as GasRuleBuilder;
  }
  setBold(bold: boolean | null) {
    this.spec.bold = bold;
    return this as unknown as GasRuleBuilder;
  }
  setRanges(ranges: GasRange[]) {
    this.spec.ranges = [...ranges];
    return this as unknown as GasRuleBuilder;
  }
  build(): GasRule {
    if (!this.spec.criteria && !this.spec.gradient)
      throw new Error('Exception: Conditional format rule must have a condition.');
    if (this.spec.gradient && (!this.spec.gradient.min || !this.spec.gradient.max))
      throw new Error('Exception: A gradient rule needs a minpoint and a maxpoint.');
    if (this.spec.ranges.length === 0)
      throw new Error('Exception: Conditional format rule must have at least one range.');
    return new ConditionalFormatRule(
      {
        ...this.spec,
        ranges: [...this.spec.ranges],
        gradient: this.spec.gradient && { ...this.spec.gradient },
      },
      this.log,
    ) as unknown as GasRule;
  }
}
