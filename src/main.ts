/**
 * The Apps Script surface of OpsPlan: triggers, menu handlers and the sidebar's server API.
 * Wiring only: every rule lives in src/core, every service call in src/gas. Each export becomes a
 * top-level function in dist/Code.js (see scripts/build.mjs).
 */
import { parseSidebarArgs, type SidebarArgs, type SidebarFunction } from './core/api-schemas';
import type { CheckResult } from './core/check';
import { ACTION_LOCK_WAIT_MS, REPORT_LOCK_WAIT_MS } from './core/limits';
import { describeCheck, describeNothingToSend, describePreview, describeSendPreview } from './core/messages';
import { ruleCatalog, type RuleEntry } from './core/rules';
import type { SetupPreview } from './core/scaffold';
import { activateCell, runCheck } from './gas/check';
import { type CheckinResult, type MyItems, myItems, saveCheckin } from './gas/checkin';
import { buildGantt, type GanttRun } from './gas/gantt';
import { fillEditedRows, type LiveRowsResult } from './gas/live-rows';
import { withDocumentLock } from './gas/lock';
import { applyNormalise, type NormalisePreview, previewNormalise } from './gas/normalise';
import {
  type PipelineResult,
  previewMail,
  runPipeline,
  runScheduled,
  type SendPreview,
} from './gas/pipeline';
import {
  type ExampleResult,
  insertExample,
  previewPlanSetup,
  refreshAll,
  type RefreshResult,
  setUpPlanTabs,
} from './gas/plan-actions';
import { generateReport } from './gas/report';
import { continueReportRun, type ContinueResult } from './gas/report-continue';
import { scheduleFollowUp } from './gas/report-follow-up';
import { approveRecipients, saveSchedule, type ScheduleStatus, scheduleStatus } from './gas/schedule';
import type { SetupResult } from './gas/setup';
import { alertUser, buildMenu, confirmUser, openSidebar, takeSidebarSection, toast } from './gas/ui';

const active = () => SpreadsheetApp.getActiveSpreadsheet();

/** Simple trigger: runs in AuthMode.NONE before authorisation, so it only builds the menu. */
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
}

/**
 * Simple trigger: a person's edit of a plan tab fills the computed cells of the edited rows and
 * stamps Updated / Completed, so status is live without Refresh. Other tabs are not touched.
 */
export function onEdit(event: GoogleAppsScript.Events.SheetsOnEdit): LiveRowsResult | null {
  return fillEditedRows(event);
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  openSidebar();
}

/**
 * Installable time-driven trigger: the scheduled pipeline. In a published add-on it may run with
 * no active spreadsheet; it finds its own from the trigger's ID (src/gas/schedule-state.ts).
 */
export function runScheduledPipeline(event?: GoogleAppsScript.Events.TimeDriven): PipelineResult | null {
  return runScheduled(event?.triggerUid === undefined ? undefined : String(event.triggerUid));
}

/**
 * Installable one-off time-driven trigger: the follow-up run of a report that stopped at its time
 * budget (src/gas/report-follow-up.ts). Removes its own trigger, resumes the report.
 */
export function continueReport(event?: GoogleAppsScript.Events.TimeDriven): ContinueResult {
  return continueReportRun(event?.triggerUid === undefined ? undefined : String(event.triggerUid));
}

// ---- menu handlers ----

export function menuSetUpPlan(): void {
  const preview = previewPlanSetup(active());
  if (preview.changes === 0) return toast('The plan tabs are set up: nothing to add.');
  if (
    !confirmUser(
      'Set up plan tabs',
      `${describePreview(preview)}\n\nNothing you entered is changed. Go ahead?`,
    )
  )
    return;
  const result = setUpPlan();
  toast(`Set up done: ${result.created.length} tabs created, ${result.adopted.length} adopted.`);
}

export function menuInsertExample(): void {
  const result = insertExamplePlan();
  toast(
    result.filled.length
      ? `Example plan inserted into ${result.filled.join(', ')}.`
      : 'Your plan tabs already hold data: the example was not inserted.',
  );
}

export function menuCheckPlan(): void {
  const result = checkPlanNow();
  alertUser('Check plan', describeCheck(result));
}
export function menuRefreshStatus(): void {
  const result = refreshKpiStatus();
  const kept = result.conflicts.length
    ? ` ${result.conflicts.length} value(s) or formula(s) of yours in computed columns were kept: run Check plan to see them.`
    : '';
  toast(`KPI status refreshed on ${result.tabs.map((t) => t.tab).join(', ')}.${kept}`);
}
export function menuGenerateReport(): void {
  const result = generateReportNow();
  if (result.continuing) return alertUser('Generate report', result.continuing);
  toast(
    [
      `Report generated: ${result.kpis} KPIs, ${result.challenges} pressing challenge(s).`,
      ...result.notices,
    ].join(' '),
  );
}
export function menuBuildGantt(): void {
  const result = buildGanttNow();
  toast(
    [
      result.sheet
        ? `Gantt view built on "${result.sheet}": ${result.rows} rows over ${result.weeks} weeks.`
        : 'No Gantt view built.',
      ...result.notices,
    ].join(' '),
  );
}
export function menuSendEmails(): void {
  const preview = previewMail(active());
  if (!preview.messages.length) return alertUser('Status emails', describeNothingToSend(preview));
  if (!confirmUser('Send status emails now', describeSendPreview(preview))) return;
  alertUser(
    'Status emails',
    runPipeline(active(), { mode: 'byHand', confirmed: preview.recipients }).message,
  );
}
export function menuMyItems(): void {
  openSidebar('items');
}

export function menuSchedule(): void {
  openSidebar('schedule');
}
export function menuHelp(): void {
  alertUser(
    'OpsPlan help',
    'OpsPlan turns this spreadsheet into an operational plan.\n\n1. Set up plan tabs (or Insert example plan to see one).\n2. Fill in goals, KPIs, owners, budget, timeline and risks.\n3. Check plan shows every problem by cell.\n4. Generate report and send status emails, now or on a schedule.\n\nOpen the sidebar for all of it in one place.',
  );
}

// ---- sidebar API (plain data in and out: google.script.run cannot carry Dates) ----

/**
/**
 * A function the sidebar calls: its arguments are parsed (src/core/api-schemas.ts) before anything
 * runs, so a malformed call gets a plain-word error and reads or writes nothing.
 */
function sidebarFunction<K extends SidebarFunction, R>(
  name: K,
  run: (...args: SidebarArgs<K>) => R,
): (...args: unknown[]) => R {
  return (...args) => run(...parseSidebarArgs(name, args));
}

/**
 * What the sidebar needs on load: the section a menu item asked it to open, and whether the plan
 * is set up (it then opens on Check, otherwise on Set up).
 */
export const getAddonInfo = sidebarFunction('getAddonInfo', () => {
  const ss = active();
  return {
    spreadsheetName: ss.getName(),
    timeZone: ss.getSpreadsheetTimeZone(),
    user: Session.getEffectiveUser().getEmail(),
    section: takeSidebarSection(),
    planReady: previewPlanSetup(ss).changes === 0,
  };
});

/** What Set up would add, per tab, before anything changes. */
export const previewSetUp = sidebarFunction('previewSetUp', (): SetupPreview => previewPlanSetup(active()));

export const setUpPlan = sidebarFunction('setUpPlan', (): SetupResult & { changes: number } =>
  withDocumentLock('setting up the plan', ACTION_LOCK_WAIT_MS, () => setUpPlanTabs(active())),
);

export const insertExamplePlan = sidebarFunction('insertExamplePlan', (): ExampleResult =>
  withDocumentLock('setting up the plan', ACTION_LOCK_WAIT_MS, () => insertExample(active())),
);

export const refreshKpiStatus = sidebarFunction('refreshKpiStatus', (): RefreshResult =>
  withDocumentLock('refreshing KPI status', ACTION_LOCK_WAIT_MS, () => refreshAll(active()).result),
);

/** Findings for every problem in the plan; reads each tab once and edits nothing. */
export const checkPlanNow = sidebarFunction('checkPlanNow', (): CheckResult & { checkedAt: string } =>
  runCheck(active()),
);

/** My items: the KPIs, work and risks of the user (or of the person they picked, when Apps Script withholds their email). */
export const getMyItems = sidebarFunction('getMyItems', (picked): MyItems =>
  myItems(active(), picked ?? undefined),
);

/** Saves a check-in: every value parsed by its column, written in one batch under the document lock. */
export const saveMyItems = sidebarFunction('saveMyItems', (request): CheckinResult =>
  withDocumentLock('saving a check-in', ACTION_LOCK_WAIT_MS, () => saveCheckin(active(), request)),
);

/** What Check looks for: every rule of the catalog with its severity and one-line summary. */
export const listCheckRules = sidebarFunction('listCheckRules', (): RuleEntry[] => ruleCatalog());

/** Jumps to a finding's cell (or its tab when the cell is ''). */
export const goToCell = sidebarFunction('goToCell', (sheetName, cell): boolean => {
  if (!activateCell(active(), sheetName, cell))
    throw new Error('That tab is gone or was renamed: run Check plan again.');
  return true;
});

export const generateReportNow = sidebarFunction(
  'generateReportNow',
  (): {
    sheet: string;
    kpis: number;
    challenges: number;
    generatedAt: string;
    notices: string[];
    /** Set when the report stopped at its time budget: how it continues. */
    continuing: string | null;
  } => {
    const started = Date.now();
    return withDocumentLock('generating the report', REPORT_LOCK_WAIT_MS, () => {
      const run = generateReport(active(), { started, followUp: scheduleFollowUp });
      if (!run.complete)
        return { sheet: '', kpis: 0, challenges: 0, generatedAt: '', notices: [], continuing: run.message };
      active().getSheetByName(run.reportSheet)?.activate();
      return {
        sheet: run.reportSheet,
        kpis: run.report.kpis.length,
        challenges: run.report.challenges.length,
        generatedAt: run.generatedAt,
        notices: run.notices,
        continuing: null,
      };
    });
  },
);

/** Lays out OpsPlan's Gantt tab from the Timeline (src/gas/gantt.ts) and shows it. */
export const buildGanttNow = sidebarFunction('buildGanttNow', (): GanttRun =>
  withDocumentLock('building the Gantt view', REPORT_LOCK_WAIT_MS, () => {
    const run = buildGantt(active());
    if (run.sheet) active().getSheetByName(run.sheet)?.activate();
    return run;
  }),
);

/** For each recipient, what Send now would send, with the counts the confirmation shows. Sends nothing. */
export const previewStatusEmails = sidebarFunction('previewStatusEmails', (): SendPreview =>
  previewMail(active()),
);

/** Sends now, to the recipients the person confirmed (anyone newer is held and named). */
export const sendStatusEmailsNow = sidebarFunction('sendStatusEmailsNow', (confirmed): PipelineResult =>
  runPipeline(active(), { mode: 'byHand', confirmed }),
);

export const getSchedule = sidebarFunction('getSchedule', (): ScheduleStatus => scheduleStatus(active()));

export const saveScheduleSettings = sidebarFunction('saveScheduleSettings', (schedule): ScheduleStatus =>
  withDocumentLock('saving the schedule', ACTION_LOCK_WAIT_MS, () => saveSchedule(active(), schedule)),
);

/** The sidebar's one click: approve the recipients a scheduled run held. */
export const approveHeldRecipients = sidebarFunction('approveHeldRecipients', (addresses): ScheduleStatus =>
  withDocumentLock('saving the schedule', ACTION_LOCK_WAIT_MS, () => approveRecipients(active(), addresses)),
);

/** The cells Normalise values would rewrite, and to what. Changes nothing. */
export const previewNormaliseValues = sidebarFunction('previewNormaliseValues', (): NormalisePreview =>
  previewNormalise(active()),
);

/** Rewrites the previewed cells, each only if it still holds what the preview showed. */
export const normaliseValues = sidebarFunction(
  'normaliseValues',
  (cells): { written: number; skipped: number; writes: number } =>
    withDocumentLock('normalising values', ACTION_LOCK_WAIT_MS, () => applyNormalise(active(), cells)),
);
