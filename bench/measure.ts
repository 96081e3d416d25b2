/** Runs OpsPlan's operations on generated plans in the local runtime and measures what they cost. */
import { readFileSync } from 'node:fs';

import { LocalAppsScript } from '../local/runtime/index.js';
import { encodeIndex, HISTORY_INDEX_KEY, TREND_SNAPSHOTS } from '../src/core/history.js';
import { REPORT_FOLLOW_UP_MS } from '../src/core/limits.js';
import { buildPlanModel } from '../src/core/plan-model.js';
import { REPORT_WIDTH } from '../src/core/report-layout.js';
import {
  BUDGET,
  columnSpec,
  GOALS,
  HISTORY,
  PEOPLE,
  PLAN,
  RISKS,
  SETTINGS,
  TIMELINE,
} from '../src/core/spec/tabs.js';
import type { TabSpec } from '../src/core/spec/types.js';
import { goalStatus, type Row, type StatusSettings } from '../test/reference/status.js';
import {
  CELL_READ as READ,
  CELL_WRITE as WRITE,
  CONSTANTS,
  type Estimate,
  type Floor,
  isSpreadsheetCall as isSpreadsheet,
  MENU_BUILDER,
  messageBytes,
  modeledSeconds,
  PROPERTY_READ,
  PROPERTY_WRITE,
  type Work,
} from './cost.js';
import { DEFAULT_SHAPE, generatePlan, type PlanShape } from './generate.js';

export interface Measurement extends Work {
  operation: string;
  rows: number;
  owners: number;
  raciPeople: number;
  reads: number;
  writes: number;
  byMethod: Record<string, number>;
  /** Cells moved per method. */
  cellsByMethod: Record<string, number>;
  mailCalls: number;
  mailRecipients: number;
  duplicateDigestRecipients: number;
  largestMessageBytes: number;
  runtimeMs: number;
  /** Heap the operation added at its peak (sampled every 200 calls): the script's data and the runtime's. */
  heapMb: number;
  modeled: Record<Estimate, number>;
  /** Generate report: the runs it took on modeled time (1 when it fits one execution). */
  runs?: number;
  /** Rows of the Report tab after the operation (bounded by the Report lines setting). */
  reportRows: number;
  /** Central modeled seconds up to the first message sent (mail runs only). */
  beforeFirstMail?: number;
  floor?: Floor;
  sheets: number;
  /** insertRows/ColumnsAfter calls: growing a tab to fit, once when it must. */
  resizes: number;
}

export interface BenchOptions {
  owners: number;
  shape: PlanShape;
}

export const DEFAULT_OPTIONS: BenchOptions = { owners: 200, shape: DEFAULT_SHAPE };

const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
const gc = (globalThis as { gc?: () => void }).gc;

function fill(rt: LocalAppsScript, rows: number, options: BenchOptions): void {
  const plan = generatePlan(rows, options.owners, undefined, undefined, options.shape);
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
    for (const key of ['start', 'due', 'updated', 'reviewDate', 'date']) {
      const index = tab.spec.columns.filter((c) => c.type !== 'formula').findIndex((c) => c.key === key);
      if (index >= 0) sheet.getRange(2, index + 1, tab.rows.length, 1).setNumberFormat('yyyy-mm-dd');
    }
    // History as the weekly reports left it, with the index they keep.
    if (tab.spec === HISTORY)
      rt.service('PropertiesService')
        .getDocumentProperties()
        .setProperty(HISTORY_INDEX_KEY, encodeIndex(sheet.getSheetId(), plan.historyBlocks));
  }
}

const count = (byMethod: Record<string, number>, test: (name: string) => boolean) =>
  Object.entries(byMethod).reduce((n, [name, c]) => (test(name) ? n + c : n), 0);

function measure(
  rt: LocalAppsScript,
  operation: string,
  rows: number,
  options: BenchOptions,
  work: () => void,
): Measurement {
  gc?.();
  rt.calls.reset();
  const sentBefore = rt.outbox.messages.length;
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  let n = 0;
  let atFirstMail: Work | undefined;
  const cpuStart = cpuMs();
  const workSoFar = (): Work => {
    const byMethod = rt.calls.snapshot();
    const cells = rt.calls.cells();
    return {
      calls:
        operation === 'onOpen'
          ? count(byMethod, (m) => !MENU_BUILDER.test(m))
          : count(byMethod, isSpreadsheet),
      cellsRead: count(cells, (m) => isSpreadsheet(m) && READ.test(m)),
      cellsWritten: count(cells, (m) => isSpreadsheet(m) && WRITE.test(m)),
      mailBytes: rt.outbox.messages.slice(sentBefore).reduce((t, m) => t + messageBytes(m), 0),
      propertyReads: count(byMethod, (m) => PROPERTY_READ.test(m)),
      propertyWrites: count(byMethod, (m) => PROPERTY_WRITE.test(m)),
      scriptMs: Math.max(0, cpuMs() - cpuStart - rt.calls.serviceCpuMs),
    };
  };
  rt.calls.beforeCall = (name) => {
    if (++n % 200 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    if (name === 'MailApp.sendEmail' && !atFirstMail) atFirstMail = workSoFar();
  };
  const started = performance.now();
  work();
  const wall = performance.now() - started;
  rt.calls.beforeCall = undefined;
  const done = workSoFar();
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const byMethod = rt.calls.snapshot();
  const sent = rt.outbox.messages.slice(sentBefore);
  const digestRecipients = sent
    .filter((m) => !/Escalation/.test(m.subject))
    .map((m) => m.to[0]!.toLowerCase());
  return {
    operation,
    rows,
    owners: options.owners,
    raciPeople: Math.min(options.owners, options.shape.raciPeople),
    ...done,
    reads: count(byMethod, (m) => isSpreadsheet(m) && READ.test(m)),
    writes: count(byMethod, (m) => isSpreadsheet(m) && WRITE.test(m)),
    byMethod,
    cellsByMethod: rt.calls.cells(),
    mailCalls: byMethod['MailApp.sendEmail'] ?? 0,
    mailRecipients: new Set(sent.flatMap((m) => [...m.to, ...m.cc].map((a) => a.toLowerCase()))).size,
    duplicateDigestRecipients: digestRecipients.length - new Set(digestRecipients).size,
    largestMessageBytes: sent.reduce((max, m) => Math.max(max, messageBytes(m)), 0),
    runtimeMs: Math.min(wall, rt.calls.serviceMs),
    heapMb: Math.max(0, peak - heapBefore) / 1024 / 1024,
    modeled: {
      low: modeledSeconds(done, CONSTANTS.low),
      central: modeledSeconds(done, CONSTANTS.central),
      high: modeledSeconds(done, CONSTANTS.high),
    },
    beforeFirstMail: atFirstMail && modeledSeconds(atFirstMail, CONSTANTS.central),
    reportRows: 0,
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
    // The local formula engine takes far longer than Sheets on 10,000-row plans; the script's own
    // time still meets the 6-minute limit at every call (local/runtime/index.ts).
    backstopMs: 3 * 60 * 60 * 1000,
  });
  fill(rt, rows, options);
  const results: Measurement[] = [];
  const run = (operation: string, work: () => void) => {
    const m = measure(rt, operation, rows, options, work);
    m.reportRows = usedRows(rt, 'Report');
    m.floor = floorOf(operation, rows, options, m, usedColumns(rt, 'RACI'));
    results.push(m);
  };
  run('onOpen', () => rt.runWithoutAuth('onOpen', { authMode: 'NONE' }));
  run('scaffold', () => rt.run('setUpPlan'));
  run('refresh KPI status (first)', () => rt.run('refreshKpiStatus'));
  run('refresh KPI status', () => rt.run('refreshKpiStatus'));
  run('check plan', () => rt.run('checkPlanNow'));
  let reportRuns = 0;
  run('generate report', () => {
    // On modeled time (central constants), as Apps Script would see it: whether the report fits
    // one run, and every follow-up run it takes otherwise, counted in the operation.
    rt.setModeledTime(CONSTANTS.central);
    try {
      reportRuns = generateUntilComplete(rt);
    } finally {
      rt.setModeledTime(null);
    }
  });
  results[results.length - 1]!.runs = reportRuns;
  rt.run('saveScheduleSettings', {
    mode: 'daily',
    weekday: 'MONDAY',
    hour: 9,
    reminders: true,
    escalations: true,
  });
  run('scheduled pipeline', () => {
    const runs = rt.advanceTo('2026-11-25T15:00:00Z');
    const failed = runs.find((r) => r.error);
    if (failed) throw failed.error;
    // Every message must go: a failure (e.g. an email over the size limit) is a benchmark failure.
    for (const run of runs) {
      const result = run.result as { failed?: { to: string; error: string }[] } | null;
      if (result?.failed?.length)
        throw new Error(`mail failed: ${JSON.stringify(result.failed.slice(0, 3))}`);
    }
  });
  results.push(perCellContrast(rt, rows, options));
  return results;
}

/**
 * Generate report by hand, then each follow-up run its stops set (docs/APPS-SCRIPT.md, "Long runs
 * continue"), until it is complete: how many runs it took.
 */
function generateUntilComplete(rt: LocalAppsScript): number {
  const first = rt.run<{ continuing: string | null }>('generateReportNow');
  let runs = 1;
  for (let complete = !first.continuing; !complete; runs++) {
    const fired = rt.advanceTo(new Date(rt.clock.now() + REPORT_FOLLOW_UP_MS + 60_000));
    const run = fired[0];
    if (!run || fired.length > 1) throw new Error(`expected one follow-up run, got ${fired.length}`);
    if (run.error) throw run.error;
    complete = (run.result as { complete: boolean }).complete;
  }
  return runs;
}

const usedSize = (rt: LocalAppsScript, name: string) => {
  const sheet = rt.workbook.sheets.find((s) => s.name === name);
  return sheet ? rt.workbook.usedSize(sheet) : { rows: 0, columns: 0 };
};
const usedRows = (rt: LocalAppsScript, name: string) => usedSize(rt, name).rows;
const usedColumns = (rt: LocalAppsScript, name: string) => usedSize(rt, name).columns;

const FORMULA_TABS: readonly TabSpec[] = [GOALS, BUDGET, TIMELINE, RISKS];
const formulaColumns = (spec: TabSpec) => spec.columns.filter((c) => c.type === 'formula').length;

/**
 * The floor of an operation: each cell it needs read once, each cell it must change written once,
 * its mail sent. What each needs: Refresh, the formula tabs' headers, IDs and names (which rows get
 * formulas) and formulas, and the cells it writes once more; Check, every plan tab with formulas
 * and the RACI matrix as wide as the tab is; the report, the plan's values and the snapshots trends show, writing its
 * (bounded) grid in five layers (values, backgrounds, font colours, weights, number formats) plus
 * the linked column, and this week's snapshot; the pipeline, the report's and the RACI matrix
 * (escalations go to Accountables) and its mail.
 */
function floorOf(
  operation: string,
  rows: number,
  options: BenchOptions,
  measured: Measurement,
  raciWidth: number,
): Floor | undefined {
  const reportLines = measured.reportRows;
  const values = (spec: TabSpec, n = rows) => (n + 1) * spec.columns.length;
  const formulaTabs = FORMULA_TABS.reduce((t, s) => t + values(s) + rows * formulaColumns(s), 0);
  const plan = (SETTINGS.length + 1) * 2 + values(PEOPLE, options.owners);
  // The matrix as the sheet holds it: Set up gives every person in People a column.
  const raci = (rows + 1) * raciWidth;
  const weeks = Math.min(TREND_SNAPSHOTS, options.shape.historyWeeks);
  const report = {
    cellsRead: formulaTabs + plan + weeks * rows * HISTORY.columns.length,
    // The snapshot: its values, and its ID cells made text first so IDs stay IDs.
    cellsWritten: reportLines * (REPORT_WIDTH * 5 + 1) + rows * (HISTORY.columns.length + 1),
    mailBytes: 0,
  };
  const firstFormulas = FORMULA_TABS.reduce((t, s) => t + rows * formulaColumns(s), 0);
  // Refresh needs each formula tab's header, the ID and name that say which rows get formulas, and the formulas.
  const refreshNeeds = FORMULA_TABS.reduce(
    (t, s) => t + s.columns.length + rows * ((s.labelColumns ?? 0) + formulaColumns(s)),
    0,
  );
  switch (operation) {
    case 'refresh KPI status':
      return { cellsRead: refreshNeeds, cellsWritten: 0, mailBytes: 0 };
    case 'refresh KPI status (first)':
      // Each cell to write is read again (formula and value) right before the write, so a value
      // someone typed meanwhile is kept (src/gas/refresh.ts): part of what writing safely needs.
      return { cellsRead: refreshNeeds + 2 * firstFormulas, cellsWritten: firstFormulas, mailBytes: 0 };
    case 'check plan':
      return { cellsRead: formulaTabs + plan + raci, cellsWritten: 0, mailBytes: 0 };
    case 'generate report':
      return report;
    case 'scheduled pipeline':
      return { ...report, cellsRead: report.cellsRead + raci, mailBytes: measured.mailBytes };
    default:
      return undefined;
  }
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
