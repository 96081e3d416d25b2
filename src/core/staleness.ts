/** When a KPI's measurement is too old to trust: one rule for Check and the report. */

/** A KPI is stale when it was last measured longer ago than the update cadence, unless its status is final. */
export function isStaleKpi(
  updated: number | null,
  status: string,
  today: number,
  cadenceDays: number,
): boolean {
  return updated !== null && today - updated > cadenceDays && status !== 'Achieved' && status !== 'Missed';
}
