/**
 * The cost model, in one place: what a service call, a cell read or written, a byte of mail and a
 * property call take on Apps Script. The benchmark prices what an operation did with it
 * (bench/cost.ts re-exports it), and the runtime's modeled clock (`modeledTime` in
 * local/runtime/index.ts) advances by it as an execution runs. Every constant is a public
 * measurement or a stated margin; bench/README.md ("The model") cites each one, and
 * docs/APPS-SCRIPT.md ("Cost of calls and cells") holds the same figures.
 */

export interface CostConstants {
  /** One spreadsheet service call, ms. */
  callMs: number;
  /** One cell read (getValues, getFormulas, …), µs. */
  readUs: number;
  /** One cell written (setValues, setFormulas, formats, clears), µs. */
  writeUs: number;
  /** One byte of mail sent, µs. */
  mailByteUs: number;
  /** One PropertiesService read (get, keys), ms. */
  propertyReadMs: number;
  /** One PropertiesService write (set, delete), ms. */
  propertyWriteMs: number;
}

export type Estimate = 'low' | 'central' | 'high';

export const CONSTANTS: Record<Estimate, CostConstants> = {
  low: { callMs: 7, readUs: 15.5, writeUs: 12, mailByteUs: 6, propertyReadMs: 20, propertyWriteMs: 43 },
  central: { callMs: 7, readUs: 31, writeUs: 35, mailByteUs: 12, propertyReadMs: 30, propertyWriteMs: 62 },
  high: { callMs: 14, readUs: 62, writeUs: 100, mailByteUs: 24, propertyReadMs: 84, propertyWriteMs: 231 },
};

/** Classes whose calls are round trips to the spreadsheet (builders and value objects are local). */
export const SPREADSHEET_CALL = /^(SpreadsheetApp|Spreadsheet|Sheet|Range|NamedRange)\./;
/** Calls that read cells (priced per cell read). */
export const CELL_READ =
  /\.(getValues|getValue|getFormulas|getFormula|getNotes|getNote|getDisplayValues|getDisplayValue|getDataValidations|getRichTextValue|getBackgrounds|getNumberFormats|getFontColors|getFontWeights)$/;
/** Calls that write cells (priced per cell written). */
export const CELL_WRITE =
  /\.(set\w+|insert\w+|delete\w+|clear\w*|hideSheet|showSheet|activate|moveActiveSheet)$/;
/** Builder steps: assembled locally in the script; only the call that applies them reaches the sheet. */
export const MENU_BUILDER = /^(Menu\.(addItem|addSeparator|addSubMenu)|SpreadsheetApp\.new\w+)$/;
/** Which PropertiesService methods read and which write. */
export const PROPERTY_READ = /^Properties\.(getProperty|getProperties|getKeys)$/;
export const PROPERTY_WRITE = /^Properties\.(setProperty|setProperties|deleteProperty|deleteAllProperties)$/;

/** A spreadsheet round trip, as the model counts calls. */
export const isSpreadsheetCall = (name: string): boolean =>
  SPREADSHEET_CALL.test(name) && !MENU_BUILDER.test(name);

/** A message's size as sent: subject, plain text and HTML bodies (UTF-8). */
export function messageBytes(m: { subject: string; text: string; html: string }): number {
  return Buffer.byteLength(m.subject) + Buffer.byteLength(m.text) + Buffer.byteLength(m.html);
}

/**
 * Modeled milliseconds of one service call that moved `cells` cells (and, for a send, `mailBytes`
 * bytes), priced as the benchmark prices a whole operation: a spreadsheet call, its cells read or
 * written, a property read or write, the bytes of a message.
 */
export function callCostMs(name: string, cells: number, mailBytes: number, c: CostConstants): number {
  if (PROPERTY_READ.test(name)) return c.propertyReadMs;
  if (PROPERTY_WRITE.test(name)) return c.propertyWriteMs;
  if (mailBytes > 0) return (mailBytes * c.mailByteUs) / 1000;
  if (!isSpreadsheetCall(name)) return 0;
  const perCell = CELL_READ.test(name) ? c.readUs : CELL_WRITE.test(name) ? c.writeUs : 0;
  return c.callMs + (cells * perCell) / 1000;
}
