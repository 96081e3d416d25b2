/**
 * Generate report in stages, so a report too long for one execution stops cleanly and continues in
 * a follow-up run (docs/APPS-SCRIPT.md#execution, "Long runs continue"). Each stage's effect is
 * done once across runs: refreshing formulas, this week's History snapshot, then the Report tab,
 * written whole last, so a Report that says "generated" is a finished one. Reading the plan is no
 * stage: it has no effect, and a run that needs the plan reads it (a follow-up reads it again).
 */

export const REPORT_STAGES = ['refresh', 'snapshot', 'report'] as const;
export type ReportStage = (typeof REPORT_STAGES)[number];

import { weekStart } from './history';

/** What a stopped report has done so far, kept until the report is complete. */
export interface ReportProgress {
  /** The day (spreadsheet time zone) it started: a continuation is for that ISO week only. */
  day: number;
  /** When it started, as the spreadsheet shows time (for the Report's "continuing" line). */
  startedAt: string;
  done: ReportStage[];
}

export function encodeProgress(progress: ReportProgress): string {
  return JSON.stringify(progress);
}

/**
 * The progress of a report started this ISO week, or null: none kept, unreadable, or from an
 * earlier week, whose snapshot is not this week's (that report starts over). Within the week a
 * daily schedule's next run resumes it; every stage reads the plan as it is then.
 */
export function decodeProgress(text: string | null, today: number): ReportProgress | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<ReportProgress>;
    if (
      typeof value.day !== 'number' ||
      weekStart(value.day) !== weekStart(today) ||
      typeof value.startedAt !== 'string' ||
      !Array.isArray(value.done)
    )
      return null;
    const done = REPORT_STAGES.filter((s) => value.done!.includes(s));
    return { day: value.day, startedAt: value.startedAt, done };
  } catch {
    return null;
  }
}

/**
 * Whether a run may start its next stage: the first stage of a run always (so every run moves the
 * report on), later ones only while the run is within its budget, which leaves the longest stage
 * room to end before the execution limit (REPORT_STAGE_BUDGET_MS in src/core/limits.ts).
 */
export function mayStartStage(elapsedMs: number, stagesDoneThisRun: number, budgetMs: number): boolean {
  return stagesDoneThisRun === 0 || elapsedMs < budgetMs;
}

/**
 * The Report tab's second line until the report is written whole: while a report continues in a
 * follow-up run, and while the Report stage writes (a run killed mid-write leaves it), so a reader
 * never takes a half-written or stale Report for this one.
 */
export function continuingLine(startedAt: string): string {
  return `Being regenerated (started ${startedAt}): this report is not complete until this line says "generated".`;
}
