/** SpreadsheetApp's Spreadsheet, Sheet, Range and NamedRange over the in-memory Workbook. */
import type { RawCellContent } from 'hyperformula';

import { a1Of, type GridRect, parseA1 } from './a1.js';
import { type CallLog, NotImplementedError, raw, service } from './calls.js';
import { interpretInput } from './cell-input.js';
import { type ChartHost, EmbeddedChartBuilder, sheetCharts } from './charts.js';
import { normalizeOptionalColor } from './color.js';
import {
  addMetadata,
  DeveloperMetadataFinder,
  type MetadataHost,
  metadataObjects,
} from './developer-metadata.js';
import { AppsScriptException, isDateValue } from './errors.js';
import { assertFormulaSupported } from './formula-engine.js';
import { assertNumberFormatSupported, displayOf, isDateFormat } from './number-format.js';
import { a1FormulaToR1C1, r1c1FormulaToA1 } from './r1c1.js';
import { RichTextValue } from './rich-text.js';
import { ConditionalFormatRule, type DataValidation, DataValidationCriteria } from './rules.js';
import type { MenuModel, UiState } from './ui.js';
import { type SheetStore, type Workbook } from './workbook.js';

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

export interface SpreadsheetHost {
  workbook: Workbook;
  log: CallLog;
  toasts: { title: string; message: string }[];
  /** Where Spreadsheet.addMenu puts its menus (the same UI state as SpreadsheetApp.getUi()). */
  ui?: UiState;
  /** The spreadsheet owner's email (Spreadsheet.getOwner); none for a file in a shared drive. */
  owner?: () => string | null;
}

/** One Sheet and one service proxy per sheet store, so identity checks behave. */
const sheetObjects = new WeakMap<SheetStore, Sheet>();
function sheetOf(host: SpreadsheetHost, store: SheetStore): Sheet {
  let sheet = sheetObjects.get(store);
  if (!sheet) {
    sheet = new Sheet(host, store);
    sheetObjects.set(store, sheet);
  }
  return sheet;
}

/** Developer metadata of this spreadsheet: the spreadsheet's own, then each sheet's in order. */
function metadataHost(host: SpreadsheetHost): MetadataHost<SheetStore> {
  const wb = host.workbook;
  return {
    log: host.log,
    nextId: () => wb.nextMetadataId(),
    holders: () => [
      { records: wb.developerMetadata, sheet: null },
      ...wb.sheets.map((s) => ({ records: s.developerMetadata, sheet: s })),
    ],
    sheetObject: (store) => sheetOf(host, store),
    spreadsheetObject: () => new Spreadsheet(host),
  };
}

type GasMetadataFinder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;

/** Embedded charts of one sheet: their ranges are Ranges of this spreadsheet. */
function chartHost(host: SpreadsheetHost, store: SheetStore): ChartHost<SheetStore> {
  return {
    log: host.log,
    sheet: store,
    nextId: () => host.workbook.nextChartId(),
    rangeOf: (value) => {
      const target = value && typeof value === 'object' ? raw(value) : undefined;
      return target instanceof Range && host.workbook.sheets.includes(target.store)
        ? { sheet: target.store, rect: target.rect }
        : null;
    },
    rangeObject: (sheet, rect) => new Range(host, sheet, rect),
  };
}

function checkDimension(value: number, what: string): void {
  if (!Number.isInteger(value))
    throw new AppsScriptException(`The parameters (number) don't match the method signature for ${what}.`);
}

export class Spreadsheet implements Pick<
  GasSpreadsheet,
  'getSheets' | 'getSheetByName' | 'getSpreadsheetTimeZone' | 'getName' | 'getId' | 'getUrl' | 'getNumSheets'
> {
  constructor(private readonly host: SpreadsheetHost) {
    return service(this, 'Spreadsheet', host.log);
  }
  private get wb(): Workbook {
    return this.host.workbook;
  }
  getSheets(): GasSheet[] {
    return this.wb.sheets.map((s) => sheetOf(this.host, s) as unknown as GasSheet);
  }
  getNumSheets(): number {
    return this.wb.sheets.length;
  }
  getSheetByName(name: string): GasSheet | null {
    const store = this.wb.sheetByName(String(name));
    return store ? (sheetOf(this.host, store) as unknown as GasSheet) : null;
  }
  getSheetById(id: number): GasSheet | null {
    const store = this.wb.sheets.find((s) => s.gid === id);
    return store ? (sheetOf(this.host, store) as unknown as GasSheet) : null;
  }
  insertSheet(nameOrIndex?: string | number, index?: number): GasSheet {
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : index;
    if (name === undefined) {
      let n = this.wb.sheets.length + 1;
      while (this.wb.sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (this.wb.sheets.some((s) => s.name.toLowerCase() === name!.toLowerCase())) {
      throw new AppsScriptException(
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    if (name.length > 100) throw new AppsScriptException('Sheet names can be at most 100 characters.');
    const store = this.wb.addSheet(
      name,
      at === undefined ? this.wb.sheets.length : Math.max(0, Math.min(at, this.wb.sheets.length)),
    );
    this.wb.activeSheet = store;
    return sheetOf(this.host, store) as unknown as GasSheet;
  }
  deleteSheet(sheet: GasSheet): void {
    const store = (raw(sheet) as unknown as Sheet).store;
    if (!this.wb.sheets.includes(store)) throw new AppsScriptException('Sheet not found.');
    if (this.wb.sheets.length === 1)
      throw new AppsScriptException("You can't remove all the sheets in a document.");
    this.wb.removeSheet(store);
  }
  getActiveSheet(): GasSheet {
    const store = this.wb.activeSheet ?? this.wb.sheets[0]!;
    return sheetOf(this.host, store) as unknown as GasSheet;
  }
  setActiveSheet(sheet: GasSheet): GasSheet {
    this.wb.activeSheet = (raw(sheet) as unknown as Sheet).store;
    return sheet;
  }
  getActiveRange(): GasRange | null {
    const active = this.wb.activeRange;
    if (active && active.sheet === (this.wb.activeSheet ?? this.wb.sheets[0]))
      return new Range(this.host, active.sheet, active.rect) as unknown as GasRange;
    // Sheets always has a cursor: with nothing selected on the active sheet it is A1.
    const sheet = this.wb.activeSheet ?? this.wb.sheets[0]!;
    return new Range(this.host, sheet, {
      row: 1,
      column: 1,
      numRows: 1,
      numColumns: 1,
    }) as unknown as GasRange;
  }
  setActiveRange(range: GasRange): GasRange {
    const r = raw(range) as unknown as Range;
    this.wb.activeSheet = r.store;
    this.wb.activeRange = { sheet: r.store, rect: r.rect };
    return range;
  }
  getRange(a1Notation: string): GasRange {
    const parsed = parseA1(String(a1Notation), Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    const store =
      parsed?.sheetName !== undefined
        ? this.wb.sheetByName(parsed.sheetName)
        : (this.wb.activeSheet ?? this.wb.sheets[0]);
    if (!parsed || !store) throw new AppsScriptException('Range not found');
    return (raw(sheetOf(this.host, store)) as Sheet).getRange(
      a1Notation.slice(a1Notation.lastIndexOf('!') + 1),
    );
  }
  getRangeByName(name: string): GasRange | null {
    const named = this.wb.namedRanges.get(String(name).toUpperCase());
    return named ? (new Range(this.host, named.sheet, named.rect) as unknown as GasRange) : null;
  }
  setNamedRange(name: string, range: GasRange): void {
    if (
      !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^(true|false)$/i.test(name)
    ) {
      throw new AppsScriptException(`Invalid named range name: ${name}`);
    }
    const r = raw(range) as unknown as Range;
    this.wb.setNamedRange(name, r.store, r.rect);
  }
  removeNamedRange(name: string): void {
    this.wb.removeNamedRange(name);
  }
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return [...this.wb.namedRanges.values()].map(
      (n) => new NamedRange(this.host, n.name) as unknown as GoogleAppsScript.Spreadsheet.NamedRange,
    );
  }
  getSpreadsheetTimeZone(): string {
    return this.wb.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    this.wb.options.timeZone = timeZone;
  }
  getName(): string {
    return this.wb.options.name;
  }
  rename(name: string): void {
    this.wb.options.name = name;
  }
  getId(): string {
    return this.wb.options.id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.wb.options.id}/edit`;
  }
  toast(message: string, title = '', _timeoutSeconds?: number): void {
    this.host.toasts.push({ title: String(title), message: String(message) });
  }
  addDeveloperMetadata(...args: unknown[]): GasSpreadsheet {
    addMetadata(metadataHost(this.host), { records: this.wb.developerMetadata, sheet: null }, args);
    return this as unknown as GasSpreadsheet;
  }
  /** The spreadsheet's own metadata (not its sheets'), as the reference page says. */
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return metadataObjects(metadataHost(this.host), this.wb.developerMetadata);
  }
  /** Finds metadata anywhere in the spreadsheet: on it and on every sheet. */
  createDeveloperMetadataFinder(): GasMetadataFinder {
    return new DeveloperMetadataFinder(metadataHost(this.host), null) as unknown as GasMetadataFinder;
  }
  moveActiveSheet(position: number): void {
    const store = this.wb.activeSheet ?? this.wb.sheets[0]!;
    const list = this.wb.sheets;
    list.splice(list.indexOf(store), 1);
    list.splice(Math.max(0, Math.min(position - 1, list.length)), 0, store);
  }

  // ---- selection, menus, owner, and the active sheet's shortcuts (issue 12 coverage) ----
  getActiveCell(): GasRange {
    const active = this.getActiveRange()!;
    return (raw(active) as unknown as Range).getCell(1, 1);
  }
  getCurrentCell(): GasRange | null {
    return this.getActiveCell();
  }
  setActiveSelection(range: GasRange | string): GasRange {
    return this.setActiveRange(typeof range === 'string' ? this.getRange(range) : range);
  }
  /** Spreadsheet.addMenu: entries are {name, functionName}, or null for a separator. */
  addMenu(name: string, subMenus: ({ name: string; functionName: string } | null)[]): void {
    if (!this.host.ui) throw new NotImplementedError('Spreadsheet.addMenu without a UI');
    const model: MenuModel = {
      title: String(name),
      addon: false,
      items: subMenus.map((entry) =>
        entry === null
          ? { caption: '', separator: true }
          : { caption: String(entry.name), functionName: String(entry.functionName) },
      ),
    };
    this.host.ui.menus = this.host.ui.menus.filter((m) => m.title !== model.title);
    this.host.ui.menus.push(model);
  }
  getOwner(): GoogleAppsScript.Base.User | null {
    const email = this.host.owner?.() ?? null;
    return email === null
      ? null
      : (service({ getEmail: () => email }, 'User', this.host.log) as unknown as GoogleAppsScript.Base.User);
  }
  private active(): Sheet {
    return raw(this.getActiveSheet()) as unknown as Sheet;
  }
  appendRow(rowContents: unknown[]): GasSheet {
    return this.active().appendRow(rowContents);
  }
  deleteRow(rowPosition: number): GasSheet {
    return this.active().deleteRow(rowPosition);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.active().deleteRows(rowPosition, howMany);
  }
  deleteColumn(columnPosition: number): GasSheet {
    return this.active().deleteColumn(columnPosition);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.active().deleteColumns(columnPosition, howMany);
  }
  insertRowAfter(afterPosition: number): GasSheet {
    return this.active().insertRowAfter(afterPosition);
  }
  insertRowBefore(beforePosition: number): GasSheet {
    return this.active().insertRowBefore(beforePosition);
  }
  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    return this.active().insertRowsAfter(afterPosition, howMany);
  }
  insertRowsBefore(beforePosition: number, howMany: number): GasSheet {
    return this.active().insertRowsBefore(beforePosition, howMany);
  }
  insertColumnAfter(afterPosition: number): GasSheet {
    return this.active().insertColumnAfter(afterPosition);
  }
  insertColumnBefore(beforePosition: number): GasSheet {
    return this.active().insertColumnBefore(beforePosition);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    return this.active().insertColumnsAfter(afterPosition, howMany);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): GasSheet {
    return this.active().insertColumnsBefore(beforePosition, howMany);
  }
  getLastRow(): number {
    return this.active().getLastRow();
  }
  getLastColumn(): number {
    return this.active().getLastColumn();
  }
  getDataRange(): GasRange {
    return this.active().getDataRange();
  }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    return this.active().getSheetValues(startRow, startColumn, numRows, numColumns);
  }
  autoResizeColumn(columnPosition: number): GasSheet {
    return this.active().autoResizeColumn(columnPosition);
  }
}

export class NamedRange {
  constructor(
    private readonly host: SpreadsheetHost,
    private readonly name: string,
  ) {
    return service(this, 'NamedRange', host.log);
  }
  getName(): string {
    return this.name;
  }
  getRange(): GasRange {
    const named = this.host.workbook.namedRanges.get(this.name.toUpperCase());
    if (!named) throw new AppsScriptException('Range not found');
    return new Range(this.host, named.sheet, named.rect) as unknown as GasRange;
  }
  remove(): void {
    this.host.workbook.removeNamedRange(this.name);
  }
}

export class Sheet implements Pick<
  GasSheet,
  | 'getName'
  | 'getSheetId'
  | 'getIndex'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'getFrozenRows'
  | 'setFrozenRows'
  | 'getColumnWidth'
  | 'getTabColor'
  | 'isSheetHidden'
> {
  constructor(
    private readonly host: SpreadsheetHost,
    readonly store: SheetStore,
  ) {
    // Clearing a sheet writes its used cells; its other calls move none (ranges count their own).
    return service(this, 'Sheet', host.log, (method) => {
      if (!/^clear/.test(method)) return 0;
      const used = host.workbook.usedSize(store);
      return used.rows * used.columns;
    });
  }
  private get wb(): Workbook {
    return this.host.workbook;
  }
  private self(): GasSheet {
    return sheetOf(this.host, this.store) as unknown as GasSheet;
  }
  getName(): string {
    return this.store.name;
  }
  setName(name: string): GasSheet {
    if (this.wb.sheets.some((s) => s !== this.store && s.name.toLowerCase() === name.toLowerCase())) {
      throw new AppsScriptException(
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    this.wb.renameSheet(this.store, name);
    return this.self();
  }
  getSheetId(): number {
    return this.store.gid;
  }
  getIndex(): number {
    return this.wb.sheets.indexOf(this.store) + 1;
  }
  getParent(): GasSpreadsheet {
    return new Spreadsheet(this.host) as unknown as GasSpreadsheet;
  }
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GasRange {
    if (typeof a === 'string') {
      const parsed = parseA1(a, this.store.maxRows, this.store.maxColumns);
      if (!parsed) throw new AppsScriptException('Range not found');
      if (parsed.sheetName !== undefined && parsed.sheetName !== this.store.name)
        throw new AppsScriptException('Range not found');
      return this.rangeAt(parsed.rect);
    }
    if (column === undefined)
      throw new AppsScriptException(
        "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    return this.rangeAt({ row: a, column, numRows: numRows ?? 1, numColumns: numColumns ?? 1 });
  }
  private rangeAt(rect: GridRect): GasRange {
    for (const [v, what] of [
      [rect.row, 'row'],
      [rect.column, 'column'],
      [rect.numRows, 'rows'],
      [rect.numColumns, 'columns'],
    ] as const)
      checkDimension(v, `SpreadsheetApp.Sheet.getRange (${what})`);
    if (rect.row < 1) throw new AppsScriptException('The starting row of the range is too small.');
    if (rect.column < 1) throw new AppsScriptException('The starting column of the range is too small.');
    if (rect.numRows < 1)
      throw new AppsScriptException('The number of rows in the range must be at least 1.');
    if (rect.numColumns < 1)
      throw new AppsScriptException('The number of columns in the range must be at least 1.');
    if (
      rect.row + rect.numRows - 1 > this.store.maxRows ||
      rect.column + rect.numColumns - 1 > this.store.maxColumns
    ) {
      throw new AppsScriptException('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new Range(this.host, this.store, rect) as unknown as GasRange;
  }
  getDataRange(): GasRange {
    const used = this.wb.usedSize(this.store);
    return this.rangeAt({
      row: 1,
      column: 1,
      numRows: Math.max(1, used.rows),
      numColumns: Math.max(1, used.columns),
    });
  }
  getLastRow(): number {
    return this.wb.usedSize(this.store).rows;
  }
  getLastColumn(): number {
    return this.wb.usedSize(this.store).columns;
  }
  getMaxRows(): number {
    return this.store.maxRows;
  }
  getMaxColumns(): number {
    return this.store.maxColumns;
  }
  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    if (afterPosition < 0 || afterPosition > this.store.maxRows)
      throw new AppsScriptException('Those rows are out of bounds.');
    this.wb.insertRows(this.store, afterPosition + 1, howMany);
    return this.self();
  }
  insertRowsBefore(beforePosition: number, howMany: number): GasSheet {
    if (beforePosition < 1 || beforePosition > this.store.maxRows)
      throw new AppsScriptException('Those rows are out of bounds.');
    this.wb.insertRows(this.store, beforePosition, howMany);
    return this.self();
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    if (afterPosition < 0 || afterPosition > this.store.maxColumns)
      throw new AppsScriptException('Those columns are out of bounds.');
    this.wb.insertColumns(this.store, afterPosition + 1, howMany);
    return this.self();
  }
  insertColumnsBefore(beforePosition: number, howMany: number): GasSheet {
    if (beforePosition < 1 || beforePosition > this.store.maxColumns)
      throw new AppsScriptException('Those columns are out of bounds.');
    this.wb.insertColumns(this.store, beforePosition, howMany);
    return this.self();
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || rowPosition + howMany - 1 > this.store.maxRows)
      throw new AppsScriptException('Those rows are out of bounds.');
    if (howMany >= this.store.maxRows)
      throw new AppsScriptException("You can't delete all the rows on the sheet.");
    this.wb.deleteRows(this.store, rowPosition, howMany);
  }
  getFrozenRows(): number {
    return this.store.frozenRows;
  }
  setFrozenRows(rows: number): void {
    if (rows < 0 || rows > this.store.maxRows) throw new AppsScriptException('Those rows are out of bounds.');
    this.store.frozenRows = rows;
  }
  getFrozenColumns(): number {
    return this.store.frozenColumns;
  }
  setFrozenColumns(columns: number): void {
    if (!Number.isInteger(columns) || columns < 0 || columns > this.store.maxColumns)
      throw new AppsScriptException('Those columns are out of bounds.');
    this.store.frozenColumns = columns;
  }
  getColumnWidth(columnPosition: number): number {
    if (this.store.autoSizedColumns.has(columnPosition))
      throw new NotImplementedError(
        'Sheet.getColumnWidth of a column sized by autoResizeColumns (it depends on font rendering)',
      );
    return this.store.columnWidths.get(columnPosition) ?? 100;
  }
  setColumnWidth(columnPosition: number, width: number): GasSheet {
    if (columnPosition < 1 || columnPosition > this.store.maxColumns)
      throw new AppsScriptException('Those columns are out of bounds.');
    this.store.columnWidths.set(columnPosition, width);
    this.store.autoSizedColumns.delete(columnPosition);
    return this.self();
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.setColumnWidth(c, width);
    return this.self();
  }
  getTabColor(): string | null {
    return this.store.tabColor;
  }
  setTabColor(color: string | null): GasSheet {
    this.store.tabColor = normalizeOptionalColor(color);
    return this.self();
  }
  hideSheet(): GasSheet {
    if (this.wb.sheets.filter((s) => !s.hidden).length <= 1)
      throw new AppsScriptException("You can't hide all the sheets in a document.");
    this.store.hidden = true;
    return this.self();
  }
  showSheet(): GasSheet {
    this.store.hidden = false;
    return this.self();
  }
  isSheetHidden(): boolean {
    return this.store.hidden;
  }
  activate(): GasSheet {
    this.wb.activeSheet = this.store;
    return this.self();
  }
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(
      chartHost(this.host, this.store),
    ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    sheetCharts(chartHost(this.host, this.store), this.store.charts).insert(chart);
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    sheetCharts(chartHost(this.host, this.store), this.store.charts).update(chart);
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    sheetCharts(chartHost(this.host, this.store), this.store.charts).remove(chart);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return sheetCharts(chartHost(this.host, this.store), this.store.charts).list();
  }
  addDeveloperMetadata(...args: unknown[]): GasSheet {
    addMetadata(metadataHost(this.host), { records: this.store.developerMetadata, sheet: this.store }, args);
    return this.self();
  }
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return metadataObjects(metadataHost(this.host), this.store.developerMetadata);
  }
  createDeveloperMetadataFinder(): GasMetadataFinder {
    return new DeveloperMetadataFinder(metadataHost(this.host), this.store) as unknown as GasMetadataFinder;
  }
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return [
      ...this.store.conditionalRules,
    ] as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    // Like Sheets: this replaces every rule on the sheet.
    this.store.conditionalRules = rules.map((r) => raw(r) as unknown as ConditionalFormatRule);
  }
  clear(): GasSheet {
    const used = this.wb.usedSize(this.store);
    if (used.rows > 0 && used.columns > 0) {
      this.wb.writeContents(
        this.store,
        { row: 1, column: 1, numRows: used.rows, numColumns: used.columns },
        blankGrid(used.rows, used.columns),
      );
    }
    for (const layer of [
      this.store.formats,
      this.store.backgrounds,
      this.store.fontColors,
      this.store.fontWeights,
      this.store.alignments,
      this.store.wraps,
      this.store.links,
      this.store.fontSizes,
    ])
      layer.clear();
    return this.self();
  }
  clearContents(): GasSheet {
    const used = this.wb.usedSize(this.store);
    if (used.rows > 0 && used.columns > 0) {
      this.wb.writeContents(
        this.store,
        { row: 1, column: 1, numRows: used.rows, numColumns: used.columns },
        blankGrid(used.rows, used.columns),
      );
    }
    return this.self();
  }
  // ---- editing the grid: rows, columns, copies (issue 12 coverage) ----
  appendRow(rowContents: unknown[]): GasSheet {
    if (!Array.isArray(rowContents))
      throw new AppsScriptException(
        `The parameters (${typeof rowContents}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`,
      );
    // Appends below the last row with content; the sheet grows when it is full (Sheet.appendRow).
    const row = (raw(this.self()) as unknown as Sheet).getLastRow() + 1;
    if (row > this.store.maxRows)
      this.wb.insertRows(this.store, this.store.maxRows + 1, row - this.store.maxRows);
    if (rowContents.length > this.store.maxColumns)
      this.wb.insertColumns(
        this.store,
        this.store.maxColumns + 1,
        rowContents.length - this.store.maxColumns,
      );
    if (rowContents.length === 0) return this.self();
    (
      raw(this.rangeAt({ row, column: 1, numRows: 1, numColumns: rowContents.length })) as unknown as Range
    ).setValues([rowContents]);
    return this.self();
  }
  deleteRow(rowPosition: number): GasSheet {
    this.deleteRows(rowPosition, 1);
    return this.self();
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.store.maxColumns)
      throw new AppsScriptException('Those columns are out of bounds.');
    if (howMany >= this.store.maxColumns)
      throw new AppsScriptException("You can't delete all the columns on the sheet.");
    this.wb.deleteColumns(this.store, columnPosition, howMany);
  }
  deleteColumn(columnPosition: number): GasSheet {
    this.deleteColumns(columnPosition, 1);
    return this.self();
  }
  insertRowAfter(afterPosition: number): GasSheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): GasSheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertColumnAfter(afterPosition: number): GasSheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): GasSheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    // -1 means "to the last row/column with content", as documented for Sheet.getSheetValues.
    const rows = numRows === -1 ? this.getLastRow() - startRow + 1 : numRows;
    const columns = numColumns === -1 ? this.getLastColumn() - startColumn + 1 : numColumns;
    return (
      raw(
        this.rangeAt({ row: startRow, column: startColumn, numRows: rows, numColumns: columns }),
      ) as unknown as Range
    ).getValues();
  }
  /** Sheet.copyTo: a new last sheet named "Copy of <name>" with the contents, formats and rules. */
  copyTo(spreadsheet: GasSpreadsheet): GasSheet {
    if (!(raw(spreadsheet) instanceof Spreadsheet))
      throw new AppsScriptException(
        "The parameters (object) don't match the method signature for SpreadsheetApp.Sheet.copyTo.",
      );
    const name = `Copy of ${this.store.name}`;
    if (this.wb.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw new NotImplementedError(`Sheet.copyTo when a sheet named "${name}" already exists`);
    const copy = this.wb.addSheet(name);
    copy.maxRows = this.store.maxRows;
    copy.maxColumns = this.store.maxColumns;
    copy.frozenRows = this.store.frozenRows;
    copy.frozenColumns = this.store.frozenColumns;
    copy.tabColor = this.store.tabColor;
    for (const [c, w] of this.store.columnWidths) copy.columnWidths.set(c, w);
    const used = this.wb.usedSize(this.store);
    const rect = {
      row: 1,
      column: 1,
      numRows: Math.max(1, used.rows),
      numColumns: Math.max(1, used.columns),
    };
    this.wb.copyContents(this.store, rect, copy, 1, 1);
    this.wb.copyLayers(
      this.store,
      { row: 1, column: 1, numRows: this.store.maxRows, numColumns: this.store.maxColumns },
      copy,
      1,
      1,
    );
    const copySheet = sheetOf(this.host, copy) as unknown as GasSheet;
    this.wb.copyDeveloperMetadata(this.store, copy);
    copy.conditionalRules = this.store.conditionalRules.map((rule) => {
      const spec = {
        ...rule.spec,
        ranges: rule.spec.ranges.map((r) => {
          const rr = raw(r) as unknown as Range;
          return rr.store === this.store ? (new Range(this.host, copy, rr.rect) as unknown as GasRange) : r;
        }),
      };
      return raw(new ConditionalFormatRule(spec, this.host.log));
    });
    return copySheet;
  }

  // ---- selection ----
  getActiveRange(): GasRange | null {
    return (raw(new Spreadsheet(this.host)) as unknown as Spreadsheet).getActiveRange();
  }
  getActiveCell(): GasRange {
    return (raw(new Spreadsheet(this.host)) as unknown as Spreadsheet).getActiveCell();
  }
  getCurrentCell(): GasRange | null {
    return this.getActiveCell();
  }
  setActiveRange(range: GasRange): GasRange {
    const r = raw(range) as unknown as Range;
    if (r.store !== this.store) throw new AppsScriptException('The range must be on this sheet.');
    return (raw(new Spreadsheet(this.host)) as unknown as Spreadsheet).setActiveRange(range);
  }
  setActiveSelection(range: GasRange | string): GasRange {
    return this.setActiveRange(typeof range === 'string' ? this.getRange(range) : range);
  }

  // ---- column sizes ----
  autoResizeColumn(columnPosition: number): GasSheet {
    return this.autoResizeColumns(columnPosition, 1);
  }
  /**
   * Sheets sizes the columns to their rendered text, which depends on fonts the runtime does not
   * have: the columns are marked, and reading their width afterwards is refused (never a guess).
   */
  autoResizeColumns(startColumn: number, numColumns: number): GasSheet {
    if (startColumn < 1 || numColumns < 1 || startColumn + numColumns - 1 > this.store.maxColumns)
      throw new AppsScriptException('Those columns are out of bounds.');
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      this.store.columnWidths.delete(c);
      this.store.autoSizedColumns.add(c);
    }
    return this.self();
  }
}

function blankGrid(rows: number, columns: number): null[][] {
  return Array.from({ length: rows }, () => new Array<null>(columns).fill(null));
}

function gridOf<T>(rect: GridRect, value: T): T[][] {
  return Array.from({ length: rect.numRows }, () => new Array<T>(rect.numColumns).fill(value));
}

/** Range methods that move no cells: geometry and navigation. Every other get/set/clear moves the range's. */
const GEOMETRY =
  /^(getSheet|getRow|getColumn|getNumRows|getNumColumns|getLastRow|getLastColumn|getA1Notation|getMergedRanges|getCell|offset|activate)$/;
/** Getters that read only the top-left cell. */
const SINGLE_CELL =
  /^get(Value|Formula|Note|DisplayValue|Background|FontColor|FontWeight|NumberFormat|RichTextValue|DataValidation)$/;
/** Clearing moves only the cells that hold something: the range's overlap with the sheet's used area. */
const cellsOfRange = (method: string, rect: GridRect, used: () => { rows: number; columns: number }) => {
  if (GEOMETRY.test(method) || !/^(get|set|clear)/.test(method)) return 0;
  if (SINGLE_CELL.test(method)) return 1;
  if (!method.startsWith('clear')) return rect.numRows * rect.numColumns;
  const { rows, columns } = used();
  const overlap = (start: number, size: number, limit: number) =>
    Math.max(0, Math.min(start + size - 1, limit) - start + 1);
  return overlap(rect.row, rect.numRows, rows) * overlap(rect.column, rect.numColumns, columns);
};

export class Range implements Pick<
  GasRange,
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'getValues'
  | 'getValue'
  | 'getFormulas'
  | 'getFormula'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getNumberFormats'
  | 'getNumberFormat'
  | 'getNotes'
  | 'getNote'
  | 'getBackgrounds'
  | 'getBackground'
  | 'getFontColors'
> {
  constructor(
    private readonly host: SpreadsheetHost,
    readonly store: SheetStore,
    readonly rect: GridRect,
  ) {
    return service(this, 'Range', host.log, (method) =>
      cellsOfRange(method, rect, () => host.workbook.usedSize(store)),
    );
  }
  private get wb(): Workbook {
    return this.host.workbook;
  }
  private self(): GasRange {
    return this as unknown as GasRange;
  }
  private cell(): GridRect {
    return { row: this.rect.row, column: this.rect.column, numRows: 1, numColumns: 1 };
  }
  getSheet(): GasSheet {
    return sheetOf(this.host, this.store) as unknown as GasSheet;
  }
  getRow(): number {
    return this.rect.row;
  }
  getColumn(): number {
    return this.rect.column;
  }
  getNumRows(): number {
    return this.rect.numRows;
  }
  getNumColumns(): number {
    return this.rect.numColumns;
  }
  getLastRow(): number {
    return this.rect.row + this.rect.numRows - 1;
  }
  getLastColumn(): number {
    return this.rect.column + this.rect.numColumns - 1;
  }
  getA1Notation(): string {
    return a1Of(this.rect);
  }
  /**
   * https://developers.google.com/apps-script/reference/spreadsheet/range#getMergedRanges()
   * The local runtime cannot merge cells (Range.merge* and the playground refuse), so no range
   * holds a merged cell: the answer is always empty, as Sheets answers for a sheet without merges.
   */
  getMergedRanges(): GasRange[] {
    return [];
  }
  getCell(row: number, column: number): GasRange {
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numColumns) {
      throw new AppsScriptException('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new Range(this.host, this.store, {
      row: this.rect.row + row - 1,
      column: this.rect.column + column - 1,
      numRows: 1,
      numColumns: 1,
    }) as unknown as GasRange;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GasRange {
    const rect = {
      row: this.rect.row + rowOffset,
      column: this.rect.column + columnOffset,
      numRows: numRows ?? this.rect.numRows,
      numColumns: numColumns ?? this.rect.numColumns,
    };
    return (raw(sheetOf(this.host, this.store)) as Sheet).getRange(
      rect.row,
      rect.column,
      rect.numRows,
      rect.numColumns,
    );
  }
  activate(): GasRange {
    this.wb.activeSheet = this.store;
    this.wb.activeRange = { sheet: this.store, rect: this.rect };
    return this.self();
  }

  // ---- values and formulas ----
  getValues(): unknown[][] {
    return this.wb.values(this.store, this.rect);
  }
  getValue(): unknown {
    return this.wb.values(this.store, this.cell())[0]![0];
  }
  getFormulas(): string[][] {
    return this.wb.formulas(this.store, this.rect);
  }
  getFormula(): string {
    return this.wb.formulas(this.store, this.cell())[0]![0]!;
  }
  getDisplayValues(): string[][] {
    const raw = this.wb.rawValues(this.store, this.rect);
    return raw.map((line, i) =>
      line.map((v, j) => {
        const value = v && typeof v === 'object' && 'value' in v ? (v as { value: unknown }).value : v;
        const format = this.store.formats.get(this.rect.row + i, this.rect.column + j);
        if (format === undefined && this.wb.isCustomDate(this.store, this.rect.row + i, this.rect.column + j))
          throw new NotImplementedError(
            'Range.getDisplayValue of a Date returned by a custom function (Sheets chooses its date format)',
          );
        return displayOf(value, format, this.wb.timeZone);
      }),
    );
  }
  getDisplayValue(): string {
    return (raw(this.getCell(1, 1)) as unknown as Range).getDisplayValues()[0]![0]!;
  }
  private checkShape(values: unknown, method: string): asserts values is unknown[][] {
    if (!Array.isArray(values) || values.some((line) => !Array.isArray(line))) {
      throw new AppsScriptException(
        `The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    if (values.length !== this.rect.numRows) {
      throw new AppsScriptException(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.rect.numRows}.`,
      );
    }
    for (const line of values as unknown[][]) {
      if (line.length !== this.rect.numColumns) {
        throw new AppsScriptException(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.rect.numColumns}.`,
        );
      }
    }
  }
  setValues(values: unknown[][]): GasRange {
    this.checkShape(values, 'setValues');
    this.write(values);
    return this.self();
  }
  setValue(value: unknown): GasRange {
    this.write(gridOf(this.rect, value));
    return this.self();
  }
  setFormulas(formulas: string[][]): GasRange {
    this.checkShape(formulas, 'setFormulas');
    this.write(formulas);
    return this.self();
  }
  setFormula(formula: string): GasRange {
    this.write(gridOf(this.rect, formula));
    return this.self();
  }
  /** Writes a block at once, as Sheets does: interpret, validate the whole block, then store. */
  private write(values: unknown[][]): void {
    const tz = this.wb.timeZone;
    const contents: RawCellContent[][] = [];
    const newFormats: [number, number, string][] = [];
    values.forEach((line, i) => {
      const out: RawCellContent[] = [];
      line.forEach((value, j) => {
        const row = this.rect.row + i;
        const column = this.rect.column + j;
        const input = interpretInput(value, this.store.formats.get(row, column), tz);
        if (input.kind === 'empty') return out.push(null);
        if (input.kind === 'formula') {
          assertFormulaSupported(input.formula, this.wb.callableFunctions);
          return out.push(input.formula);
        }
        // A number criterion reads the number Sheets made of the text ("1000" typed is 1000).
        this.enforceValidation(row, column, value, input.content);
        if (
          input.format &&
          (isDateValue(value)
            ? !isDateFormat(this.store.formats.get(row, column))
            : this.store.formats.get(row, column) === undefined)
        ) {
          newFormats.push([row, column, input.format]);
        }
        out.push(input.content);
      });
      contents.push(out);
    });
    this.wb.writeContents(this.store, this.rect, contents);
    for (const [row, column, format] of newFormats) this.store.formats.set(row, column, format);
  }
  private enforceValidation(row: number, column: number, value: unknown, stored: unknown): void {
    const rule = this.store.validations.get(row, column);
    if (!rule || rule.spec.allowInvalid || value === '' || value === null) return;
    const numeric =
      rule.spec.criteria === DataValidationCriteria.NUMBER_BETWEEN ||
      rule.spec.criteria === DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO;
    if (!validationAccepts(rule, numeric && typeof stored === 'number' ? stored : value)) {
      throw new AppsScriptException(
        `The data you entered in cell ${a1Of({ row, column, numRows: 1, numColumns: 1 })} violates the data validation rules set on this cell.`,
      );
    }
  }
  clearContent(): GasRange {
    this.wb.writeContents(this.store, this.rect, blankGrid(this.rect.numRows, this.rect.numColumns));
    return this.self();
  }
  clear(): GasRange {
    this.clearContent();
    for (const layer of [
      this.store.formats,
      this.store.backgrounds,
      this.store.fontColors,
      this.store.fontWeights,
      this.store.notes,
      this.store.validations,
    ]) {
      (layer as { fill(r: GridRect, v: undefined): void }).fill(this.rect, undefined);
    }
    return this.self();
  }

  // ---- formats ----
  getNumberFormats(): string[][] {
    return this.store.formats.grid(this.rect).map((l) => l.map((f) => f ?? '0.###############'));
  }
  getNumberFormat(): string {
    return this.store.formats.get(this.rect.row, this.rect.column) ?? '0.###############';
  }
  setNumberFormat(numberFormat: string): GasRange {
    assertNumberFormatSupported(numberFormat);
    this.store.formats.fill(this.rect, numberFormat);
    return this.self();
  }
  setNumberFormats(numberFormats: string[][]): GasRange {
    this.checkShape(numberFormats, 'setNumberFormats');
    for (const line of numberFormats) for (const format of line) assertNumberFormatSupported(format);
    this.setGrid(this.store.formats, numberFormats);
    return this.self();
  }
  private setGrid<T>(
    layer: { set(r: number, c: number, v: T | undefined): void },
    grid: (T | null)[][],
  ): void {
    grid.forEach((line, i) =>
      line.forEach((v, j) => layer.set(this.rect.row + i, this.rect.column + j, v ?? undefined)),
    );
  }
  getNotes(): string[][] {
    return this.store.notes.grid(this.rect).map((l) => l.map((n) => n ?? ''));
  }
  getNote(): string {
    return this.store.notes.get(this.rect.row, this.rect.column) ?? '';
  }
  setNote(note: string | null): GasRange {
    this.store.notes.fill(this.rect, note ? String(note) : undefined);
    return this.self();
  }
  setNotes(notes: (string | null)[][]): GasRange {
    this.checkShape(notes, 'setNotes');
    this.setGrid(
      this.store.notes,
      notes.map((l) => l.map((n) => (n ? String(n) : null))),
    );
    return this.self();
  }
  getBackgrounds(): string[][] {
    return this.store.backgrounds.grid(this.rect).map((l) => l.map((b) => b ?? '#ffffff'));
  }
  getBackground(): string {
    return this.store.backgrounds.get(this.rect.row, this.rect.column) ?? '#ffffff';
  }
  setBackground(color: string | null): GasRange {
    this.store.backgrounds.fill(this.rect, normalizeOptionalColor(color) ?? undefined);
    return this.self();
  }
  setBackgrounds(colors: (string | null)[][]): GasRange {
    this.checkShape(colors, 'setBackgrounds');
    this.setGrid(
      this.store.backgrounds,
      colors.map((l) => l.map(normalizeOptionalColor)),
    );
    return this.self();
  }
  getFontColors(): string[][] {
    return this.store.fontColors.grid(this.rect).map((l) => l.map((c) => c ?? '#000000'));
  }
  setFontColor(color: string | null): GasRange {
    this.store.fontColors.fill(this.rect, normalizeOptionalColor(color) ?? undefined);
    return this.self();
  }
  setFontColors(colors: (string | null)[][]): GasRange {
    this.checkShape(colors, 'setFontColors');
    this.setGrid(
      this.store.fontColors,
      colors.map((l) => l.map(normalizeOptionalColor)),
    );
    return this.self();
  }
  getFontWeights(): string[][] {
    return this.store.fontWeights.grid(this.rect).map((l) => l.map((w) => w ?? 'normal'));
  }
  getFontWeight(): string {
    return this.store.fontWeights.get(this.rect.row, this.rect.column) ?? 'normal';
  }
  setFontWeight(fontWeight: string | null): GasRange {
    this.store.fontWeights.fill(this.rect, fontWeight === 'bold' ? 'bold' : undefined);
    return this.self();
  }
  setFontWeights(weights: (string | null)[][]): GasRange {
    this.checkShape(weights, 'setFontWeights');
    this.setGrid(
      this.store.fontWeights,
      weights.map((l) => l.map((w) => (w === 'bold' ? 'bold' : null))),
    );
    return this.self();
  }
  setHorizontalAlignment(alignment: string | null): GasRange {
    this.store.alignments.fill(this.rect, alignment ?? undefined);
    return this.self();
  }
  setWrap(wrap: boolean): GasRange {
    this.store.wraps.fill(this.rect, wrap || undefined);
    return this.self();
  }

  // ---- rich text (links) ----
  setRichTextValues(values: GoogleAppsScript.Spreadsheet.RichTextValue[][]): GasRange {
    this.checkShape(values, 'setRichTextValues');
    const texts = values.map((line) => line.map((v) => (raw(v) as unknown as RichTextValue).text));
    this.write(texts.map((line) => line.map((t) => (t === '' ? '' : `'${t}`))));
    values.forEach((line, i) =>
      line.forEach((v, j) =>
        this.store.links.set(
          this.rect.row + i,
          this.rect.column + j,
          (raw(v) as unknown as RichTextValue).linkUrl ?? undefined,
        ),
      ),
    );
    return this.self();
  }
  setRichTextValue(value: GoogleAppsScript.Spreadsheet.RichTextValue): GasRange {
    return this.setRichTextValues(gridOf(this.rect, value));
  }
  getRichTextValue(): GoogleAppsScript.Spreadsheet.RichTextValue | null {
    const text = String(this.getDisplayValue());
    return new RichTextValue(
      text,
      this.store.links.get(this.rect.row, this.rect.column) ?? null,
      this.host.log,
    ) as unknown as GoogleAppsScript.Spreadsheet.RichTextValue;
  }
  setFontSize(size: number): GasRange {
    this.store.fontSizes.fill(this.rect, size);
    return this.self();
  }

  // ---- data validation ----
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    return (this.store.validations.get(this.rect.row, this.rect.column) ??
      null) as unknown as GoogleAppsScript.Spreadsheet.DataValidation | null;
  }
  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    return this.store.validations
      .grid(this.rect)
      .map((l) =>
        l.map((v) => v ?? null),
      ) as unknown as (GoogleAppsScript.Spreadsheet.DataValidation | null)[][];
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GasRange {
    this.store.validations.fill(this.rect, rule ? (raw(rule) as unknown as DataValidation) : undefined);
    return this.self();
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): GasRange {
    this.checkShape(rules, 'setDataValidations');
    this.setGrid(
      this.store.validations,
      rules.map((l) => l.map((r) => (r ? (raw(r) as unknown as DataValidation) : null))),
    );
    return this.self();
  }
  clearDataValidations(): GasRange {
    this.store.validations.fill(this.rect, undefined);
    return this.self();
  }
  // ---- shape, R1C1 formulas, copies (issue 12 coverage) ----
  getRowIndex(): number {
    return this.rect.row;
  }
  clearNote(): GasRange {
    this.store.notes.fill(this.rect, undefined);
    return this.self();
  }
  getHeight(): number {
    return this.rect.numRows;
  }
  getWidth(): number {
    return this.rect.numColumns;
  }
  /** True when no cell of the range holds a value or a formula (Range.isBlank). */
  isBlank(): boolean {
    const formulas = this.wb.formulas(this.store, this.rect);
    return this.wb
      .rawValues(this.store, this.rect)
      .every((line, i) => line.every((v, j) => (v === null || v === '') && formulas[i]![j] === ''));
  }
  getFormulaR1C1(): string {
    return this.getFormulasR1C1()[0]![0]!;
  }
  getFormulasR1C1(): string[][] {
    return this.getFormulas().map((line, i) =>
      line.map((f, j) => (f === '' ? '' : a1FormulaToR1C1(f, this.rect.row + i, this.rect.column + j))),
    );
  }
  setFormulaR1C1(formula: string): GasRange {
    return this.setFormulasR1C1(gridOf(this.rect, formula));
  }
  setFormulasR1C1(formulas: string[][]): GasRange {
    this.checkShape(formulas, 'setFormulasR1C1');
    this.write(
      formulas.map((line, i) =>
        line.map((f, j) => r1c1FormulaToA1(String(f), this.rect.row + i, this.rect.column + j)),
      ),
    );
    return this.self();
  }
  /**
   * Range.copyTo: contents (formulas with their relative references moved) and formats, into the
   * destination's top-left cell, repeated to fill a destination that is a multiple of the source.
   * Options: {contentsOnly} or {formatOnly}; CopyPasteType PASTE_NORMAL, PASTE_VALUES, PASTE_FORMAT.
   */
  copyTo(destination: GasRange, optionsOrType?: unknown, transposed?: boolean): void {
    const dest = raw(destination) as unknown as Range;
    if (!(dest instanceof Range))
      throw new AppsScriptException(
        "The parameters (object) don't match the method signature for SpreadsheetApp.Range.copyTo.",
      );
    let contents = true;
    let formats = true;
    let valuesOnly = false;
    if (typeof optionsOrType === 'string') {
      if (transposed) throw new NotImplementedError('Range.copyTo transposed');
      if (optionsOrType === 'PASTE_VALUES') [formats, valuesOnly] = [false, true];
      else if (optionsOrType === 'PASTE_FORMAT') contents = false;
      else if (optionsOrType !== 'PASTE_NORMAL')
        throw new NotImplementedError(`Range.copyTo ${optionsOrType}`);
    } else if (optionsOrType && typeof optionsOrType === 'object') {
      const o = optionsOrType as { contentsOnly?: boolean; formatOnly?: boolean };
      if (o.contentsOnly) formats = false;
      if (o.formatOnly) contents = false;
    }
    const tilesDown = dest.rect.numRows % this.rect.numRows === 0 ? dest.rect.numRows / this.rect.numRows : 1;
    const tilesAcross =
      dest.rect.numColumns % this.rect.numColumns === 0 ? dest.rect.numColumns / this.rect.numColumns : 1;
    const values = valuesOnly ? this.getValues() : undefined;
    for (let i = 0; i < tilesDown; i++) {
      for (let j = 0; j < tilesAcross; j++) {
        const row = dest.rect.row + i * this.rect.numRows;
        const column = dest.rect.column + j * this.rect.numColumns;
        if (
          row + this.rect.numRows - 1 > dest.store.maxRows ||
          column + this.rect.numColumns - 1 > dest.store.maxColumns
        )
          throw new AppsScriptException(
            'The coordinates of the range are outside the dimensions of the sheet.',
          );
        if (values)
          (
            raw(new Range(this.host, dest.store, { ...this.rect, row, column })) as unknown as Range
          ).setValues(values);
        else if (contents) this.wb.copyContents(this.store, this.rect, dest.store, row, column);
        if (formats) this.wb.copyLayers(this.store, this.rect, dest.store, row, column);
      }
    }
  }
}

function validationAccepts(rule: DataValidation, value: unknown): boolean {
  const [first, second] = rule.spec.values;
  switch (rule.spec.criteria) {
    case DataValidationCriteria.VALUE_IN_LIST:
      return (first as string[]).some((v) => String(v).toLowerCase() === String(value).toLowerCase());
    case DataValidationCriteria.VALUE_IN_RANGE: {
      const r = raw(first as GasRange) as unknown as Range;
      return r
        .getValues()
        .some((line) => line.some((v) => String(v).toLowerCase() === String(value).toLowerCase()));
    }
    case DataValidationCriteria.CHECKBOX:
      return typeof value === 'boolean';
    case DataValidationCriteria.DATE_IS_VALID_DATE:
      return isDateValue(value) || (typeof value === 'string' && !Number.isNaN(Date.parse(value)));
    case DataValidationCriteria.NUMBER_BETWEEN:
      return typeof value === 'number' && value >= Number(first) && value <= Number(second);
    case DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO:
      return typeof value === 'number' && value >= Number(first);
    case DataValidationCriteria.TEXT_IS_VALID_EMAIL:
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(value));
    default:
      return true;
  }
}
