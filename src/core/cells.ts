/** Writing text into cells safely, and A1 helpers shared by adapters and builders. */
import { CELL_CHARACTERS } from './limits';

const ELLIPSIS = '…';
/**
 * The most characters OpsPlan writes into one cell: below the cell limit, with room for the
 * apostrophe `literal` may add (docs/APPS-SCRIPT.md#spreadsheets).
 */
export const CELL_TEXT_MAX = CELL_CHARACTERS - 2;

/** Text cut to fit one cell, ending in an ellipsis when cut. Every string OpsPlan writes passes here. */
export function clampCell(text: string): string {
  if (text.length <= CELL_TEXT_MAX) return text;
  let end = CELL_TEXT_MAX - ELLIPSIS.length;
  // Never split a surrogate pair.
  if (/[\ud800-\udbff]/.test(text.charAt(end - 1))) end--;
  return text.slice(0, end) + ELLIPSIS;
}

/** What Sheets would read as a number, percentage, currency, date, time, boolean or error. */
const NOT_TEXT = [
  /^[+-]?[$€£¥₹]?\s*[+-]?(\d[\d,]*\.?\d*|\.\d+)(e[+-]?\d+)?\s*[%$€£¥₹]?$/i,
  /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/,
  /^\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m)?$/i,
  /^(true|false)$/i,
  /^#(ref!|n\/a|value!|div\/0!|name\?|num!|null!|error!)$/i,
];

/**
 * Text as a cell value that Sheets will store as text (in a cell of the default format): anything
 * Sheets would read as a formula, number, date or boolean gets the apostrophe that keeps it
 * literal, so an ID such as 1E3, $5 or 1e-2 stays text. User text never runs. Clamped to fit a cell.
 */
export function literal(text: string): string {
  if (text === '') return '';
  const clamped = clampCell(text);
  if (/^[=+\-@']/.test(clamped)) return `'${clamped}`;
  const trimmed = clamped.trim();
  return NOT_TEXT.some((pattern) => pattern.test(trimmed)) ? `'${clamped}` : clamped;
}

export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const a1 = (row: number, column: number): string => `${columnLetters(column)}${row}`;

/** Splits items into runs of adjacent positions (columns by default), for one write per run. */
export function contiguousRuns<T>(
  items: readonly T[],
  position: (item: T) => number = (item) => (item as { column: number }).column,
): T[][] {
  const sorted = [...items].sort((a, b) => position(a) - position(b));
  const runs: T[][] = [];
  for (const item of sorted) {
    const run = runs[runs.length - 1];
    if (run && position(run[run.length - 1]!) === position(item) - 1) run.push(item);
    else runs.push([item]);
  }
  return runs;
}

/** Runs of adjacent columns that also share a setting: one spreadsheet call per block. */
export function blocksOf<T extends { column: number }>(
  items: readonly T[],
  setting: (item: T) => string,
): T[][] {
  return contiguousRuns(items).flatMap((run) => {
    const blocks: T[][] = [];
    for (const item of run) {
      const block = blocks[blocks.length - 1];
      if (block && setting(block[0]!) === setting(item)) block.push(item);
      else blocks.push([item]);
    }
    return blocks;
  });
}

/** A short stable fingerprint of a text (two 32-bit FNV-1a passes), for change detection only. */
export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (i & 0xff), 0x85ebca6b) >>> 0;
  }
  return `${a.toString(36)}${b.toString(36)}-${text.length}`;
}
