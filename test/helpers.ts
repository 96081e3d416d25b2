import { LocalAppsScript, type RuntimeOptions } from '../local/runtime/index.js';

/** A fresh local Apps Script with the built bundle loaded, on a fixed clock. */
export function freshRuntime(options: RuntimeOptions = {}): LocalAppsScript {
  return new LocalAppsScript({ now: '2026-03-16T14:00:00Z', timeZone: 'America/New_York', ...options });
}

export function expectThrowMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the call to throw');
}

/** Spreadsheet service calls that change something (what a no-op run must not make). */
export const isSpreadsheetWrite = (name: string): boolean =>
  /^(Range|Sheet|Spreadsheet)\.(set|insert|delete|clear|remove|hide|show|move|append|activate)/.test(name);

export const isSpreadsheetCall = (name: string): boolean =>
  /^(SpreadsheetApp|Spreadsheet|Sheet|Range|NamedRange)\./.test(name);

/** A runtime on a fixed day with the example plan in place. */
export function exampleRuntime(options: Parameters<typeof freshRuntime>[0] = {}) {
  const rt = freshRuntime({ now: '2026-11-24T15:00:00Z', ...options });
  rt.run('insertExamplePlan');
  return rt;
}

export function sheetValues(rt: ReturnType<typeof freshRuntime>, name: string): unknown[][] {
  const sheet = rt.service('SpreadsheetApp').getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.getDataRange().getValues();
}

/** Rows of a sheet as objects keyed by its header row. */
export function sheetRecords(rt: ReturnType<typeof freshRuntime>, name: string): Record<string, unknown>[] {
  const [header, ...rows] = sheetValues(rt, name);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [String(h), row[i]])));
}
