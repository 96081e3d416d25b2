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

export type Operation =
  | { kind: 'run'; fn: string; args: unknown[] }
  | { kind: 'menu'; fn: string }
  | { kind: 'setNow'; at: number }
  | { kind: 'advanceTo'; at: number }
  | { kind: 'edit'; sheet: string; row: number; column: number; value: string }
  | { kind: 'select'; sheet: string; row: number; column: number }
  | { kind: 'activate'; sheet: string }
  | { kind: 'closeSidebar' };

interface Saved {
  version: 1;
  startedAt: number;
  ops: Operation[];
}

export interface SessionOptions {
  stateFile?: string;
  /** The clock on first start (default: now). */
  now?: Date | string | number;
  timeZone?: string;
  /** Start on an empty spreadsheet instead of the example plan. */
  blank?: boolean;
}

export class PlaygroundSession {
  rt!: LocalAppsScript;
  private saved!: Saved;

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
    });
    this.rt.runWithoutAuth('onOpen', { authMode: 'NONE' });
    for (const op of saved.ops) this.apply(op);
  }

  reset(): void {
    if (this.options.stateFile) rmSync(this.options.stateFile, { force: true });
    this.load({ version: 1, startedAt: new Date(this.options.now ?? Date.now()).getTime(), ops: [] });
    this.start();
  }

  /** Runs an operation, records it, and reports what the user should see. */
  apply(op: Operation): OperationResult {
    const rt = this.rt;
    const alertsBefore = rt.ui.alerts.length;
    const toastsBefore = rt.toasts.length;
    const result: OperationResult = { ok: true, alerts: [], toasts: [] };
    try {
      switch (op.kind) {
        case 'run':
          result.value = rt.scriptRun(op.fn, op.args);
          break;
        case 'menu':
          // Menu items that ask "Go ahead?" get Yes: the page asked the user before calling.
          rt.ui.answers.push(...Array.from({ length: 5 }, () => ({ button: 'YES' })));
          rt.run(op.fn);
          rt.ui.answers.length = 0;
          break;
        case 'setNow':
          rt.setNow(op.at);
          break;
        case 'advanceTo':
          result.executions = rt.advanceTo(op.at).map(describeExecution(rt));
          break;
        case 'edit': {
          const sheet = rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheetByName(op.sheet);
          if (!sheet) throw new Error(`No sheet ${op.sheet}`);
          sheet.getRange(op.row, op.column).setValue(op.value);
          break;
        }
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
    result.alerts = rt.ui.alerts.slice(alertsBefore).map((a) => ({ title: a.title, prompt: a.prompt }));
    result.toasts = rt.toasts.slice(toastsBefore);
    this.saved.ops.push(op);
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
