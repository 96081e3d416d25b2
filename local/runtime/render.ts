/**
 * What a person sees on a sheet: display values, formulas, notes, fonts, fills, dropdowns, and the
 * colours of conditional formatting rules evaluated as Sheets would paint them. For the playground.
 */
import type { RenderedCell, RenderedSheet } from '../playground/protocol.js';
import { columnToLetters } from './a1.js';
import { raw } from './calls.js';
import { displayOf } from './number-format.js';
import { DataValidationCriteria } from './rules.js';
import type { Range } from './spreadsheet.js';
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
  const columns = Math.max(used.columns, 1);
  const shownRows = Math.min(rows, maxRows);
  const rect = { row: 1, column: 1, numRows: shownRows, numColumns: columns };
  const raw = workbook.rawValues(store, rect);
  const formulas = workbook.formulas(store, rect);
  const cells: RenderedCell[][] = raw.map((line, i) =>
    line.map((v, j) => {
      const row = i + 1;
      const column = j + 1;
      const value = v && typeof v === 'object' && 'value' in v ? (v as { value: unknown }).value : v;
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
      const link = store.links.get(row, column);
      if (link) cell.link = link;
      const rule = store.validations.get(row, column);
      if (rule?.spec.criteria === DataValidationCriteria.VALUE_IN_LIST)
        cell.list = [...(rule.spec.values[0] as string[])];
      return cell;
    }),
  );
  paintConditionalFormats(workbook, store, cells);
  return {
    name: store.name,
    gid: store.gid,
    rows,
    columns,
    shownRows,
    frozenRows: store.frozenRows,
    widths: Array.from({ length: columns }, (_, j) => store.columnWidths.get(j + 1) ?? 100),
    cells,
  };
}

function paintConditionalFormats(workbook: Workbook, store: SheetStore, cells: RenderedCell[][]): void {
  // Later rules only paint cells no earlier rule painted, as in Sheets.
  const painted = new Set<string>();
  for (const rule of store.conditionalRules) {
    const { criteria, values, background, fontColor, bold } = rule.spec;
    for (const range of rule.spec.ranges) {
      // Read the range's rectangle directly: rendering is not a script's service call.
      const rect = (raw(range) as unknown as Range).rect;
      const top = rect.row;
      const left = rect.column;
      const lastRow = Math.min(rect.row + rect.numRows - 1, cells.length);
      for (let r = Math.max(top, 1); r <= lastRow; r++) {
        for (let c = left; c <= rect.column + rect.numColumns - 1; c++) {
          const cell = cells[r - 1]?.[c - 1];
          if (!cell || painted.has(`${r}:${c}`)) continue;
          let hit = false;
          if (criteria === 'TEXT_EQUAL_TO')
            hit = cell.v !== '' && cell.v.toLowerCase() === String(values[0]).toLowerCase();
          else if (criteria === 'CUSTOM_FORMULA' && cell.v !== '') {
            try {
              const result = workbook.hf.calculateFormula(
                shiftFormula(String(values[0]), r - top, c - left),
                store.hfId,
              );
              hit = result === true;
            } catch {
              hit = false;
            }
          }
          if (!hit) continue;
          painted.add(`${r}:${c}`);
          if (background) cell.bg = background;
          if (fontColor) cell.color = fontColor;
          if (bold) cell.bold = true;
        }
      }
    }
  }
}
