/**
 * The reference evaluator, a test oracle: the rules of the formula columns in plain TypeScript,
 * over cell values as the sheet holds them (numbers, text, booleans, '' for empty; dates as day
 * numbers). The formula property test holds the sheet formulas to it; the product never runs it.
 */
import type { BudgetStatus, KpiStatus, RiskLevel, TimelineStatus } from '../../src/core/spec/vocab';
import { SCALE_BY_WORD } from '../../src/core/spec/vocab';

export type SheetValue = string | number | boolean;
export type Row = Readonly<Record<string, SheetValue | undefined>>;

export interface StatusSettings {
  periodStart: SheetValue;
  periodEnd: SheetValue;
  atRiskBand: number;
  dueSoonDays: number;
  riskLowMax: number;
  riskMediumMax: number;
  riskHighMax: number;
}

class FormulaError extends Error {}

const get = (row: Row, key: string): SheetValue => row[key] ?? '';
const isNumber = (v: SheetValue): v is number => typeof v === 'number';
const isBlank = (v: SheetValue) => v === '';
/** Sheets arithmetic: blank is 0, TRUE is 1, text is an error. */
function num(v: SheetValue): number {
  if (typeof v === 'number') return v;
  if (v === '') return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new FormulaError('#VALUE!');
}
/** TRIM(SUBSTITUTE(v,CHAR(160)," ")) as both engines compute it: numbers and booleans become text. */
function word(v: SheetValue): string {
  const text = typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/^ +| +$/g, '')
    .replace(/ +/g, ' ');
}
/** `word = "text"`: Sheets compares text without case. */
const textEquals = (v: SheetValue, text: string) => word(v).toLowerCase() === text.toLowerCase();
/** A cell of nothing but spaces is blank to the formulas that test a word column. */
const isBlankWord = (v: SheetValue) => word(v) === '';
/** Sheets/HyperFormula ROUND: half away from zero. */
export function round(x: number, places: number): number {
  const m = Math.pow(10, places);
  return x < 0 ? -Math.round(-x * m) / m : Math.round(x * m) / m;
}
function divide(a: number, b: number): number {
  if (b === 0) throw new FormulaError('#DIV/0!');
  return a / b;
}
function iferror<T, F>(f: () => T, fallback: F): T | F {
  try {
    return f();
  } catch (e) {
    if (e instanceof FormulaError) return fallback;
    throw e;
  }
}

const effectiveStart = (row: Row, s: StatusSettings) =>
  isNumber(get(row, 'start')) ? get(row, 'start') : s.periodStart;
const effectiveDue = (row: Row, s: StatusSettings) =>
  isNumber(get(row, 'due')) ? get(row, 'due') : s.periodEnd;

export function goalExpected(row: Row, s: StatusSettings, today: number): number | '' {
  if (isBlankWord(get(row, 'kpi'))) return '';
  return iferror(() => {
    const start = num(effectiveStart(row, s));
    const due = num(effectiveDue(row, s));
    if (due <= start) return today >= due ? 1 : 0;
    return round(Math.max(0, Math.min(1, divide(today - start, due - start))), 4);
  }, '' as const);
}

export function goalProgress(row: Row): number | '' {
  const [a, b, t] = [get(row, 'actual'), get(row, 'baseline'), get(row, 'target')];
  if (isBlankWord(get(row, 'kpi')) || !isNumber(a) || !isNumber(t)) return '';
  if (textEquals(get(row, 'direction'), 'Maintain')) {
    if (t === 0) return a === 0 ? 1 : 0;
    return Math.max(0, round(1 - Math.max(a - t, t - a) / Math.max(t, -t), 4));
  }
  return iferror(() => round(divide(a - num(b), t - num(b)), 4), '' as const);
}

export function goalStatus(row: Row, s: StatusSettings, today: number): KpiStatus | '' {
  if (isBlankWord(get(row, 'kpi'))) return '';
  const p = goalProgress(row);
  const e = goalExpected(row, s, today);
  if (!isNumber(p))
    return !isNumber(get(row, 'actual')) && isNumber(e) && today > num(effectiveDue(row, s))
      ? 'Missed'
      : 'No data';
  // Expected is a number exactly when Start and Due (or the plan period) are dates.
  if (!isNumber(e)) return 'No data';
  if (today < num(effectiveStart(row, s))) return 'Not started';
  const due = num(effectiveDue(row, s));
  if (textEquals(get(row, 'direction'), 'Maintain')) {
    const tolerance = round(1 - s.atRiskBand, 4);
    if (today > due) return p >= tolerance ? 'Achieved' : 'Missed';
    if (p >= tolerance) return 'On track';
    return p >= round(1 - 2 * s.atRiskBand, 4) ? 'At risk' : 'Off track';
  }
  if (p >= 1) return 'Achieved';
  if (today > due) return 'Missed';
  if (p >= e) return 'On track';
  return p >= round(e - s.atRiskBand, 4) ? 'At risk' : 'Off track';
}

export function budgetPlannedTotal(row: Row): number | '' {
  const [planned, hours, rate] = [get(row, 'planned'), get(row, 'hours'), get(row, 'rate')];
  if (isBlank(planned) && isBlank(hours) && isBlank(rate)) return '';
  return iferror(() => num(planned) + num(hours) * num(rate), '' as const);
}

export function budgetVariance(row: Row): number | '' {
  const total = budgetPlannedTotal(row);
  const actual = get(row, 'actual');
  return isNumber(total) && isNumber(actual) ? total - actual : '';
}

export function budgetVariancePercent(row: Row): number | '' {
  const v = budgetVariance(row);
  if (!isNumber(v)) return '';
  return iferror(() => round(divide(v, budgetPlannedTotal(row) as number), 4), '' as const);
}

export function budgetStatus(row: Row, s: StatusSettings): BudgetStatus | '' {
  const v = budgetVariance(row);
  if (!isNumber(v)) return '';
  const total = budgetPlannedTotal(row) as number;
  const actual = get(row, 'actual') as number;
  if (actual > total) return 'Over budget';
  return actual >= round(total * (1 - s.atRiskBand), 4) ? 'On budget' : 'Under budget';
}

const isDone = (row: Row) => textEquals(get(row, 'state'), 'Done') || isNumber(get(row, 'completed'));

export function timelineStatus(row: Row, s: StatusSettings, today: number): TimelineStatus | '' {
  const [due, start] = [get(row, 'due'), get(row, 'start')];
  if (isBlankWord(get(row, 'name')) && isBlank(due)) return '';
  if (isDone(row)) return 'Done';
  const notYet = isNumber(start) && today < start ? 'Not started' : 'On schedule';
  if (!isNumber(due)) return notYet;
  if (today > due) return 'Overdue';
  if (due - today <= s.dueSoonDays) return 'Due soon';
  return notYet;
}

export function timelineDaysLeft(row: Row, today: number): number | '' {
  const due = get(row, 'due');
  if (!isNumber(due) || isDone(row)) return '';
  return due - today;
}

/** Likelihood or impact as the Score formula reads it. */
export function scaleValue(v: SheetValue): number | '' {
  if (isNumber(v)) return v >= 1 && v <= 5 && Math.round(v) === v ? v : '';
  if (typeof v === 'string') return SCALE_BY_WORD.get(word(v).toLowerCase()) ?? '';
  return '';
}

export function riskScore(row: Row): number | '' {
  const [l, i] = [get(row, 'likelihood'), get(row, 'impact')];
  if (isBlankWord(l) || isBlankWord(i)) return '';
  const [a, b] = [scaleValue(l), scaleValue(i)];
  return isNumber(a) && isNumber(b) ? a * b : '';
}

export function riskLevel(row: Row, s: StatusSettings): RiskLevel | '' {
  const score = riskScore(row);
  if (!isNumber(score)) return '';
  if (score <= s.riskLowMax) return 'Low';
  if (score <= s.riskMediumMax) return 'Medium';
  return score <= s.riskHighMax ? 'High' : 'Critical';
}
