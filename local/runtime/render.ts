/**
 * What a person sees on a sheet: display values, formulas, notes, fonts, fills, dropdowns, and the
 * colours of conditional formatting rules evaluated as Sheets would paint them. For the playground.
 */
import type { RenderedCell, RenderedSheet } from '../playground/protocol.js';
import { columnToLetters } from './a1.js';
import { raw } from './calls.js';
import { isDateValue } from './errors.js';
import { displayOf } from './number-format.js';
import { renderChart } from './render-chart.js';
import {
  booleanConditionHolds,
  type ConditionalSpec,
  DataValidationCriteria,
  type GradientPoint,
  type GradientSpec,
} from './rules.js';
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
    charts: store.charts.filter((c) => c.id !== null).map((c) => renderChart(workbook, c)),
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
  if (spec.criteria === 'CUSTOM_FORMULA') {
    // Custom formulas apply to empty cells too (a Gantt bar is an empty cell painted by a rule).
    try {
      const result = workbook.hf.calculateFormula(
        shiftFormula(String(spec.values[0]), cell.row - cell.top, cell.column - cell.left),
        store.hfId,
      );
      return result === true || (typeof result === 'number' && result !== 0);
    } catch {
      return false;
    }
  }
  // The other boolean criteria (number, text and date comparisons) as Sheets evaluates them.
  const today = Math.floor(serialFromInstant(workbook.options.clock.now(), workbook.timeZone));
  const serialOf = (v: unknown) => (isDateValue(v) ? serialFromInstant(v.getTime(), workbook.timeZone) : v);
  const dated = typeof cell.value === 'number' && workbook.isDateCell(store, cell.row, cell.column, true);
  return booleanConditionHolds(
    spec.criteria,
    spec.values.map(serialOf),
    { value: cell.value, display: cell.display, dateSerial: dated ? (cell.value as number) : undefined },
    today,
  );
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const hex = (parts: number[]) => `#${parts.map((p) => Math.round(p).toString(16).padStart(2, '0')).join('')}`;

/**
 * A colour scale: numbers in the rule's ranges get a colour between the minpoint's and the
 * maxpoint's (through the midpoint's), by where they fall; other cells are not painted.
 * https://developers.google.com/apps-script/reference/spreadsheet/interpolation-type
 */
function gradientColours(gradient: GradientSpec, numbers: number[]): ((n: number) => string) | undefined {
  if (!gradient.min || !gradient.max || numbers.length === 0) return undefined;
  const sorted = [...numbers].sort((a, b) => a - b);
  const lowest = sorted[0]!;
  const highest = sorted[sorted.length - 1]!;
  const at = (point: GradientPoint, fallback: number): number => {
    const value = Number(point.value);
    switch (point.type) {
      case 'NUMBER':
        return value;
      case 'PERCENT':
        return lowest + ((highest - lowest) * value) / 100;
      case 'PERCENTILE':
        return sorted[
          Math.min(sorted.length - 1, Math.max(0, Math.round((value / 100) * (sorted.length - 1))))
        ]!;
      default:
        return fallback;
    }
  };
  const stops = [
    { value: at(gradient.min, lowest), colour: rgb(gradient.min.color) },
    ...(gradient.mid
      ? [{ value: at(gradient.mid, (lowest + highest) / 2), colour: rgb(gradient.mid.color) }]
      : []),
    { value: at(gradient.max, highest), colour: rgb(gradient.max.color) },
  ];
  return (n) => {
    if (n <= stops[0]!.value) return hex(stops[0]!.colour);
    for (let i = 1; i < stops.length; i++) {
      const [from, to] = [stops[i - 1]!, stops[i]!];
      if (n <= to.value) {
        const t = to.value === from.value ? 1 : (n - from.value) / (to.value - from.value);
        return hex(from.colour.map((c, k) => c + (to.colour[k]! - c) * t));
      }
    }
    return hex(stops[stops.length - 1]!.colour);
  };
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
    const { background, fontColor, bold, gradient } = rule.spec;
    // Read the ranges' rectangles directly: rendering is not a script's service call.
    const rects = rule.spec.ranges.map((range) => (raw(range) as unknown as Range).rect);
    const inRule = rects.flatMap((rect) => {
      const out: { r: number; c: number; top: number; left: number }[] = [];
      const lastRow = Math.min(rect.row + rect.numRows - 1, cells.length);
      for (let r = Math.max(rect.row, 1); r <= lastRow; r++)
        for (let c = rect.column; c <= rect.column + rect.numColumns - 1; c++)
          if (cells[r - 1]?.[c - 1]) out.push({ r, c, top: rect.row, left: rect.column });
      return out;
    });
    const scale =
      gradient &&
      gradientColours(
        gradient,
        inRule.map(({ r, c }) => values[r - 1]![c - 1]).filter((v): v is number => typeof v === 'number'),
      );
    for (const { r, c, top, left } of inRule) {
      const cell = cells[r - 1]![c - 1]!;
      const value = values[r - 1]![c - 1];
      if (painted.has(`${r}:${c}`)) continue;
      if (gradient) {
        if (!scale || typeof value !== 'number') continue;
        painted.add(`${r}:${c}`);
        cell.bg = scale(value);
        continue;
      }
      const holds = ruleHolds(workbook, store, rule.spec, {
        display: cell.v,
        value,
        row: r,
        column: c,
        top,
        left,
      });
      if (holds === undefined) unpainted.add(rule.spec.criteria);
      if (!holds) continue;
      painted.add(`${r}:${c}`);
      if (background) cell.bg = background;
      if (fontColor) cell.color = fontColor;
      if (bold) cell.bold = true;
    }
  }
  return [...unpainted];
}
