/** Runs OpsPlan's operations on generated plans in the local runtime and measures what they cost. */
import { readFileSync } from 'node:fs';

import { LocalAppsScript } from '../local/runtime/index.js';
import { buildPlanModel } from '../src/core/plan-model.js';
import { columnSpec, GOALS, PLAN } from '../src/core/spec/tabs.js';
import { goalStatus, type Row, type StatusSettings } from '../test/reference/status.js';
import { generatePlan } from './generate.js';

/** Classes whose calls are round trips to the spreadsheet (builders and value objects are local). */
const SPREADSHEET = /^(SpreadsheetApp|Spreadsheet|Sheet|Range|NamedRange)\./;
const READ =
  /\.(getValues|getValue|getFormulas|getFormula|getNotes|getNote|getDisplayValues|getDisplayValue|getDataValidations|getRichTextValue|getBackgrounds)$/;
const WRITE = /\.(set\w+|insert\w+|delete\w+|clear\w*|hideSheet|showSheet|activate|moveActiveSheet)$/;
/** Builder steps: assembled locally in the script; only the call that applies them reaches the sheet. */
const MENU_BUILDER = /^(Menu\.(addItem|addSeparator|addSubMenu)|SpreadsheetApp\.new\w+)$/;

export interface Measurement {
  operation: string;
  rows: number;
  calls: number;
  reads: number;
  writes: number;
  byMethod: Record<string, number>;
  mailCalls: number;
  mailRecipients: number;
  duplicateDigestRecipients: number;
  scriptMs: number;
  runtimeMs: number;
  heapMb: number;
  modeledSeconds: number;
  sheets: number;
  /** insertRows/ColumnsAfter calls: growing a tab to fit, once when it must. */
  resizes: number;
}

export interface BenchOptions {
  /** Latency of one spreadsheet service call, in ms (DESIGN §4: Google's 10,000 per-cell calls ≈ 70 s). */
  latencyMs: number;
  owners: number;
}

export const DEFAULT_OPTIONS: BenchOptions = { latencyMs: 7, owners: 200 };

function fill(rt: LocalAppsScript, rows: number, owners: number): void {
  const plan = generatePlan(rows, owners);
  const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
  const settings = ss.insertSheet(PLAN.name);
  settings.getRange(1, 1, plan.settings.length + 1, 2).setValues([['Setting', 'Value'], ...plan.settings]);
  for (const tab of plan.tabs) {
    const sheet = ss.insertSheet(tab.spec.name);
    const width = tab.header.length;
    if (sheet.getMaxRows() < tab.rows.length + 1)
      sheet.insertRowsAfter(sheet.getMaxRows(), tab.rows.length + 1 - sheet.getMaxRows());
    if (sheet.getMaxColumns() < width)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    sheet.getRange(1, 1, tab.rows.length + 1, width).setValues([tab.header, ...tab.rows]);
    // Dates as dates, as a team's sheet would hold them.
    for (const key of ['start', 'due', 'updated', 'reviewDate']) {
      const index = tab.spec.columns.filter((c) => c.type !== 'formula').findIndex((c) => c.key === key);
      if (index >= 0) sheet.getRange(2, index + 1, tab.rows.length, 1).setNumberFormat('yyyy-mm-dd');
    }
  }
}

function measure(
  rt: LocalAppsScript,
  operation: string,
  rows: number,
  options: BenchOptions,
  work: () => void,
): Measurement {
  rt.calls.reset();
  const sentBefore = rt.outbox.messages.length;
  let peak = process.memoryUsage().heapUsed;
  let n = 0;
  rt.calls.beforeCall = () => {
    if (++n % 200 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const started = performance.now();
  work();
  const wall = performance.now() - started;
  rt.calls.beforeCall = undefined;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const byMethod = rt.calls.snapshot();
  const isSpreadsheet = (name: string) => SPREADSHEET.test(name) && !MENU_BUILDER.test(name);
  const calls =
    operation === 'onOpen' ? rt.calls.total((m) => !MENU_BUILDER.test(m)) : rt.calls.total(isSpreadsheet);
  const sent = rt.outbox.messages.slice(sentBefore);
  const digestRecipients = sent
    .filter((m) => !/Escalation/.test(m.subject))
    .map((m) => m.to[0]!.toLowerCase());
  const scriptMs = Math.max(0, wall - rt.calls.serviceMs);
  return {
    operation,
    rows,
    calls,
    reads: rt.calls.total((m) => isSpreadsheet(m) && READ.test(m)),
    writes: rt.calls.total((m) => isSpreadsheet(m) && WRITE.test(m)),
    byMethod,
    mailCalls: byMethod['MailApp.sendEmail'] ?? 0,
    mailRecipients: new Set(sent.flatMap((m) => [...m.to, ...m.cc].map((a) => a.toLowerCase()))).size,
    duplicateDigestRecipients: digestRecipients.length - new Set(digestRecipients).size,
    scriptMs,
    runtimeMs: rt.calls.serviceMs,
    heapMb: peak / 1024 / 1024,
    modeledSeconds: (calls * options.latencyMs + scriptMs) / 1000,
    sheets: rt.workbook.sheets.length,
    resizes: rt.calls.total((m) => /^Sheet\.insert(Rows|Columns)After$/.test(m)),
  };
}

/** OpsPlan's operations on a plan of `rows` rows per tab, each measured. */
export function benchSize(rows: number, options: BenchOptions = DEFAULT_OPTIONS): Measurement[] {
  const rt = new LocalAppsScript({
    now: '2026-11-24T15:00:00Z',
    timeZone: 'America/New_York',
    dailyMailQuota: 1500,
    user: 'manager@example.com',
  });
  fill(rt, rows, options.owners);
  const results: Measurement[] = [];
  results.push(measure(rt, 'onOpen', rows, options, () => rt.runWithoutAuth('onOpen', { authMode: 'NONE' })));
  results.push(measure(rt, 'scaffold', rows, options, () => rt.run('setUpPlan')));
  results.push(measure(rt, 'refresh KPI status (first)', rows, options, () => rt.run('refreshKpiStatus')));
  results.push(measure(rt, 'refresh KPI status', rows, options, () => rt.run('refreshKpiStatus')));
  results.push(measure(rt, 'check plan', rows, options, () => rt.run('checkPlanNow')));
  results.push(measure(rt, 'generate report', rows, options, () => rt.run('generateReportNow')));
  rt.run('saveScheduleSettings', {
    mode: 'daily',
    weekday: 'MONDAY',
    hour: 9,
    reminders: true,
    escalations: true,
  });
  results.push(
    measure(rt, 'scheduled pipeline', rows, options, () => {
      const runs = rt.advanceTo('2026-11-25T15:00:00Z');
      const failed = runs.find((r) => r.error);
      if (failed) throw failed.error;
      // Every message must go: a failure (e.g. an email over the size limit) is a benchmark failure.
      for (const run of runs) {
        const result = run.result as { failed?: { to: string; error: string }[] } | null;
        if (result?.failed?.length)
          throw new Error(`mail failed: ${JSON.stringify(result.failed.slice(0, 3))}`);
      }
    }),
  );
  results.push(perCellContrast(rt, rows, options));
  return results;
}

/**
 * For contrast only (never in src/): the straightforward script that reads the Goals tab cell by
 * cell and computes each status in code.
 */
function perCellContrast(rt: LocalAppsScript, rows: number, options: BenchOptions): Measurement {
  return measure(rt, 'per-cell Goals read + statuses (contrast)', rows, options, () => {
    const ss = rt.service('SpreadsheetApp').getActiveSpreadsheet();
    const sheet = ss.getSheetByName('Goals')!;
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    const header: string[] = [];
    for (let c = 1; c <= lastColumn; c++) header.push(String(sheet.getRange(1, c).getValue()));
    const keys: Record<string, string> = Object.fromEntries(
      (['kpi', 'direction', 'baseline', 'target', 'actual', 'start', 'due'] as const).map((k) => [
        columnSpec(GOALS, k).header,
        k,
      ]),
    );
    const today = 46350;
    const settings: StatusSettings = {
      periodStart: today - 200,
      periodEnd: today + 200,
      atRiskBand: 0.1,
      dueSoonDays: 7,
      riskLowMax: 4,
      riskMediumMax: 9,
      riskHighMax: 16,
    };
    for (let r = 2; r <= lastRow; r++) {
      const row: Record<string, string | number | boolean> = {};
      for (let c = 1; c <= lastColumn; c++) {
        const key = keys[header[c - 1]!];
        if (!key) continue;
        const value = sheet.getRange(r, c).getValue();
        row[key] =
          Object.prototype.toString.call(value) === '[object Date]'
            ? Math.floor((value as Date).getTime() / 86_400_000) + 25569
            : (value as string | number | boolean);
      }
      goalStatus(row as Row, settings, today);
    }
    void buildPlanModel;
  });
}

export function sidebarBytes(): number {
  return readFileSync('dist/Sidebar.html').length;
}
