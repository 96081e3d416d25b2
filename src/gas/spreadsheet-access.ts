/**
 * How a scheduled run reaches its spreadsheet, container-bound build: the script lives in its one
 * spreadsheet, which is active in every execution, so nothing is ever opened by ID and the
 * manifest keeps `spreadsheets.currentonly`. The Marketplace build replaces this module with
 * spreadsheet-access.marketplace.ts (scripts/apps-script-bundle.mjs).
 */
export const BUILD_TARGET = 'container-bound';

/** Never reached in this build (the active spreadsheet is always there): refuses in plain words. */
export function openSpreadsheetById(_id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  throw new Error(
    'This OpsPlan build runs only inside its own spreadsheet; a published add-on needs the Marketplace build (README, "Publish to the Marketplace").',
  );
}
