/**
 * The benchmark's targets: calls independent of rows, cells priced within 1.25× of each
 * operation's floor, absolute modeled times inside Apps Script's 6-minute limit with room to spare,
 * linear script CPU, bounded messages and heap. Evaluated by `npm run bench`, never in timed tests.
 */
import { SEND_LOG_BATCH_MESSAGES } from '../src/core/limits.js';
import { SETTINGS } from '../src/core/spec/tabs.js';
import { CONSTANTS, floorSeconds } from './cost.js';
import type { Measurement } from './measure.js';

export interface Target {
  /** calls and cells are deterministic (the test suite's smoke asserts them); time, mail, size are not. */
  kind: 'calls' | 'cells' | 'time' | 'mail' | 'size';
  name: string;
  pass: boolean;
  detail: string;
}

/** The benchmark plan's size: the absolute targets hold there. */
export const BENCHMARK_ROWS = 10_000;
export const FLOOR_RATIO = 1.25;
/** Script CPU may grow at most this much when rows grow ×10 (linear would be 10). */
export const CPU_GROWTH = 12;
export const MESSAGE_BYTES = 50 * 1024;
export const HEAP_MB = 100;
export const READS_PER_TAB = 3;
/** Send logs a scheduled run writes in the bench (container-bound: the document's and the owner's). */
const SEND_LOGS = 2;
const LIMIT_SECONDS: Record<string, number> = {
  'check plan': 35,
  'generate report': 45,
  'refresh KPI status': 10,
  'scheduled pipeline': 120,
};
const BEFORE_FIRST_MAIL_SECONDS = 50;

/** The Report lines setting's default. */
const REPORT_LINES = SETTINGS.find((s) => s.key === 'reportLines')!.defaultValue;
/** Four sections of at most N lines, budget categories up to N, five risks, each with a header and a "more" line; title rows. */
const maxReportRows = (lines: number) => 5 * (lines + 3) + 5 + 3 + 20;

const isContrast = (m: Measurement) => m.operation.includes('contrast');
/** The main series: one plan shape across sizes (variants such as RACI 200 are reported beside it). */
const series = (all: Measurement[], operation: string) => {
  const first = all.find((m) => m.operation === operation);
  return all
    .filter(
      (m) => m.operation === operation && m.owners === first?.owners && m.raciPeople === first?.raciPeople,
    )
    .sort((a, b) => a.rows - b.rows);
};
const seconds = (s: number) => `${s.toFixed(1)} s`;

export function evaluateTargets(all: Measurement[], sidebarBytes: number): Target[] {
  const targets: Target[] = [];
  const operations = [...new Set(all.filter((m) => !isContrast(m)).map((m) => m.operation))];
  for (const operation of operations) {
    const list = series(all, operation);
    // Growing a generated tab (Report, History, log) when it must hold more rows is one call, once.
    const counts = list.map((m) => m.calls - m.resizes);
    targets.push({
      kind: 'calls',
      name: `${operation}: spreadsheet calls independent of row count`,
      pass: counts.every((c) => c === counts[0]),
      detail: list.map((m) => `${m.rows}: ${m.calls}${m.resizes ? ` (${m.resizes} resize)` : ''}`).join(', '),
    });
    // Mail is recorded a batch at a time, one write per send log (the bench's runs are
    // container-bound: the document's log and the owner's); every other property call is fixed.
    const propertyCalls = list.map(
      (m) =>
        m.propertyReads + m.propertyWrites - SEND_LOGS * Math.ceil(m.mailCalls / SEND_LOG_BATCH_MESSAGES),
    );
    targets.push({
      kind: 'calls',
      name: `${operation}: property calls independent of row count (beyond one per send log per batch of ${SEND_LOG_BATCH_MESSAGES} messages)`,
      pass: propertyCalls.every((c) => c === propertyCalls[0]),
      detail: list
        .map(
          (m) =>
            `${m.rows}: ${m.propertyReads + m.propertyWrites}${m.mailCalls ? ` (${m.mailCalls} messages)` : ''}`,
        )
        .join(', '),
    });
    for (const m of list.filter((m) => m.floor)) {
      const { cellsRead, cellsWritten } = m.floor!;
      targets.push({
        kind: 'cells',
        name: `${operation} at ${m.rows}: cells read and written within ${FLOOR_RATIO}× of what it needs`,
        pass: m.cellsRead <= FLOOR_RATIO * cellsRead && m.cellsWritten <= FLOOR_RATIO * cellsWritten,
        detail: `read ${m.cellsRead} of ${cellsRead} needed, wrote ${m.cellsWritten} of ${cellsWritten}`,
      });
    }
    // A tab is read whole (values, formulas) or, by Refresh, in three parts: its header row, the
    // columns naming its rows and its formulas; never the same cells twice (the floor target).
    const worst = list.reduce((w, m) => Math.max(w, m.reads / m.sheets), 0);
    targets.push({
      kind: 'calls',
      name: `${operation}: ≤ ${READS_PER_TAB} reads per tab`,
      pass: worst <= READS_PER_TAB,
      detail: list.map((m) => `${m.reads} reads / ${m.sheets} tabs`).join(', '),
    });
    const small = list.find((m) => m.rows === 1000);
    const large = list.find((m) => m.rows === 10_000);
    if (small && large && operation !== 'onOpen' && operation !== 'scaffold') {
      const ratio = large.scriptMs / Math.max(1, small.scriptMs);
      targets.push({
        kind: 'time',
        name: `${operation}: script CPU grows at most ×${CPU_GROWTH} from 1,000 to 10,000 rows`,
        pass: ratio <= CPU_GROWTH,
        detail: `${Math.round(small.scriptMs)} → ${Math.round(large.scriptMs)} ms (×${ratio.toFixed(1)})`,
      });
    }
  }
  const report = series(all, 'generate report');
  const largest = report[report.length - 1];
  if (largest?.runs !== undefined)
    targets.push({
      kind: 'time',
      name: `generate report at ${largest.rows.toLocaleString('en-US')} rows: fits one run (modeled time, central constants)`,
      pass: largest.runs === 1,
      detail: `${largest.runs} run${largest.runs === 1 ? '' : 's'}`,
    });
  const benchmark = all.filter((m) => !isContrast(m) && m.rows === BENCHMARK_ROWS);
  for (const m of benchmark) {
    const label = `${m.operation} at ${m.rows.toLocaleString('en-US')} rows, RACI ${m.raciPeople}, ${m.owners} people`;
    if (m.floor) {
      const floor = floorSeconds(m.floor);
      targets.push({
        kind: 'time',
        name: `${label}: central modeled time within ${FLOOR_RATIO}× of its floor`,
        pass: m.modeled.central <= FLOOR_RATIO * floor,
        detail: `${seconds(m.modeled.central)} vs floor ${seconds(floor)} (×${(m.modeled.central / floor).toFixed(2)})`,
      });
    }
    const limit = LIMIT_SECONDS[m.operation];
    if (limit !== undefined)
      targets.push({
        kind: 'time',
        name: `${label}: central modeled time < ${limit} s`,
        pass: m.modeled.central < limit,
        detail: `${seconds(m.modeled.central)} (low ${seconds(m.modeled.low)}, high ${seconds(m.modeled.high)})`,
      });
    if (m.operation === 'scheduled pipeline')
      targets.push({
        kind: 'time',
        name: `${label}: central modeled time before the first mail < ${BEFORE_FIRST_MAIL_SECONDS} s`,
        pass: m.beforeFirstMail !== undefined && m.beforeFirstMail < BEFORE_FIRST_MAIL_SECONDS,
        detail: m.beforeFirstMail === undefined ? 'no mail sent' : seconds(m.beforeFirstMail),
      });
    if (m.operation === 'check plan')
      targets.push({
        kind: 'time',
        name: `${label}: script CPU < 1 s`,
        pass: m.scriptMs < 1000,
        detail: `${Math.round(m.scriptMs)} ms`,
      });
    if (m.operation !== 'onOpen')
      targets.push({
        kind: 'size',
        name: `${label}: heap added < ${HEAP_MB} MB`,
        pass: m.heapMb < HEAP_MB,
        detail: `${Math.round(m.heapMb)} MB`,
      });
  }
  for (const m of all.filter((m) => m.mailCalls > 0)) {
    targets.push({
      kind: 'mail',
      name: `${m.operation} at ${m.rows}: one mail call per message, one digest per recipient, every message ≤ 50 KB`,
      pass: m.duplicateDigestRecipients === 0 && m.largestMessageBytes <= MESSAGE_BYTES,
      detail: `${m.mailCalls} mail calls to ${m.mailRecipients} recipients, ${m.duplicateDigestRecipients} duplicate digests, largest ${(m.largestMessageBytes / 1024).toFixed(1)} KB${m.beforeFirstMail === undefined ? '' : `, first mail after ${seconds(m.beforeFirstMail)} modeled`}`,
    });
  }
  const reports = series(all, 'generate report');
  if (reports.length > 1)
    targets.push({
      kind: 'cells',
      name: `generate report: the Report tab stays within ${maxReportRows(REPORT_LINES)} rows whatever the plan's size`,
      pass: reports.every((m) => m.reportRows <= maxReportRows(REPORT_LINES)),
      detail: reports.map((m) => `${m.rows}: ${m.reportRows} rows`).join(', '),
    });
  for (const m of series(all, 'scheduled pipeline'))
    if (m.mailCalls === 0)
      targets.push({
        kind: 'mail',
        name: `scheduled pipeline at ${m.rows}: sends mail`,
        pass: false,
        detail: 'no mail',
      });
  for (const m of series(all, 'onOpen'))
    targets.push({
      kind: 'calls',
      name: `onOpen at ${m.rows}: ≤ 3 service calls`,
      pass: m.calls <= 3,
      detail: `${m.calls} (menu builder steps are assembled locally and sent by addToUi)`,
    });
  targets.push({
    kind: 'size',
    name: 'dist/Sidebar.html under 150 KB',
    pass: sidebarBytes < 150 * 1024,
    detail: `${(sidebarBytes / 1024).toFixed(1)} KB`,
  });
  return targets;
}

const k = (n: number) =>
  n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e4 ? `${Math.round(n / 1e3)} k` : n.toLocaleString('en-US');

export function renderTable(all: Measurement[], targets: Target[]): string {
  const c = CONSTANTS.central;
  const lines = [
    `Modeled Apps Script time = spreadsheet calls × ${c.callMs} ms + cells read × ${c.readUs} µs + cells written × ${c.writeUs} µs + mail bytes × ${c.mailByteUs} µs + property reads × ${c.propertyReadMs} ms + property writes × ${c.propertyWriteMs} ms + script CPU (central constants; low and high in bench/README.md, with sources). Script CPU is this process's CPU time minus the local runtime's CPU inside service calls. The floor prices each cell the operation needs read once and each cell it must change written once, plus its mail.`,
    '',
    '| operation | rows/tab | people | RACI | calls | cells read | cells written | mail KB | property calls | script CPU ms | heap MB | modeled s (low / central / high) | floor s |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...all.map(
      (m) =>
        `| ${m.operation} | ${m.rows.toLocaleString('en-US')} | ${m.owners} | ${m.raciPeople} | ${m.calls.toLocaleString('en-US')} | ${k(m.cellsRead)} | ${k(m.cellsWritten)} | ${Math.round(m.mailBytes / 1024)} | ${m.propertyReads + m.propertyWrites} | ${Math.round(m.scriptMs)} | ${Math.round(m.heapMb)} | ${m.modeled.low.toFixed(1)} / **${m.modeled.central.toFixed(1)}** / ${m.modeled.high.toFixed(1)} | ${m.floor ? floorSeconds(m.floor).toFixed(1) : ''} |`,
    ),
    '',
    '| target | result | detail |',
    '|---|---|---|',
    ...targets.map((t) => `| ${t.name} | ${t.pass ? 'pass' : '**FAIL**'} | ${t.detail} |`),
  ];
  return lines.join('\n');
}
