/** The History tab: one row per KPI per report run, the source of trends and "what changed". */
import { mapHeaders } from './headers';
import type { Kpi } from './plan-model';
import type { HistoryEntry } from './report';
import { HISTORY } from './spec/tabs';
import { readTable, type TabInput } from './tables';
import { parseDate } from './values';

export function readHistory(input: TabInput): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const r of readTable(HISTORY, input).records) {
    const day = r.num('date');
    // IDs are text; a number in the column is an ID that Sheets read as a number.
    const kpiId = String(r.cell('kpiId')).trim();
    if (day === null || !kpiId) continue;
    entries.push({
      day,
      kpiId,
      actual: r.rawNum('actual'),
      progress: r.rawNum('progress'),
      status: String(r.cell('status')),
    });
  }
  return entries;
}

export interface HistoryWrite {
  /** 1-based row to start writing at: today's earlier snapshot is replaced, not repeated. */
  startRow: number;
  rows: (string | number)[][];
}

/** Today's snapshot rows, positioned over any snapshot already taken today. */
export function historyWrite(
  existing: readonly (readonly unknown[])[],
  header: readonly unknown[],
  kpis: readonly Kpi[],
  today: number,
): HistoryWrite {
  const dateIndex = mapHeaders(HISTORY, header).byKey.get('date') ?? 0;
  let start = existing.length;
  while (start > 0) {
    const day = parseDate(existing[start - 1]![dateIndex]);
    if (!day.ok || day.value !== today) break;
    start--;
  }
  const rows = kpis.map((k) => [today, k.id, k.actual ?? '', k.progress ?? '', k.status]);
  // Clear leftover rows of an earlier snapshot today that had more KPIs.
  const leftover = existing.length - start - rows.length;
  for (let i = 0; i < leftover; i++) rows.push(['', '', '', '', '']);
  return { startRow: start + 2, rows };
}
