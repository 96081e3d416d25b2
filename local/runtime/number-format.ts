/** The number formats the runtime understands for display and for telling dates from numbers. */
import { formatDate } from './date-format.js';
import { instantFromSerial } from './tz.js';

export function isDateFormat(pattern: string | undefined): boolean {
  if (!pattern || pattern === '@') return false;
  const unquoted = pattern.replace(/"[^"]*"|\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dy]/i.test(unquoted) || /h+:m+/i.test(unquoted);
}

/** Sheets number-format pattern (yyyy-mm-dd, M/d/yyyy…) to the Java pattern Utilities.formatDate takes. */
function sheetsDatePatternToJava(pattern: string): string {
  return pattern
    .replace(/m{1,2}(?=[^a-z]*s)|(?<=h[^a-z]*)m{1,2}/gi, (m) => 'm'.repeat(m.length)) // minutes
    .replace(/(?<![a-z])m{1,4}(?![a-z])/gi, (m) => 'M'.repeat(m.length))
    .replace(/d{3,4}/gi, (m) => (m.length === 3 ? 'EEE' : 'EEEE'))
    .replace(/h+/gi, (m) => 'H'.repeat(m.length));
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatNumber(value: number, pattern: string): string {
  const percent = pattern.includes('%');
  const n = percent ? value * 100 : value;
  const decimalsMatch = /\.(0+)/.exec(pattern);
  const decimals = decimalsMatch ? decimalsMatch[1]!.length : 0;
  const grouped = pattern.includes('#,##');
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const body = (grouped ? groupThousands(int!) : int!) + (frac ? `.${frac}` : '');
  const prefix = /\[\$([^\]-]*)[^\]]*\]|"([^"]*)"/.exec(pattern.split(/[#0]/)[0] ?? '');
  const symbol = prefix ? (prefix[1] ?? prefix[2] ?? '') : '';
  const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${symbol}${body}${percent ? '%' : ''}`;
}

/** Default display of a plain number in Sheets: up to ~10 significant digits, no grouping. */
function formatGeneral(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

export function displayOf(value: unknown, pattern: string | undefined, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'number') return String(value);
  if (pattern && isDateFormat(pattern)) {
    return formatDate(instantFromSerial(value, timeZone), timeZone, sheetsDatePatternToJava(pattern));
  }
  if (pattern && pattern !== '@' && /[0#]/.test(pattern)) return formatNumber(value, pattern);
  return formatGeneral(value);
}
