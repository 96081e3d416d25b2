/**
 * Display formats, Java-style formatString/formatDate and console substitution, each held to the
 * page that documents it.
 */
import { describe, expect, it } from 'vitest';

import { formatConsoleArgs } from '../../local/runtime/console.js';
import { formatDate } from '../../local/runtime/date-format.js';
import { formatString } from '../../local/runtime/java-format.js';
import { displayOf } from '../../local/runtime/number-format.js';

const serial = (y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0) =>
  (Date.UTC(y, m - 1, d, h, mi, s, ms) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe('number formats (https://developers.google.com/sheets/api/guides/formats)', () => {
  // The guide's own examples: "Tuesday, April 5, 2016 at 4:08:53.528 PM" and the durations.
  const april5 = serial(2016, 4, 5, 16, 8, 53, 528);
  const duration = (3 * 3600 + 13 * 60 + 41.255) / 86_400;
  it.each([
    [april5, 'h:mm:ss.00 a/p', '4:08:53.53 p'],
    [april5, 'hh:mm A/P".M."', '04:08 P.M.'],
    [april5, 'yyyy-mm-dd', '2016-04-05'],
    [april5, 'mmmm d \\[dddd\\]', 'April 5 [Tuesday]'],
    [april5, 'dddd, m/d/yy at h:mm', 'Tuesday, 4/5/16 at 16:08'],
    [duration, '[hh]:[mm]:[ss].000', '03:13:41.255'],
    [duration, '[mmmm]:[ss].000', '0193:41.255'],
    [1234.56, '####.#', '1234.6'],
    [12.34, '000.0000', '012.3400'],
    [12, '#.0#', '12.0'],
    [1234.568, '#.0#', '1234.57'],
    [1234.56, '0.00e+0', '1.23e+3'],
    [1005, '[>1000]"HIGH";[Color43][<=200]"LOW";0000', 'HIGH'],
    [32, '[>1000]"HIGH";[Color43][<=200]"LOW";0000', 'LOW'],
    [527, '[>1000]"HIGH";[Color43][<=200]"LOW";0000', '0527'],
  ])('%s as %s is %s', (value, pattern, expected) => {
    expect(displayOf(value, pattern)).toBe(expected);
  });

  it('sections: the negative section drops the sign, zero and text sections apply', () => {
    expect(displayOf(-1234.5, '#,##0.00;(#,##0.00)')).toBe('(1,234.50)');
    expect(displayOf(1234.5, '#,##0.00;(#,##0.00)')).toBe('1,234.50');
    expect(displayOf(0, '#,##0.00;(#,##0.00);"zero"')).toBe('zero');
    expect(displayOf('abc', '0;-0;0;"text: "@')).toBe('text: abc');
    expect(displayOf(-5, '[Red]0.0;[Blue]-0.0')).toBe('-5.0');
  });

  it('times of day, AM/PM and elapsed hours', () => {
    expect(displayOf(serial(2026, 1, 1, 18, 12), 'h:mm AM/PM')).toBe('6:12 PM');
    expect(displayOf(serial(2026, 1, 1, 18, 12), 'hh:mm:ss')).toBe('18:12:00');
    expect(displayOf(1.5, '[h]:mm')).toBe('36:00');
    expect(displayOf(serial(2026, 3, 9), 'd mmm yyyy')).toBe('9 Mar 2026');
    expect(displayOf(serial(2026, 3, 9), 'dddd')).toBe('Monday');
  });

  it('grouping, scaling, percent, currency and literals', () => {
    expect(displayOf(0.256, '0.0%')).toBe('25.6%');
    expect(displayOf(12_200_000, '0.0,,"M"')).toBe('12.2M');
    expect(displayOf(1234.5, '[$€]#,##0.00')).toBe('€1,234.50');
    expect(displayOf(5_551_234_567, '(###) ###-####')).toBe('(555) 123-4567');
    expect(displayOf(12345, '0.00E+00')).toBe('1.23E+04');
  });

  it('refuses what it does not implement instead of showing something else', () => {
    for (const pattern of ['# ?/?', '_(0_)', '*-0', '0 kg'])
      expect(() => displayOf(1, pattern)).toThrow(/cannot display the number format/);
  });
});

describe('Utilities.formatString (Java Formatter, https://developers.google.com/apps-script/reference/utilities/utilities#formatstringtemplate,-args)', () => {
  it('formats the common conversions as Java does', () => {
    expect(formatString('%11.6f', [3.14159])).toBe('   3.141590');
    expect(formatString('%-11s*', ['foo'])).toBe('foo        *');
    expect(formatString('%05d|%,d|%x|%+.2f|%e|100%%', [-42, 1234567, 255, 2.5, 12345.678])).toBe(
      '-0042|1,234,567|ff|+2.50|1.234568e+04|100%',
    );
    expect(formatString('%2$s %1$s', ['a', 'b'])).toBe('b a');
    expect(formatString('%.2f', [1.005])).toBe('1.01');
    expect(() => formatString('%d', [2.5])).toThrow(/IllegalFormatConversion/);
  });
});

describe('Utilities.formatDate (Java SimpleDateFormat, https://developers.google.com/apps-script/reference/utilities/utilities#formatdatedate,-timezone,-format)', () => {
  const july4 = Date.parse('2026-07-04T15:04:05.007Z');
  it('z, zzzz, Z and X as SimpleDateFormat defines them', () => {
    expect(formatDate(july4, 'America/New_York', 'yyyy-MM-dd HH:mm:ss.SSS z')).toBe(
      '2026-07-04 11:04:05.007 EDT',
    );
    expect(formatDate(july4, 'America/New_York', 'zzzz|Z|X|XX|XXX')).toBe(
      'Eastern Daylight Time|-0400|-04|-0400|-04:00',
    );
    expect(formatDate(july4, 'UTC', 'X|z')).toBe('Z|UTC');
    expect(formatDate(july4, 'Europe/Berlin', "EEE, d MMM yyyy h:mm a z 'Q'")).toBe(
      'Sat, 4 Jul 2026 5:04 PM CEST Q',
    );
  });
  it('an unquoted letter that is not a pattern letter fails, as in Java', () => {
    expect(() => formatDate(july4, 'UTC', 'yyyy-MM-dd T')).toThrow("Illegal pattern character 'T'");
  });
});

describe('console substitutions (https://developers.google.com/apps-script/reference/base/console, Console Standard formatter)', () => {
  it('fills %s %d %i %f %o and %%, and appends what is left', () => {
    expect(formatConsoleArgs(['a %s b %d', 'x', 5])).toBe('a x b 5');
    expect(formatConsoleArgs(['%i|%f|%o|%%', '42px', '3.5', { k: [1] }, 'extra'])).toBe(
      '42|3.5|{ k: [ 1 ] }|% extra',
    );
    expect(formatConsoleArgs([{ a: 1 }, 2])).toBe('{ a: 1 } 2');
  });
});
