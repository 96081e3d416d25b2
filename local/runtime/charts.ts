/**
 * Embedded charts: Sheet.newChart() → EmbeddedChartBuilder → EmbeddedChart, inserted, updated and
 * removed on the sheet, and kept in the workbook as plain data the playground can draw.
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart
 * https://developers.google.com/apps-script/reference/spreadsheet/container-info
 * https://developers.google.com/apps-script/reference/charts/chart-type
 * Only the chart types and options below are modelled; any other is refused with an error.
 */
import { a1Of, type GridRect } from './a1.js';
import { type CallLog, service } from './calls.js';
import { normalizeColor } from './color.js';
import { AppsScriptException } from './errors.js';

/** Charts.ChartType, as the Charts service lists it. */
export const ChartType = Object.fromEntries(
  [
    'AREA',
    'BAR',
    'BUBBLE',
    'CANDLESTICK',
    'COLUMN',
    'COMBO',
    'GAUGE',
    'GEO',
    'HISTOGRAM',
    'RADAR',
    'LINE',
    'ORG',
    'PIE',
    'SCATTER',
    'SPARKLINE',
    'STEPPED_AREA',
    'TABLE',
    'TIMELINE',
    'TREEMAP',
    'WATERFALL',
  ].map((t) => [t, t]),
) as Record<string, string>;

/** Charts.Position (legend positions) and the option value each one sets. */
export const Position = { TOP: 'TOP', RIGHT: 'RIGHT', BOTTOM: 'BOTTOM', NONE: 'NONE' } as const;

const MODELLED_TYPES = ['AREA', 'BAR', 'COLUMN', 'LINE', 'PIE', 'SCATTER'] as const;
type ModelledType = (typeof MODELLED_TYPES)[number];
const AXES: readonly ModelledType[] = ['AREA', 'BAR', 'COLUMN', 'LINE', 'SCATTER'];
const STACKABLE: readonly ModelledType[] = ['AREA', 'BAR', 'COLUMN'];

const isText = (v: unknown) => typeof v === 'string';
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** Each modelled Google Charts option: which values it takes and which chart types have it. */
const OPTIONS: Record<string, { accepts: (v: unknown) => boolean; types?: readonly ModelledType[] }> = {
  title: { accepts: isText },
  'legend.position': { accepts: (v) => ['top', 'right', 'bottom', 'left', 'none'].includes(v as string) },
  colors: { accepts: (v) => Array.isArray(v) && v.every(isText) },
  backgroundColor: { accepts: isText },
  width: { accepts: (v) => isNumber(v) && (v as number) > 0 },
  height: { accepts: (v) => isNumber(v) && (v as number) > 0 },
  'animation.duration': { accepts: (v) => isNumber(v) && (v as number) >= 0 },
  isStacked: { accepts: (v) => typeof v === 'boolean', types: STACKABLE },
  'hAxis.title': { accepts: isText, types: AXES },
  'vAxis.title': { accepts: isText, types: AXES },
  'vAxis.viewWindow.min': { accepts: isNumber, types: AXES },
  'vAxis.viewWindow.max': { accepts: isNumber, types: AXES },
  is3D: { accepts: (v) => typeof v === 'boolean', types: ['PIE'] },
  pieHole: { accepts: (v) => isNumber(v) && (v as number) >= 0 && (v as number) < 1, types: ['PIE'] },
};

/** What the chart code needs from the spreadsheet model. */
export interface ChartHost<S extends { name: string; maxRows: number; maxColumns: number }> {
  log: CallLog;
  sheet: S;
  nextId(): number;
  /** The sheet and cells of a Range argument from this spreadsheet, or null for anything else. */
  rangeOf(value: unknown): { sheet: S; rect: GridRect } | null;
  rangeObject(sheet: S, rect: GridRect): unknown;
}

export interface ChartRecord<S = unknown> {
  /** Null until the chart is inserted into a sheet. */
  id: number | null;
  type: string | null;
  ranges: { sheet: S; rect: GridRect }[];
  options: Record<string, unknown>;
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
  transpose: boolean;
}

/** A chart as plain data: for drawing it and for comparing workbooks. */
export interface ChartView {
  id: number;
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
}

export function chartView<S extends { name: string }>(record: ChartRecord<S>): ChartView {
  return {
    id: record.id!,
    type: record.type!,
    ranges: record.ranges.map((r) => `${quoteSheet(r.sheet.name)}!${a1Of(r.rect)}`),
    options: structuredClone(record.options),
    anchor: { ...record.anchor },
  };
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function copyRecord<S>(record: ChartRecord<S>): ChartRecord<S> {
  return {
    ...record,
    ranges: record.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
    options: structuredClone(record.options),
    anchor: { ...record.anchor },
  };
}

function checkOption(type: string | null, option: string, value: unknown): void {
  const rule = OPTIONS[option];
  if (!rule)
    throw new AppsScriptException(
      `The chart option "${option}" is not modelled by the local runtime (modelled: ${Object.keys(OPTIONS).join(', ')}).`,
    );
  if (!rule.accepts(value))
    throw new AppsScriptException(`Invalid value for the chart option "${option}": ${JSON.stringify(value)}`);
  if (type !== null && rule.types && !rule.types.includes(type as ModelledType))
    throw new AppsScriptException(`The chart option "${option}" does not apply to a ${type} chart.`);
}

type GasBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GasChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type Sheetish = { name: string; maxRows: number; maxColumns: number };

export class EmbeddedChartBuilder<S extends Sheetish = Sheetish> {
  private readonly record: ChartRecord<S>;
  /** Which typed builder (asColumnChart()…) this is; the generic builder has no setTitle etc. */
  private typed: ModelledType | null = null;
  constructor(
    private readonly host: ChartHost<S>,
    from?: ChartRecord<S>,
  ) {
    this.record = from
      ? copyRecord(from)
      : {
          id: null,
          type: null,
          ranges: [],
          options: {},
          anchor: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
          numHeaders: -1,
          transpose: false,
        };
    return service(this, 'EmbeddedChartBuilder', host.log);
  }
  private self(): GasBuilder {
    return this as unknown as GasBuilder;
  }
  addRange(range: GoogleAppsScript.Spreadsheet.Range): GasBuilder {
    const found = this.host.rangeOf(range);
    if (!found) throw new AppsScriptException('Invalid argument: range (a Range of this spreadsheet)');
    this.record.ranges.push({ sheet: found.sheet, rect: { ...found.rect } });
    return this.self();
  }
  removeRange(range: GoogleAppsScript.Spreadsheet.Range): GasBuilder {
    const found = this.host.rangeOf(range);
    const at = this.record.ranges.findIndex(
      (r) => found && r.sheet === found.sheet && a1Of(r.rect) === a1Of(found.rect),
    );
    if (at >= 0) this.record.ranges.splice(at, 1);
    return this.self();
  }
  clearRanges(): GasBuilder {
    this.record.ranges.length = 0;
    return this.self();
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.record.ranges.map(
      (r) => this.host.rangeObject(r.sheet, r.rect) as GoogleAppsScript.Spreadsheet.Range,
    );
  }
  setChartType(type: string): GasBuilder {
    if (!(type in ChartType)) throw new AppsScriptException(`Invalid argument: type: ${String(type)}`);
    if (!MODELLED_TYPES.includes(type as ModelledType))
      throw new AppsScriptException(
        `${type} charts are not modelled by the local runtime (modelled: ${MODELLED_TYPES.join(', ')}).`,
      );
    this.record.type = type;
    this.typed = null;
    return this.self();
  }
  getChartType(): string | null {
    return this.record.type;
  }
  private as(type: ModelledType): GasBuilder {
    this.setChartType(type);
    this.typed = type;
    return this.self();
  }
  asAreaChart() {
    return this.as('AREA');
  }
  asBarChart() {
    return this.as('BAR');
  }
  asColumnChart() {
    return this.as('COLUMN');
  }
  asLineChart() {
    return this.as('LINE');
  }
  asPieChart() {
    return this.as('PIE');
  }
  asScatterChart() {
    return this.as('SCATTER');
  }
  setOption(option: string, value: unknown): GasBuilder {
    checkOption(this.record.type, String(option), value);
    this.record.options[option] =
      option === 'colors'
        ? (value as string[]).map(normalizeColor)
        : option === 'backgroundColor'
          ? normalizeColor(value as string)
          : structuredClone(value);
    return this.self();
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GasBuilder {
    const { maxRows, maxColumns } = this.host.sheet;
    const integers = [anchorRowPos, anchorColPos, offsetX, offsetY].every(Number.isInteger);
    if (!integers || anchorRowPos < 1 || anchorColPos < 1 || offsetX < 0 || offsetY < 0)
      throw new AppsScriptException(
        'Invalid argument: the chart position must be whole numbers, row and column from 1.',
      );
    if (anchorRowPos > maxRows || anchorColPos > maxColumns)
      throw new AppsScriptException('The coordinates of the range are outside the dimensions of the sheet.');
    this.record.anchor = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this.self();
  }
  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return containerInfo(this.record, this.host.log);
  }
  setNumHeaders(headers: number): GasBuilder {
    if (!Number.isInteger(headers) || headers < -1)
      throw new AppsScriptException('Invalid argument: headers');
    this.record.numHeaders = headers;
    return this.self();
  }
  setTransposeRowsAndColumns(transpose: boolean): GasBuilder {
    this.record.transpose = Boolean(transpose);
    return this.self();
  }

  // ---- the typed builders' own setters: each is an option, available only after asXxxChart() ----
  private typedOption(
    method: string,
    types: readonly ModelledType[],
    option: string,
    value: unknown,
  ): GasBuilder {
    if (!this.typed || !types.includes(this.typed))
      throw new AppsScriptException(
        `TypeError: ${method} is not a function of ${this.typed ? `an Embedded${this.typed} chart builder` : 'EmbeddedChartBuilder (call asColumnChart() or another asXxxChart() first)'}.`,
      );
    return this.setOption(option, value);
  }
  setTitle(title: string) {
    return this.typedOption('setTitle', MODELLED_TYPES, 'title', title);
  }
  setLegendPosition(position: string) {
    if (!(position in Position))
      throw new AppsScriptException(`Invalid argument: position: ${String(position)}`);
    return this.typedOption('setLegendPosition', MODELLED_TYPES, 'legend.position', position.toLowerCase());
  }
  setColors(colors: string[]) {
    return this.typedOption('setColors', MODELLED_TYPES, 'colors', colors);
  }
  setBackgroundColor(color: string) {
    return this.typedOption('setBackgroundColor', MODELLED_TYPES, 'backgroundColor', color);
  }
  setStacked() {
    return this.typedOption('setStacked', STACKABLE, 'isStacked', true);
  }
  setXAxisTitle(title: string) {
    return this.typedOption('setXAxisTitle', AXES, 'hAxis.title', title);
  }
  setYAxisTitle(title: string) {
    return this.typedOption('setYAxisTitle', AXES, 'vAxis.title', title);
  }
  setRange(start: number, end: number) {
    this.typedOption('setRange', ['AREA', 'BAR', 'COLUMN', 'LINE'], 'vAxis.viewWindow.min', start);
    return this.setOption('vAxis.viewWindow.max', end);
  }
  set3D() {
    return this.typedOption('set3D', ['PIE'], 'is3D', true);
  }

  build(): GasChart {
    const { type, ranges, options } = this.record;
    if (type === null)
      throw new AppsScriptException('The chart has no type: call setChartType or asXxxChart.');
    if (ranges.length === 0) throw new AppsScriptException('The chart has no data: call addRange.');
    for (const [option, value] of Object.entries(options)) checkOption(type, option, value);
    return new EmbeddedChart(this.host, copyRecord(this.record)) as unknown as GasChart;
  }
}

function containerInfo(record: ChartRecord, log: CallLog): GoogleAppsScript.Spreadsheet.ContainerInfo {
  const { row, column, offsetX, offsetY } = record.anchor;
  return service(
    {
      getAnchorRow: () => row,
      getAnchorColumn: () => column,
      getOffsetX: () => offsetX,
      getOffsetY: () => offsetY,
    },
    'ContainerInfo',
    log,
  ) as unknown as GoogleAppsScript.Spreadsheet.ContainerInfo;
}

export class EmbeddedChart<S extends Sheetish = Sheetish> {
  constructor(
    private readonly host: ChartHost<S>,
    /** A snapshot: changing a chart goes through modify() and Sheet.updateChart. */
    readonly record: ChartRecord<S>,
  ) {
    return service(this, 'EmbeddedChart', host.log);
  }
  getChartId(): number | null {
    return this.record.id;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.record.ranges.map(
      (r) => this.host.rangeObject(r.sheet, r.rect) as GoogleAppsScript.Spreadsheet.Range,
    );
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const options = this.record.options;
    return service(
      { get: (option: string) => (Object.hasOwn(options, option) ? structuredClone(options[option]) : null) },
      'ChartOptions',
      this.host.log,
    ) as unknown as GoogleAppsScript.Charts.ChartOptions;
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return containerInfo(this.record as ChartRecord, this.host.log);
  }
  getNumHeaders(): number {
    return this.record.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this.record.transpose;
  }
  modify(): GasBuilder {
    const builder = new EmbeddedChartBuilder(this.host, this.record);
    return builder as unknown as GasBuilder;
  }
}

/** Sheet.insertChart / updateChart / removeChart / getCharts over the sheet's chart list. */
export function sheetCharts<S extends Sheetish>(host: ChartHost<S>, charts: ChartRecord<S>[]) {
  const recordOf = (chart: unknown, method: string): ChartRecord<S> => {
    const target = chart && typeof chart === 'object' ? (chart as { record?: ChartRecord<S> }) : undefined;
    if (!target?.record)
      throw new AppsScriptException(
        `The parameters don't match the method signature for SpreadsheetApp.Sheet.${method}.`,
      );
    return target.record;
  };
  const indexOf = (record: ChartRecord<S>) => {
    const at = charts.findIndex((c) => record.id !== null && c.id === record.id);
    if (at < 0) throw new AppsScriptException('The chart is not on this sheet.');
    return at;
  };
  return {
    insert(chart: unknown): void {
      const record = recordOf(chart, 'insertChart');
      if (record.id !== null)
        throw new AppsScriptException(
          'This chart is already in the spreadsheet: use Sheet.updateChart to change it.',
        );
      charts.push({ ...copyRecord(record), id: host.nextId() });
    },
    update(chart: unknown): void {
      const record = recordOf(chart, 'updateChart');
      charts[indexOf(record)] = copyRecord(record);
    },
    remove(chart: unknown): void {
      charts.splice(indexOf(recordOf(chart, 'removeChart')), 1);
    },
    list(): GasChart[] {
      return charts.map((c) => new EmbeddedChart(host, copyRecord(c)) as unknown as GasChart);
    },
  };
}
