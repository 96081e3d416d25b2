/**
 * The in-memory spreadsheet behind the runtime's SpreadsheetApp: sheet stores with their cell
 * contents in the formula engine and their formats, notes, colours and rules in sparse layers.
 */
import type { HyperFormula, RawCellContent } from 'hyperformula';
import { CellError, DetailedCellError, EmptyValue } from 'hyperformula';

import { columnToLetters, type GridRect } from './a1.js';
import { CellLayer } from './cell-layer.js';
import type { ChartRecord } from './charts.js';
import type { Clock } from './clock.js';
import {
  callableNames,
  type CustomFunctionHost,
  type EngineAddress,
  registerCustomFunctionNames,
} from './custom-functions.js';
import type { MetadataRecord } from './developer-metadata.js';
import { createEngine } from './formula-engine.js';
import { isDateFormat } from './number-format.js';
import type { ConditionalFormatRule, DataValidation } from './rules.js';
import { instantFromSerial, serialFromInstant } from './tz.js';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export class SheetStore {
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;
  hidden = false;
  readonly columnWidths = new Map<number, number>();
  /** Columns sized by autoResizeColumns: their width depends on font rendering. */
  readonly autoSizedColumns = new Set<number>();
  readonly formats = new CellLayer<string>();
  readonly notes = new CellLayer<string>();
  readonly backgrounds = new CellLayer<string>();
  readonly fontColors = new CellLayer<string>();
  readonly fontWeights = new CellLayer<string>();
  readonly alignments = new CellLayer<string>();
  readonly wraps = new CellLayer<boolean>();
  readonly links = new CellLayer<string>();
  readonly fontSizes = new CellLayer<number>();
  readonly validations = new CellLayer<DataValidation>();
  conditionalRules: ConditionalFormatRule[] = [];
  /** Developer metadata on this sheet: it moves and is deleted with the sheet. */
  developerMetadata: MetadataRecord[] = [];
  /** Embedded charts on this sheet (inserted ones: each has its id). */
  readonly charts: ChartRecord<SheetStore>[] = [];

  constructor(
    readonly gid: number,
    public name: string,
    readonly hfId: number,
  ) {}

  layers(): CellLayer<unknown>[] {
    return [
      this.formats,
      this.notes,
      this.backgrounds,
      this.fontColors,
      this.fontWeights,
      this.alignments,
      this.wraps,
      this.links,
      this.fontSizes,
      this.validations,
    ];
  }
}

export interface WorkbookOptions {
  id: string;
  name: string;
  timeZone: string;
  clock: Clock;
  /** Builds the Date objects handed to script code (in the script's own realm). */
  makeDate: (ms: number) => Date;
}

/** A cell's key in `Workbook.formulaTexts` (0-based; Sheets has at most 18,278 columns). */
const formulaTextKey = (row: number, col: number) => row * 32_768 + col;

export class Workbook {
  private readonly engine: HyperFormula;
  /** Writes since the last read, not yet evaluated (see `hf` and `writeContents`). */
  private evaluationSuspended = false;
  /**
   * Formula text per engine sheet and cell, as the engine last unparsed it: unparsing a long
   * formula costs more than evaluating it, and scripts read the same formulas again and again.
   * Written cells drop theirs; anything that moves or renames references drops them all.
   */
  private readonly formulaTexts = new Map<number, Map<number, string>>();
  readonly sheets: SheetStore[] = [];
  readonly namedRanges = new Map<string, { name: string; sheet: SheetStore; rect: GridRect }>();
  activeSheet: SheetStore | undefined;
  activeRange: { sheet: SheetStore; rect: GridRect } | undefined;
  /** Developer metadata on the spreadsheet itself. */
  readonly developerMetadata: MetadataRecord[] = [];
  private nextGid = 0;
  private lastMetadataId = 0;
  private lastChartId = 0;
  /** A hidden engine sheet whose only job is to make volatile formulas (TODAY) recompute. */
  private readonly tickSheet: number;

  /** Script functions a cell may call (upper-case name → the script's name). */
  callableFunctions = new Map<string, string>();
  /** Array sizes custom-function formulas produced, and cells whose custom-function result is a Date. */
  private readonly customSizes = new Map<string, { width: number; height: number }>();
  private readonly customLayoutPending = new Set<string>();
  private readonly customDateCells = new Map<string, Set<string>>();
  private readonly customDates = new Set<string>();

  constructor(readonly options: WorkbookOptions) {
    this.engine = createEngine({ now: () => options.clock.now(), timeZone: () => this.options.timeZone });
    this.tickSheet = this.engine.getSheetId(this.engine.addSheet('__clock__'))!;
  }

  /**
   * The formula engine with every write so far evaluated. Anything that reads values, or may, goes
   * through here; only cell writes (`writeContents`) and reads of structure (size, formulas) use
   * the engine directly. Sheets, too, recalculates once after a script's writes rather than after
   * each one, and a value read always sees every earlier write.
   */
  get hf(): HyperFormula {
    if (this.evaluationSuspended) {
      this.evaluationSuspended = false;
      this.engine.resumeEvaluation();
      this.settleCustomFunctions();
    }
    return this.engine;
  }

  /** The engine for a cell write: evaluation waits for the next read, so a run of writes costs one. */
  private get writer(): HyperFormula {
    if (!this.evaluationSuspended) {
      this.engine.suspendEvaluation();
      this.evaluationSuspended = true;
    }
    return this.engine;
  }

  /** Metadata ids are unique within the spreadsheet. */
  nextMetadataId(): number {
    return 100_000 + ++this.lastMetadataId;
  }

  /** Chart ids are unique within the spreadsheet. */
  nextChartId(): number {
    return 700_000_000 + ++this.lastChartId;
  }

  /** A copied sheet keeps its developer metadata, under new ids (for Sheet.copyTo / duplicate). */
  copyDeveloperMetadata(from: SheetStore, to: SheetStore): void {
    to.developerMetadata.push(...from.developerMetadata.map((r) => ({ ...r, id: this.nextMetadataId() })));
  }

  get timeZone(): string {
    return this.options.timeZone;
  }

  addSheet(name: string, index = this.sheets.length): SheetStore {
    const hfName = this.hf.addSheet(name);
    this.referencesMoved(); // a reference to this name, broken until now, reads again
    const gid = this.nextGid === 0 ? 0 : 100_000_000 + this.nextGid * 7919;
    this.nextGid++;
    const store = new SheetStore(gid, name, this.hf.getSheetId(hfName)!);
    this.sheets.splice(index, 0, store);
    return store;
  }

  removeSheet(store: SheetStore): void {
    this.hf.removeSheet(store.hfId);
    this.referencesMoved();
    this.forgetCustomLayouts(store.hfId);
    this.sheets.splice(this.sheets.indexOf(store), 1);
    for (const [key, named] of this.namedRanges) if (named.sheet === store) this.removeNamedRange(key);
    if (this.activeSheet === store) this.activeSheet = this.sheets[0];
    if (this.activeRange?.sheet === store) this.activeRange = undefined;
  }

  renameSheet(store: SheetStore, name: string): void {
    this.hf.renameSheet(store.hfId, name);
    this.referencesMoved();
    store.name = name;
  }

  sheetByName(name: string): SheetStore | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Re-evaluates volatile formulas: called when the clock moves. */
  recalculateVolatile(): void {
    this.writer.setCellContents({ sheet: this.tickSheet, row: 0, col: 0 }, this.options.clock.now());
  }

  /**
   * The last row and column that hold content (a value or a formula), as Sheet.getLastRow /
   * getLastColumn report them: cleared cells do not count. The engine's own dimensions only grow,
   * so they are the upper bound the scan starts from.
   */
  usedSize(store: SheetStore): { rows: number; columns: number } {
    const { width, height } = this.hf.getSheetDimensions(store.hfId);
    const filled = (row: number, col: number) => !this.hf.isCellEmpty({ sheet: store.hfId, row, col });
    let rows = height;
    while (rows > 0 && !rangeSome(width, (col) => filled(rows - 1, col))) rows--;
    let columns = rows === 0 ? 0 : width;
    while (columns > 0 && !rangeSome(rows, (row) => filled(row, columns - 1))) columns--;
    return { rows, columns };
  }

  writeContents(store: SheetStore, rect: GridRect, contents: RawCellContent[][]): void {
    this.forgetCustomLayouts(store.hfId, rect);
    this.writer.setCellContents({ sheet: store.hfId, row: rect.row - 1, col: rect.column - 1 }, contents);
    const texts = this.formulaTexts.get(store.hfId);
    if (texts)
      contents.forEach((line, r) =>
        line.forEach((_, c) => texts.delete(formulaTextKey(rect.row - 1 + r, rect.column - 1 + c))),
      );
  }

  /** Rows, columns or sheets moved, went or were renamed: every formula's text may read differently. */
  private referencesMoved(): void {
    this.formulaTexts.clear();
  }

  rawValues(store: SheetStore, rect: GridRect): unknown[][] {
    return this.hf.getRangeValues({
      start: { sheet: store.hfId, row: rect.row - 1, col: rect.column - 1 },
      end: { sheet: store.hfId, row: rect.row + rect.numRows - 2, col: rect.column + rect.numColumns - 2 },
    }) as unknown[][];
  }

  formulas(store: SheetStore, rect: GridRect): string[][] {
    let texts = this.formulaTexts.get(store.hfId);
    if (!texts) this.formulaTexts.set(store.hfId, (texts = new Map()));
    const grid: string[][] = [];
    for (let row = rect.row - 1; row < rect.row - 1 + rect.numRows; row++) {
      const line: string[] = [];
      for (let col = rect.column - 1; col < rect.column - 1 + rect.numColumns; col++) {
        const key = formulaTextKey(row, col);
        let text = texts.get(key);
        if (text === undefined) {
          text = this.engine.getCellFormula({ sheet: store.hfId, row, col }) ?? '';
          texts.set(key, text);
        }
        line.push(text);
      }
      grid.push(line);
    }
    return grid;
  }

  isDateCell(store: SheetStore, row: number, column: number, hasFormula: boolean): boolean {
    const format = store.formats.get(row, column);
    if (format !== undefined) return isDateFormat(format);
    if (this.isCustomDate(store, row, column)) return true;
    if (!hasFormula) return false;
    const type = this.hf.getCellValueDetailedType({ sheet: store.hfId, row: row - 1, col: column - 1 });
    return type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME';
  }

  /** Values as Apps Script returns them: '' for empty, Dates for date cells, errors as their text. */
  values(store: SheetStore, rect: GridRect): unknown[][] {
    const raw = this.rawValues(store, rect);
    let formulaGrid: string[][] | undefined;
    return raw.map((line, i) =>
      line.map((v, j) => {
        if (v === null || v === undefined) return '';
        // Sheets shows a blocked spill as #REF! ("Array result was not expanded…").
        if (v instanceof DetailedCellError) return v.type === 'SPILL' ? '#REF!' : v.value;
        if (typeof v === 'number') {
          const row = rect.row + i;
          const column = rect.column + j;
          const format = store.formats.get(row, column);
          let date = format !== undefined && isDateFormat(format);
          if (format === undefined) {
            formulaGrid ??= this.formulas(store, rect);
            date =
              this.isCustomDate(store, row, column) ||
              (formulaGrid[i]![j] !== '' && this.isDateCell(store, row, column, true));
          }
          return date ? this.options.makeDate(instantFromSerial(v, this.timeZone)) : v;
        }
        return v;
      }),
    );
  }

  setNamedRange(name: string, sheet: SheetStore, rect: GridRect): void {
    const key = name.toUpperCase();
    const ref = `='${sheet.name.replace(/'/g, "''")}'!${absoluteA1(rect)}`;
    if (this.namedRanges.has(key)) this.hf.changeNamedExpression(name, ref);
    else this.hf.addNamedExpression(name, ref);
    this.namedRanges.set(key, { name, sheet, rect });
  }

  removeNamedRange(key: string): void {
    const named = this.namedRanges.get(key.toUpperCase());
    if (!named) return;
    this.hf.removeNamedExpression(named.name);
    this.namedRanges.delete(key.toUpperCase());
  }

  insertRows(store: SheetStore, beforeRow: number, count: number): void {
    this.hf.addRows(store.hfId, [beforeRow - 1, count]);
    this.referencesMoved();
    for (const layer of store.layers()) layer.shift('row', beforeRow, count);
    store.maxRows += count;
  }

  insertColumns(store: SheetStore, beforeColumn: number, count: number): void {
    this.hf.addColumns(store.hfId, [beforeColumn - 1, count]);
    this.referencesMoved();
    for (const layer of store.layers()) layer.shift('column', beforeColumn, count);
    store.maxColumns += count;
  }

  deleteRows(store: SheetStore, row: number, count: number): void {
    this.hf.removeRows(store.hfId, [row - 1, count]);
    this.referencesMoved();
    for (const layer of store.layers()) {
      for (let r = row; r < row + count; r++)
        layer.fill({ row: r, column: 1, numRows: 1, numColumns: store.maxColumns }, undefined);
      layer.shift('row', row + count, -count);
    }
    store.maxRows -= count;
  }

  /**
   * Lets cells call the script's global functions (custom functions): the engine learns their
   * names and is rebuilt once with a context that runs them through `invoke`.
   */
  enableCustomFunctions(functionNames: string[], invoke: (name: string, args: unknown[]) => unknown): void {
    this.callableFunctions = callableNames(functionNames);
    registerCustomFunctionNames(this.callableFunctions.keys());
    let anchor = '';
    const host: CustomFunctionHost = {
      scriptValue: (value, at) => this.scriptValueOf(value, at),
      invoke: (id, args) => invoke(this.callableFunctions.get(id) ?? id, args),
      serialOfDate: (date, at) => {
        this.customDates.add(cellKey(at));
        this.customDateCells.get(anchor)?.add(cellKey(at));
        return serialFromInstant(date.getTime(), this.timeZone);
      },
      sizeAt: (at) => this.customSizes.get(cellKey(at)) ?? { width: 1, height: 1 },
      reportSize: (at, size) => {
        const key = cellKey(at);
        anchor = key;
        for (const cell of this.customDateCells.get(key) ?? []) this.customDates.delete(cell);
        this.customDateCells.set(key, new Set());
        const before = this.customSizes.get(key) ?? { width: 1, height: 1 };
        if (before.width !== size.width || before.height !== size.height) {
          this.customSizes.set(key, size);
          this.customLayoutPending.add(key);
        }
      },
    };
    const context = this.hf.getConfig().context as { customFunctions?: CustomFunctionHost };
    // An engine reads its function names when it is built: one built before these names were
    // registered is built again knowing them; one that knows them already (another runtime of this
    // process registered them first) only needs the host, which its plugins read from the context.
    const known = new Set(this.hf.getRegisteredFunctionNames());
    if ([...this.callableFunctions.keys()].every((id) => known.has(id))) context.customFunctions = host;
    else this.hf.updateConfig({ context: { ...context, customFunctions: host } });
  }

  private scriptValueOf(value: unknown, at: EngineAddress | undefined): unknown {
    if (value === EmptyValue || value === null || value === undefined) return '';
    if (value instanceof CellError) return ERROR_TEXT[value.type] ?? `#${value.type}`;
    const rich = value !== null && typeof value === 'object' && 'val' in value;
    const n = rich ? (value as { val: number }).val : value;
    if (typeof n !== 'number') return n;
    const store = at && this.sheets.find((s) => s.hfId === at.sheet);
    const format = store?.formats.get(at!.row + 1, at!.col + 1);
    const isDate =
      format !== undefined ? isDateFormat(format) : rich && /Date/.test((value as object).constructor.name);
    return isDate ? this.options.makeDate(instantFromSerial(n, this.timeZone)) : n;
  }

  /** Re-enters custom-function formulas whose result changed size, so their spill area follows. */
  private settleCustomFunctions(): void {
    for (let round = 0; round < 5 && this.customLayoutPending.size > 0; round++) {
      const keys = [...this.customLayoutPending];
      this.customLayoutPending.clear();
      for (const key of keys) {
        const [sheet, row, col] = key.split(':').map(Number) as [number, number, number];
        const formula = this.hf.getCellFormula({ sheet, row, col });
        if (formula) this.hf.setCellContents({ sheet, row, col }, [[formula]]);
      }
    }
  }

  /** New contents (or a removed sheet) start again from a one-cell prediction of their size. */
  private forgetCustomLayouts(sheet: number, rect?: GridRect): void {
    for (const key of [...this.customSizes.keys()]) {
      const [s, row, col] = key.split(':').map(Number) as [number, number, number];
      const inside =
        !rect ||
        (row >= rect.row - 1 &&
          row < rect.row - 1 + rect.numRows &&
          col >= rect.column - 1 &&
          col < rect.column - 1 + rect.numColumns);
      if (s === sheet && inside) this.customSizes.delete(key);
    }
  }

  /** A custom function returned a Date here (Sheets shows and returns it as a date). */
  isCustomDate(store: SheetStore, row: number, column: number): boolean {
    return this.customDates.has(cellKey({ sheet: store.hfId, row: row - 1, col: column - 1 }));
  }

  deleteColumns(store: SheetStore, column: number, count: number): void {
    this.hf.removeColumns(store.hfId, [column - 1, count]);
    this.referencesMoved();
    for (const layer of store.layers()) {
      for (let c = column; c < column + count; c++)
        layer.fill({ row: 1, column: c, numRows: store.maxRows, numColumns: 1 }, undefined);
      layer.shift('column', column + count, -count);
    }
    const widths = [...store.columnWidths.entries()];
    store.columnWidths.clear();
    for (const [c, w] of widths) {
      if (c < column) store.columnWidths.set(c, w);
      else if (c >= column + count) store.columnWidths.set(c - count, w);
    }
    store.maxColumns -= count;
  }

  /** Copies contents as Sheets pastes them: relative references in formulas follow the new position. */
  copyContents(from: SheetStore, rect: GridRect, to: SheetStore, row: number, column: number): void {
    this.hf.copy({
      start: { sheet: from.hfId, row: rect.row - 1, col: rect.column - 1 },
      end: { sheet: from.hfId, row: rect.row + rect.numRows - 2, col: rect.column + rect.numColumns - 2 },
    });
    this.hf.paste({ sheet: to.hfId, row: row - 1, col: column - 1 });
    this.hf.clearClipboard();
    this.referencesMoved();
    this.settleCustomFunctions();
  }

  /** Copies every per-cell layer (formats, notes, colours, validation…) of a block. */
  copyLayers(from: SheetStore, rect: GridRect, to: SheetStore, row: number, column: number): void {
    const fromLayers = from.layers();
    to.layers().forEach((layer, k) => {
      const grid = fromLayers[k]!.grid(rect);
      grid.forEach((line, i) => line.forEach((v, j) => layer.set(row + i, column + j, v)));
    });
  }
}

function rangeSome(count: number, test: (index: number) => boolean): boolean {
  for (let i = 0; i < count; i++) if (test(i)) return true;
  return false;
}

function absoluteA1(rect: GridRect): string {
  const start = `$${columnToLetters(rect.column)}$${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:$${columnToLetters(rect.column + rect.numColumns - 1)}$${rect.row + rect.numRows - 1}`;
}

const cellKey = (at: EngineAddress) => `${at.sheet}:${at.row}:${at.col}`;

/** How Sheets spells the engine's error types. */
const ERROR_TEXT: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!',
  NA: '#N/A',
  NAME: '#NAME?',
  NUM: '#NUM!',
  REF: '#REF!',
  VALUE: '#VALUE!',
  ERROR: '#ERROR!',
  SPILL: '#REF!',
  CYCLE: '#REF!',
};
