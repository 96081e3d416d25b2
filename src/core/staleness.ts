/** When a KPI's measurement is too old, or missing too long, to trust: one rule for Check and the report. */

export interface KpiFreshnessInput {
  /** Actual as the formulas see it (a number, or null). */
  actual: number | null;
  updated: number | null;
  /** Start, or the plan period's start when the KPI has none. */
  start: number | null;
  status: string;
}

/**
 * Stale: measured longer ago than the update cadence (`old`), or never measured longer than the
 * cadence after its Start (`missing`). A KPI that has not started, or whose status is final
 * (Achieved, Missed), is never stale.
 */
export type Staleness = { kind: 'old' | 'missing'; since: number; days: number } | null;

export function kpiStaleness(k: KpiFreshnessInput, today: number, cadenceDays: number): Staleness {
  if (k.status === 'Achieved' || k.status === 'Missed' || k.status === 'Not started') return null;
  if (k.start === null || today < k.start) return null;
  if (k.actual === null) {
    const days = today - k.start;
    return days > cadenceDays ? { kind: 'missing', since: k.start, days } : null;
  }
  if (k.updated === null) return null;
  const days = today - k.updated;
  return days > cadenceDays ? { kind: 'old', since: k.updated, days } : null;
}
