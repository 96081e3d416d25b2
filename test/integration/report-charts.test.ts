/**
 * Charts on the Report tab, through the built bundle: native embedded charts over small tables
 * beside the report, and the risk heat map as a coloured grid; regenerating never duplicates them.
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getCharts()
 */
import { describe, expect, it } from 'vitest';

import { exampleRuntime, sheetRecords } from '../helpers.js';

const reportSheet = (rt: ReturnType<typeof exampleRuntime>) =>
  rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheetByName('Report')!;

describe('Report charts', () => {
  it('draws KPI status and budget charts over tables that hold the report’s numbers', () => {
    const rt = exampleRuntime();
    rt.run('generateReportNow');
    const charts = reportSheet(rt).getCharts();
    const titles = charts.map((c) => c.getOptions().get('title'));
    expect(titles).toEqual(['KPIs by status', 'Budget by category (USD)']);
    const [status, budget] = charts.map((c) => c.getRanges()[0]!.getValues());
    const kpis = sheetRecords(rt, 'Goals').filter((r) => r.KPI);
    expect(status!.slice(1).reduce((n, [, count]) => n + Number(count), 0)).toBe(kpis.length);
    const planned = budget!.slice(1).reduce((n, [, p]) => n + Number(p), 0);
    expect(planned).toBe(12_800); // the seed budget: $5,000 + $3,000 + 40 h × $120
  });

  it('adds the status-over-time chart once History has a snapshot, and never duplicates a chart', () => {
    const rt = exampleRuntime();
    rt.run('generateReportNow');
    rt.setNow('2026-12-01T15:00:00Z');
    rt.run('generateReportNow');
    rt.run('generateReportNow');
    const titles = reportSheet(rt)
      .getCharts()
      .map((c) => c.getOptions().get('title'));
    expect(titles).toEqual(['KPIs by status', 'Budget by category (USD)', 'KPI status over time']);
  });

  it('counts open risks on the likelihood × impact heat map, in the colours of their levels', () => {
    const rt = exampleRuntime();
    rt.run('generateReportNow');
    const sheet = reportSheet(rt);
    const map = sheet.getRange('K2:P7');
    const values = map.getValues();
    expect(values[0]).toEqual(['Likelihood ↓ / Impact →', 1, 2, 3, 4, 5]);
    const counted = values
      .slice(1)
      .reduce((n, line) => n + line.slice(1).reduce((m, v) => m + Number(v || 0), 0), 0);
    const open = sheetRecords(rt, 'Risks').filter((r) => r.ID && r.State !== 'Closed' && r.Score !== '');
    expect(counted).toBe(open.length);
    // 5 × 5 = 25 is Critical, 1 × 1 = 1 is Low: the corners take their levels' colours.
    expect(map.getBackgrounds()[1]![5]).toBe('#f4c7c3');
    expect(map.getBackgrounds()[5]![1]).toBe('#b7e1cd');
  });
});
