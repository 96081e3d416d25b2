/**
 * Writes the Report tab's charts: the risk heat map and each chart's table beside the report, then
 * the native charts over those tables. Every run removes the charts it finds first, so a report
 * regenerated ten times still has one of each.
 */
import { literal } from '../core/cells';
import type { HeatCell, ReportChart } from '../core/report-charts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows a chart takes at its default size (about 300 px of 21 px rows), plus a gap. */
const CHART_ROWS = 17;
const CHART_WIDTH_COLUMNS = 6;

const cellValue = (v: string | number) => (typeof v === 'string' ? literal(v) : v);

export function drawReportCharts(
  sheet: Sheet,
  charts: readonly ReportChart[],
  heat: readonly (readonly HeatCell[])[],
  firstColumn: number,
): void {
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  // Tables sit to the right of the charts; charts read them, so they stay visible (charts skip hidden cells).
  const tableColumn = firstColumn + CHART_WIDTH_COLUMNS + 1;
  const widest = Math.max(heat[0]?.length ?? 0, ...charts.map((c) => c.table[0]!.length));
  const needed = tableColumn + widest;
  if (sheet.getMaxColumns() < needed)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), needed - sheet.getMaxColumns());
  const rowsNeeded =
    heat.length + 2 + charts.length * CHART_ROWS + charts.reduce((n, c) => n + c.table.length + 1, 0);
  if (sheet.getMaxRows() < rowsNeeded)
    sheet.insertRowsAfter(sheet.getMaxRows(), rowsNeeded - sheet.getMaxRows());

  // The area is OpsPlan's (on its own Report tab): last run's tables go, whatever their size was.
  sheet.getRange(1, firstColumn, sheet.getMaxRows(), sheet.getMaxColumns() - firstColumn + 1).clear();
  // The heat map at the top, where it is seen first.
  sheet.getRange(1, firstColumn).setValue('Risk heat map (open risks)').setFontWeight('bold');
  const map = sheet.getRange(2, firstColumn, heat.length, heat[0]!.length);
  map.setValues(heat.map((line) => line.map((c) => cellValue(c.value))));
  map.setBackgrounds(heat.map((line) => line.map((c) => c.background ?? null)));
  map.setFontColors(heat.map((line) => line.map((c) => c.fontColor ?? null)));
  map.setFontWeights(heat.map((line) => line.map((c) => (c.bold ? 'bold' : 'normal'))));

  let chartRow = heat.length + 3;
  let tableRow = 1;
  for (const chart of charts) {
    const width = chart.table[0]!.length;
    const table = sheet.getRange(tableRow, tableColumn, chart.table.length, width);
    table.setValues(
      chart.table.map((line) => [...line, ...Array(width - line.length).fill('')].map(cellValue)),
    );
    sheet.insertChart(
      builderOf(sheet, chart).addRange(table).setPosition(chartRow, firstColumn, 0, 0).build(),
    );
    chartRow += CHART_ROWS;
    tableRow += chart.table.length + 1;
  }
}

/** A typed chart builder with the chart's title and colours. */
function builderOf(sheet: Sheet, chart: ReportChart): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
  if (chart.type === 'pie')
    return sheet.newChart().asPieChart().setTitle(chart.title).setColors(chart.colors);
  const column = sheet.newChart().asColumnChart().setTitle(chart.title).setColors(chart.colors);
  return chart.stacked ? column.setStacked() : column;
}
