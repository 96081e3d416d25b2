/**
 * The progress report: a model computed from the plan (KPI status, milestones, overdue work, top
 * risks, budget by category, the most pressing challenges, trends from History), and its layout as
 * a grid the adapter writes in one batch. Emails render the same model.
 */
import { goalTreeLines, isOn, STATUS_RANK, type TreeLine } from './goal-report';
import { historyByKpi } from './history';
import type { Activity, Kpi, PlanModel, Risk, RowRef } from './plan-model';
import { KPI_STATUSES, type KpiStatus } from './spec/vocab';
import { kpiStaleness, type Staleness } from './staleness';
import { isoFromDay } from './values';

export interface HistoryEntry {
  day: number;
  kpiId: string;
  actual: number | null;
  progress: number | null;
  status: string;
}

export interface KpiLine extends Kpi {
  trend: number[];
  /** ↑ better, ↓ worse, → unchanged, • new since the last report. */
  arrow: string;
  previousStatus: string | null;
  stale: boolean;
  /** Why it is stale: measured too long ago, or never measured since it started. */
  staleness: Staleness;
}

export interface Challenge {
  kind: 'kpi' | 'milestone' | 'risk' | 'stale';
  text: string;
  ref: RowRef;
}

export interface BudgetLine {
  category: string;
  planned: number;
  actual: number;
  variance: number;
}

export interface ReportModel {
  planName: string;
  /** Lines each Report section lists at most (the Plan setting): the tab's size does not grow with the plan. */
  sectionLines: number;
  vision: string;
  period: string;
  today: number;
  currency: string;
  /** Progress shown as OKR scores 0.0–1.0 (the Plan's OKR scores setting). */
  okr: boolean;
  kpiCounts: { status: KpiStatus; count: number }[];
  /** The goal tree, top-level goals first, children listed under rows that need attention. */
  tree: TreeLine[];
  kpis: KpiLine[];
  milestones: { done: number; total: number; byGoal: { goal: string; done: number; total: number }[] };
  overdue: Activity[];
  dueSoon: Activity[];
  topRisks: Risk[];
  budget: { lines: BudgetLine[]; total: BudgetLine };
  challenges: Challenge[];
}

export function isOpenRisk(risk: Risk): boolean {
  return risk.state !== 'Closed';
}

export function buildReport(model: PlanModel, today: number, history: readonly HistoryEntry[]): ReportModel {
  const s = model.settings;
  const past = history.filter((h) => h.day < today);
  const lastSnapshotDay = past.reduce((max, h) => Math.max(max, h.day), -Infinity);
  // Grouped once: each KPI finds its own series in the map, never by scanning all of History.
  const byKpi = historyByKpi(past);
  const kpis: KpiLine[] = model.kpis.map((k) => {
    const mine = byKpi.get(k.id.toLowerCase()) ?? [];
    const newest = mine[mine.length - 1];
    const previous = newest?.day === lastSnapshotDay ? newest : undefined;
    const series = [...mine.slice(-5).map((h) => h.actual), k.actual].filter((v): v is number => v !== null);
    let arrow = '•';
    if (previous && previous.progress !== null && k.progress !== null)
      arrow = k.progress > previous.progress ? '↑' : k.progress < previous.progress ? '↓' : '→';
    const staleness = kpiStaleness({ ...k, start: k.start ?? s.periodStart }, today, s.kpiCadenceDays);
    return {
      ...k,
      trend: series,
      arrow,
      previousStatus: previous?.status ?? null,
      stale: staleness !== null,
      staleness,
    };
  });
  kpis.sort((a, b) => (STATUS_RANK[a.status] ?? 9) - (STATUS_RANK[b.status] ?? 9) || a.row - b.row);

  const milestones = model.activities.filter((a) => a.type === 'Milestone');
  const goalsById = new Map(model.goals.map((g) => [g.id.toLowerCase(), g.goal]));
  const byGoal = new Map<string, { goal: string; done: number; total: number }>();
  for (const m of milestones) {
    const key = m.goal || '—';
    const entry = byGoal.get(key) ?? {
      goal: m.goal ? `${m.goal} ${goalsById.get(m.goal.toLowerCase()) ?? ''}`.trim() : 'No goal',
      done: 0,
      total: 0,
    };
    entry.total++;
    if (m.status === 'Done') entry.done++;
    byGoal.set(key, entry);
  }
  const overdue = model.activities
    .filter((a) => a.status === 'Overdue')
    .sort((a, b) => (a.due ?? 0) - (b.due ?? 0));
  const dueSoon = model.activities
    .filter((a) => a.status === 'Due soon')
    .sort((a, b) => (a.due ?? 0) - (b.due ?? 0));
  const topRisks = model.risks
    .filter(isOpenRisk)
    .filter((r) => r.score !== null)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.row - b.row)
    .slice(0, 5);

  const lines = new Map<string, BudgetLine>();
  for (const c of model.costs) {
    const line = lines.get(c.category) ?? { category: c.category, planned: 0, actual: 0, variance: 0 };
    line.planned += c.plannedTotal ?? 0;
    line.actual += c.actual ?? 0;
    line.variance = line.planned - line.actual;
    lines.set(c.category, line);
  }
  const budgetLines = [...lines.values()].sort((a, b) => b.planned - a.planned);
  const total = budgetLines.reduce(
    (t, l) => ({
      category: 'Total',
      planned: t.planned + l.planned,
      actual: t.actual + l.actual,
      variance: t.variance + l.variance,
    }),
    { category: 'Total', planned: 0, actual: 0, variance: 0 },
  );

  const challenges: Challenge[] = [];
  for (const k of kpis.filter((k) => k.status === 'Missed' || k.status === 'Off track')) {
    challenges.push({
      kind: 'kpi',
      text: `${k.id} ${k.kpi} is ${k.status.toLowerCase()}: ${fmt(k.actual)} of ${fmt(k.target)} ${k.unit} (owner ${k.owner || 'none'}).`,
      ref: k,
    });
  }
  for (const m of overdue.filter((a) => a.type === 'Milestone')) {
    challenges.push({
      kind: 'milestone',
      text: `Milestone ${m.id} ${m.name} is ${today - (m.due ?? today)} days overdue (owner ${m.owner || 'none'}).`,
      ref: m,
    });
  }
  for (const r of model.risks.filter((r) => isOpenRisk(r) && r.level === 'Critical')) {
    challenges.push({
      kind: 'risk',
      text: `Critical risk ${r.id}: ${r.risk} (score ${r.score}; owner ${r.owner || 'none'}).`,
      ref: r,
    });
  }
  for (const k of kpis) {
    if (!k.staleness) continue;
    challenges.push({
      kind: 'stale',
      text:
        k.staleness.kind === 'missing'
          ? `${k.id} ${k.kpi} has no Actual ${k.staleness.days} days after it started (owner ${k.owner || 'none'}).`
          : `${k.id} ${k.kpi} was last updated ${isoFromDay(k.staleness.since)}, ${k.staleness.days} days ago.`,
      ref: k,
    });
  }

  const statusCounts = new Map<string, number>();
  for (const k of kpis) statusCounts.set(k.status, (statusCounts.get(k.status) ?? 0) + 1);
  return {
    planName: s.planName || 'Operational plan',
    sectionLines: Math.max(1, Math.round(s.reportLines) || 50),
    vision: s.vision,
    period:
      s.periodStart !== null && s.periodEnd !== null
        ? `${isoFromDay(s.periodStart)} to ${isoFromDay(s.periodEnd)}`
        : 'period not set',
    today,
    currency: s.currency,
    okr: isOn(s.okrScores),
    kpiCounts: KPI_STATUSES.map((status) => ({ status, count: statusCounts.get(status) ?? 0 })),
    tree: goalTreeLines(model),
    kpis,
    milestones: {
      done: milestones.filter((m) => m.status === 'Done').length,
      total: milestones.length,
      byGoal: [...byGoal.values()],
    },
    overdue,
    dueSoon,
    topRisks,
    budget: { lines: budgetLines, total },
    challenges,
  };
}

export function fmt(n: number | null): string {
  if (n === null) return '—';
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** A ten-step bar for a share 0..1, for cells and plain-text emails. */
export function bar(share: number | null, width = 10): string {
  if (share === null) return '';
  const filled = Math.max(0, Math.min(width, Math.round(share * width)));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** A sparkline of a series in block characters. */
export function sparkline(series: readonly number[]): string {
  if (series.length < 2) return '';
  const blocks = '▁▂▃▄▅▆▇█';
  const min = Math.min(...series);
  const max = Math.max(...series);
  return series.map((v) => blocks[max === min ? 3 : Math.round(((v - min) / (max - min)) * 7)]).join('');
}
