/**
 * The live self-test's entry (`npm run build:selftest` → dist-selftest/Code.js): a menu
 * "OpsPlan self-test → Run" that runs every probe of probes.ts, each in a fresh scratch sheet of the
 * spreadsheet, and writes probe / reference / expected / actual / match into the "OpsPlan self-test"
 * tab. The same probes run in the local runtime (test/fidelity/selftest.test.ts).
 */
import { PROBES } from './probes';

export {
  SELFTEST_DOUBLE,
  SELFTEST_FAIL,
  SELFTEST_KIND,
  SELFTEST_WRITE,
  selftestTriggerTarget,
} from './probes';

const RESULTS_TAB = 'OpsPlan self-test';
const SCRATCH_TAB = 'OpsPlan self-test scratch';
const HEADER = ['Probe', 'Reference', 'Expected', 'Actual', 'Match'];

export function onOpen(): void {
  SpreadsheetApp.getUi().createMenu('OpsPlan self-test').addItem('Run', 'runSelfTest').addToUi();
}

function describe(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

export function runSelfTest(): { probes: number; matches: number } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const rows: (string | boolean)[][] = [];
  for (const probe of PROBES) {
    const leftover = spreadsheet.getSheetByName(SCRATCH_TAB);
    if (leftover) spreadsheet.deleteSheet(leftover);
    const sheet = spreadsheet.insertSheet(SCRATCH_TAB);
    let actual: unknown;
    try {
      actual = probe.run({ spreadsheet, sheet });
    } catch (error) {
      actual = `threw: ${(error as Error).message}`;
    }
    spreadsheet.deleteSheet(sheet);
    const expected = describe(probe.expected);
    const got = describe(actual);
    rows.push([probe.name, probe.reference, expected, got, expected === got]);
  }
  const results = spreadsheet.getSheetByName(RESULTS_TAB) ?? spreadsheet.insertSheet(RESULTS_TAB);
  results.clear();
  // Plain text: expected and actual values are shown as written, never read as numbers or formulas.
  results.getRange(1, 1, rows.length + 1, 4).setNumberFormat('@');
  results.getRange(1, 1, rows.length + 1, HEADER.length).setValues([HEADER, ...rows]);
  const matches = rows.filter((r) => r[4] === true).length;
  spreadsheet.toast(`${matches} of ${rows.length} probes match.`, 'OpsPlan self-test');
  return { probes: rows.length, matches };
}
