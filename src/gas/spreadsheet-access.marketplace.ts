/**
 * How a scheduled run reaches its spreadsheet, Marketplace build: an add-on's time-driven run may
 * have no active spreadsheet (docs/APPS-SCRIPT.md#triggers), so it opens the one its schedule was
 * saved in by ID, which needs the full `spreadsheets` scope this build's manifest asks for.
 */
export const BUILD_TARGET = 'marketplace';

export function openSpreadsheetById(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.openById(id);
}
