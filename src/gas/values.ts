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
      text = Number.isNaN(t)
        ? ''
        : Utilities.formatDate(d, timeZone, "yyyy-MM-dd'T'HH:mm").replace(/T00:00$/, '');
      cache.set(t, text);
    }
    return text;
  };
  // getValues() hands back a fresh array: convert in place rather than copy a million cells.
  // Only objects can be Dates, so text and numbers skip the check.
  for (const line of values) {
    for (let i = 0; i < line.length; i++) {
      const v = line[i];
      if (typeof v === 'object' && v !== null && isDate(v)) line[i] = iso(v);
    }
  }
  return values as (string | number | boolean)[][];
}
