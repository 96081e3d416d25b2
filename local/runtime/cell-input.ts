/** How Sheets interprets a value written by setValue(s): what a person typing it would get. */
import { AppsScriptException, isDateValue } from './errors.js';
import { serialFromInstant, serialFromYmd } from './tz.js';

export const MAX_CELL_CHARS = 50_000;

export type CellInput =
  | { kind: 'empty' }
  | { kind: 'formula'; formula: string }
  | { kind: 'value'; content: number | boolean | string; format?: string };

const ERROR_LITERALS = new Set([
  '#REF!',
  '#N/A',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#ERROR!',
]);

/** HyperFormula content for a text cell: the apostrophe keeps text from being parsed. */
export const textContent = (text: string) => `'${text}`;

export function interpretInput(value: unknown, cellFormat: string | undefined, timeZone: string): CellInput {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'value', content: '#NUM!' };
    return { kind: 'value', content: value };
  }
  if (typeof value === 'boolean') return { kind: 'value', content: value };
  if (isDateValue(value)) {
    const ms = value.getTime();
    if (!Number.isFinite(ms)) return { kind: 'value', content: textContent('Invalid Date') };
    const serial = serialFromInstant(ms, timeZone);
    return {
      kind: 'value',
      content: serial,
      format: Number.isInteger(serial) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss',
    };
  }
  const text = String(value);
  if (text.length > MAX_CELL_CHARS) {
    throw new AppsScriptException(
      `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
    );
  }
  if (cellFormat === '@') return { kind: 'value', content: textContent(text) };
  if (text.startsWith("'")) return { kind: 'value', content: textContent(text.slice(1)) };
  if (text.startsWith('=') && text.length > 1) return { kind: 'formula', formula: text };
  const trimmed = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed))
    return { kind: 'value', content: Number(trimmed) };
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed))
    return { kind: 'value', content: Number(trimmed.replace(/,/g, '')) };
  const percent = /^([+-]?\d+(?:\.(\d+))?)\s*%$/.exec(trimmed);
  if (percent)
    return { kind: 'value', content: Number(percent[1]) / 100, format: percent[2] ? '0.00%' : '0%' };
  const money = /^(-?)\$(\d{1,3}(?:,\d{3})*|\d+)(\.\d+)?$/.exec(trimmed);
  if (money)
    return {
      kind: 'value',
      content: Number(`${money[1]}${money[2]!.replace(/,/g, '')}${money[3] ?? ''}`),
      format: '"$"#,##0.00',
    };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  const ymd = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : null;
  if (ymd) {
    const [y, m, d] = ymd.map(Number) as [number, number, number];
    if (m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()) {
      return { kind: 'value', content: serialFromYmd(y, m, d), format: 'yyyy-mm-dd' };
    }
  }
  if (/^(true|false)$/i.test(trimmed)) return { kind: 'value', content: trimmed.toLowerCase() === 'true' };
  if (ERROR_LITERALS.has(trimmed.toUpperCase())) return { kind: 'value', content: trimmed.toUpperCase() };
  return { kind: 'value', content: textContent(text) };
}
