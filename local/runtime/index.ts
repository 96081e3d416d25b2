/**
 * The local Apps Script runtime: loads the built `dist/Code.js` into an isolated V8 context whose
 * globals are in-memory Apps Script services, exactly as clasp would push it, and exposes handles
 * to call its top-level functions and to inspect the workbook, the outbox, triggers and call counts.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';

import { LoggerImpl, SessionImpl, type Users, UtilitiesImpl } from './base.js';
import { CallLog, service } from './calls.js';
import { ChartType, type ChartView, chartView, Position } from './charts.js';
import { Clock } from './clock.js';
import { consoleFor, LogSink } from './console.js';
import { callCostMs, CONSTANTS, type CostConstants, messageBytes } from './cost-model.js';
import type { MetadataRecord } from './developer-metadata.js';
import { AppsScriptException, isDateValue } from './errors.js';
import { LockServiceImpl, LockTable } from './lock.js';
import { MailAppImpl, Outbox } from './mail.js';
import { PropertiesServiceImpl, PropertyStore } from './properties.js';
import type { SpreadsheetHost } from './spreadsheet.js';
import { SpreadsheetAppImpl } from './spreadsheet-app.js';
import { AuthMode, EventType, ScriptAppImpl, type TriggerRecord, TriggerStore } from './triggers.js';
import { serialFromInstant, wallClock } from './tz.js';
import { HtmlServiceImpl, type UiState } from './ui.js';
import { applyUserEdit, type EditTarget } from './user-edit.js';
import { Workbook } from './workbook.js';

export const SCOPES = {
  spreadsheet: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  allSpreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  ui: 'https://www.googleapis.com/auth/script.container.ui',
  mail: 'https://www.googleapis.com/auth/script.send_mail',
  triggers: 'https://www.googleapis.com/auth/script.scriptapp',
} as const;

/**
 * Which manifest scopes enable each global (any one of them will do); globals without an entry need
 * none. The full `spreadsheets` scope includes `spreadsheets.currentonly`:
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app (Authorization).
 */
export const SERVICE_SCOPES: Record<string, readonly string[]> = {
  SpreadsheetApp: [SCOPES.spreadsheet, SCOPES.allSpreadsheets],
  HtmlService: [SCOPES.ui],
  MailApp: [SCOPES.mail],
  ScriptApp: [SCOPES.triggers],
};

/**
 * What a custom function may call (https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services):
 * reading the spreadsheet (get…, not set…), reading properties, Utilities, logging, HTML generation
 * and locks; nothing that needs the user's authorization (mail, triggers, UI).
 */
const ALLOWED_IN_CUSTOM_FUNCTION =
  /^(SpreadsheetApp\.(getActive|getActiveSpreadsheet|getActiveSheet|getActiveRange|new\w+)|(Spreadsheet|Sheet|Range|NamedRange|DataValidation|ConditionalFormatRule|BooleanCondition|RichTextValue)\.(get\w+|is\w+)|PropertiesService\.get\w+|Properties\.get\w+|Utilities\.\w+|Logger\.\w+|Session\.(getScriptTimeZone|getActiveUserLocale)|HtmlService\.create\w+|HtmlOutput\.\w+|HtmlTemplate\.\w+|LockService\.get\w+|Lock\.\w+)$/;

/** How long one custom-function call may run (the guide's 30-second limit). */
export const CUSTOM_FUNCTION_LIMIT_MS = 30_000;
/** Calls into the script realm through this, so a runaway loop is stopped at the time limit. */
const TIMED_CALL = new vm.Script('__timedCall()', { filename: 'execution' });

/** What a simple trigger in AuthMode.NONE may call: building the menu, nothing that reads data. */
const ALLOWED_WITHOUT_AUTH =
  /^(SpreadsheetApp\.getUi|Ui\.(createMenu|createAddonMenu)|Menu\.\w+|Session\.getActiveUserLocale)$/;

/**
 * What a simple trigger (AuthMode.LIMITED) may not call, and the scope Google names when refusing:
 * simple triggers "cannot access services that require authorization" (no mail, no triggers, no
 * dialogs or sidebars); opening other files is refused by SpreadsheetApp.openById itself.
 * https://developers.google.com/apps-script/guides/triggers#restrictions
 */
const REFUSED_WHEN_LIMITED: [RegExp, string][] = [
  [/^MailApp\./, SCOPES.mail],
  [/^ScriptApp\.(newTrigger|getProjectTriggers|getUserTriggers|deleteTrigger)$/, SCOPES.triggers],
  [/^Ui\.(showSidebar|showModalDialog|showModelessDialog)$/, SCOPES.ui],
];

/** https://developers.google.com/apps-script/guides/services/quotas#current_limitations */
const TIME_LIMIT_MS = { simpleTrigger: 30_000, execution: 6 * 60_000 };

export interface RuntimeOptions {
  /** Folder holding Code.js, Sidebar.html and appsscript.json (default: ./dist). */
  distDir?: string;
  /** The spreadsheet's time zone (File → Settings). */
  timeZone?: string;
  now?: Date | number | string;
  user?: string;
  spreadsheetName?: string;
  spreadsheetId?: string;
  dailyMailQuota?: number;
  outboxDir?: string;
  /** Apply the add-on limits on triggers (at most hourly, one per event type per user and document). */
  addon?: boolean;
  /**
   * 'container-bound' (default): the script belongs to one spreadsheet, which is active in every
   * execution. 'addon': a published editor add-on, installed in every document the runtime holds
   * (`addSpreadsheet`, `openDocument`); its time-driven triggers run with no active spreadsheet
   * (public reports; the strict reading), so they reach their document only through `openById`.
   */
  deployment?: 'container-bound' | 'addon';
  /** Replaces the manifest's `oauthScopes` (e.g. to run a Marketplace build's manifest). */
  oauthScopes?: string[];
  /**
   * Modeled time: while an execution runs, the clock advances by the modeled cost of each service
   * call it makes (local/runtime/cost-model.ts: per spreadsheet call, per cell read or written, per
   * byte of mail, per property call; `true` takes the central constants). The script's `Date.now()`
   * and `new Date()`, and the 6-minute limit, then see the time the calls would take on Apps Script.
   * Off by default: an execution then takes no clock time at all, and timestamps stay where the
   * test set them.
   */
  modeledTime?: boolean | CostConstants;
  /**
   * Real time after which a run is interrupted even between service calls (the script limit is
   * enforced on script time at every call and on return, whatever this is). It counts the local
   * runtime's own time inside service calls too, mostly its formula engine, which on the largest
   * benchmark plans is far slower than Sheets: the benchmark raises it. Default: the run's limit.
   */
  backstopMs?: number;
}

export interface ServiceTypes {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  MailApp: GoogleAppsScript.Mail.MailApp;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
}

export interface WorkbookDescription {
  sheets: {
    name: string;
    gid: number;
    maxRows: number;
    maxColumns: number;
    frozenRows: number;
    tabColor: string | null;
    hidden: boolean;
    columnWidths: [number, number][];
    values: unknown[][];
    formulas: string[][];
    formats: [number, number, string][];
    notes: [number, number, string][];
    backgrounds: [number, number, string][];
    fontWeights: [number, number, string][];
    validations: [number, number, string][];
    conditionalRules: string[];
    developerMetadata: [string, string | null, string][];
    frozenColumns: number;
    charts: ChartView[];
  }[];
  namedRanges: [string, string, string][];
  developerMetadata: [string, string | null, string][];
}

export interface Execution {
  functionName: string;
  trigger?: TriggerRecord;
  at: Date;
  result?: unknown;
  error?: Error;
}

/** One spreadsheet the runtime holds: its cells, its document properties, its SpreadsheetApp host. */
export interface OpenDocument {
  workbook: Workbook;
  host: SpreadsheetHost;
  properties: PropertyStore;
}

/** What the current execution runs as, in and for. */
interface ExecutionContext {
  authMode: string;
  /** False while a time-driven trigger runs: there is no editor to show UI in. */
  ui: boolean;
  /** The document the execution is for: the triggers it creates belong to it. */
  document: OpenDocument;
  /** Whether `getActiveSpreadsheet()` returns that document (not in an add-on's time-driven run). */
  active: boolean;
  /** How long it may run: the runtime clock's advance plus the script's own CPU time. */
  limitMs: number;
  /** Set when it starts: the clock, the wall time and the runtime's own service time. */
  started?: { clock: number; wall: number; serviceMs: number };
}

export class LocalAppsScript {
  readonly clock: Clock;
  readonly calls = new CallLog();
  /** Every spreadsheet the runtime holds, by ID; the first is the one it started with. */
  readonly documents = new Map<string, OpenDocument>();
  readonly deployment: 'container-bound' | 'addon';
  readonly outbox: Outbox;
  readonly triggers = new TriggerStore();
  readonly locks = new LockTable();
  private readonly userProperties = new Map<string, PropertyStore>();
  /** The stores the current execution sees: its document's and its user's. */
  readonly properties: {
    readonly document: PropertyStore | null;
    script: PropertyStore;
    readonly user: PropertyStore;
  };
  readonly ui: UiState = { menus: [], alerts: [], answers: [] };
  readonly toasts: { title: string; message: string }[] = [];
  readonly logs = new LogSink();
  readonly users: Users;
  /** The spreadsheets' owner (Spreadsheet.getOwner); null for files in a shared drive. */
  owner: string | null;
  readonly executions: Execution[] = [];
  readonly manifest: { timeZone: string; oauthScopes: string[] };
  readonly distDir: string;
  /** The document the user has open (`openDocument`): where `run`, `scriptRun` and edits go. */
  private opened: OpenDocument;
  private current: ExecutionContext;
  private readonly makeDate: (ms: number) => Date;
  private readonly context: vm.Context;
  private lastRecalcDay = Number.NaN;
  private readonly backstopMs: number;

  constructor(options: RuntimeOptions = {}) {
    this.backstopMs = options.backstopMs ?? 0;
    this.distDir = resolve(options.distDir ?? 'dist');
    this.manifest = JSON.parse(readFileSync(join(this.distDir, 'appsscript.json'), 'utf8'));
    if (options.oauthScopes) this.manifest.oauthScopes = [...options.oauthScopes];
    this.clock = new Clock(options.now === undefined ? Date.now() : new Date(options.now));
    const user = options.user ?? 'owner@example.com';
    this.users = { active: user, effective: user, locale: 'en' };
    this.owner = user;
    this.context = vm.createContext(
      {},
      { name: 'Apps Script V8', codeGeneration: { strings: false, wasm: false } },
    );
    const ContextDate = this.installClockDate();
    this.makeDate = (ms) => new ContextDate(ms);
    this.deployment = options.deployment ?? 'container-bound';
    this.opened = this.documentOf(
      this.addSpreadsheet({
        id: options.spreadsheetId ?? '1LocalOpsPlanSpreadsheet0000000000000000000',
        name: options.spreadsheetName ?? 'Untitled spreadsheet',
        timeZone: options.timeZone ?? 'America/New_York',
      }),
    );
    this.current = this.userContext(AuthMode.FULL);
    const documentStore = () => (this.current.active ? this.current.document.properties : null);
    const userStore = () => this.userPropertiesOf(this.users.effective);
    this.properties = {
      script: new PropertyStore(),
      get document() {
        return documentStore();
      },
      get user() {
        return userStore();
      },
    };
    this.locks.keyOf = (scope) => {
      if (scope === 'script') return scope;
      if (scope === 'user') return `user ${this.users.effective}`;
      return this.current.active ? `document ${this.current.document.workbook.options.id}` : null;
    };
    this.outbox = new Outbox({
      clock: this.clock,
      sender: () => this.users.effective,
      dailyQuota: options.dailyMailQuota ?? 100,
      outboxDir: options.outboxDir,
    });
    this.calls.guard = (name) => this.guard(name);
    if (options.modeledTime)
      this.setModeledTime(options.modeledTime === true ? CONSTANTS.central : options.modeledTime);
    this.installServices(this.deployment === 'addon' || (options.addon ?? true));
    vm.runInContext(readFileSync(join(this.distDir, 'Code.js'), 'utf8'), this.context, {
      filename: 'Code.js',
    });
    this.toScriptRealm = vm.runInContext(
      '(function copy(v) { if (!Array.isArray(v)) return v; var out = []; for (var i = 0; i < v.length; i++) out.push(copy(v[i])); return out; })',
      this.context,
    ) as (value: unknown) => unknown;
    // The script's functions are custom functions of the spreadsheet it is bound to.
    this.opened.workbook.enableCustomFunctions(this.functionNames(), (name, args) =>
      this.runCustomFunction(name, args),
    );
  }

  /** Arrays handed to script code are the script realm's own (so `instanceof Array` holds). */
  private toScriptRealm: (value: unknown) => unknown = (v) => v;

  /**
   * A cell's custom function: runs the script function with AuthMode.CUSTOM_FUNCTION (read-only
   * services) and fails after 30 seconds, of script time or of the runtime clock (Utilities.sleep).
   */
  private runCustomFunction(name: string, args: unknown[]): unknown {
    const fn = this.context[name] as ((...a: unknown[]) => unknown) | undefined;
    if (typeof fn !== 'function') throw new AppsScriptException(`Unknown function: '${name}'.`);
    const scriptArgs = this.toScriptRealm(args) as unknown[];
    const previous = this.current;
    const started = this.clock.now();
    this.current = {
      ...this.current,
      authMode: AuthMode.CUSTOM_FUNCTION,
      ui: false,
      limitMs: CUSTOM_FUNCTION_LIMIT_MS,
      started: { clock: started, wall: performance.now(), serviceMs: this.calls.serviceMs },
    };
    try {
      const result = this.callWithin(() => fn(...scriptArgs), CUSTOM_FUNCTION_LIMIT_MS);
      if (this.clock.now() - started > CUSTOM_FUNCTION_LIMIT_MS)
        throw new AppsScriptException('Exceeded maximum execution time');
      return result;
    } catch (error) {
      if (error && typeof error === 'object' && 'message' in error) throw error;
      throw new AppsScriptException(String(error));
    } finally {
      this.current = previous;
    }
  }

  /** Runs `call` in the script realm, interrupted if it computes past `timeoutMs` of real time. */
  private callWithin(call: () => unknown, timeoutMs: number): unknown {
    Object.defineProperty(this.context, '__timedCall', {
      value: call,
      configurable: true,
      writable: true,
      enumerable: false,
    });
    try {
      return TIMED_CALL.runInContext(this.context, { timeout: timeoutMs });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
        throw new AppsScriptException('Exceeded maximum execution time');
      throw error;
    }
  }

  /**
   * Modeled time on (with these constants) or off (null): the clock advances by each service
   * call's modeled cost while an execution runs (calls made by tests between executions cost
   * nothing). Mail is priced by the bytes of the message just sent.
   */
  setModeledTime(constants: CostConstants | null): void {
    if (!constants) {
      this.calls.afterCall = undefined;
      return;
    }
    let sent = this.outbox.messages.length;
    this.calls.afterCall = (name, cells) => {
      if (!this.current.started) return;
      const messages = this.outbox.messages;
      let mailBytes = 0;
      for (; sent < messages.length; sent++) mailBytes += messageBytes(messages[sent]!);
      this.clock.advance(callCostMs(name, cells, mailBytes, constants));
    };
  }

  /** `new Date()` and `Date.now()` inside the bundle follow the runtime clock. */
  private installClockDate(): DateConstructor {
    const install = vm.runInContext(
      `(function (now) {
        const RealDate = Date;
        class ClockDate extends RealDate {
          constructor(...args) { if (args.length === 0) super(Math.floor(now())); else super(...args); }
          static now() { return Math.floor(now()); }
        }
        globalThis.Date = ClockDate;
        return ClockDate;
      })`,
      this.context,
    ) as (now: () => number) => DateConstructor;
    return install(() => this.clock.now());
  }

  private installServices(addon: boolean): void {
    const scopes = new Set(this.manifest.oauthScopes ?? []);
    const services: Record<string, unknown> = {
      SpreadsheetApp: new SpreadsheetAppImpl({
        log: this.calls,
        ui: this.ui,
        uiAvailable: () => this.current.ui,
        active: () => (this.current.active ? this.current.document.host : null),
        byId: (id) => this.documents.get(id)?.host ?? null,
        mayOpenOthers: () => scopes.has(SCOPES.allSpreadsheets) && this.current.authMode === AuthMode.FULL,
      }),
      HtmlService: new HtmlServiceImpl(this.distDir, this.calls, (source) =>
        vm.runInContext(source, this.context),
      ),
      MailApp: new MailAppImpl(this.outbox, this.calls),
      ScriptApp: new ScriptAppImpl({
        store: this.triggers,
        log: this.calls,
        now: () => this.clock.now(),
        user: () => this.users.effective,
        scriptTimeZone: () => this.manifest.timeZone,
        spreadsheetId: () => this.current.document.workbook.options.id,
        addon,
      }),
      PropertiesService: new PropertiesServiceImpl(this.properties, this.calls),
      LockService: new LockServiceImpl(this.locks, this.clock, this.calls),
      Session: new SessionImpl(this.users, () => this.manifest.timeZone, this.calls),
      Utilities: new UtilitiesImpl(this.clock, this.calls),
      Logger: new LoggerImpl(this.logs, this.calls),
      Charts: service({ ChartType, Position }, 'Charts', this.calls),
      console: consoleFor(this.logs, this.clock),
    };
    for (const [name, impl] of Object.entries(services)) {
      const enabling = SERVICE_SCOPES[name];
      // A service whose scope the manifest lacks is not authorised: calling it fails, as on Google.
      if (enabling && !enabling.some((scope) => scopes.has(scope))) continue;
      this.context[name] = impl;
    }
  }

  private guard(name: string): void {
    const { authMode } = this.current;
    if (authMode === AuthMode.CUSTOM_FUNCTION && !ALLOWED_IN_CUSTOM_FUNCTION.test(name))
      throw new AppsScriptException(`You do not have permission to call ${name}`);
    if (authMode === AuthMode.NONE && !ALLOWED_WITHOUT_AUTH.test(name)) {
      throw new AppsScriptException(
        `You do not have permission to call ${name}. (the add-on is not authorised in this document: AuthMode.NONE)`,
      );
    }
    const refused = authMode === AuthMode.LIMITED && REFUSED_WHEN_LIMITED.find(([call]) => call.test(name));
    if (refused)
      throw new AppsScriptException(
        `You do not have permission to call ${name}. Required permissions: ${refused[1]}`,
      );
    this.enforceTimeLimit();
  }

  /** An execution past its limit fails at its next service call, or when it returns. */
  private enforceTimeLimit(): void {
    const { started, limitMs } = this.current;
    if (!started) return;
    const scriptMs = performance.now() - started.wall - (this.calls.serviceMs - started.serviceMs);
    if (this.clock.now() - started.clock + scriptMs > limitMs)
      throw new AppsScriptException('Exceeded maximum execution time');
  }

  /** The spreadsheet the user has open (the one the runtime started with unless `openDocument` moved on). */
  get workbook(): Workbook {
    return this.opened.workbook;
  }

  /** The authorization mode of the current execution (FULL outside any). */
  get authMode(): string {
    return this.current.authMode;
  }

  /**
   * Adds another spreadsheet (with one empty "Sheet1") and returns it; an add-on is installed in it
   * like in the first. Its ID is what `SpreadsheetApp.openById` and `getUserTriggers` know it by.
   */
  addSpreadsheet(options: { id?: string; name?: string; timeZone?: string } = {}): Workbook {
    const id = options.id ?? `1LocalSpreadsheet${String(this.documents.size + 1).padStart(27, '0')}`;
    if (this.documents.has(id)) throw new Error(`a spreadsheet with ID ${id} already exists`);
    const workbook = new Workbook({
      id,
      name: options.name ?? 'Untitled spreadsheet',
      timeZone:
        options.timeZone ?? this.documents.values().next().value?.workbook.timeZone ?? 'America/New_York',
      clock: this.clock,
      makeDate: this.makeDate,
    });
    workbook.addSheet('Sheet1');
    const document: OpenDocument = {
      workbook,
      host: { workbook, log: this.calls, toasts: this.toasts, ui: this.ui, owner: () => this.owner },
      properties: new PropertyStore(),
    };
    this.documents.set(id, document);
    return workbook;
  }

  /**
   * The user switches to another spreadsheet: later `run`, `scriptRun`, `userEdit` happen there.
   * Only an add-on runs in several documents; a container-bound script lives in its own.
   */
  openDocument(id: string): Workbook {
    const document = this.documents.get(id);
    if (!document) throw new Error(`no spreadsheet with ID ${id}`);
    if (this.deployment !== 'addon' && document !== this.documents.values().next().value)
      throw new Error('a container-bound script runs only in its own spreadsheet (use deployment: "addon")');
    this.opened = document;
    return document.workbook;
  }

  private documentOf(workbook: Workbook): OpenDocument {
    return this.documents.get(workbook.options.id)!;
  }

  /** Another person takes the keyboard: they are the active and effective user of what follows. */
  setUser(email: string): void {
    this.users.active = this.users.effective = email;
  }

  /** Each user has their own user properties. */
  userPropertiesOf(email: string): PropertyStore {
    let store = this.userProperties.get(email);
    if (!store) this.userProperties.set(email, (store = new PropertyStore()));
    return store;
  }

  /** A global service object, as the bundle sees it (calls through it are counted). */
  service<K extends keyof ServiceTypes>(name: K): ServiceTypes[K] {
    const value = this.context[name];
    if (!value) throw new Error(`${name} is not available: its OAuth scope is not in appsscript.json`);
    return value as ServiceTypes[K];
  }

  /**
   * Everything a user could see or that a script could read back, as plain data: for tests that
   * prove an operation changed nothing (or only what it should).
   */
  describeWorkbook(): WorkbookDescription {
    const wb = this.workbook;
    return {
      sheets: wb.sheets.map((s) => {
        const used = wb.usedSize(s);
        const rect = {
          row: 1,
          column: 1,
          numRows: Math.max(1, used.rows),
          numColumns: Math.max(1, used.columns),
        };
        const values = wb
          .rawValues(s, rect)
          .map((line) =>
            line.map((v) =>
              v && typeof v === 'object' && 'value' in v ? String((v as { value: unknown }).value) : v,
            ),
          );
        return {
          name: s.name,
          gid: s.gid,
          maxRows: s.maxRows,
          maxColumns: s.maxColumns,
          frozenRows: s.frozenRows,
          tabColor: s.tabColor,
          hidden: s.hidden,
          columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
          values,
          formulas: wb.formulas(s, rect),
          formats: s.formats.entries(),
          notes: s.notes.entries(),
          backgrounds: s.backgrounds.entries(),
          fontWeights: s.fontWeights.entries(),
          validations: s.validations
            .entries()
            .map(([r, c, v]) => [r, c, v.signature()] as [number, number, string]),
          conditionalRules: s.conditionalRules.map((r) => r.signature()),
          developerMetadata: s.developerMetadata.map(describeMetadata),
          frozenColumns: s.frozenColumns,
          charts: s.charts.map(chartView),
        };
      }),
      namedRanges: [...wb.namedRanges.values()]
        .map((n) => [n.name, n.sheet.name, JSON.stringify(n.rect)] as [string, string, string])
        .sort(),
      developerMetadata: wb.developerMetadata.map(describeMetadata),
    };
  }

  /** Names of the bundle's top-level functions (what Apps Script lists in its function picker). */
  functionNames(): string[] {
    return Object.keys(this.context).filter(
      (k) => typeof this.context[k] === 'function' && !(k in SERVICE_SCOPES) && k !== 'Date',
    );
  }

  hasFunction(name: string): boolean {
    return typeof this.context[name] === 'function';
  }

  /** Calls a top-level function as one execution (its locks are released when it ends). */
  run<T = unknown>(functionName: string, ...args: unknown[]): T {
    return this.execute(functionName, args, this.userContext(AuthMode.FULL)) as T;
  }

  /** Runs a simple trigger such as onOpen before the add-on is authorised (AuthMode.NONE). */
  runWithoutAuth<T = unknown>(functionName: string, ...args: unknown[]): T {
    return this.execute(functionName, args, this.userContext(AuthMode.NONE)) as T;
  }

  /**
   * Calls a function the way `google.script.run` does: arguments and result must be plain data
   * (a Date or a function fails the whole call), and both cross as copies.
   */
  scriptRun(functionName: string, args: unknown[]): unknown {
    args.forEach((a, i) => assertTransferable(a, `argument ${i + 1} of ${functionName}`));
    const result = this.execute(
      functionName,
      JSON.parse(JSON.stringify(args)) as unknown[],
      this.userContext(AuthMode.FULL),
    );
    assertTransferable(result, `the value returned by ${functionName}`);
    return result === undefined ? null : JSON.parse(JSON.stringify(result));
  }

  /** An execution the user starts in the document they have open (menu, sidebar, simple trigger). */
  private userContext(authMode: string): ExecutionContext {
    const simpleTrigger = authMode !== AuthMode.FULL;
    return {
      authMode,
      ui: true,
      document: this.opened,
      active: true,
      limitMs: simpleTrigger ? TIME_LIMIT_MS.simpleTrigger : TIME_LIMIT_MS.execution,
    };
  }

  private execute(functionName: string, args: unknown[], context: ExecutionContext): unknown {
    const fn = this.context[functionName];
    if (typeof fn !== 'function') throw new AppsScriptException(`Script function not found: ${functionName}`);
    this.recalculateIfNewDay();
    const id = this.locks.begin();
    const previous = {
      execution: this.locks.currentExecution,
      context: this.current,
      identityHidden: this.users.identityHidden,
    };
    this.locks.currentExecution = id;
    this.current = {
      ...context,
      started: { clock: this.clock.now(), wall: performance.now(), serviceMs: this.calls.serviceMs },
    };
    this.users.identityHidden = context.authMode !== AuthMode.FULL;
    try {
      const backstop = Math.max(context.limitMs, this.backstopMs);
      const result = this.callWithin(() => (fn as (...a: unknown[]) => unknown)(...args), backstop);
      this.enforceTimeLimit();
      return result;
    } finally {
      this.locks.endExecution(id);
      this.locks.currentExecution = previous.execution;
      this.current = previous.context;
      this.users.identityHidden = previous.identityHidden;
    }
  }

  private recalculateIfNewDay(): void {
    const day = Math.floor(serialFromInstant(this.clock.now(), this.workbook.timeZone));
    if (day !== this.lastRecalcDay) {
      this.lastRecalcDay = day;
      for (const document of this.documents.values()) document.workbook.recalculateVolatile();
    }
  }

  /** Sets the clock without firing triggers. */
  setNow(time: Date | number | string): void {
    this.clock.set(time);
    this.recalculateIfNewDay();
  }

  /** Moves the clock forward to `time`, firing every time-driven trigger due on the way, in order. */
  advanceTo(time: Date | number | string): Execution[] {
    const target = new Date(time).getTime();
    const fired: Execution[] = [];
    for (;;) {
      let next: { t: TriggerRecord; at: number } | undefined;
      for (const t of this.triggers.triggers) {
        const at = this.triggers.nextFire(t, this.clock.now());
        if (at !== undefined && at <= target && (!next || at < next.at)) next = { t, at };
      }
      if (!next) break;
      this.clock.set(next.at);
      next.t.lastFired = next.at;
      fired.push(this.fire(next.t));
    }
    this.setNow(target);
    return fired;
  }

  private fire(trigger: TriggerRecord): Execution {
    const at = this.clock.now();
    const w = wallClock(at, 'UTC');
    const event = {
      authMode: AuthMode.FULL,
      triggerUid: trigger.uid,
      year: w.year,
      month: w.month,
      'day-of-month': w.day,
      'day-of-week': w.weekday === 0 ? 7 : w.weekday,
      hour: w.hour,
      minute: w.minute,
      second: w.second,
      timezone: 'UTC',
    };
    return this.runInstallable(trigger, event, { ui: false, active: this.deployment !== 'addon' });
  }

  /** Installable triggers run as the user who created them, for the document they belong to. */
  private runInstallable(
    trigger: TriggerRecord,
    event: object,
    where: Pick<ExecutionContext, 'ui' | 'active'>,
  ): Execution {
    const execution: Execution = { functionName: trigger.handler, trigger, at: new Date(this.clock.now()) };
    const previousUser = this.users.effective;
    this.users.effective = trigger.owner;
    const context: ExecutionContext = {
      authMode: AuthMode.FULL,
      document: this.documents.get(trigger.documentId) ?? this.opened,
      limitMs: TIME_LIMIT_MS.execution,
      ...where,
    };
    try {
      execution.result = this.execute(trigger.handler, [event], context);
    } catch (error) {
      execution.error = error as Error;
    } finally {
      this.users.effective = previousUser;
    }
    this.executions.push(execution);
    return execution;
  }

  /**
   * A person types `input` into a cell of the open spreadsheet (or pastes a grid of text into a
   * block), as in the Sheets UI; then Sheets runs the `onEdit(e)` simple trigger, in
   * AuthMode.LIMITED with its 30-second limit, and every installable on-edit trigger of the
   * document as its owner. Edits made by script code never fire them.
   * https://developers.google.com/apps-script/guides/triggers#onedite
   * Returns those executions; a trigger that fails leaves the edit in place, as in Sheets.
   */
  userEdit(target: EditTarget, input: string | string[][]): Execution[] {
    this.recalculateIfNewDay();
    const document = this.opened;
    const { event } = applyUserEdit(document.host, target, input, { email: '', log: this.calls });
    const executions: Execution[] = [];
    if (this.hasFunction('onEdit')) {
      const execution: Execution = { functionName: 'onEdit', at: new Date(this.clock.now()) };
      try {
        execution.result = this.execute('onEdit', [event], this.userContext(AuthMode.LIMITED));
      } catch (error) {
        execution.error = error as Error;
      }
      this.executions.push(execution);
      executions.push(execution);
    }
    const editor = this.users.active;
    for (const trigger of this.triggers.triggers) {
      if (trigger.eventType !== EventType.ON_EDIT || trigger.documentId !== document.workbook.options.id)
        continue;
      const user = service({ getEmail: () => editor }, 'User', this.calls);
      const installableEvent = { ...event, authMode: AuthMode.FULL, triggerUid: trigger.uid, user };
      executions.push(this.runInstallable(trigger, installableEvent, { ui: true, active: true }));
    }
    return executions;
  }
}

function describeMetadata(r: MetadataRecord): [string, string | null, string] {
  return [r.key, r.value, r.visibility];
}

function assertTransferable(value: unknown, where: string, seen = new Set<unknown>()): void {
  if (value === null || value === undefined) return;
  if (isDateValue(value))
    throw new AppsScriptException(
      `Illegal value in ${where}: a Date cannot be passed through google.script.run; send an ISO string.`,
    );
  const type = typeof value;
  if (type === 'function' || type === 'symbol' || type === 'bigint')
    throw new AppsScriptException(`Illegal value in ${where}: ${type}`);
  if (type !== 'object') return;
  if (seen.has(value)) throw new AppsScriptException(`Illegal value in ${where}: circular structure`);
  seen.add(value);
  for (const v of Object.values(value as object)) assertTransferable(v, where, seen);
  seen.delete(value);
}
