/**
 * The Apps Script surface of OpsPlan: triggers, menu handlers and the sidebar's server API.
 * Wiring only: every rule lives in src/core, every service call in src/gas. Each export becomes a
 * top-level function in dist/Code.js (see scripts/build.mjs).
 */
import { alertUser, buildMenu, openSidebar } from './gas/ui';

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

export function menuSetUpPlan(): void {
  alertUser('OpsPlan', 'Set up plan tabs is not available yet.');
}
export function menuInsertExample(): void {
  alertUser('OpsPlan', 'Insert example plan is not available yet.');
}
export function menuCheckPlan(): void {
  alertUser('OpsPlan', 'Check plan is not available yet.');
}
export function menuRefreshStatus(): void {
  alertUser('OpsPlan', 'Refresh KPI status is not available yet.');
}
export function menuGenerateReport(): void {
  alertUser('OpsPlan', 'Generate report is not available yet.');
}
export function menuSendEmails(): void {
  alertUser('OpsPlan', 'Send status emails is not available yet.');
}
export function menuSchedule(): void {
  alertUser('OpsPlan', 'Schedules are not available yet.');
}
export function menuHelp(): void {
  alertUser('OpsPlan help', 'OpsPlan turns this spreadsheet into an operational plan. Open the sidebar to start.');
}

/** Sidebar API: a health check the sidebar calls on load. */
export function getAddonInfo(): { spreadsheetName: string; timeZone: string; user: string } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return { spreadsheetName: ss.getName(), timeZone: ss.getSpreadsheetTimeZone(), user: Session.getEffectiveUser().getEmail() };
}
