/**
 * The reference evaluator, a test oracle: the rules of the formula columns in plain TypeScript,
 * over cell values as the sheet holds them (numbers, text, booleans, '' for empty; dates as day
 * numbers). The formula property test holds the sheet formulas to it; the product never runs it.
 */
import type {
  BudgetStatus,
  GoalStatus,
  KpiStatus,
  RiskLevel,
  TimelineStatus,
} from '../../src/core/spec/vocab';
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
/**
 * Sheets arithmetic: blank is 0, TRUE is 1, a number typed as text ("12.5", as the property test
 * draws them) is that number, other text is an error.
 */
function num(v: SheetValue): number {
  if (typeof v === 'number') return v;
  if (v === '') return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
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
  return iferror(() => {
    const start = num(effectiveStart(row, s));
    const due = num(effectiveDue(row, s));
    if (due <= start) return today >= due ? 1 : 0;
    return round(Math.max(0, Math.min(1, divide(today - start, due - start))), 4);
  }, '' as const);
}

/** A KPI row's own Progress (the Progress of a goal without a KPI is its roll-up: goalTree). */
export function goalProgress(row: Row): number | '' {
  const [a, b, t] = [get(row, 'actual'), get(row, 'baseline'), get(row, 'target')];
  if (isBlankWord(get(row, 'kpi')) || !isNumber(a) || !isNumber(t)) return '';
  if (textEquals(get(row, 'direction'), 'Maintain')) {
    if (t === 0) return a === 0 ? 1 : 0;
    return Math.max(0, round(1 - Math.max(a - t, t - a) / Math.max(t, -t), 4));
  }
  return iferror(() => round(divide(a - num(b), t - num(b)), 4), '' as const);
}

/** Status from the row's Progress and Path (given: a goal's come from goalTree). */
export function goalStatus(row: Row, s: StatusSettings, today: number): GoalStatus | '' {
  const p = get(row, 'progress');
  const e = goalExpected(row, s, today);
  if (isBlankWord(get(row, 'kpi'))) {
    if (get(row, 'path') === '') return 'Check parents';
    if (!isNumber(p) || !isNumber(e)) return 'No data';
    if (today < num(effectiveStart(row, s))) return 'Not started';
    return trendStatus(row, p, e, s, today);
  }
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
  return trendStatus(row, p, e, s, today);
}

function trendStatus(row: Row, p: number, e: number, s: StatusSettings, today: number): KpiStatus {
  if (p >= 1) return 'Achieved';
  if (today > num(effectiveDue(row, s))) return 'Missed';
  if (p >= e) return 'On track';
  return p >= round(e - s.atRiskBand, 4) ? 'At risk' : 'Off track';
}

/** Parent steps the roll-up follows (ROLLUP_LEVELS in src/core/formulas.ts). */
export const ROLLUP_LEVELS = 6;

export interface TreeCells {
  share: number;
  path: string;
  contribution: number | '';
  progress: number | '';
}

/**
 * The goal roll-up over a whole Goals tab, as its formulas compute it: Share, Path, Contribution
 * and Progress of every row (sheet order). MATCH finds the first row with the ID (without case);
 * the SUMIFS/COUNTIFS criteria compare Parent cells as they are (without case).
 */
export function goalTree(rows: readonly Row[]): TreeCells[] {
  const ids = rows.map((r) => word(get(r, 'id')).toLowerCase());
  const match = (id: string): number | undefined => {
    if (id === '') return undefined;
    const i = ids.indexOf(id.toLowerCase());
    return i < 0 ? undefined : i;
  };
  const weightOf = (v: SheetValue) => (isNumber(v) && v > 0 ? v : 1);
  const parentCell = (r: Row) => {
    const v = get(r, 'parent');
    return (typeof v === 'string' ? v : String(v)).toLowerCase();
  };
  const shares = rows.map((row) => {
    const parent = word(get(row, 'parent'));
    if (parent === '') return 1;
    const m = match(parent);
    if (m === undefined) return 1;
    if (!isBlankWord(get(rows[m]!, 'kpi'))) return 0;
    const siblings = rows.filter((r) => parentCell(r) === parent.toLowerCase());
    const positive = siblings.filter((r) => isNumber(get(r, 'weight')) && (get(r, 'weight') as number) > 0);
    const total =
      siblings.length + positive.reduce((sum, r) => sum + (get(r, 'weight') as number), 0) - positive.length;
    return total === 0 ? 0 : weightOf(get(row, 'weight')) / total;
  });
  const chains = rows.map((row) => {
    const chain = [word(get(row, 'parent'))];
    while (chain.length <= ROLLUP_LEVELS) {
      const m = match(chain[chain.length - 1]!);
      chain.push(m === undefined ? '' : word(get(rows[m]!, 'parent')));
    }
    return chain; // ROLLUP_LEVELS ancestors, then the one above the last
  });
  const topShare = (i: number) =>
    chains[i]!.slice(0, ROLLUP_LEVELS - 1).reduce((product, a) => {
      const m = match(a);
      return product * (a === '' || m === undefined ? 1 : shares[m]!);
    }, shares[i]!);
  const paths = rows.map((row, i) => {
    const chain = chains[i]!;
    if (isBlankWord(get(row, 'id')) || chain[ROLLUP_LEVELS] !== '') return '';
    const ids = [...chain.slice(0, ROLLUP_LEVELS)].reverse().join(' ') + ' ' + word(get(row, 'id'));
    return ` ${word(ids).replace(/ /g, ' › ')} `;
  });
  const contributions = rows.map((row, i) => {
    if (isBlankWord(get(row, 'kpi')) || paths[i] === '') return '' as const;
    const p = goalProgress(row);
    return isNumber(p) ? topShare(i) * p : ('' as const);
  });
  return rows.map((row, i) => {
    const cells = { share: shares[i]!, path: paths[i]!, contribution: contributions[i]! };
    if (!isBlankWord(get(row, 'kpi'))) return { ...cells, progress: goalProgress(row) };
    if (paths[i] === '') return { ...cells, progress: '' };
    const needle = ` ${word(get(row, 'id'))} `.toLowerCase();
    const below = rows
      .map((_, k) => k)
      .filter((k) => paths[k]!.toLowerCase().includes(needle) && isNumber(contributions[k]!));
    if (!below.length) return { ...cells, progress: '' };
    const sum = below.reduce((total, k) => total + (contributions[k] as number), 0);
    return { ...cells, progress: iferror(() => round(divide(sum, topShare(i)), 4), '' as const) };
  });
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
