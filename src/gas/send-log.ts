/**
 * The send log: a hidden tab listing every key sent (digest per period and recipient, reminder and
 * escalation per task and due date). Read once per run; appended in batches while sending, so a
 * re-run, a retry or an overlapping trigger never sends the same thing twice. A tab, not document
 * properties: it grows with every run, past what PropertiesService holds (9 KB a value).
 */
import { literal } from '../core/cells';
import { sheetNamed } from './report';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const LOG_SHEET = 'OpsPlan log';
const HEADER = ['Key', 'Sent at', 'Kind', 'To', 'Subject'];
const FLUSH_EVERY = 20;

export class SendLog {
  private readonly keys = new Set<string>();
  private pending: string[][] = [];
  private sheet: GoogleAppsScript.Spreadsheet.Sheet | null;

  constructor(private readonly ss: Spreadsheet) {
    this.sheet = ss.getSheetByName(LOG_SHEET);
    if (this.sheet && this.sheet.getLastRow() > 1) {
      for (const [key] of this.sheet.getRange(2, 1, this.sheet.getLastRow() - 1, 1).getValues()) this.keys.add(String(key));
    }
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  record(keys: string[], entry: { at: string; kind: string; to: string; subject: string }): void {
    for (const key of keys) {
      if (this.keys.has(key)) continue;
      this.keys.add(key);
      this.pending.push([literal(key), entry.at, entry.kind, literal(entry.to), literal(entry.subject)]);
    }
    if (this.pending.length >= FLUSH_EVERY) this.flush();
  }

  flush(): void {
    if (!this.pending.length) return;
    const sheet = this.sheet ?? this.create();
    const start = sheet.getLastRow() + 1;
    const needed = start + this.pending.length - 1;
    if (needed > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows() + 200);
    sheet.getRange(start, 1, this.pending.length, HEADER.length).setValues(this.pending);
    this.pending = [];
  }

  private create(): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet = sheetNamed(this.ss, LOG_SHEET, '#9aa0a6');
    sheet.getRange(1, 1, 1, HEADER.length).setValues([HEADER]).setFontWeight('bold');
    sheet.getRange(2, 1, sheet.getMaxRows() - 1, HEADER.length).setNumberFormat('@');
    sheet.setFrozenRows(1);
    sheet.hideSheet();
    this.sheet = sheet;
    return sheet;
  }
}
