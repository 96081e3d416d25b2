/**
 * Cell values from getValues() as core takes them: Dates become ISO text read in the
 * spreadsheet's time zone (never the script's), everything else passes through.
 */
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export function cellValues(values: unknown[][], timeZone: string): (string | number | boolean)[][] {
  const cache = new Map<number, string>();
  const iso = (d: Date) => {
    const t = d.getTime();
    let text = cache.get(t);
    if (text === undefined) {
      text = Number.isNaN(t) ? '' : Utilities.formatDate(d, timeZone, "yyyy-MM-dd'T'HH:mm").replace(/T00:00$/, '');
      cache.set(t, text);
    }
    return text;
  };
  // Only objects can be Dates: the common cells (text, numbers) skip the check.
  return values.map((line) => line.map((v) => (typeof v === 'object' && v !== null && isDate(v) ? iso(v) : (v as string | number | boolean))));
}
