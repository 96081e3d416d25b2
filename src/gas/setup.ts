/**
 * Applies a Set up plan: batched writes per block, never a per-cell loop over rows. It adds and
 * never deletes: no sheet is removed, not even a blank-looking "Sheet1" (Apps Script cannot read
 * everything a sheet may hold, borders for one, so OpsPlan can never be sure it is empty).
 */
import type { TotalsBlock } from '../core/budget-totals';
import { blocksOf, contiguousRuns, hashText, literal } from '../core/cells';
import {
  type ConditionalRule,
  type Freeze,
  freezeAllowed,
  type MergedArea,
  type NewColumn,
  settingFormat,
  type SetupPlan,
  type TabSetup,
  type ValidationRule,
} from '../core/scaffold';
import { PEOPLE } from '../core/spec/tabs';
import { RAG } from '../core/spec/types';
import { DOC } from './keys';
import { markTab } from './ownership';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HEADER_BACKGROUND = '#f1f3f4';
const TOTALS_COLUMN_WIDTH = 110;

export interface SetupResult {
  created: string[];
  adopted: string[];
  ready: string[];
}

export function applySetup(ss: Spreadsheet, plan: SetupPlan, sheets: Map<string, Sheet>): SetupResult {
  const result: SetupResult = { created: [], adopted: [], ready: [] };
  for (const tab of plan.tabs) {
    if (tab.action === 'create') {
      const sheet = ss.insertSheet(tab.sheetName, tab.position);
      markTab(sheet, tab.spec.key);
      sheets.set(tab.sheetName, sheet);
      result.created.push(tab.sheetName);
    } else {
      (tab.action === 'adopt' ? result.adopted : result.ready).push(tab.sheetName);
    }
  }
  const peopleTab = plan.tabs.find((t) => t.spec.key === PEOPLE.key);
  const peopleSheet = peopleTab ? sheets.get(peopleTab.sheetName) : undefined;
  // Owner dropdowns read the People tab's Name column, wherever that column is.
  const people: PeopleNames | undefined =
    peopleSheet && peopleTab?.columnOf.name
      ? { sheet: peopleSheet, column: peopleTab.columnOf.name }
      : undefined;
  const documentProperties = PropertiesService.getDocumentProperties();
  for (const tab of plan.tabs) {
    const sheet = sheets.get(tab.sheetName)!;
    applyTab(ss, sheet, tab, people, documentProperties);
  }
  if (result.created.length) ss.setActiveSheet(sheets.get(plan.tabs[0]!.sheetName)!);
  return result;
}

function applyTab(
  ss: Spreadsheet,
  sheet: Sheet,
  tab: TabSetup,
  people: PeopleNames | undefined,
  properties: GoogleAppsScript.Properties.Properties,
): void {
  if (tab.extraColumnsNeeded > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), tab.extraColumnsNeeded);
  const maxRows = tab.newColumns.length || tab.conditionalRules.length ? sheet.getMaxRows() : 0;
  for (const run of contiguousRuns(tab.newColumns)) {
    sheet.getRange(1, run[0]!.column, 1, run.length).setValues([run.map((c) => literal(c.header))]);
  }
  if (tab.styleHeader) {
    const width = tab.newColumns.length;
    sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(HEADER_BACKGROUND).setWrap(true);
    sheet.setTabColor(tab.spec.colour);
  } else if (tab.newColumns.length) {
    for (const run of contiguousRuns(tab.newColumns))
      sheet.getRange(1, run[0]!.column, 1, run.length).setFontWeight('bold');
  }
  if (tab.totals) writeTotals(sheet, tab.totals);
  if (tab.freeze) applyFreeze(sheet, tab.freeze, tab.action === 'create');
  if (tab.headerNotes.length) {
    const first = Math.min(...tab.headerNotes.map((n) => n.column));
    const last = Math.max(...tab.headerNotes.map((n) => n.column));
    const notes = Array.from({ length: last - first + 1 }, (_, i) => tab.existingNotes[first - 1 + i] ?? '');
    for (const n of tab.headerNotes) if (!notes[n.column - first]) notes[n.column - first] = n.note;
    sheet.getRange(1, first, 1, notes.length).setNotes([notes]);
  }
  for (const block of blocksOf(tab.newColumns, (c) => String(c.width)))
    sheet.setColumnWidths(block[0]!.column, block.length, block[0]!.width);
  if (maxRows >= 2) {
    formatColumns(sheet, tab.newColumns, maxRows);
    validateColumns(sheet, tab.newColumns, maxRows, people);
  }
  writeSettings(sheet, tab);
  for (const named of tab.namedRanges) ss.setNamedRange(named.name, sheet.getRange(named.row, named.column));
  if (maxRows >= 2 && tab.conditionalRules.length)
    applyConditionalRules(sheet, tab.conditionalRules, maxRows, properties);
}

/** The Budget totals block: empty header-row cells beyond the table, written once as one block. */
function writeTotals(sheet: Sheet, totals: TotalsBlock): void {
  const range = sheet.getRange(1, totals.column, 1, totals.cells.length);
  range.setNumberFormats([totals.formats]);
  range.setValues([totals.cells]);
  range.setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  sheet.setColumnWidths(totals.column, totals.cells.length, TOTALS_COLUMN_WIDTH);
}

/**
 * Freezes what Sheets allows: on a team's tab, the merged cells either side of each freeze line are
 * read first (freezeAllowed). A tab OpsPlan just created has no merged cells.
 */
function applyFreeze(sheet: Sheet, freeze: Freeze, created: boolean): void {
  const [maxRows, maxColumns] = [sheet.getMaxRows(), sheet.getMaxColumns()];
  const wanted: Freeze = {
    rows: freeze.rows && freeze.rows < maxRows ? freeze.rows : undefined,
    columns: freeze.columns && freeze.columns < maxColumns ? freeze.columns : undefined,
  };
  const mergedAround = (range: GoogleAppsScript.Spreadsheet.Range): MergedArea[] =>
    created
      ? []
      : range.getMergedRanges().map((m) => ({
          row: m.getRow(),
          column: m.getColumn(),
          lastRow: m.getLastRow(),
          lastColumn: m.getLastColumn(),
        }));
  const merged = [
    ...(wanted.rows ? mergedAround(sheet.getRange(wanted.rows, 1, 2, maxColumns)) : []),
    ...(wanted.columns ? mergedAround(sheet.getRange(1, wanted.columns, maxRows, 2)) : []),
  ];
  const { rows, columns } = freezeAllowed(wanted, merged);
  if (rows) sheet.setFrozenRows(rows);
  if (columns) sheet.setFrozenColumns(columns);
}

function formatColumns(sheet: Sheet, columns: NewColumn[], maxRows: number): void {
  for (const block of blocksOf(
    columns.filter((c) => c.format),
    (c) => c.format!,
  )) {
    sheet.getRange(2, block[0]!.column, maxRows - 1, block.length).setNumberFormat(block[0]!.format!);
  }
}

interface PeopleNames {
  sheet: Sheet;
  column: number;
}

function buildValidation(
  rule: ValidationRule,
  people: PeopleNames | undefined,
): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(!rule.reject).setHelpText(rule.help);
  switch (rule.kind) {
    case 'list':
      return builder.requireValueInList([...rule.values], true).build();
    case 'people':
      // A range, not a list: people added later appear in the dropdown without re-running Set up.
      return people
        ? builder
            .requireValueInRange(
              people.sheet.getRange(2, people.column, Math.max(1, people.sheet.getMaxRows() - 1), 1),
              true,
            )
            .build()
        : null;
    case 'date':
      return builder.requireDate().build();
    case 'nonNegative':
      return builder.requireNumberGreaterThanOrEqualTo(0).build();
    case 'email':
      return builder.requireTextIsEmail().build();
  }
}

function validateColumns(
  sheet: Sheet,
  columns: NewColumn[],
  maxRows: number,
  people: PeopleNames | undefined,
): void {
  const rules = new Map<string, GoogleAppsScript.Spreadsheet.DataValidation | null>();
  for (const block of blocksOf(
    columns.filter((c) => c.validation),
    (c) => JSON.stringify(c.validation),
  )) {
    const key = JSON.stringify(block[0]!.validation);
    if (!rules.has(key)) rules.set(key, buildValidation(block[0]!.validation!, people));
    const rule = rules.get(key);
    if (rule) sheet.getRange(2, block[0]!.column, maxRows - 1, block.length).setDataValidation(rule);
  }
}

function writeSettings(sheet: Sheet, tab: TabSetup): void {
  if (!tab.settingRows.length) return;
  // Settings live in the label / value / about columns wherever the tab has them.
  const label = tab.columnOf.setting!;
  const value = tab.columnOf.value!;
  const about = tab.columnOf.about!;
  const first = Math.min(label, value, about);
  const width = Math.max(label, value, about) - first + 1;
  const rows = tab.settingRows.map(({ setting }) => {
    const line: (string | number)[] = new Array(width).fill('');
    line[label - first] = literal(setting.label);
    line[value - first] =
      typeof setting.defaultValue === 'number' ? setting.defaultValue : literal(setting.defaultValue);
    line[about - first] = literal(setting.note);
    return line;
  });
  sheet.getRange(tab.settingRows[0]!.row, first, rows.length, width).setValues(rows);
  for (const { setting, row } of tab.settingRows) {
    const format = settingFormat(setting);
    if (format) sheet.getRange(row, value).setNumberFormat(format);
  }
}

function ruleKey(type: string, value: unknown, background: string | null, font: string | null): string {
  return [type, String(value), (background ?? '').toLowerCase(), (font ?? '').toLowerCase()].join('|');
}

/** Its key, and the keys of the formulas earlier versions wrote for the same rule. */
function ourKeys(rule: ConditionalRule): string[] {
  const earlier = rule.kind === 'overdue' ? (rule.replaces ?? []) : [];
  return [ourKey(rule), ...earlier.map((f) => ruleKey('CUSTOM_FORMULA', f, null, RAG[rule.colour].font))];
}

function ourKey(rule: ConditionalRule): string {
  const colour = RAG[rule.colour];
  return rule.kind === 'text'
    ? ruleKey('TEXT_EQUAL_TO', rule.text, colour.background, colour.font)
    : ruleKey('CUSTOM_FORMULA', rule.formula, null, colour.font);
}

/**
 * setConditionalFormatRules replaces every rule on the sheet: keep the user's, replace only ours.
 * A fingerprint in document properties skips the whole exchange when nothing changed.
 */
function applyConditionalRules(
  sheet: Sheet,
  rules: ConditionalRule[],
  maxRows: number,
  properties: GoogleAppsScript.Properties.Properties,
): void {
  const existing = sheet.getConditionalFormatRules();
  const fingerprint = hashText(
    JSON.stringify([maxRows, existing.length, rules.map((r) => [ourKey(r), r.columns])]),
  );
  const stateKey = DOC.conditionalFormatPrefix + sheet.getSheetId();
  if (properties.getProperty(stateKey) === fingerprint) return;
  const ours = new Set(rules.flatMap(ourKeys));
  const kept = existing.filter((rule) => {
    const condition = rule.getBooleanCondition();
    if (!condition) return true;
    return !ours.has(
      ruleKey(
        String(condition.getCriteriaType()),
        condition.getCriteriaValues()[0],
        condition.getBackground(),
        condition.getFontColor(),
      ),
    );
  });
  const built = rules.map((rule) => {
    const ranges = contiguousRuns(rule.columns.map((column) => ({ column }))).map((run) =>
      sheet.getRange(2, run[0]!.column, maxRows - 1, run.length),
    );
    const colour = RAG[rule.colour];
    const builder = SpreadsheetApp.newConditionalFormatRule().setRanges(ranges);
    if (rule.kind === 'text')
      return builder
        .whenTextEqualTo(rule.text)
        .setBackground(colour.background)
        .setFontColor(colour.font)
        .build();
    return builder.whenFormulaSatisfied(rule.formula).setFontColor(colour.font).setBold(true).build();
  });
  const all = kept.concat(built);
  sheet.setConditionalFormatRules(all);
  properties.setProperty(
    stateKey,
    hashText(JSON.stringify([maxRows, all.length, rules.map((r) => [ourKey(r), r.columns])])),
  );
}
