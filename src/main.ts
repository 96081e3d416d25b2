/**
 * The Apps Script surface of OpsPlan: triggers, menu handlers and the sidebar's server API.
 * Wiring only: every rule lives in src/core, every service call in src/gas. Each export becomes a
 * top-level function in dist/Code.js (see scripts/build.mjs).
 */
import type { CheckResult } from './core/check';
import { describeCheck, describePreview } from './core/messages';
import { ruleCatalog, type RuleEntry } from './core/rules';
import type { SetupPreview } from './core/scaffold';
import { activateCell, runCheck } from './gas/check';
import { withDocumentLock } from './gas/lock';
import { type MailPreview, type PipelineResult, previewMail, runPipeline } from './gas/pipeline';
import {
  type ExampleResult,
  insertExample,
  previewPlanSetup,
  refreshAll,
  type RefreshResult,
  setUpPlanTabs,
} from './gas/plan-actions';
import { generateReport } from './gas/report';
import {
  deleteOwnPipelineTriggers,
  isStaleTrigger,
  loadSchedule,
  saveSchedule,
  type ScheduleStatus,
  scheduleStatus,
} from './gas/schedule';
import type { SetupResult } from './gas/setup';
import { alertUser, buildMenu, confirmUser, openSidebar, takeSidebarSection, toast } from './gas/ui';

const active = () => SpreadsheetApp.getActiveSpreadsheet();

/** Simple trigger: runs in AuthMode.NONE before authorisation, so it only builds the menu. */
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  openSidebar();
}

/** Installable time-driven trigger: the scheduled pipeline. */
export function runScheduledPipeline(event?: GoogleAppsScript.Events.TimeDriven): PipelineResult | null {
  const schedule = loadSchedule();
  if (isStaleTrigger(schedule, event?.triggerUid === undefined ? undefined : String(event.triggerUid))) {
    deleteOwnPipelineTriggers();
    return null;
  }
  return runPipeline(active(), { digests: 'scheduled', schedule });
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
    ? ` ${result.conflicts.length} typed value(s) in formula columns were kept: run Check plan to see them.`
    : '';
  toast(`KPI status refreshed on ${result.tabs.map((t) => t.tab).join(', ')}.${kept}`);
}
export function menuGenerateReport(): void {
  const result = generateReportNow();
  toast(`Report generated: ${result.kpis} KPIs, ${result.challenges} pressing challenge(s).`);
}
export function menuSendEmails(): void {
  if (
    !confirmUser(
      'Send status emails now',
      'Each owner gets their status, report recipients get the report, and late work is escalated. Nothing already sent this period goes again. Send now?',
    )
  )
    return;
  alertUser('Status emails', sendStatusEmailsNow().message);
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
 * What the sidebar needs on load: the section a menu item asked it to open, and whether the plan
 * is set up (it then opens on Check, otherwise on Set up).
 */
export function getAddonInfo(): {
  spreadsheetName: string;
  timeZone: string;
  user: string;
  section: string;
  planReady: boolean;
} {
  const ss = active();
  return {
    spreadsheetName: ss.getName(),
    timeZone: ss.getSpreadsheetTimeZone(),
    user: Session.getEffectiveUser().getEmail(),
    section: takeSidebarSection(),
    planReady: previewPlanSetup(ss).changes === 0,
  };
}

/** What Set up would add, per tab, before anything changes. */
export function previewSetUp(): SetupPreview {
  return previewPlanSetup(active());
}

export function setUpPlan(): SetupResult & { changes: number } {
  return withDocumentLock('setting up the plan', 10_000, () => setUpPlanTabs(active()));
}

export function insertExamplePlan(): ExampleResult {
  return withDocumentLock('setting up the plan', 10_000, () => insertExample(active()));
}

export function refreshKpiStatus(): RefreshResult {
  return withDocumentLock('refreshing KPI status', 10_000, () => refreshAll(active()).result);
}

/** Findings for every problem in the plan; reads each tab once and edits nothing. */
export function checkPlanNow(): CheckResult & { checkedAt: string } {
  return runCheck(active());
}

/** What Check looks for: every rule of the catalog with its severity and one-line summary. */
export function listCheckRules(): RuleEntry[] {
  return ruleCatalog();
}

/** Jumps to a finding's cell. Sheet name and A1 come from a finding, never typed as a formula. */
export function goToCell(sheetName: string, cell: string): boolean {
  if (typeof sheetName !== 'string' || typeof cell !== 'string' || !/^([A-Z]{1,3}\d{1,7})?$/.test(cell))
    throw new Error('That is not a cell address.');
  return activateCell(active(), sheetName, cell);
}

export function generateReportNow(): {
  sheet: string;
  kpis: number;
  challenges: number;
  generatedAt: string;
} {
  return withDocumentLock('generating the report', 30_000, () => {
    const run = generateReport(active());
    active().getSheetByName(run.reportSheet)?.activate();
    return {
      sheet: run.reportSheet,
      kpis: run.report.kpis.length,
      challenges: run.report.challenges.length,
      generatedAt: run.generatedAt,
    };
  });
}

/** For each recipient, what Send now would send: subject, text and HTML. Sends nothing. */
export function previewStatusEmails(): MailPreview[] {
  return previewMail(active());
}

export function sendStatusEmailsNow(): PipelineResult {
  return runPipeline(active(), { digests: 'now' });
}

export function getSchedule(): ScheduleStatus {
  return scheduleStatus(active());
}

export function saveScheduleSettings(settings: unknown): ScheduleStatus {
  return withDocumentLock('saving the schedule', 10_000, () => saveSchedule(active(), settings));
}
