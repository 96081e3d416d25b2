/**
 * Where a schedule's state is, and how a scheduled run finds it (docs/ARCHITECTURE.md, "Where
 * state lives"):
 * - the schedule, its trigger, the approved and held recipients, pending mail, the last run and
 *   the send log of scheduled mail are the owner's: their user properties, namespaced by the
 *   spreadsheet's ID (OwnerStore), which a time-driven run without a document can still read and
 *   only the owner's executions can write;
 * - `opsplan.trigger.<trigger id>` in the owner's user properties names the spreadsheet of that
 *   trigger, so an add-on's run with no active spreadsheet opens it by ID;
 * - the spreadsheet carries a public mark (developer metadata, ScheduleMark): which trigger serves
 *   it, who owns it and what it is, so every editor sees the schedule and a replaced trigger retires.
 */
import {
  OWNER_APPROVED_BUDGET_BYTES,
  OWNER_LOG_BUDGET_BYTES,
  USER_STORE_RESERVE_BYTES,
} from '../core/limits';
import { readScheduleMark, readStoredSchedule, type Schedule, type ScheduleMark } from '../core/schedule';
import { LOG_PREFIX, logBudget, SendLedger } from '../core/send-log';
import { DOC, OWNER_PREFIX, SCHEDULE_MARK_KEY, USER } from './keys';
import { claimScheduleLog, releaseScheduleLog } from './lock';
import { todayIn } from './plan-actions';
import { SendLog } from './send-log';
import { openSpreadsheetById } from './spreadsheet-access';
import { documentStore, OwnerStore, USER_STORE_LIMIT } from './state-store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const PIPELINE_HANDLER = 'runScheduledPipeline';

// ---- the public mark ----

function markFinder(ss: Spreadsheet) {
  return ss
    .createDeveloperMetadataFinder()
    .withKey(SCHEDULE_MARK_KEY)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SPREADSHEET);
}

export function readMark(ss: Spreadsheet): ScheduleMark | null {
  return readScheduleMark(markFinder(ss).find()[0]?.getValue() ?? null);
}

/**
 * Replaces the mark (or removes it). Project-visible: only OpsPlan reads and writes it; a mark
 * tampered with can only stop a schedule or keep its owner's own approved schedule running.
 */
export function writeMark(ss: Spreadsheet, mark: ScheduleMark | null): void {
  for (const old of markFinder(ss).find()) old.remove();
  if (mark)
    ss.addDeveloperMetadata(
      SCHEDULE_MARK_KEY,
      JSON.stringify(mark),
      SpreadsheetApp.DeveloperMetadataVisibility.PROJECT,
    );
}

// ---- the owner's state ----

export interface OwnState {
  store: OwnerStore;
  /** The namespace's entries, and the whole user store's size (one read). */
  all: Record<string, string>;
  storeBytes: number;
  schedule: Schedule | null;
  trigger: string | null;
}

export function ownState(ss: Spreadsheet): OwnState {
  const store = new OwnerStore(ss.getId());
  const { all, storeBytes } = store.snapshot();
  const raw = all[DOC.schedule];
  return {
    store,
    all,
    storeBytes,
    schedule: raw === undefined ? null : readStoredSchedule(raw),
    trigger: all[DOC.scheduleTrigger] ?? null,
  };
}

/** Whether the current user owns the spreadsheet's schedule: their trigger is the one it names. */
export function ownsSchedule(mark: ScheduleMark | null, own: OwnState): boolean {
  return (
    mark !== null && own.trigger === mark.trigger && own.schedule !== null && own.schedule.mode !== 'off'
  );
}

/**
 * Whether this user's send log of the spreadsheet must be read: while they own its schedule, and
 * after, as long as it remembers anything. A scheduled run with no document records only there, so
 * a Send now after the schedule went off (or to another editor) would otherwise send it all again.
 */
export function readsOwnLog(mark: ScheduleMark | null, own: OwnState): boolean {
  return ownsSchedule(mark, own) || own.store.bytesOf(own.all, LOG_PREFIX) > 0;
}

/** The owner's send log of this spreadsheet, within its share and the store's free space. */
export function ownerLog(own: OwnState, today: number): SendLog {
  const budget = logBudget(
    OWNER_LOG_BUDGET_BYTES,
    own.storeBytes,
    own.store.bytesOf(own.all, LOG_PREFIX),
    USER_STORE_LIMIT,
    USER_STORE_RESERVE_BYTES,
  );
  return new SendLog(own.store, own.all, today, budget);
}

/** What the approved set may take: its share, and never more than the user's store has free. */
export function approvedBudget(own: OwnState): number {
  return logBudget(
    OWNER_APPROVED_BUDGET_BYTES,
    own.storeBytes,
    own.store.bytesOf(own.all, DOC.approvedPrefix),
    USER_STORE_LIMIT,
    USER_STORE_RESERVE_BYTES,
  );
}

/**
 * A schedule's own state, apart from its send log and last run: what turning it off drops and what
 * moves from an earlier version's document properties.
 */
const SCHEDULE_STATE = (key: string) =>
  key === DOC.schedule ||
  key === DOC.scheduleOwner ||
  key === DOC.scheduleTrigger ||
  key === DOC.held ||
  key.startsWith(DOC.approvedPrefix) ||
  key.startsWith(DOC.pendingPrefix);

/** Drops a schedule from the owner's store; its send log and last run stay (the log expires). */
export function clearOwnSchedule(own: OwnState): void {
  for (const key of Object.keys(own.all)) if (SCHEDULE_STATE(key)) own.store.deleteProperty(key);
}

/**
 * Frees what no schedule uses any more in this user's store, which all their spreadsheets share
 * (docs/APPS-SCRIPT.md#properties): a spreadsheet's namespace with no schedule is deleted whole
 * once its send log has nothing left to remember (every entry expired), and a trigger's entry once
 * the trigger is gone. Run when the user saves a schedule and on each scheduled run.
 */
export function pruneOwnerStore(today: number): void {
  const user = PropertiesService.getUserProperties();
  const everything = user.getProperties();
  const spaces = new Map<string, Record<string, string>>();
  for (const [key, value] of Object.entries(everything)) {
    if (!key.startsWith(OWNER_PREFIX)) continue;
    const rest = key.slice(OWNER_PREFIX.length);
    const id = rest.slice(0, rest.indexOf('.'));
    const space = spaces.get(id) ?? {};
    space[rest.slice(id.length + 1)] = value;
    spaces.set(id, space);
  }
  // Approvals without a schedule are a save in progress (it writes them first, and turning a
  // schedule off clears them): that namespace is not free yet.
  const saving = (space: Record<string, string>) =>
    Object.keys(space).some((k) => k.startsWith(DOC.approvedPrefix));
  for (const [id, space] of spaces)
    if (
      space[DOC.schedule] === undefined &&
      !saving(space) &&
      new SendLedger(space, today).size().entries === 0
    )
      for (const key of Object.keys(space)) user.deleteProperty(`${OWNER_PREFIX}${id}.${key}`);
  const live = new Set(ScriptApp.getProjectTriggers().map((t) => t.getUniqueId()));
  for (const key of Object.keys(everything))
    if (
      key.startsWith(USER.triggerSpreadsheetPrefix) &&
      !live.has(key.slice(USER.triggerSpreadsheetPrefix.length))
    )
      user.deleteProperty(key);
}

// ---- triggers and their spreadsheets ----

const userProperties = () => PropertiesService.getUserProperties();

export function rememberTrigger(triggerUid: string, spreadsheetId: string): void {
  userProperties().setProperty(USER.triggerSpreadsheetPrefix + triggerUid, spreadsheetId);
}

export function forgetTrigger(triggerUid: string): void {
  userProperties().deleteProperty(USER.triggerSpreadsheetPrefix + triggerUid);
}

/**
 * The spreadsheet a scheduled run is for: the active one (container-bound), or, in a published
 * add-on whose time-driven run has none, the one its trigger was saved in, opened by ID
 * (docs/APPS-SCRIPT.md#triggers). Null when the trigger is not OpsPlan's to run any more.
 */
export function scheduledSpreadsheet(triggerUid: string | undefined): Spreadsheet | null {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  if (triggerUid === undefined) return null;
  const id = userProperties().getProperty(USER.triggerSpreadsheetPrefix + triggerUid);
  return id ? openSpreadsheetById(id) : null;
}

/** Deletes one of this user's triggers by its ID, in whatever document it is. */
export function deleteTriggerById(triggerUid: string): void {
  for (const trigger of ScriptApp.getProjectTriggers())
    if (trigger.getUniqueId() === triggerUid) ScriptApp.deleteTrigger(trigger);
  forgetTrigger(triggerUid);
}

// ---- moving an earlier version's state ----

/**
 * Moves a schedule an earlier version kept in document properties into its owner's store, the
 * first time its owner runs OpsPlan here (a scheduled run in the spreadsheet, the sidebar, Send
 * now): schedule, trigger, approved and held recipients, pending mail, and a copy of the send log's
 * entries (the document keeps its log: Send now records there too). Only the owner can move it,
 * into their own user properties; for anyone else it stays until the owner comes.
 */
export function migrateLegacySchedule(ss: Spreadsheet): void {
  const doc = documentStore();
  if (!doc) return;
  const all = doc.getProperties();
  const raw = all[DOC.schedule];
  if (raw === undefined) return;
  const schedule = readStoredSchedule(raw);
  const trigger = all[DOC.scheduleTrigger] ?? null;
  const mine = trigger !== null && ScriptApp.getUserTriggers(ss).some((t) => t.getUniqueId() === trigger);
  if (mine && schedule.mode !== 'off') {
    const store = new OwnerStore(ss.getId());
    // The owner's log is written under their claim, as every run writes it; while a run of theirs
    // holds it, the move waits for their next visit.
    const claim = claimScheduleLog(store);
    if (claim === null) return;
    try {
      const now = doc.getProperties(); // again under the claim: another execution may have moved it
      if (now[DOC.schedule] === undefined) return;
      const moved = Object.fromEntries(Object.entries(now).filter(([k]) => SCHEDULE_STATE(k)));
      if (now[DOC.lastRun] !== undefined) moved[DOC.lastRun] = now[DOC.lastRun];
      store.setProperties(moved);
      const today = todayIn(ss.getSpreadsheetTimeZone());
      const log = ownerLog(ownState(ss), today);
      log.ledger.absorb(new SendLedger(now, today));
      log.finish();
      rememberTrigger(trigger, ss.getId());
      writeMark(ss, { trigger, owner: now[DOC.scheduleOwner] ?? '', schedule });
    } finally {
      releaseScheduleLog(store, claim);
    }
  } else if (schedule.mode !== 'off') {
    return; // the owner's to move
  }
  dropLegacySchedule();
}

/**
 * Forgets a schedule an earlier version kept in document properties. A save by anyone supersedes
 * it: moved later by its owner, it would undo an editor's newer "off" or their own schedule.
 */
export function dropLegacySchedule(): void {
  const doc = documentStore();
  if (!doc) return;
  for (const key of Object.keys(doc.getProperties())) if (SCHEDULE_STATE(key)) doc.deleteProperty(key);
}
