/**
 * Modeled time: with `modeledTime` on, an execution's clock advances by the cost model's price of
 * each service call (local/runtime/cost-model.ts, the benchmark's constants), so `Date.now()` in
 * the script and the 6-minute limit see what the calls would take on Apps Script.
 * Limit: https://developers.google.com/apps-script/guides/services/quotas#current_limitations
 */
import { describe, expect, it } from 'vitest';

import { CONSTANTS } from '../../local/runtime/cost-model.js';
import { scriptRuntime } from './script-fixture.js';

const SCRIPT = `
function timed() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheets()[0];
  var t0 = Date.now();
  sheet.getRange(1, 1, 100, 10).getValues();
  var t1 = Date.now();
  sheet.getRange(1, 1, 10, 10).setValues(Array.apply(null, Array(10)).map(function () { return [1,2,3,4,5,6,7,8,9,10]; }));
  var t2 = Date.now();
  PropertiesService.getDocumentProperties().setProperty('k', 'v');
  var t3 = Date.now();
  PropertiesService.getDocumentProperties().getProperty('k');
  var t4 = Date.now();
  MailApp.sendEmail({ to: 'a@example.com', subject: 'Hi', body: 'x'.repeat(1000), htmlBody: 'y'.repeat(2000) });
  var t5 = Date.now();
  return [t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4];
}
function readForever() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  var started = Date.now();
  // About 440 rounds reach 6 minutes of modeled time; a runtime that models none stops after 1,000.
  for (var i = 0; i < 1000; i++) {
    sheet.getRange(1, 1, 1000, 26).getValues();
    PropertiesService.getScriptProperties().setProperty('elapsed', String(Date.now() - started));
  }
}
`;

/** Date.now() is whole milliseconds, as on Apps Script: a span is within 1 ms of its modeled cost. */
const near = (span: number | undefined, modeled: number) => expect(Math.abs(span! - modeled)).toBeLessThan(1);

describe('modeled time in the local runtime', () => {
  it('advances the script’s clock by each call’s modeled cost', () => {
    const rt = scriptRuntime(SCRIPT, { modeledTime: true });
    const c = CONSTANTS.central;
    const [read, write, setProperty, getProperty, mail] = rt.run<number[]>('timed');
    // getSheets() and getRange() are calls too: only the span between the two Date.now() counts.
    near(read, 2 * c.callMs + (1000 * c.readUs) / 1000);
    near(write, 2 * c.callMs + (100 * c.writeUs) / 1000);
    // getDocumentProperties() itself is no property read or write.
    near(setProperty, c.propertyWriteMs);
    near(getProperty, c.propertyReadMs);
    near(mail, ((2 + 1000 + 2000) * c.mailByteUs) / 1000);
  });

  it('stops an execution at the 6-minute limit of modeled time, at its next service call', () => {
    const rt = scriptRuntime(SCRIPT, { modeledTime: true });
    const started = performance.now();
    expect(() => rt.run('readForever')).toThrow('Exceeded maximum execution time');
    // The limit counts the script's own real time too, which the clock it reads does not show: at
    // most the run's wall time (seconds on a loaded machine).
    const scriptAtMost = performance.now() - started;
    const elapsed = Number(rt.properties.script.data.get('elapsed'));
    const perLoop = 2 * CONSTANTS.central.callMs + 26_000 * (CONSTANTS.central.readUs / 1000);
    // The last iteration that got to record its time was within one loop of the limit.
    expect(elapsed).toBeLessThanOrEqual(6 * 60_000);
    expect(elapsed).toBeGreaterThan(
      6 * 60_000 - 2 * (perLoop + CONSTANTS.central.propertyWriteMs) - scriptAtMost,
    );
  });

  it('is off by default: calls take no clock time, and calls made between executions never do', () => {
    const rt = scriptRuntime(SCRIPT);
    expect(rt.run<number[]>('timed')).toEqual([0, 0, 0, 0, 0]);
    const modeled = scriptRuntime(SCRIPT, { modeledTime: CONSTANTS.high });
    const before = modeled.clock.now();
    modeled.service('SpreadsheetApp').getActiveSpreadsheet().getSheets()[0]!.getRange('A1:Z100').getValues();
    expect(modeled.clock.now()).toBe(before);
    const [read] = modeled.run<number[]>('timed');
    near(read, 2 * CONSTANTS.high.callMs + (1000 * CONSTANTS.high.readUs) / 1000);
  });
});
