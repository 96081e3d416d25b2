/**
 * Build Gantt view: lays out OpsPlan's own Gantt tab (src/core/gantt.ts) from the Timeline as it
 * is now. The tab is found by its mark (src/gas/ownership.ts): a team's tab called "Gantt" is
 * never written; the view goes under a free name instead. It reads the Plan and Timeline tabs once
 * each and writes the tab whole, one block per layer.
 */
import { literal } from '../core/cells';
import {
  DATE_FORMAT,
  DATES_COLUMN,
  FIRST_WEEK_COLUMN,
  GANTT_COLUMNS,
  GANTT_TAB,
  ganttLayout,
  WEEK_FORMAT,
  WEEK_WIDTH,
} from '../core/gantt';
import { settingsOf } from '../core/settings';
import { PLAN, TIMELINE } from '../core/spec/tabs';
import { RAG } from '../core/spec/types';
import { generatedTabForWriting, ownedTabs } from './ownership';
import { todayIn } from './plan-actions';
import { indexSheets, readTab } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface GanttRun {
  /** The Gantt tab's name, or '' when the Timeline lacks a column the view needs. */
  sheet: string;
  rows: number;
  weeks: number;
  leftOut: number;
  notices: string[];
}

const HEADER_BACKGROUND = '#f1f3f4';

export function buildGantt(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GanttRun {
  const index = indexSheets(ss);
  const timeline = readTab(index, TIMELINE);
  const plan = readTab(index, PLAN);
  const notices: string[] = [];
  const settings = settingsOf(plan?.table.input);
  const layout =
    timeline &&
    ganttLayout(
      timeline.table,
      { start: settings.periodStart, end: settings.periodEnd },
      todayIn(index.timeZone),
    );
  if (!layout) {
    notices.push(
      'The Timeline tab is missing, or lacks a column the view needs: run Set up plan tabs first.',
    );
    return { sheet: '', rows: 0, weeks: 0, leftOut: 0, notices };
  }
  const { sheet } = generatedTabForWriting(ss, ownedTabs(ss), GANTT_TAB, notices);
  writeLayout(sheet, layout.grid, layout.weeks);
  sheet.setConditionalFormatRules(
    layout.rules.map((rule) => {
      const { row, column, numRows, numColumns } = rule.range;
      const builder = SpreadsheetApp.newConditionalFormatRule()
        .setRanges([sheet.getRange(row, column, numRows, numColumns)])
        .whenFormulaSatisfied(rule.formula);
      return (
        rule.paint === 'fill'
          ? builder.setBackground(RAG[rule.colour].background)
          : builder.setFontColor(RAG[rule.colour].font).setBold(true)
      ).build();
    }),
  );
  sheet.getRange(1, 1).setNote(layout.note);
  if (layout.leftOut)
    notices.push(
      `The view shows the first ${layout.grid.length - 1} rows of the Timeline; ${layout.leftOut} more are left out.`,
    );
  return {
    sheet: sheet.getName(),
    rows: layout.grid.length - 1,
    weeks: layout.weeks,
    leftOut: layout.leftOut,
    notices,
  };
}

/** The grid over whatever an earlier layout left (cleared first where the new one is smaller). */
function writeLayout(sheet: Sheet, grid: (string | number)[][], weeks: number): void {
  const [rows, width] = [grid.length, GANTT_COLUMNS.length + weeks];
  const [lastRow, lastColumn] = [sheet.getLastRow(), sheet.getLastColumn()];
  if (lastRow > 0 && (lastRow > rows || lastColumn > width))
    sheet.getRange(1, 1, lastRow, Math.max(lastColumn, width)).clear();
  const [maxRows, maxColumns] = [sheet.getMaxRows(), sheet.getMaxColumns()];
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (maxColumns < width) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  // Formulas (setValues reads a string starting with "=" as one) and OpsPlan's own headers, kept
  // literal; no user's text is written: the formulas read it from the Timeline.
  sheet
    .getRange(1, 1, rows, width)
    .setValues(
      grid.map((line) => line.map((v) => (typeof v === 'string' && !v.startsWith('=') ? literal(v) : v))),
    );
  const header = sheet.getRange(1, 1, 1, width);
  header.setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  sheet.getRange(1, FIRST_WEEK_COLUMN, 1, weeks).setNumberFormat(WEEK_FORMAT);
  if (rows > 1) sheet.getRange(2, DATES_COLUMN, rows - 1, 2).setNumberFormat(DATE_FORMAT);
  GANTT_COLUMNS.forEach((c, i) => sheet.setColumnWidth(i + 1, c.width));
  sheet.setColumnWidths(FIRST_WEEK_COLUMN, weeks, WEEK_WIDTH);
  sheet.setFrozenRows(1);
  sheet.setFrozenColumns(2);
}
