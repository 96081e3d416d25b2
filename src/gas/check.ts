/** Check plan: one read of each plan tab (values, and formulas where a tab has formula columns). */
import { checkPlan, type CheckResult, type PlanInput } from '../core/check';
import { type PlanSettings, settingsOf } from '../core/settings';
import { PLAN_TABS } from '../core/spec/tabs';
import { todayIn } from './plan-actions';
import { indexSheets, readTab, type SheetIndex, type TabData } from './tabs';

export interface ReadPlanOptions {
  /** Read formulas of formula tabs too (Check plan needs them; the report does not). */
  formulas?: boolean;
  /** Tabs already read in this execution whose values are still current. */
  reuse?: ReadonlyMap<string, TabData>;
  /** The sheet list, when the caller has it already. */
  index?: SheetIndex;
  /**
   * Whether to read the RACI tab (only Check, escalations and FYI digests use it), given the Plan's
   * settings (the Plan tab is read first). Absent: read it.
   */
  withRaci?: RaciNeed;
}

/** Whether a run needs the RACI: always, never, or as the Plan's settings say. */
export type RaciNeed = boolean | ((settings: PlanSettings) => boolean);

/** Reads every plan tab once: one getValues (and one getFormulas where asked) per tab. */
export function readPlan(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  options: ReadPlanOptions = { formulas: true },
): { input: PlanInput; timeZone: string; gids: Record<string, number> } {
  const index = options.index ?? indexSheets(ss);
  const input: PlanInput = {};
  const gids: Record<string, number> = {};
  for (const spec of PLAN_TABS) {
    if (spec.key === 'raci' && !needsRaci(options.withRaci ?? true, input)) continue;
    const tab =
      options.reuse?.get(spec.key) ??
      readTab(index, spec, Boolean(options.formulas) && spec.columns.some((c) => c.type === 'formula'));
    if (!tab) continue;
    input[spec.key] = tab.table.input;
    gids[tab.table.sheetName] = tab.gid;
  }
  return { input, timeZone: index.timeZone, gids };
}

const needsRaci = (need: RaciNeed, input: PlanInput) =>
  typeof need === 'boolean' ? need : need(settingsOf(input.plan));

export function runCheck(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): CheckResult & { checkedAt: string } {
  const { input, timeZone } = readPlan(ss);
  const result = checkPlan(input, todayIn(timeZone));
  return { ...result, checkedAt: Utilities.formatDate(new Date(), timeZone, "yyyy-MM-dd'T'HH:mm:ss") };
}

/** Moves the cursor to a finding's cell (or its tab), as the sidebar asks. */
export function activateCell(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheetName: string,
  cell: string,
): boolean {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) return false;
  if (!cell) {
    sheet.activate();
    return true;
  }
  sheet.getRange(cell).activate();
  return true;
}
