/**
 * What a report that stopped at its time budget keeps, and the run that continues it
 * (docs/APPS-SCRIPT.md#execution, "Long runs continue"): its progress in the document's store, and
 * for Generate report from the menu or sidebar a one-off time-driven trigger, at most one per user
 * and spreadsheet, removed once the report is complete. The scheduled pipeline needs no trigger:
 * its next run continues.
 */
import { REPORT_FOLLOW_UP_MS, USER_LOCK_WAIT_MS } from '../core/limits';
import { decodeProgress, encodeProgress, type ReportProgress } from '../core/report-stages';
import { DOC } from './keys';
import { BUILD_TARGET } from './spreadsheet-access';
import type { KeyValues } from './state-store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The top-level function the follow-up trigger runs (src/main.ts). */
export const CONTINUE_HANDLER = 'continueReport';

/** How the rest of a stopped report gets done. */
export type FollowUp = 'trigger' | 'next run' | 'by hand';

export function loadProgress(store: KeyValues, today: number): ReportProgress | null {
  return decodeProgress(store.getProperty(DOC.reportProgress), today);
}

export function saveProgress(store: KeyValues, progress: ReportProgress): void {
  store.setProperty(DOC.reportProgress, encodeProgress(progress));
}

export function clearProgress(store: KeyValues): void {
  store.deleteProperty(DOC.reportProgress);
}

/** This user's follow-up triggers of this spreadsheet (another user's are invisible to them). */
function followUpTriggers(ss: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === CONTINUE_HANDLER);
}

/** Removes this user's follow-up triggers of this spreadsheet: the report they continue is done. */
export function removeFollowUps(ss: Spreadsheet): void {
  for (const trigger of followUpTriggers(ss)) ScriptApp.deleteTrigger(trigger);
}

/**
 * One follow-up run, REPORT_FOLLOW_UP_MS from now: this user's earlier follow-up trigger of this
 * spreadsheet is replaced, so at most one is ever pending. 'by hand' where no trigger can continue
 * it: a published add-on's time-driven run may have no document, hence neither the progress nor
 * the document lock (docs/APPS-SCRIPT.md#triggers), and an add-on may hold one time-driven trigger
 * per user and document, which a schedule the user saved already takes.
 */
export function scheduleFollowUp(ss: Spreadsheet): FollowUp {
  if (BUILD_TARGET !== 'container-bound') return 'by hand';
  // Triggers are the user's own: the user lock makes replacing theirs one step against their
  // other executions (a follow-up that found the document busy sets one too).
  const lock = LockService.getUserLock();
  if (!lock.tryLock(USER_LOCK_WAIT_MS)) return 'by hand';
  try {
    removeFollowUps(ss);
    ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(REPORT_FOLLOW_UP_MS).create();
    return 'trigger';
  } catch (error) {
    console.warn(`OpsPlan: no follow-up run for the report (${String(error)}); it continues when run again.`);
    return 'by hand';
  } finally {
    lock.releaseLock();
  }
}

/** Deletes the trigger that started this run (a one-off trigger that fired stays listed until deleted). */
export function removeFiredTrigger(ss: Spreadsheet, triggerUid: string | undefined): void {
  if (triggerUid === undefined) return;
  for (const trigger of followUpTriggers(ss))
    if (trigger.getUniqueId() === triggerUid) ScriptApp.deleteTrigger(trigger);
}

/** What the person is told when a report stops at its budget. */
export function describeFollowUp(followUp: FollowUp): string {
  switch (followUp) {
    case 'trigger':
      return 'The plan is large, so the report continues in a follow-up run in about a minute. The Report tab says "Being regenerated" until it is complete.';
    case 'by hand':
      return 'The plan is large, so the report did not finish in one run: choose Generate report again to finish it (what is done is kept).';
    case 'next run':
      return 'The plan is large, so the report did not finish in this run: the next run completes it, and the emails go once it is complete.';
  }
}
