/**
 * Sheets' number-format grammar, as https://developers.google.com/sheets/api/guides/formats
 * documents it (en_US): up to four `;`-separated sections (positive; negative; zero; text), or
 * sections chosen by `[>1000]`-style conditions; colours (`[Red]`, `[Color12]`, ignored in the
 * display text); digit placeholders `0` and `#`, `.`, `,` (grouping, or scaling by 1000 at the end),
 * `%`, scientific `E+`/`e-`; `@` for text; quoted text and `\` escapes; currency `[$€]`; and dates and
 * times (`d dd ddd dddd`, `m mm mmm mmmm mmmmm`, `yy yyyy`, `h hh`, `m mm` as minutes next to hours
 * or seconds, `s ss`, `.0`–`.000` fractions of a second, `a/p` `am/pm`, elapsed `[h]` `[m]` `[s]`).
 * Anything else (fractions with `/`, `?`, `*` repeats, `_` widths) is refused with an error rather
 * than displayed differently from Sheets.
 */

import { DAYS, MONTHS } from './date-format.js';

export class UnsupportedNumberFormatError extends Error {
  constructor(pattern: string, reason: string) {
    super(
      `The local runtime cannot display the number format "${pattern}" the way Google Sheets does: ${reason}.`,
    );
    this.name = 'UnsupportedNumberFormatError';
  }
}

type Token =
  | { t: 'lit'; s: string }
  | { t: 'digit'; c: '0' | '#' }
  | { t: 'dot' }
  | { t: 'comma' }
  | { t: 'percent' }
  | { t: 'exp'; s: string; plus: boolean }
  | { t: 'text' }
  | { t: 'date'; s: string };

interface Condition {
  op: '<' | '<=' | '>' | '>=' | '=' | '<>';
  value: number;
}

interface Section {
  condition?: Condition;
  kind: 'number' | 'date' | 'text';
  tokens: Token[];
}

const COLOURS = /^(black|white|red|green|blue|yellow|magenta|cyan|color\d{1,2})$/i;
const CONDITION = /^(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?)$/;
const DATE_LETTER = /[dmyhs]/i;

function splitSections(pattern: string): string[] {
  const sections: string[] = [];
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      const stop = end < 0 ? pattern.length : end;
      current += pattern.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\') {
      current += pattern.slice(i, i + 2);
      i++;
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i);
      const stop = end < 0 ? pattern.length : end;
      current += pattern.slice(i, stop + 1);
      i = stop;
    } else if (ch === ';') {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

function tokenizeSection(pattern: string, text: string): Section {
  const tokens: Token[] = [];
  let condition: Condition | undefined;
  const refuse = (reason: string): never => {
    throw new UnsupportedNumberFormatError(pattern, reason);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const rest = text.slice(i);
    if (ch === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) refuse('a quoted text is not closed');
      tokens.push({ t: 'lit', s: text.slice(i + 1, end) });
      i = end;
    } else if (ch === '\\') {
      tokens.push({ t: 'lit', s: text[i + 1] ?? '' });
      i++;
    } else if (ch === '[') {
      const end = text.indexOf(']', i);
      if (end < 0) refuse('a [ is not closed');
      const inner = text.slice(i + 1, end);
      i = end;
      const cond = CONDITION.exec(inner.trim());
      if (COLOURS.test(inner)) continue;
      if (cond) condition = { op: cond[1] as Condition['op'], value: Number(cond[2]) };
      else if (/^(h+|m+|s+)$/i.test(inner)) tokens.push({ t: 'date', s: `[${inner.toLowerCase()}]` });
      else if (inner.startsWith('$')) tokens.push({ t: 'lit', s: inner.slice(1).split('-')[0]! });
      else refuse(`[${inner}] is not a colour, condition, elapsed time or currency`);
    } else if (/^am\/pm/i.test(rest)) {
      tokens.push({ t: 'date', s: rest.slice(0, 5) });
      i += 4;
    } else if (/^a\/p/i.test(rest)) {
      tokens.push({ t: 'date', s: rest.slice(0, 3) });
      i += 2;
    } else if (DATE_LETTER.test(ch)) {
      let end = i;
      while (text[end]?.toLowerCase() === ch.toLowerCase()) end++;
      tokens.push({ t: 'date', s: text.slice(i, end).toLowerCase() });
      i = end - 1;
    } else if (/^[eE][+-]/.test(rest)) {
      tokens.push({ t: 'exp', s: ch, plus: rest[1] === '+' });
      i++;
    } else if (ch === '0' || ch === '#') tokens.push({ t: 'digit', c: ch });
    else if (ch === '.') tokens.push({ t: 'dot' });
    else if (ch === ',') tokens.push({ t: 'comma' });
    else if (ch === '%') tokens.push({ t: 'percent' });
    else if (ch === '@') tokens.push({ t: 'text' });
    else if (ch === '?' || ch === '/' || ch === '*' || ch === '_')
      tokens.push({ t: 'lit', s: `\u0000${ch}` }); // checked below: only a date may hold / as a literal
    else if (/[A-Za-z]/.test(ch)) tokens.push({ t: 'lit', s: `\u0001${ch}` });
    else tokens.push({ t: 'lit', s: ch });
  }
  const isDate = tokens.some((tk) => tk.t === 'date');
  const kind: Section['kind'] = isDate
    ? 'date'
    : tokens.some((tk) => tk.t === 'digit')
      ? 'number'
      : tokens.some((tk) => tk.t === 'text')
        ? 'text'
        : 'number';
  for (const tk of tokens) {
    if (tk.t !== 'lit') continue;
    if (tk.s.startsWith('\u0000')) {
      const ch = tk.s[1]!;
      if (isDate && ch === '/') tk.s = '/';
      else
        refuse(
          ch === '/' || ch === '?'
            ? 'fractions and ? placeholders are not supported'
            : `${ch} (${ch === '*' ? 'repeat to fill' : 'width of a character'}) is not supported`,
        );
    } else if (tk.s.startsWith('\u0001')) {
      if (isDate) tk.s = tk.s.slice(1);
      else refuse(`the letter ${tk.s[1]} must be quoted ("${tk.s[1]}") or escaped (\\${tk.s[1]})`);
    }
  }
  if (isDate) {
    tokens.forEach((tk, i) => {
      if (tk.t === 'comma') tokens[i] = { t: 'lit', s: ',' };
    });
    if (tokens.some((tk) => tk.t === 'percent' || tk.t === 'exp' || tk.t === 'text'))
      refuse('a date or time section cannot mix in number placeholders');
    resolveDateTokens(pattern, tokens);
  }
  return { condition, kind, tokens };
}

/** `m`/`mm` is minutes right after an hour or right before a second; `.000` after seconds is a fraction. */
function resolveDateTokens(pattern: string, tokens: Token[]): void {
  const dateIndexes = tokens.flatMap((tk, i) => (tk.t === 'date' ? [i] : []));
  dateIndexes.forEach((index, k) => {
    const tk = tokens[index] as { t: 'date'; s: string };
    if (!/^m{1,2}$/.test(tk.s)) return;
    const prev = k > 0 ? (tokens[dateIndexes[k - 1]!] as { s: string }).s : '';
    const next = k + 1 < dateIndexes.length ? (tokens[dateIndexes[k + 1]!] as { s: string }).s : '';
    if (/^\[?h/.test(prev) || /^\[?s/.test(next)) tk.s = tk.s === 'm' ? 'n' : 'nn';
  });
  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i]!;
    const next = tokens[i + 1];
    if (tk.t === 'dot' && next?.t === 'digit' && next.c === '0') {
      let end = i + 1;
      while (tokens[end]?.t === 'digit' && (tokens[end] as { c: string }).c === '0') end++;
      const prior = tokens[i - 1];
      if (!prior || prior.t !== 'date' || !/s/.test(prior.s) || end - i - 1 > 3)
        throw new UnsupportedNumberFormatError(
          pattern,
          'fractions of a second (.0 to .000) must follow seconds',
        );
      tokens.splice(i, end - i, { t: 'date', s: `.${'0'.repeat(end - i - 1)}` });
    } else if (tk.t === 'digit' || tk.t === 'dot')
      throw new UnsupportedNumberFormatError(
        pattern,
        'a date or time section cannot mix in number placeholders',
      );
    else if (tk.t === 'date' && /^[ydh]/.test(tk.s) && tk.s.length > 4)
      throw new UnsupportedNumberFormatError(pattern, `${tk.s} is not a date token`);
  }
}

interface ParsedFormat {
  sections: Section[];
}

const cache = new Map<string, ParsedFormat>();

function parse(pattern: string): ParsedFormat {
  let parsed = cache.get(pattern);
  if (!parsed) {
    const texts = splitSections(pattern);
    if (texts.length > 4) throw new UnsupportedNumberFormatError(pattern, 'more than four sections');
    parsed = { sections: texts.map((t) => tokenizeSection(pattern, t)) };
    cache.set(pattern, parsed);
  }
  return parsed;
}

const isGeneral = (pattern: string | undefined): boolean =>
  pattern === undefined || pattern === '' || /^general$/i.test(pattern);

/** Throws for patterns this module would display differently from Sheets (called by setNumberFormat). */
export function assertNumberFormatSupported(pattern: string): void {
  if (!isGeneral(pattern)) parse(String(pattern));
}

export function isDateFormat(pattern: string | undefined): boolean {
  if (isGeneral(pattern) || pattern === '@') return false;
  try {
    return parse(pattern!).sections[0]!.kind === 'date';
  } catch {
    return false;
  }
}

function holds(condition: Condition, value: number): boolean {
  switch (condition.op) {
    case '<':
      return value < condition.value;
    case '<=':
      return value <= condition.value;
    case '>':
      return value > condition.value;
    case '>=':
      return value >= condition.value;
    case '=':
      return value === condition.value;
    case '<>':
      return value !== condition.value;
  }
}

/** Picks the section for a number and whether that section prints the minus sign itself. */
function sectionFor(sections: Section[], value: number): { section: Section; signed: boolean } | undefined {
  const numeric = sections.slice(0, 3);
  if (numeric.some((s) => s.condition)) {
    // The first two sections may carry conditions; the first that holds wins, else the next plain one.
    for (const s of numeric.slice(0, 2))
      if (s.condition && holds(s.condition, value)) return { section: s, signed: true };
    const fallback = numeric.find((s, i) => !s.condition && i > 0) ?? numeric.find((s) => !s.condition);
    return fallback ? { section: fallback, signed: true } : undefined;
  }
  if (numeric.length === 1 || value > 0 || (value === 0 && numeric.length === 2))
    return { section: numeric[0]!, signed: true };
  if (value < 0) return { section: numeric[1]!, signed: false };
  return { section: numeric[2]!, signed: true };
}

function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Writes `digits` right-aligned onto the integer placeholders; extra digits go to the first one. */
function fillInteger(tokens: Token[], digits: string, grouped: boolean): string {
  const placeholders = tokens.filter((tk) => tk.t === 'digit').length;
  const pieces: string[] = [];
  let j = 0;
  for (const tk of tokens) {
    if (tk.t !== 'digit') continue;
    const pos = digits.length - placeholders + j;
    if (j === 0 && pos >= 0) pieces.push(digits.slice(0, pos + 1));
    else pieces.push(pos >= 0 ? digits[pos]! : tk.c === '0' ? '0' : '');
    j++;
  }
  // Grouping applies to the digits shown, wherever the placeholders are; literals stay in place.
  const all = grouped ? groupDigits(pieces.join('')) : pieces.join('');
  let cursor = 0;
  const placed = pieces.map((piece, i) => {
    let out = '';
    for (let taken = 0; taken < piece.length && cursor < all.length;) {
      const c = all[cursor++]!;
      out += c;
      if (c !== ',') taken++;
    }
    return i === pieces.length - 1 ? out + all.slice(cursor) : out;
  });
  let k = 0;
  return tokens.map((tk) => (tk.t === 'digit' ? placed[k++] : tk.t === 'lit' ? tk.s : '')).join('');
}

function formatNumberSection(section: Section, value: number, signed: boolean): string {
  // % renders where it stands (and multiplies by 100); commas are grouping or scaling, never shown.
  const tokens = section.tokens.map((tk): Token => (tk.t === 'percent' ? { t: 'lit', s: '%' } : tk));
  const percents = section.tokens.filter((tk) => tk.t === 'percent').length;
  const dotAt = tokens.findIndex((tk) => tk.t === 'dot');
  const expAt = tokens.findIndex((tk) => tk.t === 'exp');
  const mantissaEnd = expAt < 0 ? tokens.length : expAt;
  const intEnd = dotAt < 0 ? mantissaEnd : dotAt;
  const intTokens = tokens.slice(0, intEnd);
  const fracTokens = dotAt < 0 ? [] : tokens.slice(dotAt + 1, mantissaEnd);
  const kinds = tokens.slice(0, mantissaEnd).map((tk) => tk.t);
  const firstDigit = kinds.indexOf('digit');
  const lastDigit = kinds.lastIndexOf('digit');
  // A comma after the last placeholder divides by 1000; one between integer placeholders groups.
  let scale = 0;
  for (let i = lastDigit + 1; i < mantissaEnd && (kinds[i] === 'comma' || kinds[i] === 'dot'); i++)
    if (kinds[i] === 'comma') scale++;
  const intLast = intTokens.map((tk) => tk.t).lastIndexOf('digit');
  const grouped = intTokens.some((tk, i) => tk.t === 'comma' && i > firstDigit && i < intLast);
  let n = (Math.abs(value) * 100 ** percents) / 1000 ** scale;
  const fracDigits = fracTokens.filter((tk) => tk.t === 'digit') as { c: string }[];
  let exponent = 0;
  if (expAt >= 0 && n !== 0) {
    const intPlaces = Math.max(1, intTokens.filter((tk) => tk.t === 'digit').length);
    exponent = Math.floor(Math.log10(n)) - (intPlaces - 1);
    n /= 10 ** exponent;
    if (Number(n.toFixed(fracDigits.length)) >= 10 ** intPlaces) {
      exponent++;
      n /= 10;
    }
  }
  const fixed = n.toFixed(fracDigits.length);
  const [intPart, fracPart = ''] = fixed.split('.');
  let text = fillInteger(
    intTokens.filter((tk) => tk.t !== 'comma'),
    intPart === '0' ? '' : intPart!,
    grouped,
  );
  if (dotAt >= 0) {
    // Trailing # places drop their zeros; 0 places keep them.
    let keep = fracDigits.length;
    while (keep > 0 && fracDigits[keep - 1]!.c === '#' && fracPart[keep - 1] === '0') keep--;
    let f = 0;
    text += '.';
    for (const tk of fracTokens) {
      if (tk.t === 'digit') text += f++ < keep ? fracPart[f - 1] : '';
      else if (tk.t === 'lit') text += tk.s;
    }
  }
  if (expAt >= 0) {
    const exp = tokens[expAt] as { s: string; plus: boolean };
    const expTokens = tokens.slice(expAt + 1);
    const width = expTokens.filter((tk) => tk.t === 'digit' && tk.c === '0').length;
    const sign = exponent < 0 ? '-' : exp.plus ? '+' : '';
    text += `${exp.s}${sign}${String(Math.abs(exponent)).padStart(width, '0')}`;
    for (const tk of expTokens) if (tk.t === 'lit') text += tk.s;
  }
  const showsNonZero = /[1-9]/.test(fixed);
  return (signed && value < 0 && showsNonZero ? '-' : '') + text;
}

const DAY_MS = 86_400_000;
/** Serial 0 is 1899-12-30, Sheets' epoch. */
const EPOCH_MS = Date.UTC(1899, 11, 30);

function formatDateSection(section: Section, serial: number): string {
  const tokens = section.tokens;
  const fraction = tokens.find((tk) => tk.t === 'date' && tk.s.startsWith('.')) as { s: string } | undefined;
  const places = fraction ? fraction.s.length - 1 : 0;
  // Round to what the pattern shows (whole seconds, or the shown fraction), then read the parts.
  const unit = 1000 / 10 ** places;
  const totalMs = Math.round((serial * DAY_MS) / unit) * unit;
  const sign = totalMs < 0 ? '-' : '';
  const abs = Math.abs(totalMs);
  const d = new Date(EPOCH_MS + Math.floor(totalMs / DAY_MS) * DAY_MS);
  const msOfDay = ((totalMs % DAY_MS) + DAY_MS) % DAY_MS;
  const hour = Math.floor(msOfDay / 3_600_000);
  const minute = Math.floor(msOfDay / 60_000) % 60;
  const second = Math.floor(msOfDay / 1000) % 60;
  const ms = msOfDay % 1000;
  const twelveHour = tokens.some((tk) => tk.t === 'date' && /\//.test(tk.s));
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  let out = '';
  let elapsedSeen = false;
  for (const tk of tokens) {
    if (tk.t === 'lit') {
      out += tk.s;
      continue;
    }
    if (tk.t !== 'date') continue;
    const s = tk.s;
    const n = s.length;
    if (s.startsWith('[')) {
      const width = n - 2;
      const unitMs = s[1] === 'h' ? 3_600_000 : s[1] === 'm' ? 60_000 : 1000;
      // Only the largest elapsed unit counts the whole duration; smaller ones are what is left over.
      const total = Math.floor(abs / unitMs);
      const modulus = elapsedSeen ? 60 : Infinity;
      out += (elapsedSeen ? '' : sign) + pad(total % modulus, width);
      elapsedSeen = true;
    } else if (s.startsWith('.')) out += `.${pad(Math.round(ms / unit), places)}`;
    else if (s[0] === 'd')
      out +=
        n <= 2 ? pad(d.getUTCDate(), n) : n === 3 ? DAYS[d.getUTCDay()]!.slice(0, 3) : DAYS[d.getUTCDay()]!;
    else if (s[0] === 'm')
      out +=
        n <= 2
          ? pad(d.getUTCMonth() + 1, n)
          : n === 3
            ? MONTHS[d.getUTCMonth()]!.slice(0, 3)
            : n === 4
              ? MONTHS[d.getUTCMonth()]!
              : MONTHS[d.getUTCMonth()]![0];
    else if (s[0] === 'n') out += pad(minute, n);
    else if (s[0] === 'y') out += n <= 2 ? pad(d.getUTCFullYear() % 100, 2) : pad(d.getUTCFullYear(), 4);
    else if (s[0] === 'h') out += pad(twelveHour ? hour % 12 || 12 : hour, Math.min(n, 2));
    else if (s[0] === 's') out += pad(second, Math.min(n, 2));
    else if (/^am\/pm$/i.test(s)) {
      const text = hour < 12 ? 'AM' : 'PM';
      out += s[0] === 'a' ? text.toLowerCase() : text;
    } else if (/^a\/p$/i.test(s)) {
      const text = hour < 12 ? 'a' : 'p';
      out += s[0] === 'A' ? text.toUpperCase() : text;
    }
  }
  return out;
}

function formatTextSection(section: Section, text: string): string {
  return section.tokens.map((tk) => (tk.t === 'text' ? text : tk.t === 'lit' ? tk.s : '')).join('');
}

/** Default display of a plain number in Sheets: up to ~10 significant digits, no grouping. */
function formatGeneral(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

/** What Range.getDisplayValue shows for a cell value under a number format. */
export function displayOf(value: unknown, pattern: string | undefined, _timeZone?: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isGeneral(pattern) || pattern === '@')
    return typeof value === 'number' ? formatGeneral(value) : String(value);
  const { sections } = parse(pattern!);
  if (typeof value !== 'number') {
    const textSection =
      sections[3] ?? (sections.length === 1 && sections[0]!.kind === 'text' ? sections[0] : undefined);
    return textSection ? formatTextSection(textSection, String(value)) : String(value);
  }
  const chosen = sectionFor(sections, value);
  if (!chosen) return formatGeneral(value);
  const { section, signed } = chosen;
  if (section.kind === 'date') return formatDateSection(section, signed ? value : Math.abs(value));
  if (section.kind === 'text') return formatTextSection(section, formatGeneral(value));
  if (!section.tokens.some((tk) => tk.t === 'digit'))
    return (
      (signed && value < 0 ? '-' : '') + section.tokens.map((tk) => (tk.t === 'lit' ? tk.s : '')).join('')
    );
  return formatNumberSection(section, value, signed);
}
