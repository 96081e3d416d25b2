/**
 * Cell values as people write them, understood. The Apps Script adapter hands core plain values:
 * strings, numbers, booleans, '' for empty, and dates as ISO text read in the spreadsheet's zone.
 * Nothing here throws: what cannot be understood comes back as a problem to report.
 */
import type { ColumnSpec } from './spec/types';
import { RACI_LETTERS, SCALE_BY_WORD } from './spec/vocab';

export type CellValue = string | number | boolean;

export type Parsed<T> = { ok: true; value: T | null } | { ok: false; problem: string };

const ok = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

const ERROR_VALUE = /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/;
export const isErrorValue = (v: unknown): v is string =>
  typeof v === 'string' && v.includes('#') && ERROR_VALUE.test(v.trim());
export const isBlank = (v: unknown): boolean =>
  v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Shortens long or multi-line user text for messages. */
export function preview(v: unknown, max = 40): string {
  const text = String(v).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// ---- dates: day numbers are Sheets serials (days since 1899-12-30), free of time zones ----
const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

export function dayFromYmd(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH) / MS_PER_DAY);
}

export function isoFromDay(day: number): string {
  return new Date(EPOCH + Math.round(day) * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayFromIso(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return dayFromYmd(y, mo, d);
}

/** Plausible date serials: 1950 to 2150. Anything else in a date column is not a date. */
const MIN_DAY = dayFromYmd(1950, 1, 1);
const MAX_DAY = dayFromYmd(2150, 12, 31);

export function parseDate(v: unknown): Parsed<number> {
  if (isBlank(v)) return ok(null);
  if (typeof v === 'number') {
    return Number.isFinite(v) && v >= MIN_DAY && v <= MAX_DAY
      ? ok(Math.floor(v))
      : bad(`${preview(v)} is not a date`);
  }
  if (typeof v === 'string') {
    const text = v.trim();
    const iso = dayFromIso(text);
    if (iso !== null) return ok(iso);
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (us) {
      const day = dayFromIso(`${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`);
      if (day !== null) return ok(day);
    }
  }
  return bad(`"${preview(v)}" is not a date (use a date cell or YYYY-MM-DD)`);
}

// ---- numbers ----
export function parseNumber(v: unknown): Parsed<number> {
  if (isBlank(v)) return ok(null);
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : bad('is not a finite number');
  if (typeof v === 'string') {
    const text = v
      .trim()
      .replace(/^[$€£¥₹]|^[A-Z]{3}\s*/u, '')
      .replace(/,/g, '')
      .replace(/\s/g, '');
    const percent = /^([+-]?\d+(?:\.\d+)?)%$/.exec(text);
    if (percent) return ok(Number(percent[1]) / 100);
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return ok(Number(text));
  }
  return bad(`"${preview(v)}" is not a number`);
}

/** 0.45, 45, "45%" and "45 %" all mean 45%. Numbers above 1 are percentage points. */
export function parsePercent(v: unknown): Parsed<number> {
  if (typeof v === 'string' && /%\s*$/.test(v)) {
    const n = parseNumber(v.replace(/\s+/g, ''));
    return n;
  }
  const n = parseNumber(v);
  if (!n.ok || n.value === null) return n;
  return ok(n.value > 1 && n.value <= 100 ? n.value / 100 : n.value);
}

// ---- words ----
const NBSP = /\u00a0/g;
/**
 * A word cell as the sheet formulas compare it: non-breaking spaces read as spaces, then spaces
 * trimmed from both ends and runs of them made one (Sheets' TRIM). Case is left to the comparison:
 * Sheets and OpsPlan both compare these words without case. Only the space and the non-breaking
 * space count (docs/APPS-SCRIPT.md, "Text comparison in formulas"); a tab stays part of the word.
 */
export function comparableText(text: string): string {
  return text
    .replace(NBSP, ' ')
    .replace(/^ +| +$/g, '')
    .replace(/ {2,}/g, ' ');
}

export function parseScale(v: unknown): Parsed<number> {
  if (isBlank(v)) return ok(null);
  if (typeof v === 'number')
    return Number.isInteger(v) && v >= 1 && v <= 5 ? ok(v) : bad(`${preview(v)} is outside 1–5`);
  if (typeof v === 'string') {
    const word = SCALE_BY_WORD.get(comparableText(v).toLowerCase());
    if (word !== undefined) return ok(word);
  }
  return bad(`"${preview(v)}" is not 1–5 or a word such as Low, Medium, High, Likely`);
}

export function parseBoolean(v: unknown): Parsed<boolean> {
  if (isBlank(v)) return ok(null);
  if (typeof v === 'boolean') return ok(v);
  const text = String(v).trim().toLowerCase();
  if (['yes', 'y', 'true', '1', '✓', 'x'].includes(text)) return ok(true);
  if (['no', 'n', 'false', '0'].includes(text)) return ok(false);
  return bad(`"${preview(v)}" is not Yes or No`);
}

export function parseChoice(v: unknown, values: readonly string[]): Parsed<string> {
  if (isBlank(v)) return ok(null);
  const text = comparableText(String(v)).toLowerCase();
  const match = values.find((x) => x.toLowerCase() === text);
  return match ? ok(match) : bad(`"${preview(v)}" is not one of ${values.join(', ')}`);
}

// ---- RACI ----
const RACI_WORDS: Readonly<Record<string, string>> = {
  responsible: 'R',
  accountable: 'A',
  consulted: 'C',
  informed: 'I',
};

/**
 * A RACI matrix cell: R, A, C or I, or several combined as teams write them. "A/R", "R/A", "R,A",
 * "R; A", "R & A", "R+A", "R-A", "R A" and a run of distinct letters ("RA", "AR") all mean both; the
 * words Responsible, Accountable, Consulted and Informed mean their letter. Case and spaces do not
 * matter. The letters come back in R, A, C, I order.
 */
export function parseRaciLetters(v: unknown): Parsed<string[]> {
  if (isBlank(v)) return ok(null);
  const wrong = () => bad<string[]>(`"${preview(v, 20)}" is not R, A, C or I (or a combination such as A/R)`);
  if (typeof v !== 'string') return wrong();
  // Most cells of a matrix hold one letter: read it without splitting (a matrix has 100,000s of cells).
  const single = v.length === 1 ? v.toUpperCase() : '';
  if ((RACI_LETTERS as readonly string[]).includes(single)) return ok([single]);
  const letters = new Set<string>();
  const tokens = comparableText(v)
    .toUpperCase()
    .split(/[\s/,;&+-]+/)
    .filter(Boolean);
  for (const token of tokens) {
    const word = RACI_WORDS[token.toLowerCase()];
    if (word) letters.add(word);
    else if (/^[RACI]+$/.test(token) && new Set(token).size === token.length)
      for (const letter of token) letters.add(letter);
    else return wrong();
  }
  return letters.size ? ok(RACI_LETTERS.filter((l) => letters.has(l))) : wrong();
}

/** Names separated by commas, semicolons or line breaks (a names-shape RACI cell). */
export function parseNames(v: unknown): Parsed<string[]> {
  if (isBlank(v)) return ok(null);
  const names = String(v)
    .split(/[,;\n]/)
    .map((name) => comparableText(name))
    .filter(Boolean);
  return ok(names);
}

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]{2,}$/;
export const isEmail = (text: string): boolean => EMAIL.test(text.trim()) && text.trim().length <= 254;

/** A list of addresses split into the valid ones and the rest (mail drops only a bad one). */
export function partitionEmails(v: unknown): { valid: string[]; invalid: string[] } {
  const list = isBlank(v)
    ? []
    : String(v)
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
  return { valid: list.filter((a) => isEmail(a)), invalid: list.filter((a) => !isEmail(a)) };
}

export function parseEmails(v: unknown): Parsed<string[]> {
  if (isBlank(v)) return ok(null);
  const { valid: list, invalid: wrong } = partitionEmails(v);
  return wrong.length
    ? bad(
        `${wrong.map((w) => `"${preview(w, 30)}"`).join(', ')} ${wrong.length === 1 ? 'is not an email address' : 'are not email addresses'}`,
      )
    : ok(list);
}

export function parseIds(v: unknown): Parsed<string[]> {
  if (isBlank(v)) return ok(null);
  const list = String(v)
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return list.every((id) => id.length <= 40) ? ok(list) : bad(`"${preview(v)}" is not a list of IDs`);
}

export function parseText(v: unknown): Parsed<string> {
  if (isBlank(v)) return ok(null);
  return ok(typeof v === 'string' ? v.trim() : String(v));
}

export type ParsedCell = string | number | boolean | string[];

/** Parses one cell by its column's type. Error values (#REF!…) are always a problem. */
export function parseCell(column: ColumnSpec, v: unknown): Parsed<ParsedCell> {
  if (isErrorValue(v)) return bad(`the cell shows the error ${String(v).trim()}`);
  if (v !== null && v !== undefined && typeof v === 'object') return bad('is not a value a cell can hold');
  switch (column.type) {
    case 'date':
      return parseDate(v);
    case 'number':
    case 'formula':
      return column.type === 'formula' ? ok(isBlank(v) ? null : (v as ParsedCell)) : parseNumber(v);
    case 'integer': {
      const n = parseNumber(v);
      return n.ok && n.value !== null && !Number.isInteger(n.value)
        ? bad(`${preview(v)} is not a whole number`)
        : n;
    }
    case 'money':
    case 'hours': {
      const n = parseNumber(v);
      return n.ok && n.value !== null && n.value < 0 ? bad(`${preview(v)} is negative`) : n;
    }
    case 'percent':
      return parsePercent(v);
    case 'scale':
      return parseScale(v);
    case 'choice':
      return parseChoice(v, column.values ?? []);
    case 'raci':
      return parseRaciLetters(v);
    case 'names':
      return parseNames(v);
    case 'boolean':
      return parseBoolean(v);
    case 'email': {
      const t = parseText(v);
      return t.ok && t.value !== null && !isEmail(t.value)
        ? bad(`"${preview(v)}" is not an email address`)
        : t;
    }
    case 'emails':
      return parseEmails(v);
    case 'ids':
      return parseIds(v);
    case 'id': {
      const t = parseText(v);
      return t.ok && t.value !== null && (t.value.length > 40 || /\s/.test(t.value))
        ? bad(`"${preview(v)}" is not a usable ID (short, no spaces)`)
        : t;
    }
    default:
      return parseText(v);
  }
}
