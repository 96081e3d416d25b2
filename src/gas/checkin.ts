/** My items: who the user is, their items as read, and their check-in written in one batch per row run. */
import { contiguousRuns } from '../core/cells';
import {
  type CheckinItem,
  checkinItems,
  type CheckinPlan,
  type CheckinRequest,
  type CheckinTab,
  planCheckin,
} from '../core/checkin';
import { GOALS, PEOPLE, RISKS, TIMELINE } from '../core/spec/tabs';
import { type PlanTables } from '../core/tables';
import { todayIn } from './plan-actions';
import { indexSheets, readTab, type TabData } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface MyItems {
  /** The person the items belong to; '' when Apps Script withheld the email and nobody was picked. */
  name: string;
  /** How the person was found: by the user's email on People, or picked by name. */
  foundBy: 'email' | 'picked' | 'none';
  /** Names on People, for the picker when the email is withheld or not on People. */
  people: string[];
  items: CheckinItem[];
}

interface Read {
  tables: PlanTables;
  sheets: Partial<Record<CheckinTab, TabData>>;
  timeZone: string;
}

/** One read of People, Goals, Timeline and Risks (values only: statuses as the sheet computed them). */
function readCheckinTabs(ss: Spreadsheet): Read {
  const index = indexSheets(ss);
  const people = readTab(index, PEOPLE);
  const goals = readTab(index, GOALS);
  const timeline = readTab(index, TIMELINE);
  const risks = readTab(index, RISKS);
  return {
    tables: { people: people?.table, goals: goals?.table, timeline: timeline?.table, risks: risks?.table },
    sheets: { goals, timeline, risks },
    timeZone: index.timeZone,
  };
}

/** The user's name on People, by their email; a picked name only when the email found nobody. */
function whoIsCheckingIn(tables: PlanTables, picked: string | null | undefined): Omit<MyItems, 'items'> {
  const people = (tables.people?.records ?? []).map((r) => ({
    name: r.text('name'),
    email: r.text('email').toLowerCase(),
  }));
  const names = people.map((p) => p.name).filter(Boolean);
  // Apps Script may withhold the active user's email (consumer accounts, other domains): then ''.
  const email = Session.getActiveUser().getEmail().toLowerCase();
  const byEmail = email ? people.find((p) => p.email === email) : undefined;
  if (byEmail) return { name: byEmail.name, foundBy: 'email', people: names };
  const byName = picked ? names.find((n) => n.toLowerCase() === picked.trim().toLowerCase()) : undefined;
  return byName
    ? { name: byName, foundBy: 'picked', people: names }
    : { name: '', foundBy: 'none', people: names };
}

export function myItems(ss: Spreadsheet, picked?: string): MyItems {
  const read = readCheckinTabs(ss);
  const who = whoIsCheckingIn(read.tables, picked);
  return { ...who, items: who.name ? checkinItems(read.tables, who.name) : [] };
}

export interface CheckinResult extends MyItems {
  written: number;
  refused: CheckinPlan['refused'];
}

/** Writes a check-in (the caller holds the document lock), then shows the items as they are now. */
export function saveCheckin(ss: Spreadsheet, request: CheckinRequest): CheckinResult {
  const read = readCheckinTabs(ss);
  const who = whoIsCheckingIn(read.tables, request.as);
  if (!who.name) throw new Error('Pick who you are first: OpsPlan could not tell from your email.');
  const plan = planCheckin(read.tables, who.name, request.changes, todayIn(read.timeZone));
  for (const tab of ['goals', 'timeline', 'risks'] as const) {
    const sheet = read.sheets[tab]?.sheet;
    if (!sheet) continue;
    const byRow = new Map<number, typeof plan.writes>();
    for (const w of plan.writes) if (w.tab === tab) byRow.set(w.row, [...(byRow.get(w.row) ?? []), w]);
    // One write per run of adjacent cells in a row: a check-in touches a few cells of a few rows.
    for (const [row, writes] of byRow)
      for (const run of contiguousRuns(writes))
        sheet.getRange(row, run[0]!.column, 1, run.length).setValues([run.map((w) => w.value)]);
  }
  if (plan.writes.length) SpreadsheetApp.flush();
  return { ...myItems(ss, request.as ?? undefined), written: plan.writes.length, refused: plan.refused };
}
