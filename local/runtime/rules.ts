/** Data-validation and conditional-format rules and their builders, as SpreadsheetApp has them. */
import { type CallLog, service } from './calls.js';

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

export const BooleanCriteria = {
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  CELL_EMPTY: 'CELL_EMPTY',
} as const;

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
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition {
    return new BooleanCondition(
      this.spec,
      this.log,
    ) as unknown as GoogleAppsScript.Spreadsheet.BooleanCondition;
  }
  getGradientCondition(): null {
    return null;
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
    return this as unknown as GasRuleBuilder;
  }
  whenTextEqualTo(text: string) {
    return this.when(BooleanCriteria.TEXT_EQUAL_TO, [text]);
  }
  whenTextContains(text: string) {
    return this.when(BooleanCriteria.TEXT_CONTAINS, [text]);
  }
  whenFormulaSatisfied(formula: string) {
    return this.when(BooleanCriteria.CUSTOM_FORMULA, [formula]);
  }
  whenNumberLessThan(number: number) {
    return this.when(BooleanCriteria.NUMBER_LESS_THAN, [number]);
  }
  whenNumberGreaterThan(number: number) {
    return this.when(BooleanCriteria.NUMBER_GREATER_THAN, [number]);
  }
  whenCellEmpty() {
    return this.when(BooleanCriteria.CELL_EMPTY, []);
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
    if (!this.spec.criteria) throw new Error('Exception: Conditional format rule must have a condition.');
    if (this.spec.ranges.length === 0)
      throw new Error('Exception: Conditional format rule must have at least one range.');
    return new ConditionalFormatRule(
      { ...this.spec, ranges: [...this.spec.ranges] },
      this.log,
    ) as unknown as GasRule;
  }
}
