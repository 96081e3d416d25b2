/**
 * What a person sees on a sheet: display values, formulas, notes, fonts, fills, dropdowns, and the
 * colours of conditional formatting rules evaluated as Sheets would paint them. For the playground.
 */
import type { RenderedCell, RenderedSheet } from '../playground/protocol.js';
import { columnToLetters } from './a1.js';
import { raw } from './calls.js';
import { isDateValue } from './errors.js';
import { displayOf } from './number-format.js';
import { booleanConditionHolds, type ConditionalSpec, DataValidationCriteria } from './rules.js';
import type { Range } from './spreadsheet.js';
import { serialFromInstant } from './tz.js';
import type { SheetStore, Workbook } from './workbook.js';

/** Shifts relative references of a rule written for the top-left cell to another cell. */
function shiftFormula(formula: string, rowOffset: number, columnOffset: number): string {
  return formula.replace(
    /(^|[^A-Za-z0-9_"$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g,
    (whole, pre: string, colAbs: string, col: string, rowAbs: string, row: string) => {
      const c = colAbs
        ? col
        : columnToLetters(col.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) + columnOffset);
      const r = rowAbs ? row : String(Number(row) + rowOffset);
      return `${pre}${colAbs}${c}${rowAbs}${r}`;
    },
  );
}

export function renderSheet(workbook: Workbook, store: SheetStore, maxRows = 300): RenderedSheet {
  const used = workbook.usedSize(store);
  const rows = Math.max(used.rows, 1);
  // Like Sheets, empty rows and columns past the content are there to type in and to overflow into.
  const columns = Math.min(store.maxColumns, Math.max(used.columns + 3, 26));
  const shownRows = Math.min(store.maxRows, maxRows, Math.max(used.rows + 20, 50));
  const rect = { row: 1, column: 1, numRows: shownRows, numColumns: columns };
  const raw = workbook.rawValues(store, rect);
  const formulas = workbook.formulas(store, rect);
  const values = raw.map((line) =>
    line.map((v) => (v && typeof v === 'object' && 'value' in v ? (v as { value: unknown }).value : v)),
  );
  const cells: RenderedCell[][] = values.map((line, i) =>
    line.map((value, j) => {
      const row = i + 1;
      const column = j + 1;
      const cell: RenderedCell = {
        v: displayOf(
          value,
          store.formats.get(row, column) ??
            (formulas[i]![j] && workbook.isDateCell(store, row, column, true) ? 'yyyy-mm-dd' : undefined),
          workbook.timeZone,
        ),
      };
      if (formulas[i]![j]) cell.f = formulas[i]![j];
      const bg = store.backgrounds.get(row, column);
      if (bg) cell.bg = bg;
      const color = store.fontColors.get(row, column);
      if (color) cell.color = color;
      if (store.fontWeights.get(row, column) === 'bold') cell.bold = true;
      const note = store.notes.get(row, column);
      if (note) cell.note = note;
      const link = store.links.get(row, column) ?? hyperlinkTarget(workbook, store, formulas[i]![j]);
      if (link) cell.link = link;
      // Sheets aligns numbers and dates right and booleans centred unless the cell says otherwise.
      const align =
        store.alignments.get(row, column) ??
        (typeof value === 'number' ? 'right' : typeof value === 'boolean' ? 'center' : undefined);
      if (align && align !== 'left' && align !== 'general') cell.align = align as 'center' | 'right';
      if (store.wraps.get(row, column)) cell.wrap = true;
      const rule = store.validations.get(row, column);
      if (rule?.spec.criteria === DataValidationCriteria.VALUE_IN_LIST)
        cell.list = [...(rule.spec.values[0] as string[])];
      return cell;
    }),
  );
  const unpainted = paintConditionalFormats(workbook, store, cells, values);
  return {
    name: store.name,
    gid: store.gid,
    rows,
    columns,
    shownRows,
    frozenRows: store.frozenRows,
    frozenColumns: store.frozenColumns,
    unpainted,
    widths: Array.from({ length: columns }, (_, j) => store.columnWidths.get(j + 1) ?? 100),
    cells,
  };
}

/** Splits a formula's arguments at top-level commas (not inside strings or parentheses). */
function topLevelArguments(inner: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of inner) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && ch === ',') {
      args.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  args.push(current);
  return args;
}

/**
 * The target of a `=HYPERLINK(url, label)` cell: its first argument, computed (it may be built
 * from other cells). https://support.google.com/docs/answer/3093313
 */
function hyperlinkTarget(
  workbook: Workbook,
  store: SheetStore,
  formula: string | undefined,
): string | undefined {
  const call = formula ? /^=\s*HYPERLINK\s*\(([\s\S]*)\)\s*$/i.exec(formula) : null;
  if (!call) return undefined;
  try {
    const url = workbook.hf.calculateFormula(`=${topLevelArguments(call[1]!)[0]!.trim()}`, store.hfId);
    return typeof url === 'string' && url ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a boolean-condition rule holds for a cell, as Sheets evaluates it. */
function ruleHolds(
  workbook: Workbook,
  store: SheetStore,
  spec: ConditionalSpec,
  cell: { display: string; value: unknown; row: number; column: number; top: number; left: number },
): boolean | undefined {
  const [first] = spec.values;
  const number = typeof cell.value === 'number' ? cell.value : Number.NaN;
  switch (spec.criteria) {
    case 'TEXT_EQUAL_TO':
      return cell.display !== '' && cell.display.toLowerCase() === String(first).toLowerCase();
    case 'TEXT_CONTAINS':
      return cell.display !== '' && cell.display.toLowerCase().includes(String(first).toLowerCase());
    case 'NUMBER_LESS_THAN':
      return number < Number(first);
    case 'NUMBER_GREATER_THAN':
      return number > Number(first);
    case 'CELL_EMPTY':
      return cell.value === '' || cell.value === null || cell.value === undefined;
    case 'CUSTOM_FORMULA':
      // Custom formulas apply to empty cells too (a Gantt bar is an empty cell painted by a rule).
      try {
        const result = workbook.hf.calculateFormula(
          shiftFormula(String(first), cell.row - cell.top, cell.column - cell.left),
          store.hfId,
        );
        return result === true || (typeof result === 'number' && result !== 0);
      } catch {
        return false;
      }
    default: {
      if (spec.gradient) return undefined;
      // The other boolean criteria (number, text and date comparisons) as Sheets evaluates them.
      const today = Math.floor(serialFromInstant(workbook.options.clock.now(), workbook.timeZone));
      const serialOf = (v: unknown) =>
        isDateValue(v) ? serialFromInstant(v.getTime(), workbook.timeZone) : v;
      const dated = typeof cell.value === 'number' && workbook.isDateCell(store, cell.row, cell.column, true);
      return booleanConditionHolds(
        spec.criteria,
        spec.values.map(serialOf),
        { value: cell.value, display: cell.display, dateSerial: dated ? (cell.value as number) : undefined },
        today,
      );
    }
  }
}

function paintConditionalFormats(
  workbook: Workbook,
  store: SheetStore,
  cells: RenderedCell[][],
  values: unknown[][],
): string[] {
  // Later rules only paint cells no earlier rule painted, as in Sheets.
  const painted = new Set<string>();
  const unpainted = new Set<string>();
  for (const rule of store.conditionalRules) {
    const { background, fontColor, bold } = rule.spec;
    for (const range of rule.spec.ranges) {
      // Read the range's rectangle directly: rendering is not a script's service call.
      const rect = (raw(range) as unknown as Range).rect;
      const lastRow = Math.min(rect.row + rect.numRows - 1, cells.length);
      for (let r = Math.max(rect.row, 1); r <= lastRow; r++) {
        for (let c = rect.column; c <= rect.column + rect.numColumns - 1; c++) {
          const cell = cells[r - 1]?.[c - 1];
          if (!cell || painted.has(`${r}:${c}`)) continue;
          const at = { display: cell.v, value: values[r - 1]![c - 1], row: r, column: c };
          const holds = ruleHolds(workbook, store, rule.spec, { ...at, top: rect.row, left: rect.column });
          if (holds === undefined) unpainted.add(rule.spec.criteria);
          if (!holds) continue;
          painted.add(`${r}:${c}`);
          if (background) cell.bg = background;
          if (fontColor) cell.color = fontColor;
          if (bold) cell.bold = true;
        }
      }
    }
  }
  return [...unpainted];
}
