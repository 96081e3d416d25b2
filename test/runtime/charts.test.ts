import { describe, expect, it } from 'vitest';

import { expectThrowMessage, freshRuntime } from '../helpers.js';
import { scriptRuntime } from './script-fixture.js';

// https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart
// https://developers.google.com/apps-script/reference/spreadsheet/container-info
// https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertChart(EmbeddedChart)
const chartType = (name: string) => name as unknown as GoogleAppsScript.Charts.ChartType;

function setup() {
  const rt = freshRuntime();
  const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
  const sheet = ss.getSheets()[0]!;
  sheet.getRange('A1:B4').setValues([
    ['Month', 'Spend'],
    ['Jan', 10],
    ['Feb', 20],
    ['Mar', 15],
  ]);
  return { rt, ss, sheet };
}

describe('embedded charts', () => {
  it('builds, inserts, reads back, modifies, updates and removes a chart; the workbook keeps it as data', () => {
    const { rt, sheet } = setup();
    const built = sheet
      .newChart()
      .asColumnChart()
      .setTitle('Spend by month')
      .setLegendPosition('NONE' as unknown as GoogleAppsScript.Charts.Position)
      .setColors(['Red'])
      .addRange(sheet.getRange('A1:B4'))
      .setPosition(2, 4, 10, 5)
      .build();
    expect(built.getChartId()).toBeNull(); // not in a spreadsheet yet
    sheet.insertChart(built);

    const [chart] = sheet.getCharts();
    expect(chart!.getChartId()).toEqual(expect.any(Number));
    expect(chart!.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B4']);
    expect(chart!.getOptions().get('title')).toBe('Spend by month');
    expect(chart!.getOptions().get('vAxis.title')).toBeNull();
    const info = chart!.getContainerInfo();
    expect([info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()]).toEqual([
      2, 4, 10, 5,
    ]);

    sheet.updateChart(chart!.modify().setOption('title', 'Updated').setPosition(6, 1, 0, 0).build());
    expect(rt.describeWorkbook().sheets[0]!.charts).toEqual([
      {
        id: chart!.getChartId(),
        type: 'COLUMN',
        ranges: ['Sheet1!A1:B4'],
        options: { title: 'Updated', 'legend.position': 'none', colors: ['#ff0000'] },
        anchor: { row: 6, column: 1, offsetX: 0, offsetY: 0 },
      },
    ]);
    expect(expectThrowMessage(() => sheet.insertChart(chart!))).toMatch(/already in the spreadsheet/);
    sheet.removeChart(chart!);
    expect(sheet.getCharts()).toEqual([]);
    expect(expectThrowMessage(() => sheet.removeChart(chart!))).toMatch(/not on this sheet/);
  });

  it('refuses chart types, options and builder methods it does not model, or that the chart type lacks', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B4');
    expect(expectThrowMessage(() => sheet.newChart().setChartType(chartType('GEO')))).toMatch(
      /GEO charts are not modelled/,
    );
    expect(expectThrowMessage(() => sheet.newChart().setOption('explorer.zoomDelta', 2))).toMatch(
      /not modelled/,
    );
    expect(
      expectThrowMessage(() =>
        (
          sheet.newChart().asPieChart() as unknown as GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder
        ).setStacked(),
      ),
    ).toMatch(/setStacked is not a function/);
    // setTitle belongs to the typed builders, not to the generic one setChartType returns.
    expect(
      expectThrowMessage(() =>
        (
          sheet
            .newChart()
            .setChartType(
              chartType('LINE'),
            ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder
        ).setTitle('x'),
      ),
    ).toMatch(/not a function/);
    expect(
      expectThrowMessage(() =>
        sheet.newChart().setOption('is3D', true).asLineChart().addRange(range).build(),
      ),
    ).toMatch(/does not apply to a LINE chart/);
    expect(expectThrowMessage(() => sheet.newChart().asBarChart().build())).toMatch(/no data/);
    expect(expectThrowMessage(() => sheet.newChart().addRange(range).build())).toMatch(/no type/);
    expect(expectThrowMessage(() => sheet.newChart().setPosition(0, 1, 0, 0))).toMatch(/Invalid argument/);
  });

  it('runs as a script would write it, with the Charts enums', () => {
    const rt = scriptRuntime(`
      function chart() {
        const sheet = SpreadsheetApp.getActiveSheet();
        sheet.getRange('A1:B3').setValues([['k', 'v'], ['a', 1], ['b', 2]]);
        sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.PIE).addRange(sheet.getRange('A1:B3'))
          .setOption('pieHole', 0.4).setPosition(1, 3, 0, 0).build());
        return sheet.getCharts().map((c) => [c.getOptions().get('pieHole'), c.modify().getChartType()]);
      }`);
    expect(rt.run('chart')).toEqual([[0.4, 'PIE']]);
  });
});

describe('frozen rows and columns', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#setFrozenColumns(Integer)
  it('stores them and refuses counts outside the sheet', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    expect(expectThrowMessage(() => sheet.setFrozenColumns(27))).toMatch(/out of bounds/);
  });
});
