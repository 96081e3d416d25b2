/**
 * An embedded chart's data as Sheets plots it: the first column of its ranges gives the categories
 * and each further column a series (rows and columns swapped when transposed); header rows name
 * the series. https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 */
import type { RenderedChart } from '../playground/protocol.js';
import type { ChartRecord } from './charts.js';
import { displayOf } from './number-format.js';
import type { SheetStore, Workbook } from './workbook.js';

/** Google Charts' default series colours. https://developers.google.com/chart/interactive/docs/gallery/columnchart */
const PALETTE = ['#3366cc', '#dc3912', '#ff9900', '#109618', '#990099', '#0099c6', '#dd4477', '#66aa00'];
/** A new chart's size in Sheets when no width or height is set. */
const DEFAULT_SIZE = { width: 600, height: 371 };

export function renderChart(workbook: Workbook, record: ChartRecord<SheetStore>): RenderedChart {
  // The ranges side by side, as columns of one table.
  const columns: unknown[][] = [];
  for (const { sheet, rect } of record.ranges) {
    const grid = workbook.rawValues(sheet, rect).map((line, i) =>
      line.map((v, j) => {
        const value = v && typeof v === 'object' && 'value' in v ? (v as { value: unknown }).value : v;
        const format = sheet.formats.get(rect.row + i, rect.column + j);
        return typeof value === 'number' &&
          format &&
          workbook.isDateCell(sheet, rect.row + i, rect.column + j, false)
          ? displayOf(value, format, workbook.timeZone)
          : value;
      }),
    );
    const table = record.transpose ? grid[0]!.map((_, j) => grid.map((line) => line[j])) : grid;
    for (let j = 0; j < (table[0]?.length ?? 0); j++) columns.push(table.map((line) => line[j]));
  }
  const rows = columns[0]?.length ?? 0;
  // -1: Sheets decides; a first row of text over numbers is a header.
  const headers =
    record.numHeaders >= 0
      ? record.numHeaders
      : rows > 1 && columns.slice(1).some((c) => typeof c[0] === 'string' && c[0] !== '')
        ? 1
        : 0;
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const [domain = [], ...data] = columns;
  const options = record.options;
  const colors = Array.isArray(options.colors) ? (options.colors as string[]) : PALETTE;
  return {
    id: record.id!,
    type: record.type ?? 'COLUMN',
    title: text(options.title),
    anchor: { ...record.anchor },
    width: Number(options.width ?? DEFAULT_SIZE.width),
    height: Number(options.height ?? DEFAULT_SIZE.height),
    categories: domain.slice(headers).map(text),
    series: data.map((column, i) => ({
      name: headers ? text(column[0]) : `Series ${i + 1}`,
      color: colors[i % colors.length]!,
      values: column.slice(headers).map((v) => (typeof v === 'number' ? v : null)),
    })),
    stacked: options.isStacked === true,
    legend: (options['legend.position'] as RenderedChart['legend'] | undefined) ?? 'right',
    pieHole: Number(options.pieHole ?? 0),
    hAxisTitle: text(options['hAxis.title']),
    vAxisTitle: text(options['vAxis.title']),
    vMin: typeof options['vAxis.viewWindow.min'] === 'number' ? options['vAxis.viewWindow.min'] : undefined,
    vMax: typeof options['vAxis.viewWindow.max'] === 'number' ? options['vAxis.viewWindow.max'] : undefined,
    background: text(options.backgroundColor) || '#ffffff',
  };
}
