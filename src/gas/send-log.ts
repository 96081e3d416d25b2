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
import type { GeneratedTab } from '../core/ownership';
import { findGenerated, generatedTabForWriting, ownedTabs } from './ownership';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const LOG_SHEET = 'OpsPlan log';
const HEADER = ['Key', 'Sent at', 'Kind', 'To', 'Subject'];
const MARK = 'opsplan.sending.';

/** The log is OpsPlan's own tab, found by its mark; a team's tab of the same name is not read or written. */
const LOG_TAB: GeneratedTab = {
  role: 'log',
  name: LOG_SHEET,
  colour: '#9aa0a6',
  width: HEADER.length,
  madeByEarlierVersion: (rows) => HEADER.every((h, i) => rows[0]?.[i] === h),
};

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
  private readonly owned: Map<string, GoogleAppsScript.Spreadsheet.Sheet>;

  constructor(private readonly ss: Spreadsheet) {
    this.owned = ownedTabs(ss);
    this.sheet = findGenerated(ss, this.owned, LOG_TAB)?.sheet ?? null;
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
    const sheet = this.writableSheet();
    const start = sheet.getLastRow() + 1;
    const needed = start + rows.length - 1;
    const maxRows = sheet.getMaxRows();
    if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows + 500);
    sheet.getRange(start, 1, rows.length, HEADER.length).setValues(rows);
    for (const { mark } of this.pending) this.props.deleteProperty(mark);
    this.pending.length = 0;
  }

  /** OpsPlan's log tab (an earlier version's is marked now), created hidden when there is none. */
  private writableSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    const { sheet, created } = generatedTabForWriting(this.ss, this.owned, LOG_TAB, []);
    this.sheet = sheet;
    if (!created) return sheet;
    sheet.getRange(1, 1, 1, HEADER.length).setValues([HEADER]).setFontWeight('bold');
    sheet.getRange(2, 1, sheet.getMaxRows() - 1, HEADER.length).setNumberFormat('@');
    sheet.setFrozenRows(1);
    sheet.hideSheet();
    return sheet;
  }
}
