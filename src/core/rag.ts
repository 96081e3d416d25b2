/** The RAG colour of a computed status, read from the spec column that computes it (never retyped). */
import { BUDGET, GOALS, RISKS, TIMELINE } from './spec/tabs';
import type { ColumnSpec, RagColour } from './spec/types';

/** Which status a value is: each kind has its own words and colours ("Not started" differs). */
const STATUS_COLUMNS = {
  kpi: GOALS.columns.find((c) => c.key === 'status')!,
  work: TIMELINE.columns.find((c) => c.key === 'status')!,
  budget: BUDGET.columns.find((c) => c.key === 'status')!,
  risk: RISKS.columns.find((c) => c.key === 'level')!,
} satisfies Record<string, ColumnSpec>;

export type StatusKind = keyof typeof STATUS_COLUMNS;

export function ragOf(kind: StatusKind, status: string): RagColour {
  const colours: Readonly<Record<string, RagColour>> = STATUS_COLUMNS[kind].colours;
  return colours[status] ?? 'grey';
}
