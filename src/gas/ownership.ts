/**
 * OpsPlan's own tabs, found by the developer metadata it put on them when it created them, never
 * by name (docs/APPS-SCRIPT.md#spreadsheets): a team's tab that happens to be called "Report" is
 * the team's. The pure rules (roles, legacy adoption, free names) are in src/core/ownership.ts.
 */
import {
  adoptedNotice,
  freeTabName,
  type GeneratedTab,
  markValue,
  movedAsideNotice,
  OWNER_KEY,
  roleOfMark,
} from '../core/ownership';
import type { CellValue } from '../core/values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The tabs OpsPlan created, by role: one metadata search, whatever the tabs are called now. */
export function ownedTabs(ss: Spreadsheet): Map<string, Sheet> {
  const owned = new Map<string, Sheet>();
  const marks = ss
    .createDeveloperMetadataFinder()
    .withKey(OWNER_KEY)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find();
  for (const mark of marks) {
    const sheet = mark.getLocation().getSheet();
    // A copy of OpsPlan's tab carries the mark too, made for another sheet id: it is the team's.
    const role = sheet && roleOfMark(mark.getValue(), sheet.getSheetId());
    if (role && !owned.has(role)) owned.set(role, sheet);
  }
  return owned;
}

/** Marks a tab OpsPlan has just created (or adopted from an earlier version) as its own. */
export function markTab(sheet: Sheet, role: string): void {
  sheet.addDeveloperMetadata(
    OWNER_KEY,
    markValue(role, sheet.getSheetId()),
    SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT,
  );
}

/** Whether an unmarked tab is exactly as an earlier OpsPlan version made it (two rows read). */
function madeByEarlierVersion(sheet: Sheet, tab: GeneratedTab): boolean {
  const lastColumn = sheet.getLastColumn();
  if (lastColumn === 0 || lastColumn > tab.width) return false;
  if (sheet.getDeveloperMetadata().some((m) => m.getKey() === OWNER_KEY)) return false;
  const rows = sheet.getRange(1, 1, Math.min(2, sheet.getMaxRows()), lastColumn).getValues() as CellValue[][];
  return tab.madeByEarlierVersion(rows);
}

export interface FoundTab {
  sheet: Sheet;
  /** Made by an earlier version and not marked yet. */
  legacy: boolean;
}

/** The tab holding a role's content, to read: OpsPlan's marked tab, or an earlier version's. */
export function findGenerated(
  ss: Spreadsheet,
  owned: Map<string, Sheet>,
  tab: GeneratedTab,
): FoundTab | undefined {
  const marked = owned.get(tab.role);
  if (marked) return { sheet: marked, legacy: false };
  const same = ss.getSheetByName(tab.name);
  return same && madeByEarlierVersion(same, tab) ? { sheet: same, legacy: true } : undefined;
}

/**
 * The tab to write a role's content into: OpsPlan's marked tab; an earlier version's, which it
 * then marks; or a new one at the end, under a free name when a team's tab has the usual one. What
 * happened goes into `notices` (it happens once: the next run finds the marked tab).
 */
export function generatedTabForWriting(
  ss: Spreadsheet,
  owned: Map<string, Sheet>,
  tab: GeneratedTab,
  notices: string[],
): { sheet: Sheet; created: boolean } {
  const found = findGenerated(ss, owned, tab);
  if (found) {
    if (found.legacy) {
      markTab(found.sheet, tab.role);
      owned.set(tab.role, found.sheet);
      notices.push(adoptedNotice(found.sheet.getName()));
    }
    return { sheet: found.sheet, created: false };
  }
  const name = freeTabName(
    tab.name,
    ss.getSheets().map((s) => s.getName()),
  );
  // Created at the end, without taking the user away from where they are.
  const previous = ss.getActiveSheet();
  const sheet = ss.insertSheet(name, ss.getNumSheets());
  sheet.setTabColor(tab.colour);
  ss.setActiveSheet(previous);
  markTab(sheet, tab.role);
  owned.set(tab.role, sheet);
  if (name !== tab.name) notices.push(movedAsideNotice(tab.name, name));
  return { sheet, created: true };
}
