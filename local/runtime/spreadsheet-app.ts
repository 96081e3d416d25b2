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
} from './rules.js';
import { Spreadsheet, type SpreadsheetHost } from './spreadsheet.js';
import { Ui, type UiState } from './ui.js';

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
  readonly WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' };
  constructor(
    private readonly host: SpreadsheetHost,
    private readonly ui: UiState,
    private readonly log: CallLog,
    /** Whether this execution has an editor to show UI in (not a time-driven trigger). */
    private readonly uiAvailable: () => boolean,
  ) {
    return service(this, 'SpreadsheetApp', log);
  }
  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return new Spreadsheet(this.host) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }
  getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.getActiveSpreadsheet();
  }
  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return new Spreadsheet(this.host).getActiveSheet();
  }
  /** https://developers.google.com/apps-script/reference/base/ui: only from the open editor's context. */
  getUi(): GoogleAppsScript.Base.Ui {
    if (!this.uiAvailable())
      throw new AppsScriptException('Cannot call SpreadsheetApp.getUi() from this context.');
    return new Ui(this.ui, this.log) as unknown as GoogleAppsScript.Base.Ui;
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
  openById(_id: string): never {
    throw new AppsScriptException(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  }
  openByUrl(_url: string): never {
    throw new AppsScriptException(
      'You do not have permission to call SpreadsheetApp.openByUrl. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  }
}
