/** The SpreadsheetApp global: the container spreadsheet, its UI, builders and enums. */
import { type CallLog, service } from './calls.js';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility } from './developer-metadata.js';
import { AppsScriptException } from './errors.js';
import { RichTextValueBuilder } from './rich-text.js';
import {
  BooleanCriteria,
  ConditionalFormatRuleBuilder,
  DataValidationBuilder,
  DataValidationCriteria,
  InterpolationType,
  RelativeDate,
} from './rules.js';
import { Spreadsheet, type SpreadsheetHost } from './spreadsheet.js';
import { Ui, type UiState } from './ui.js';

/** What SpreadsheetApp needs from the runtime about the current execution. */
export interface SpreadsheetContext {
  log: CallLog;
  ui: UiState;
  /** Whether this execution has an editor to show UI in (not a time-driven trigger). */
  uiAvailable(): boolean;
  /** The active spreadsheet, or null when the execution has none. */
  active(): SpreadsheetHost | null;
  /** A spreadsheet the runtime holds, by ID. */
  byId(id: string): SpreadsheetHost | null;
  /** Whether openById/openByUrl are authorised: the full `spreadsheets` scope, in AuthMode.FULL. */
  mayOpenOthers(): boolean;
}

export class SpreadsheetAppImpl implements Pick<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  | 'getActiveSpreadsheet'
  | 'getActive'
  | 'getActiveSheet'
  | 'getUi'
  | 'newDataValidation'
  | 'newConditionalFormatRule'
  | 'newRichTextValue'
  | 'flush'
> {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly RelativeDate = RelativeDate;
  readonly InterpolationType = InterpolationType;
  readonly CopyPasteType = {
    PASTE_NORMAL: 'PASTE_NORMAL',
    PASTE_NO_BORDERS: 'PASTE_NO_BORDERS',
    PASTE_FORMAT: 'PASTE_FORMAT',
    PASTE_FORMULA: 'PASTE_FORMULA',
    PASTE_DATA_VALIDATION: 'PASTE_DATA_VALIDATION',
    PASTE_VALUES: 'PASTE_VALUES',
    PASTE_CONDITIONAL_FORMATTING: 'PASTE_CONDITIONAL_FORMATTING',
    PASTE_COLUMN_WIDTHS: 'PASTE_COLUMN_WIDTHS',
  };
  readonly WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' };
  private readonly log: CallLog;
  constructor(private readonly context: SpreadsheetContext) {
    this.log = context.log;
    return service(this, 'SpreadsheetApp', context.log);
  }
  /** Null when the execution has no active spreadsheet (an add-on's time-driven run). */
  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    const host = this.context.active();
    return (host ? new Spreadsheet(host) : null) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }
  getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.getActiveSpreadsheet();
  }
  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    const host = this.context.active();
    return (host
      ? new Spreadsheet(host).getActiveSheet()
      : null) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }
  /** https://developers.google.com/apps-script/reference/base/ui: only from the open editor's context. */
  getUi(): GoogleAppsScript.Base.Ui {
    if (!this.context.uiAvailable())
      throw new AppsScriptException('Cannot call SpreadsheetApp.getUi() from this context.');
    return new Ui(this.context.ui, this.log) as unknown as GoogleAppsScript.Base.Ui;
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return new DataValidationBuilder(
      this.log,
    ) as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(
      this.log,
    ) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  }
  newRichTextValue(): GoogleAppsScript.Spreadsheet.RichTextValueBuilder {
    return new RichTextValueBuilder(this.log) as unknown as GoogleAppsScript.Spreadsheet.RichTextValueBuilder;
  }
  flush(): void {
    // Writes are applied at once here; the call is still counted, as it costs a round trip on Google.
  }
  /**
   * Needs the full `spreadsheets` scope and a FULL authorization: a simple trigger "cannot access
   * other files" (https://developers.google.com/apps-script/guides/triggers#restrictions).
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openById(String)
   */
  openById(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.open('openById', String(id));
  }
  openByUrl(url: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    const id = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([\w-]+)/.exec(String(url))?.[1];
    if (!id) throw new AppsScriptException(`Invalid argument: url`);
    return this.open('openByUrl', id);
  }
  private open(method: string, id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    if (!this.context.mayOpenOthers())
      throw new AppsScriptException(
        `You do not have permission to call SpreadsheetApp.${method}. Required permissions: https://www.googleapis.com/auth/spreadsheets`,
      );
    const host = this.context.byId(id);
    if (!host)
      throw new AppsScriptException(
        `Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`,
      );
    return new Spreadsheet(host) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }
}
