/**
 * The Report tab's charts: the numbers each chart draws, laid out as small tables beside the
 * report (native charts read ranges, not values), and the risk heat map as a coloured grid. Pure:
 * the adapter writes the tables and rebuilds the charts with every report, never adding twice.
 */
import type { Risk } from './plan-model';
import { ragOf } from './rag';
import type { HistoryEntry, ReportModel } from './report';
import { RAG } from './spec/types';
import { KPI_STATUSES } from './spec/vocab';
import { isoFromDay } from './values';

/** One chart: its type, title, the table it reads, and a colour per series (or per slice). */
export interface ReportChart {
  type: 'pie' | 'column';
  title: string;
  /** The table's header row, then its rows; the first column is the labels. */
  table: (string | number)[][];
  colors: string[];
  stacked?: boolean;
}

export interface HeatCell {
  value: string | number;
  background?: string;
  fontColor?: string;
  bold?: boolean;
}

const STATUS_HEX = (status: string) => RAG[ragOf('kpi', status)].font;

/** KPIs by status, only the statuses that occur (a pie of zeros draws nothing). */
function statusChart(report: ReportModel): ReportChart | null {
  const rows = report.kpiCounts.filter((c) => c.count > 0);
  if (!rows.length) return null;
  return {
    type: 'pie',
    title: 'KPIs by status',
    table: [['Status', 'KPIs'], ...rows.map((c) => [c.status, c.count])],
    colors: rows.map((c) => STATUS_HEX(c.status)),
  };
}

function budgetChart(report: ReportModel): ReportChart | null {
  const lines = report.budget.lines.filter((l) => l.planned || l.actual);
  if (!lines.length) return null;
  return {
    type: 'column',
    title: `Budget by category (${report.currency})`,
    table: [['Category', 'Planned', 'Actual'], ...lines.map((l) => [l.category, l.planned, l.actual])],
    colors: ['#1a73e8', '#e37400'],
  };
}

/** KPI statuses at each of the last snapshots in History, and today's: how the plan moved. */
function trendChart(
  report: ReportModel,
  history: readonly HistoryEntry[],
  snapshots = 12,
): ReportChart | null {
  const byDay = new Map<number, Map<string, number>>();
  for (const h of history) {
    if (h.day >= report.today) continue;
    const counts = byDay.get(h.day) ?? new Map<string, number>();
    counts.set(h.status, (counts.get(h.status) ?? 0) + 1);
    byDay.set(h.day, counts);
  }
  const days = [...byDay.keys()].sort((a, b) => a - b).slice(-snapshots);
  if (!days.length) return null;
  const today = new Map(report.kpiCounts.map((c) => [c.status as string, c.count]));
  const columns = [...days.map((d) => [isoFromDay(d), byDay.get(d)!] as const), ['Today', today] as const];
  const statuses = KPI_STATUSES.filter((s) => columns.some(([, counts]) => counts.get(s)));
  return {
    type: 'column',
    title: 'KPI status over time',
    table: [
      ['Snapshot', ...statuses],
      ...columns.map(([label, counts]) => [label, ...statuses.map((s) => counts.get(s) ?? 0)]),
    ],
    colors: statuses.map(STATUS_HEX),
    stacked: true,
  };
}

export function reportCharts(report: ReportModel, history: readonly HistoryEntry[]): ReportChart[] {
  return [statusChart(report), budgetChart(report), trendChart(report, history)].filter(
    (c): c is ReportChart => c !== null,
  );
}

/** Colour of a likelihood × impact cell: the risk level its score would have. */
function heatColour(score: number, bands: { low: number; medium: number; high: number }) {
  const level =
    score <= bands.low ? 'Low' : score <= bands.medium ? 'Medium' : score <= bands.high ? 'High' : 'Critical';
  return RAG[ragOf('risk', level)];
}

/**
 * Open risks counted by likelihood (rows, 5 at the top) × impact (columns), each cell in the colour
 * of its score's level: the risk heat map, as a grid.
 */
export function riskHeatMap(
  risks: readonly Risk[],
  bands: { low: number; medium: number; high: number },
): HeatCell[][] {
  const counts = new Map<string, number>();
  for (const r of risks)
    if (r.state !== 'Closed' && r.likelihood !== null && r.impact !== null)
      counts.set(`${r.likelihood}:${r.impact}`, (counts.get(`${r.likelihood}:${r.impact}`) ?? 0) + 1);
  const grid: HeatCell[][] = [
    [
      { value: 'Likelihood ↓ / Impact →', bold: true },
      ...[1, 2, 3, 4, 5].map((i) => ({ value: i, bold: true })),
    ],
  ];
  for (const likelihood of [5, 4, 3, 2, 1]) {
    grid.push([
      { value: likelihood, bold: true },
      ...[1, 2, 3, 4, 5].map((impact) => {
        const colour = heatColour(likelihood * impact, bands);
        const n = counts.get(`${likelihood}:${impact}`) ?? 0;
        return { value: n || '', background: colour.background, fontColor: colour.font, bold: n > 0 };
      }),
    ]);
  }
  return grid;
}
