/**
 * The send log: a hidden tab listing every key sent (digest per period and recipient, reminder and
 * escalation per task and due date), so a re-run, a retry or an overlapping trigger never sends the
 * same thing twice. A tab, not document properties, because it grows with every run past what
 * PropertiesService holds (9 KB a value, 500 KB a store).
 *
 * Each send is also marked at once in document properties (cheap, not a spreadsheet call), and the
 * marks move into the tab in one write at the end of the run: if a run dies after sending, the next
 * run still knows what went.
 */
import { literal } from '../core/cells';
import { sheetNamed } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const LOG_SHEET = 'OpsPlan log';
const HEADER = ['Key', 'Sent at', 'Kind', 'To', 'Subject'];
const MARK = 'opsplan.sending.';

interface Entry {
  keys: string[];
  at: string;
  kind: string;
  to: string;
  subject: string;
}

export class SendLog {
  private readonly keys = new Set<string>();
  private readonly pending: { mark: string; entry: Entry }[] = [];
  private sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  private readonly props = PropertiesService.getDocumentProperties();

  constructor(private readonly ss: Spreadsheet) {
    this.sheet = ss.getSheetByName(LOG_SHEET);
    if (this.sheet && this.sheet.getLastRow() > 1) {
      for (const [key] of this.sheet.getRange(2, 1, this.sheet.getLastRow() - 1, 1).getValues())
        this.keys.add(String(key));
    }
    // Marks left by a run that stopped before writing them to the tab.
    for (const [mark, value] of Object.entries(this.props.getProperties())) {
      if (!mark.startsWith(MARK)) continue;
      try {
        const entry = JSON.parse(value) as Entry;
        entry.keys.forEach((k) => this.keys.add(k));
        this.pending.push({ mark, entry });
      } catch {
        this.props.deleteProperty(mark);
      }
    }
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  record(keys: string[], entry: Omit<Entry, 'keys'>): void {
    const fresh = keys.filter((k) => !this.keys.has(k));
    if (!fresh.length) return;
    fresh.forEach((k) => this.keys.add(k));
    const mark = `${MARK}${Date.now().toString(36)}.${this.pending.length}`;
    const full: Entry = { ...entry, keys: fresh, subject: entry.subject.slice(0, 300) };
    this.props.setProperty(mark, JSON.stringify(full));
    this.pending.push({ mark, entry: full });
  }

  /** Writes the run's sends to the tab in one block, then clears their marks. */
  flush(): void {
    if (!this.pending.length) return;
    const rows = this.pending.flatMap(({ entry }) =>
      entry.keys.map((key) => [
        literal(key),
        entry.at,
        entry.kind,
        literal(entry.to),
        literal(entry.subject),
      ]),
    );
    const sheet = this.sheet ?? this.create();
    const start = sheet.getLastRow() + 1;
    const needed = start + rows.length - 1;
    const maxRows = sheet.getMaxRows();
    if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows + 500);
    sheet.getRange(start, 1, rows.length, HEADER.length).setValues(rows);
    for (const { mark } of this.pending) this.props.deleteProperty(mark);
    this.pending.length = 0;
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
