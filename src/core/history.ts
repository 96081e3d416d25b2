/** The History tab: one row per KPI per report run, the source of trends and "what changed". */
import { mapHeaders } from './headers';
import type { Kpi } from './plan-model';
import type { HistoryEntry } from './report';
import { HISTORY } from './spec/tabs';
import { parseDate } from './values';

export function readHistory(
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
): HistoryEntry[] {
  const map = mapHeaders(HISTORY, header);
  const at = (row: readonly unknown[], key: string) => (map.byKey.has(key) ? row[map.byKey.get(key)!] : '');
  const entries: HistoryEntry[] = [];
  for (const row of rows) {
    const day = parseDate(at(row, 'date'));
    const kpiId = String(at(row, 'kpiId') ?? '').trim();
    if (!day.ok || day.value === null || !kpiId) continue;
    const actual = at(row, 'actual');
    const progress = at(row, 'progress');
    entries.push({
      day: day.value,
      kpiId,
      actual: typeof actual === 'number' ? actual : null,
      progress: typeof progress === 'number' ? progress : null,
      status: String(at(row, 'status') ?? ''),
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
  const map = mapHeaders(HISTORY, header);
  const dateIndex = map.byKey.get('date') ?? 0;
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
