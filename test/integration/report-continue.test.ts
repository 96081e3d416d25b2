/**
 * Long runs continue (docs/APPS-SCRIPT.md#execution): Generate report starts a stage only within
 * its budget of the execution's start, keeps its progress and continues in a follow-up run, a
 * one-off time-driven trigger, with nothing done twice. Run with modeled time, so the script's
 * clock and the 6-minute limit see what each call costs on Apps Script; one stage is made slow
 * (the clock jumps at one call, as a 50,000-row plan's stage would take) where a test needs it.
 * Execution limit: https://developers.google.com/apps-script/guides/services/quotas#current_limitations
 * One-off trigger: https://developers.google.com/apps-script/reference/script/clock-trigger-builder#after(Integer)
 * Deleting it: https://developers.google.com/apps-script/reference/script/script-app#deleteTrigger(Trigger)
 */
import { describe, expect, it } from 'vitest';

import type { LocalAppsScript } from '../../local/runtime/index.js';
import { EXECUTION_LIMIT_MS, REPORT_FOLLOW_UP_MS, REPORT_STAGE_BUDGET_MS } from '../../src/core/limits.js';
import { DOC } from '../../src/gas/keys.js';
import { CONTINUE_HANDLER } from '../../src/gas/report-follow-up.js';
import { exampleRuntime, sheetValues } from '../helpers.js';

type Generated = { sheet: string; kpis: number; continuing: string | null };
type Continued = { ran: boolean; complete: boolean; message: string };

/** The example plan with last week's report and History, on modeled time, a week later. */
function planWithLastWeek(): LocalAppsScript {
  const rt = exampleRuntime({ modeledTime: true });
  rt.run('generateReportNow');
  rt.setNow('2026-12-01T15:00:00Z');
  return rt;
}

/** The clock jumps `ms` when the execution reaches the `nth` call named `name` (1-based). */
function slowAt(rt: LocalAppsScript, name: string, ms: number, nth = 1): void {
  let seen = 0;
  rt.calls.beforeCall = (called) => {
    if (called === name && ++seen === nth) rt.clock.advance(ms);
  };
}

/** The History snapshot stage takes the whole budget: its index save is the run's first property write. */
const slowSnapshot = (rt: LocalAppsScript) => slowAt(rt, 'Properties.setProperty', REPORT_STAGE_BUDGET_MS);

const followUps = (rt: LocalAppsScript) => rt.triggers.triggers.filter((t) => t.handler === CONTINUE_HANDLER);
const progress = (rt: LocalAppsScript) => rt.properties.document!.data.get(DOC.reportProgress);

/**
 * What a reader sees on Report and History, the Report's "generated …" line aside (and chart IDs,
 * which the runtime numbers across runtimes).
 */
function reportAndHistory(rt: LocalAppsScript) {
  return rt
    .describeWorkbook()
    .sheets.filter((s) => s.name === 'Report' || s.name === 'History')
    .map((s) => ({
      ...s,
      values: s.name === 'Report' ? s.values.map((line, i) => (i === 1 ? ['…'] : line)) : s.values,
      charts: s.charts.map((chart) => ({ ...chart, id: 0 })),
    }));
}

/** One uninterrupted run, done once for the file: what it leaves, and the calls it made in order. */
let baseline: { view: ReturnType<typeof reportAndHistory>; calls: string[] } | undefined;
function uninterrupted() {
  if (baseline) return baseline;
  const rt = planWithLastWeek();
  const calls: string[] = [];
  rt.calls.beforeCall = (name) => calls.push(name);
  const generated = rt.run<Generated>('generateReportNow');
  rt.calls.beforeCall = undefined;
  expect(generated.continuing).toBeNull();
  return (baseline = { view: reportAndHistory(rt), calls });
}

const generatedLine = (rt: LocalAppsScript) => String(sheetValues(rt, 'Report')[1]![0]);
/** History's lines of one day (History's Date column holds dates). */
const historyOn = (rt: LocalAppsScript, iso: string) =>
  sheetValues(rt, 'History').filter(
    ([date]) => typeof date === 'object' && date && new Date(date as Date).toISOString().startsWith(iso),
  );

describe('Generate report continues in a follow-up run when one execution is not enough', () => {
  it('stops at its budget after the History snapshot, and the follow-up trigger completes it as one run would, then goes', () => {
    const expected = uninterrupted().view;
    const rt = planWithLastWeek();
    slowSnapshot(rt);
    const stopped = rt.run<Generated>('generateReportNow');
    rt.calls.beforeCall = undefined;
    expect(stopped.continuing).toMatch(/continues in a follow-up run/);
    expect(JSON.parse(progress(rt)!).done).toEqual(['refresh', 'snapshot']);
    expect(generatedLine(rt)).toMatch(/^Being regenerated/);
    const kpis = historyOn(rt, '2026-12-01').length;
    expect(kpis).toBeGreaterThan(0);
    expect(followUps(rt)).toHaveLength(1);

    const fired = rt.advanceTo(new Date(rt.clock.now() + REPORT_FOLLOW_UP_MS + 60_000));
    expect(fired.map((e) => e.functionName)).toEqual([CONTINUE_HANDLER]);
    expect(fired[0]!.error).toBeUndefined();
    expect((fired[0]!.result as Continued).complete).toBe(true);
    expect(followUps(rt)).toHaveLength(0);
    expect(progress(rt)).toBeUndefined();
    expect(generatedLine(rt)).toMatch(/generated 2026-12-01/);
    expect(historyOn(rt, '2026-12-01')).toHaveLength(kpis);
    expect(reportAndHistory(rt)).toEqual(expected);
  });

  it('a run killed at the 6-minute limit anywhere, then run again, leaves Report and History as one run would', () => {
    const expected = uninterrupted().view;
    // Where the run's calls are: kill after the first refresh read, after History's rows before
    // its index is saved, mid-Report (values written, charts not), and before the "generated" line.
    const names = uninterrupted().calls;
    const indexSave = names.indexOf('Properties.setProperty');
    const lastLine = names.lastIndexOf('Range.setValue');
    const charts = names.indexOf('Sheet.insertChart');
    const kills = [names.indexOf('Sheet.getDataRange') + 1, indexSave - 1, charts - 1, lastLine - 1];
    for (const kill of kills) {
      const rt = planWithLastWeek();
      let n = 0;
      rt.calls.beforeCall = () => {
        if (++n === kill + 1) rt.clock.advance(EXECUTION_LIMIT_MS);
      };
      expect(() => rt.run('generateReportNow'), `kill after call ${kill}`).toThrow(
        'Exceeded maximum execution time',
      );
      rt.calls.beforeCall = undefined;
      // Killed in the Report stage, the Report says it is not complete.
      if (kill >= charts - 1) expect(generatedLine(rt)).toMatch(/^Being regenerated/);
      rt.run('generateReportNow');
      expect(reportAndHistory(rt), `kill after call ${kill}`).toEqual(expected);
    }
  });

  it('a run by hand while a follow-up is pending completes the report and removes it; the follow-up, busy, keeps one pending', () => {
    const expected = uninterrupted().view;
    const rt = planWithLastWeek();
    // Refreshing takes the budget: the run stops after it.
    slowAt(rt, 'Sheet.getDataRange', REPORT_STAGE_BUDGET_MS);
    expect(rt.run<Generated>('generateReportNow').continuing).toMatch(/follow-up/);
    expect(JSON.parse(progress(rt)!).done).toEqual(['refresh']);
    // Run again by hand, it resumes with the snapshot and stops again: its follow-up replaces the
    // pending one, never two.
    slowSnapshot(rt);
    expect(rt.run<Generated>('generateReportNow').continuing).toMatch(/follow-up/);
    expect(JSON.parse(progress(rt)!).done).toEqual(['refresh', 'snapshot']);
    expect(followUps(rt)).toHaveLength(1);
    // The follow-up fires while a run by hand holds the document: it finds it busy and sets one more.
    let busy: Continued | undefined;
    rt.calls.beforeCall = (name) => {
      if (name === 'Sheet.insertChart' && !busy) {
        const [run] = rt.advanceTo(new Date(rt.clock.now() + REPORT_FOLLOW_UP_MS + 1000));
        busy = run!.result as Continued;
        expect(followUps(rt)).toHaveLength(1);
      }
    };
    const byHand = rt.run<Generated>('generateReportNow');
    rt.calls.beforeCall = undefined;
    expect(busy).toMatchObject({ ran: false });
    expect(byHand.continuing).toBeNull();
    expect(followUps(rt)).toHaveLength(0);
    expect(rt.advanceTo(new Date(rt.clock.now() + 2 * 3_600_000))).toEqual([]);
    expect(reportAndHistory(rt)).toEqual(expected);
  });

  it('another editor completes it: the first one’s follow-up then finds nothing to do and removes itself', () => {
    const rt = planWithLastWeek();
    slowSnapshot(rt);
    rt.run('generateReportNow');
    rt.calls.beforeCall = undefined;
    // Installable triggers are each user's own: the editor's run cannot see or delete it.
    rt.setUser('editor@example.com');
    expect(rt.run<Generated>('generateReportNow').continuing).toBeNull();
    expect(followUps(rt)).toHaveLength(1);
    const [fired] = rt.advanceTo(new Date(rt.clock.now() + REPORT_FOLLOW_UP_MS + 60_000));
    expect(fired!.result).toMatchObject({ ran: false, complete: true });
    expect(followUps(rt)).toHaveLength(0);
  });

  it('a user whose schedule holds their one time-driven trigger here is told to run it again, which completes it', () => {
    // An add-on may keep one time-driven trigger per user and document:
    // https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions
    const expected = uninterrupted().view;
    const rt = planWithLastWeek();
    rt.run('saveScheduleSettings', {
      mode: 'weekly',
      weekday: 'MONDAY',
      hour: 9,
      reminders: false,
      escalations: false,
    });
    slowSnapshot(rt);
    expect(rt.run<Generated>('generateReportNow').continuing).toMatch(/choose Generate report again/);
    rt.calls.beforeCall = undefined;
    expect(followUps(rt)).toHaveLength(0);
    expect(rt.run<Generated>('generateReportNow').continuing).toBeNull();
    expect(progress(rt)).toBeUndefined();
    expect(reportAndHistory(rt)).toEqual(expected);
  });

  it('the scheduled pipeline mails only from a complete report: a stopped one goes on the next run, then mails once', () => {
    const rt = planWithLastWeek();
    rt.run('saveScheduleSettings', {
      mode: 'daily',
      weekday: 'TUESDAY',
      hour: 9,
      reminders: true,
      escalations: true,
    });
    slowSnapshot(rt);
    const [first] = rt.advanceTo('2026-12-02T15:00:00Z');
    rt.calls.beforeCall = undefined;
    expect(first!.error).toBeUndefined();
    expect((first!.result as { message: string }).message).toMatch(/next run completes it/);
    expect(rt.outbox.messages).toHaveLength(0);
    // No follow-up trigger: the schedule's own next run continues.
    expect(followUps(rt)).toHaveLength(0);
    const [second] = rt.advanceTo('2026-12-03T15:00:00Z');
    expect((second!.result as { sent: unknown[] }).sent.length).toBeGreaterThan(0);
    expect(generatedLine(rt)).toMatch(/generated 2026-12-03/);
    const keys = rt.outbox.messages.map((m) => `${m.to.join()}|${m.subject}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
