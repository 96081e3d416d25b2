/**
 * The follow-up run of a report that stopped at its time budget (a one-off time-driven trigger,
 * src/gas/report-follow-up.ts): under the document lock it resumes the report where the progress
 * says, and sets one more follow-up if it has to stop again.
 */
import { REPORT_LOCK_WAIT_MS } from '../core/limits';
import { todayIn } from './plan-actions';
import { generateReport } from './report';
import { loadProgress, removeFiredTrigger, scheduleFollowUp } from './report-follow-up';
import { cacheStore } from './state-store';

export interface ContinueResult {
  /** Whether this run worked on the report. */
  ran: boolean;
  complete: boolean;
  message: string;
}

export function continueReportRun(triggerUid: string | undefined): ContinueResult {
  const started = Date.now();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  // Only the container-bound build sets follow-ups, and its spreadsheet is active in every run.
  if (!ss) return { ran: false, complete: false, message: 'No spreadsheet: nothing to continue.' };
  removeFiredTrigger(ss, triggerUid);
  const pending = () => loadProgress(cacheStore(ss.getId()), todayIn(ss.getSpreadsheetTimeZone())) !== null;
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(REPORT_LOCK_WAIT_MS)) {
    // Another run has the document (it may not be a report): one follow-up stays pending.
    if (pending()) scheduleFollowUp(ss);
    return {
      ran: false,
      complete: false,
      message: 'Another OpsPlan run had the spreadsheet: trying again later.',
    };
  }
  try {
    // A run that finished the report meanwhile (the menu, the sidebar, a schedule) leaves nothing.
    if (!pending()) return { ran: false, complete: true, message: 'The report was already complete.' };
    const outcome = generateReport(ss, { started, followUp: scheduleFollowUp });
    return outcome.complete
      ? { ran: true, complete: true, message: `Report generated ${outcome.generatedAt}.` }
      : { ran: true, complete: false, message: outcome.message };
  } finally {
    lock.releaseLock();
  }
}
