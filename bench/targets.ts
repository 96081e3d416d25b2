/** The benchmark's targets (issue: constant calls, mail per recipient, CPU and modeled time limits). */
import type { Measurement } from './measure.js';

export interface Target {
  name: string;
  pass: boolean;
  detail: string;
}

const ops = (all: Measurement[], operation: string) =>
  all.filter((m) => m.operation === operation).sort((a, b) => a.rows - b.rows);

export function evaluateTargets(all: Measurement[], sidebarBytes: number): Target[] {
  const targets: Target[] = [];
  const operations = [...new Set(all.map((m) => m.operation))].filter((o) => !o.includes('contrast'));
  for (const operation of operations) {
    const list = ops(all, operation);
    // Growing a generated tab (Report, History, log) when it must hold more rows is one call, once.
    const counts = list.map((m) => m.calls - m.resizes);
    targets.push({
      name: `${operation}: spreadsheet calls independent of row count`,
      pass: counts.every((c) => c === counts[0]),
      detail: list.map((m) => `${m.rows}: ${m.calls}${m.resizes ? ` (${m.resizes} resize)` : ''}`).join(', '),
    });
    const worst = list.reduce((w, m) => Math.max(w, m.reads / m.sheets), 0);
    targets.push({
      name: `${operation}: ≤ 2 reads per tab`,
      pass: worst <= 2,
      detail: list.map((m) => `${m.reads} reads / ${m.sheets} tabs`).join(', '),
    });
  }
  for (const m of [...ops(all, 'scheduled pipeline'), ...ops(all, 'generate report')]) {
    if (m.mailCalls === 0 && m.operation === 'generate report') continue;
    targets.push({
      name: `${m.operation} at ${m.rows}: one mail call per message, one digest per recipient`,
      pass: m.duplicateDigestRecipients === 0 && m.mailCalls > 0,
      detail: `${m.mailCalls} mail calls to ${m.mailRecipients} recipients, ${m.duplicateDigestRecipients} duplicate digests`,
    });
  }
  const check10k = ops(all, 'check plan').find((m) => m.rows >= 10_000);
  if (check10k)
    targets.push({
      name: 'check plan at 10,000 rows per tab under 2 s script CPU',
      pass: check10k.scriptMs < 2000,
      detail: `${Math.round(check10k.scriptMs)} ms`,
    });
  const pipeline10k = ops(all, 'scheduled pipeline').find((m) => m.rows >= 10_000);
  if (pipeline10k)
    targets.push({
      name: 'scheduled pipeline at 10,000 rows per tab: modeled under 60 s',
      pass: pipeline10k.modeledSeconds < 60,
      detail: `${pipeline10k.modeledSeconds.toFixed(1)} s`,
    });
  for (const m of ops(all, 'onOpen'))
    targets.push({
      name: `onOpen at ${m.rows}: ≤ 3 service calls`,
      pass: m.calls <= 3,
      detail: `${m.calls} (menu builder steps are assembled locally and sent by addToUi)`,
    });
  targets.push({
    name: 'dist/Sidebar.html under 150 KB',
    pass: sidebarBytes < 150 * 1024,
    detail: `${(sidebarBytes / 1024).toFixed(1)} KB`,
  });
  return targets;
}

export function renderTable(all: Measurement[], targets: Target[], latencyMs: number): string {
  const lines = [
    `Modeled Apps Script time = spreadsheet calls × ${latencyMs} ms + script CPU. ${latencyMs} ms a call is Google's own figure for per-cell access (10,000 calls ≈ 70 s, DESIGN §4); set it with --latency. Script CPU is host time minus the local runtime's own work inside service calls.`,
    '',
    '| operation | rows/tab | sheet calls | reads | writes | mail calls | script CPU ms | runtime ms | peak heap MB | modeled s |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...all.map(
      (m) =>
        `| ${m.operation} | ${m.rows.toLocaleString('en-US')} | ${m.calls.toLocaleString('en-US')} | ${m.reads} | ${m.writes} | ${m.mailCalls} | ${Math.round(m.scriptMs)} | ${Math.round(m.runtimeMs)} | ${Math.round(m.heapMb)} | ${m.modeledSeconds.toFixed(1)} |`,
    ),
    '',
    '| per-cell contrast | rows/tab | calls ratio | modeled time ratio |',
    '|---|---:|---:|---:|',
    ...ops(all, 'per-cell Goals read + statuses (contrast)').map((c) => {
      const ours = ops(all, 'refresh KPI status').find((m) => m.rows === c.rows)!;
      return `| per-cell read of Goals vs OpsPlan's Refresh KPI status | ${c.rows.toLocaleString('en-US')} | ${(c.calls / ours.calls).toFixed(0)}× | ${(c.modeledSeconds / ours.modeledSeconds).toFixed(0)}× |`;
    }),
    '',
    '| target | result | detail |',
    '|---|---|---|',
    ...targets.map((t) => `| ${t.name} | ${t.pass ? 'pass' : '**FAIL**'} | ${t.detail} |`),
  ];
  return lines.join('\n');
}
