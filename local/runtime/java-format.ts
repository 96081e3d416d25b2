/**
 * Utilities.formatString: Java's Formatter syntax
 * (https://docs.oracle.com/javase/8/docs/api/java/util/Formatter.html), which Apps Script uses for
 * `%`-style templates: `%[index$][flags][width][.precision]conversion` with the conversions s S d f
 * e E x X o c b B % n. Script numbers reach Java as doubles, so %s of 5 is "5.0" and %d takes only
 * whole numbers. Other conversions are refused.
 */
import { AppsScriptException } from './errors.js';

const SPEC = /%(\d+\$)?([-#+ 0,(<]*)(\d+)?(\.\d+)?([a-zA-Z%])/g;

/** Java's Double.toString for the values scripts pass (integers print as 5.0). */
export function javaDoubleText(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e7)) {
    const [m, e] = n.toExponential().split('e');
    return `${m!.includes('.') ? m : `${m}.0`}E${Number(e)}`;
  }
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

function javaString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return javaDoubleText(value);
  return String(value);
}

/** Java rounds HALF_UP on the shortest decimal form of the double (1.005 → 1.01), unlike toFixed. */
function fixedHalfUp(abs: number, places: number): string {
  const [mantissa, exp = '0'] = String(abs).split('e');
  const [int, frac = ''] = mantissa!.split('.');
  let digits = int! + frac;
  let point = int!.length + Number(exp);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  digits = digits.padEnd(point + places + 1, '0');
  const kept = digits.slice(0, point + places);
  const roundUp = Number(digits[point + places]) >= 5;
  const text = (BigInt(kept || '0') + (roundUp ? 1n : 0n)).toString().padStart(places + 1, '0');
  const intPart = text.slice(0, text.length - places) || '0';
  return places > 0 ? `${intPart}.${text.slice(text.length - places)}` : intPart;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function signed(body: string, negative: boolean, flags: string): string {
  if (negative) return flags.includes('(') ? `(${body})` : `-${body}`;
  return flags.includes('+') ? `+${body}` : flags.includes(' ') ? ` ${body}` : body;
}

export function formatString(template: string, args: unknown[]): string {
  let ordinary = 0;
  let last = -1;
  return String(template).replace(
    SPEC,
    (
      whole,
      index: string | undefined,
      flags: string,
      width: string | undefined,
      precision: string | undefined,
      conversion: string,
    ) => {
      if (conversion === '%') return '%'.padStart(Number(width ?? 0));
      if (conversion === 'n') return '\n';
      const at = flags.includes('<') ? last : index ? Number(index.slice(0, -1)) - 1 : ordinary++;
      last = at;
      if (at >= args.length)
        throw new AppsScriptException(`MissingFormatArgumentException: Format specifier '${whole}'`);
      const value = args[at];
      const places = precision === undefined ? undefined : Number(precision.slice(1));
      let text: string;
      switch (conversion) {
        case 's':
        case 'S': {
          text = javaString(value);
          if (places !== undefined) text = text.slice(0, places);
          if (conversion === 'S') text = text.toUpperCase();
          break;
        }
        case 'b':
        case 'B':
          text = String(
            value === null || value === undefined ? false : typeof value === 'boolean' ? value : true,
          );
          if (conversion === 'B') text = text.toUpperCase();
          break;
        case 'c':
          text = typeof value === 'number' ? String.fromCodePoint(value) : String(value).charAt(0);
          break;
        case 'd':
        case 'x':
        case 'X':
        case 'o': {
          if (typeof value !== 'number' || !Number.isInteger(value))
            throw new AppsScriptException(
              `IllegalFormatConversionException: ${conversion} != ${typeof value === 'number' ? 'java.lang.Double' : 'java.lang.String'}`,
            );
          const abs = Math.abs(value);
          const radix = conversion === 'd' ? 10 : conversion === 'o' ? 8 : 16;
          let digits = abs.toString(radix);
          if (conversion === 'X') digits = digits.toUpperCase();
          if (flags.includes(',')) digits = group(digits);
          text = signed(digits, value < 0, flags);
          break;
        }
        case 'f':
        case 'e':
        case 'E': {
          if (typeof value !== 'number')
            throw new AppsScriptException(
              `IllegalFormatConversionException: ${conversion} != java.lang.String`,
            );
          const p = places ?? 6;
          let body: string;
          if (conversion === 'f') {
            const [int, frac] = fixedHalfUp(Math.abs(value), p).split('.');
            body = (flags.includes(',') ? group(int!) : int!) + (frac ? `.${frac}` : '');
          } else {
            const [m, e] = Math.abs(value).toExponential(p).split('e');
            const exp = Number(e);
            body = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
            if (conversion === 'E') body = body.toUpperCase();
          }
          text = signed(body, value < 0 || Object.is(value, -0), flags);
          break;
        }
        default:
          throw new AppsScriptException(
            `not implemented in the local runtime: Utilities.formatString conversion %${conversion}`,
          );
      }
      const w = Number(width ?? 0);
      if (text.length >= w) return text;
      if (flags.includes('-')) return text.padEnd(w);
      if (flags.includes('0') && /[dxXofeE]/.test(conversion)) {
        const sign = /^[-+ (]/.test(text) ? text[0]! : '';
        return sign + text.slice(sign.length).padStart(w - sign.length, '0');
      }
      return text.padStart(w);
    },
  );
}
