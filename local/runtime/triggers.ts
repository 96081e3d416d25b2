/** ScriptApp: installable triggers, with the add-on limits, fired by the runtime's clock. */
import { type CallLog, raw, service } from './calls.js';
import { AppsScriptException } from './errors.js';
import { Spreadsheet } from './spreadsheet.js';
import { instantOf, wallClock } from './tz.js';

export const WeekDay = {
  SUNDAY: 'SUNDAY',
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
} as const;
const WEEKDAY_INDEX = Object.keys(WeekDay);

export const AuthMode = {
  NONE: 'NONE',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
} as const;
export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
} as const;
export const TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK' } as const;

export interface ClockSchedule {
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  minute?: number;
  weekDay?: string;
  timeZone: string;
  at?: number;
}

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: string;
  source: string;
  owner: string;
  /** The spreadsheet the trigger belongs to: installable triggers are per user and per document. */
  documentId: string;
  createdAt: number;
  schedule?: ClockSchedule;
  lastFired?: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export class TriggerStore {
  readonly triggers: TriggerRecord[] = [];
  private counter = 0;
  nextUid(): string {
    this.counter++;
    return String(4_000_000 + this.counter * 7_919);
  }

  /** The first time after `afterMs` at which the trigger fires, or undefined if never. */
  nextFire(t: TriggerRecord, afterMs: number): number | undefined {
    const s = t.schedule;
    if (!s) return undefined;
    if (s.at !== undefined) return t.lastFired === undefined && s.at > afterMs ? s.at : undefined;
    const base = t.lastFired ?? t.createdAt;
    if (s.everyHours) {
      let next = base + s.everyHours * HOUR;
      while (next <= afterMs) next += s.everyHours * HOUR;
      return next;
    }
    const minute = s.minute ?? Number(t.uid) % 60;
    const hour = s.atHour ?? Math.floor(Number(t.uid) / 60) % 24;
    const stepDays = s.everyWeeks ? 7 * s.everyWeeks : (s.everyDays ?? 1);
    const earliest =
      t.lastFired === undefined ? afterMs : Math.max(afterMs, t.lastFired + (stepDays - 0.5) * DAY);
    const start = wallClock(earliest, s.timeZone);
    for (let i = 0; i <= stepDays + 7; i++) {
      const day = new Date(Date.UTC(start.year, start.month - 1, start.day + i));
      const candidate = instantOf(
        s.timeZone,
        day.getUTCFullYear(),
        day.getUTCMonth() + 1,
        day.getUTCDate(),
        hour,
        minute,
      );
      if (candidate <= earliest) continue;
      if (s.weekDay && WEEKDAY_INDEX[wallClock(candidate, s.timeZone).weekday] !== s.weekDay) continue;
      return candidate;
    }
    return undefined;
  }
}

export interface ScriptAppHost {
  store: TriggerStore;
  log: CallLog;
  now: () => number;
  user: () => string;
  scriptTimeZone: () => string;
  spreadsheetId: () => string;
  /** Add-ons may not run time-based triggers more than hourly, nor keep more than one per event type. */
  addon: boolean;
}

export class Trigger implements Pick<GoogleAppsScript.Script.Trigger, 'getHandlerFunction' | 'getUniqueId'> {
  constructor(
    readonly record: TriggerRecord,
    log: CallLog,
  ) {
    return service(this, 'Trigger', log);
  }
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getUniqueId(): string {
    return this.record.uid;
  }
  getEventType(): string {
    return this.record.eventType;
  }
  getTriggerSource(): string {
    return this.record.source;
  }
  /** The spreadsheet's ID for a spreadsheet trigger; null for a time-driven one. */
  getTriggerSourceId(): string | null {
    return this.record.source === TriggerSource.SPREADSHEETS ? this.record.documentId : null;
  }
}

class ClockTriggerBuilder {
  private schedule: ClockSchedule;
  constructor(
    private readonly host: ScriptAppHost,
    private readonly handler: string,
  ) {
    this.schedule = { timeZone: host.scriptTimeZone() };
    return service(this, 'ClockTriggerBuilder', host.log);
  }
  private self(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }
  everyMinutes(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (this.host.addon)
      throw new AppsScriptException(
        "Add-ons can't create time-based triggers that run more frequently than once per hour.",
      );
    if (![1, 5, 10, 15, 30].includes(n))
      throw new AppsScriptException('The value you passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    this.schedule.everyHours = n / 60;
    return this.self();
  }
  everyHours(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (![1, 2, 4, 6, 8, 12].includes(n))
      throw new AppsScriptException('The value you passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    this.schedule.everyHours = n;
    return this.self();
  }
  everyDays(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.schedule.everyDays = n;
    return this.self();
  }
  everyWeeks(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.schedule.everyWeeks = n;
    return this.self();
  }
  atHour(hour: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23)
      throw new AppsScriptException('The value you passed to atHour must be an integer from 0 to 23.');
    this.schedule.atHour = hour;
    return this.self();
  }
  nearMinute(minute: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.schedule.minute = Math.max(0, Math.min(59, (Math.round(minute / 15) * 15) % 60));
    return this.self();
  }
  onWeekDay(day: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!(day in WeekDay)) throw new AppsScriptException(`Invalid argument: ${day}`);
    this.schedule.weekDay = day;
    return this.self();
  }
  inTimezone(timeZone: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.schedule.timeZone = timeZone;
    return this.self();
  }
  at(date: Date): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.schedule.at = date.getTime();
    return this.self();
  }
  after(ms: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.schedule.at = this.host.now() + ms;
    return this.self();
  }
  create(): GoogleAppsScript.Script.Trigger {
    const s = this.schedule;
    // onWeekDay alone is a weekly trigger, as in the reference page's own example:
    // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#onWeekDay(Weekday)
    if (s.weekDay && !s.everyDays && !s.everyHours && s.at === undefined) s.everyWeeks ??= 1;
    if (s.at === undefined && !s.everyHours && !s.everyDays && !s.everyWeeks) {
      throw new AppsScriptException(
        'The trigger needs a recurrence: call everyHours, everyDays or everyWeeks, or at.',
      );
    }
    if (s.everyWeeks && !s.weekDay) s.weekDay = WEEKDAY_INDEX[wallClock(this.host.now(), s.timeZone).weekday];
    return createTrigger(this.host, {
      handler: this.handler,
      eventType: EventType.CLOCK,
      source: TriggerSource.CLOCK,
      documentId: this.host.spreadsheetId(),
      schedule: s,
    });
  }
}

function createTrigger(
  host: ScriptAppHost,
  fields: Pick<TriggerRecord, 'handler' | 'eventType' | 'source' | 'schedule' | 'documentId'>,
): GoogleAppsScript.Script.Trigger {
  const owner = host.user();
  // One trigger of each type per user per document:
  // https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions
  if (
    host.addon &&
    host.store.triggers.some(
      (t) => t.owner === owner && t.eventType === fields.eventType && t.documentId === fields.documentId,
    )
  ) {
    throw new AppsScriptException(
      `This add-on has created too many ${fields.eventType === EventType.CLOCK ? 'time-based' : 'spreadsheet'} triggers in this document for this Google user account.`,
    );
  }
  const record: TriggerRecord = { uid: host.store.nextUid(), owner, createdAt: host.now(), ...fields };
  host.store.triggers.push(record);
  return new Trigger(record, host.log) as unknown as GoogleAppsScript.Script.Trigger;
}

class SpreadsheetTriggerBuilder {
  private eventType: string = EventType.ON_OPEN;
  constructor(
    private readonly host: ScriptAppHost,
    private readonly handler: string,
    private readonly documentId: string,
  ) {
    return service(this, 'SpreadsheetTriggerBuilder', host.log);
  }
  private on(type: string): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.eventType = type;
    return this as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }
  onOpen() {
    return this.on(EventType.ON_OPEN);
  }
  onEdit() {
    return this.on(EventType.ON_EDIT);
  }
  onChange() {
    return this.on(EventType.ON_CHANGE);
  }
  create(): GoogleAppsScript.Script.Trigger {
    return createTrigger(this.host, {
      handler: this.handler,
      eventType: this.eventType,
      source: TriggerSource.SPREADSHEETS,
      documentId: this.documentId,
    });
  }
}

class TriggerBuilder {
  constructor(
    private readonly host: ScriptAppHost,
    private readonly handler: string,
  ) {
    return service(this, 'TriggerBuilder', host.log);
  }
  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return new ClockTriggerBuilder(
      this.host,
      this.handler,
    ) as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }
  forSpreadsheet(spreadsheet: unknown): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return new SpreadsheetTriggerBuilder(
      this.host,
      this.handler,
      spreadsheetIdOf(spreadsheet, 'forSpreadsheet'),
    ) as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }
}

/** The ID of a Spreadsheet argument; anything else fails like a wrong signature on Google. */
function spreadsheetIdOf(value: unknown, method: string): string {
  const target = value && typeof value === 'object' ? raw(value) : undefined;
  if (!(target instanceof Spreadsheet))
    throw new AppsScriptException(
      `The parameters (${typeof value}) don't match the method signature for ScriptApp.${method}.`,
    );
  return target.getId();
}

export class ScriptAppImpl implements Pick<
  GoogleAppsScript.Script.ScriptApp,
  'newTrigger' | 'getProjectTriggers' | 'getUserTriggers' | 'deleteTrigger' | 'getScriptId'
> {
  readonly AuthMode = AuthMode;
  readonly WeekDay = WeekDay;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  constructor(private readonly host: ScriptAppHost) {
    return service(this, 'ScriptApp', host.log);
  }
  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '')
      throw new AppsScriptException('Invalid argument: functionName');
    return new TriggerBuilder(this.host, functionName) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }
  private triggersOf(keep: (t: TriggerRecord) => boolean): GoogleAppsScript.Script.Trigger[] {
    const user = this.host.user();
    return this.host.store.triggers
      .filter((t) => t.owner === user && keep(t))
      .map((t) => new Trigger(t, this.host.log) as unknown as GoogleAppsScript.Script.Trigger);
  }
  /**
   * The current user's triggers in this project (Apps Script never shows another user's); for an
   * add-on, those of every document it is used in:
   * https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()
   */
  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    return this.triggersOf(() => true);
  }
  /** https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet) */
  getUserTriggers(document: unknown): GoogleAppsScript.Script.Trigger[] {
    const id = spreadsheetIdOf(document, 'getUserTriggers');
    return this.triggersOf((t) => t.documentId === id);
  }
  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    const uid = (raw(trigger) as unknown as Trigger).record.uid;
    const i = this.host.store.triggers.findIndex((t) => t.uid === uid);
    if (i < 0) throw new AppsScriptException('Trigger not found.');
    this.host.store.triggers.splice(i, 1);
  }
  getScriptId(): string {
    return `local-script-${this.host.spreadsheetId()}`;
  }
}
