/**
 * A playground session: the built add-on in the local runtime, driven by what the page does, and
 * persisted as the list of those operations. Replaying them on a fresh runtime restores the state
 * exactly (the runtime is deterministic under its clock), so restarts keep your work.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { type Execution, LocalAppsScript } from '../runtime/index.js';
import { renderSheet } from '../runtime/render.js';
import type { OperationResult, PlaygroundState } from './protocol.js';

export type { OperationResult, PlaygroundState };
import { formatDate } from '../runtime/date-format.js';
import { instantOf } from '../runtime/tz.js';
import type { AlertDialog, DialogAnswer } from '../runtime/ui.js';

export type Operation =
  | { kind: 'run'; fn: string; args: unknown[] }
  | { kind: 'menu'; fn: string }
  | ClockOperation
  | { kind: 'edit'; sheet: string; row: number; column: number; value: string }
  | { kind: 'select'; sheet: string; row: number; column: number }
  | { kind: 'activate'; sheet: string }
  | { kind: 'closeSidebar' };

/**
 * Moves of the clock: to an instant, or to a wall-clock time (yyyy-MM-ddTHH:mm) read in the
 * spreadsheet's time zone, as the page's inputs are.
 */
type ClockOperation = { kind: 'setNow' | 'advanceTo'; at?: number; wall?: string };

/** The instant a clock operation moves to. */
function clockTarget(op: ClockOperation, timeZone: string): number {
  if (op.wall === undefined) return op.at ?? Number.NaN;
  const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(op.wall);
  if (!parts) throw new Error(`Not a date and time: ${op.wall}`);
  const [year, month, day, hour, minute] = parts.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return instantOf(timeZone, year, month, day, hour, minute);
}

/** An operation as saved: with the answers the user gave to the dialogs it showed, in order. */
type RecordedOperation = Operation & { answers?: DialogAnswer[] };

interface Saved {
  version: 1;
  startedAt: number;
  ops: RecordedOperation[];
}

export interface SessionOptions {
  stateFile?: string;
  /** The clock on first start (default: now). */
  now?: Date | string | number;
  timeZone?: string;
  /** Start on an empty spreadsheet instead of the example plan. */
  blank?: boolean;
  /** The built project to run (default: ./dist, OpsPlan's own build). */
  distDir?: string;
  /**
   * The person answering Ui.alert and Ui.prompt dialogs; the script waits for the answer. Without
   * it, alerts get OK and prompts CANCEL (the runtime's defaults).
   */
  ask?: (dialog: AlertDialog) => DialogAnswer;
}

export class PlaygroundSession {
  rt!: LocalAppsScript;
  private saved!: Saved;
  /** Bumped each time a script shows a sidebar: showing one again replaces the open one. */
  private sidebarVersion = 0;
  private replaying = false;

  constructor(private readonly options: SessionOptions) {
    const file = options.stateFile;
    let saved: Saved | null = null;
    if (file && existsSync(file)) {
      try {
        saved = JSON.parse(readFileSync(file, 'utf8')) as Saved;
      } catch {
        saved = null;
      }
    }
    this.load(saved ?? { version: 1, startedAt: new Date(options.now ?? Date.now()).getTime(), ops: [] });
    if (!saved) this.start();
  }

  /** A first start opens on the example plan, sidebar open (unless a blank start was asked for). */
  private start(): void {
    if (this.options.blank) return;
    this.apply({ kind: 'run', fn: 'insertExamplePlan', args: [] });
    this.apply({ kind: 'menu', fn: 'showSidebar' });
    this.apply({ kind: 'activate', sheet: 'Goals' });
  }

  private load(saved: Saved): void {
    this.saved = { ...saved, ops: [] };
    this.rt = new LocalAppsScript({
      now: saved.startedAt,
      timeZone: this.options.timeZone ?? 'America/New_York',
      spreadsheetName: 'OpsPlan playground',
      user: 'you@example.com',
      distDir: this.options.distDir,
    });
    this.rt.runWithoutAuth('onOpen', { authMode: 'NONE' });
    this.replaying = true;
    try {
      for (const op of saved.ops) this.apply(op);
    } finally {
      this.replaying = false;
    }
  }

  /** Replayed operations get the answers the user gave; live ones ask (and record the answer). */
  private answering(op: RecordedOperation): DialogAnswer[] {
    const ui = this.rt.ui;
    ui.answers = [...(op.answers ?? [])];
    const given: DialogAnswer[] = [];
    const ask = this.options.ask;
    ui.respond =
      this.replaying || !ask
        ? undefined
        : (dialog) => {
            const answer = ask(dialog);
            given.push(answer);
            return answer;
          };
    return given;
  }

  reset(): void {
    if (this.options.stateFile) rmSync(this.options.stateFile, { force: true });
    this.load({ version: 1, startedAt: new Date(this.options.now ?? Date.now()).getTime(), ops: [] });
    this.start();
  }

  /** Runs an operation, records it, and reports what the user should see. */
  apply(op: RecordedOperation): OperationResult {
    const rt = this.rt;
    const alertsBefore = rt.ui.alerts.length;
    const toastsBefore = rt.toasts.length;
    const sidebarBefore = rt.ui.sidebar;
    const result: OperationResult = { ok: true, alerts: [], toasts: [] };
    const given = this.answering(op);
    try {
      switch (op.kind) {
        case 'run':
          result.value = rt.scriptRun(op.fn, op.args);
          break;
        case 'menu':
          rt.run(op.fn);
          break;
        case 'setNow':
          rt.setNow(clockTarget(op, rt.workbook.timeZone));
          break;
        case 'advanceTo':
          result.executions = rt.advanceTo(clockTarget(op, rt.workbook.timeZone)).map(describeExecution(rt));
          break;
        case 'edit':
          // Typed by the user, as in Sheets: onEdit and installable on-edit triggers run.
          result.executions = rt
            .userEdit({ sheet: op.sheet, row: op.row, column: op.column }, op.value)
            .map(describeExecution(rt));
          break;
        case 'select': {
          const sheet = rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheetByName(op.sheet);
          sheet?.getRange(op.row, op.column).activate();
          break;
        }
        case 'activate':
          rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheetByName(op.sheet)?.activate();
          break;
        case 'closeSidebar':
          // google.script.host.close(), or the sidebar's × in the page.
          rt.ui.sidebar = undefined;
          break;
      }
    } catch (error) {
      const e = error as Error;
      result.ok = false;
      result.error = { name: e.name, message: e.message };
    }
    rt.ui.respond = undefined;
    rt.ui.answers = [];
    if (rt.ui.sidebar && rt.ui.sidebar !== sidebarBefore) this.sidebarVersion++;
    result.alerts = rt.ui.alerts.slice(alertsBefore).map((a) => ({ title: a.title, prompt: a.prompt }));
    result.toasts = rt.toasts.slice(toastsBefore);
    this.saved.ops.push(given.length ? { ...op, answers: [...(op.answers ?? []), ...given] } : op);
    this.persist();
    return result;
  }

  private persist(): void {
    const file = this.options.stateFile;
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(this.saved));
  }

  state(sheetName?: string): PlaygroundState {
    const rt = this.rt;
    const wb = rt.workbook;
    const tz = wb.timeZone;
    const activeStore = (sheetName ? wb.sheetByName(sheetName) : undefined) ?? wb.activeSheet ?? wb.sheets[0];
    const selection =
      wb.activeRange && wb.activeRange.sheet === activeStore
        ? { sheet: activeStore.name, row: wb.activeRange.rect.row, column: wb.activeRange.rect.column }
        : null;
    return {
      spreadsheetName: wb.options.name,
      timeZone: tz,
      now: formatDate(rt.clock.now(), tz, 'EEE d MMM yyyy, HH:mm'),
      nowIso: new Date(rt.clock.now()).toISOString(),
      nowWall: formatDate(rt.clock.now(), tz, "yyyy-MM-dd'T'HH:mm"),
      sheets: wb.sheets.map((s) => ({ name: s.name, gid: s.gid, color: s.tabColor, hidden: s.hidden })),
      active: activeStore ? renderSheet(wb, activeStore) : null,
      selection,
      menus: rt.ui.menus.map((m) => ({
        title: m.addon ? 'OpsPlan' : m.title,
        items: m.items.map((i) => ({
          caption: i.caption,
          functionName: i.functionName,
          separator: i.separator,
        })),
      })),
      sidebarOpen: Boolean(rt.ui.sidebar),
      sidebarVersion: this.sidebarVersion,
      outbox: rt.outbox.messages.map((m) => ({
        id: m.id,
        to: m.to,
        cc: m.cc,
        subject: m.subject,
        sentAt: formatDate(m.sentAt.getTime(), tz, 'd MMM HH:mm'),
      })),
      triggers: rt.triggers.triggers.map((t) => {
        const next = rt.triggers.nextFire(t, rt.clock.now());
        return {
          handler: t.handler,
          owner: t.owner,
          next: next === undefined ? null : formatDate(next, tz, 'EEE d MMM HH:mm'),
        };
      }),
    };
  }
}

function describeExecution(rt: LocalAppsScript) {
  return (e: Execution) => ({
    functionName: e.functionName,
    at: formatDate(e.at.getTime(), rt.workbook.timeZone, 'EEE d MMM HH:mm'),
    error: e.error?.message,
  });
}
