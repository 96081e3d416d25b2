/**
 * Formula columns, built per data row from the tab's actual column positions (adopted tabs keep
 * their own order). Only functions Google Sheets and the local engine agree on; relative row
 * references, so sorting and inserting rows keep them right; settings read by named range; no bare
 * TRUE/FALSE and no open ranges. Thresholds are ROUNDed so both engines compare the same numbers.
 */
import { settingRef } from './settings';
import type { FormulaKey, FormulaKeyOf, TabKey } from './spec/types';
import { SCALE_WORDS } from './spec/vocab';
import type { KeyOf, Tabs } from './tables';

/** A1 reference of a column (by spec key) in the row being written. */
export type CellRef<K extends string = string> = (key: K) => string;

/**
 * The goal tree is followed this many Parent steps up: a row deeper than this, or under a Parent
 * loop, is not rolled up and its goal says "Check parents" (Check reports the loop or the depth).
 */
export const ROLLUP_LEVELS = 6;

/** The tab whose spec has a formula column with this builder. */
type TabOfFormula<F extends FormulaKey> = {
  [K in TabKey]: F extends FormulaKeyOf<Tabs[K]> ? K : never;
}[TabKey];

/** Each builder reads only column keys of its own tab: a typo or a column of another tab does not compile. */
type Builders = {
  [F in FormulaKey]: (c: CellRef<KeyOf<TabOfFormula<F>>>, column: CellRef<KeyOf<TabOfFormula<F>>>) => string;
};

const band = settingRef('atRiskBand');
const r4 = (expr: string) => `ROUND(${expr},4)`;
const effectiveStart = (c: CellRef<'start'>) =>
  `IF(ISNUMBER(${c('start')}),${c('start')},${settingRef('periodStart')})`;
const effectiveDue = (c: CellRef<'due'>) =>
  `IF(ISNUMBER(${c('due')}),${c('due')},${settingRef('periodEnd')})`;

/**
 * A word cell as people type it, for comparing with a vocabulary word: non-breaking spaces made
 * spaces, then TRIM. The "=" that compares it ignores case in both engines. Core reads the same
 * cells with comparableText (src/core/values.ts); docs/APPS-SCRIPT.md, "Text comparison in formulas".
 */
const word = (ref: string) => `TRIM(SUBSTITUTE(${ref},CHAR(160)," "))`;
/** A cell that holds nothing but spaces counts as blank, as core's reader counts it. */
const blank = (ref: string) => `${word(ref)}=""`;

/**
 * Likelihood or impact as 1–5: numbers 1–5 as they are, known words mapped; anything else yields
 * text or #N/A, which makes the product an error (engines differ on "" in arithmetic, not on text).
 */
function scale(ref: string): string {
  const w = word(ref);
  const branches = Object.entries(SCALE_WORDS)
    .map(([n, words]) => `OR(${[n, ...words].map((x) => `${w}="${x}"`).join(',')}),${n}`)
    .join(',');
  return `IF(ISNUMBER(${ref}),IF(AND(${ref}>=1,${ref}<=5,ROUND(${ref},0)=${ref}),${ref},"?"),IFS(${branches}))`;
}

/** A KPI row's own Progress, from its own cells only (the roll-up reads it without reading Progress). */
function kpiProgress(c: CellRef<KeyOf<'goals'>>): string {
  const [a, b, t] = [c('actual'), c('baseline'), c('target')];
  const maintain = `IF(${t}=0,IF(${a}=0,1,0),MAX(0,${r4(`1-MAX(${a}-${t},${t}-${a})/MAX(${t},-${t})`)}))`;
  return `IF(OR(NOT(ISNUMBER(${a})),NOT(ISNUMBER(${t}))),"",IF(${word(c('direction'))}="Maintain",${maintain},IFERROR(${r4(`(${a}-${b})/(${t}-${b})`)},"")))`;
}

/**
 * One step up the goal tree: the Parent of the row with this ID, as a word. Past the top (a blank
 * Parent, or an ID on no row) it is #N/A, and every later step passes the error on without looking
 * anything up: a row pays for the levels it has, plus one lookup that finds nothing.
 */
const parentOf = (id: string, column: CellRef<KeyOf<'goals'>>) =>
  word(`INDEX(${column('parent')},MATCH(${id},${column('id')},0))`);

/**
 * The goal tree, read from ID and Parent only (docs/ARCHITECTURE.md, "Goal roll-up"): the row's
 * ancestors, nearest first, ROLLUP_LEVELS of them (#N/A above the top; the first is the Parent as
 * typed, "" when blank). Each step finds the ancestor's row by its ID; no formula reads the column
 * it is in, so Sheets and the engine see no circular reference even when the Parents loop.
 */
function ancestors(c: CellRef<KeyOf<'goals'>>, column: CellRef<KeyOf<'goals'>>): string[] {
  const chain = [word(c('parent'))];
  while (chain.length < ROLLUP_LEVELS) chain.push(parentOf(chain[chain.length - 1]!, column));
  return chain;
}

/** The row's share of its top-level goal: its own Share times each ancestor's (1 above the top). */
function topShare(c: CellRef<KeyOf<'goals'>>, column: CellRef<KeyOf<'goals'>>): string {
  const up = ancestors(c, column).slice(0, ROLLUP_LEVELS - 1);
  const factor = (a: string) => `IFERROR(INDEX(${column('share')},MATCH(${a},${column('id')},0)),1)`;
  // A blank Parent is the top: never looked up, since whether MATCH("") finds an empty ID cell is
  // not documented. Later steps are #N/A past the top and need no such test.
  const factors = up.map((a, i) => (i === 0 ? `IF(${a}="",1,${factor(a)})` : factor(a)));
  return [c('share'), ...factors].join('*');
}

/** SUMIFS/COUNTIFS criterion for the rows whose Path holds this row's ID. */
const underThis = (c: CellRef<'id'>) => `"* "&${word(c('id'))}&" *"`;

const builders: Builders = {
  goalExpected: (c) => {
    const [st, du] = [effectiveStart(c), effectiveDue(c)];
    return `IFERROR(IF(${du}<=${st},IF(TODAY()>=${du},1,0),${r4(`MAX(0,MIN(1,(TODAY()-${st})/(${du}-${st})))`)}),"")`;
  },
  goalShare: (c, column) => {
    const parent = word(c('parent'));
    const weightOf = (w: string) => `IF(ISNUMBER(${w}),IF(${w}>0,${w},1),1)`;
    const [p, w] = [column('parent'), column('weight')];
    // Siblings weigh 1 each, plus (Weight − 1) for each with a positive Weight: two lookups over
    // the tab when none has one (most plans), the Weights summed only when one has.
    const [count, weighted] = [`COUNTIFS(${p},${parent})`, `COUNTIFS(${p},${parent},${w},">0")`];
    const siblings = `IF(${weighted}=0,${count},${count}+SUMIFS(${w},${p},${parent},${w},">0")-${weighted})`;
    const parentRow = `MATCH(${parent},${column('id')},0)`;
    return `IF(${blank(c('parent'))},1,IFERROR(IF(${blank(`INDEX(${column('kpi')},${parentRow})`)},IFERROR(${weightOf(c('weight'))}/${siblings},0),0),1))`;
  },
  goalPath: (c, column) => {
    const chain = ancestors(c, column);
    // A 7th step that finds a goal: the chain loops or runs deeper than ROLLUP_LEVELS.
    const beyond = `IFERROR(${parentOf(chain[chain.length - 1]!, column)},"")`;
    const ids = [chain[0]!, ...chain.slice(1).map((a) => `IFERROR(${a},"")`)].reverse().join('&" "&');
    return `IF(OR(${blank(c('id'))},${beyond}<>""),""," "&SUBSTITUTE(TRIM(${ids}&" "&${word(c('id'))})," "," › ")&" ")`;
  },
  goalContribution: (c, column) => {
    const progress = kpiProgress(c);
    return `IF(OR(${blank(c('kpi'))},${c('path')}=""),"",IF(ISNUMBER(${progress}),${topShare(c, column)}*${progress},""))`;
  },
  goalProgress: (c, column) => {
    const [path, contribution] = [column('path'), column('contribution')];
    const sum = `SUMIFS(${contribution},${path},${underThis(c)})`;
    const measured = `COUNTIFS(${path},${underThis(c)},${contribution},">-1E+300")`;
    const progress = `IFERROR(${r4(`${sum}/(${topShare(c, column)})`)},"")`;
    // A sum other than 0 was measured; only a sum of 0 needs the count (nothing measured is blank).
    const rollup = `IF(${c('path')}="","",IF(IFERROR(${sum},0)<>0,${progress},IF(${measured}=0,"",${progress})))`;
    return `IF(${blank(c('kpi'))},${rollup},${kpiProgress(c)})`;
  },
  goalStatus: (c) => {
    const [p, e] = [c('progress'), c('expected')];
    const tolerance = r4(`1-${band}`);
    const maintain = `IF(TODAY()>${effectiveDue(c)},IF(${p}>=${tolerance},"Achieved","Missed"),IF(${p}>=${tolerance},"On track",IF(${p}>=${r4(`1-2*${band}`)},"At risk","Off track")))`;
    const trend = `IF(${p}>=1,"Achieved",IF(TODAY()>${effectiveDue(c)},"Missed",IF(${p}>=${e},"On track",IF(${p}>=${r4(`${e}-${band}`)},"At risk","Off track"))))`;
    const timed = (measured: string) =>
      `IF(NOT(ISNUMBER(${e})),"No data",IF(TODAY()<${effectiveStart(c)},"Not started",${measured}))`;
    // No Actual once Due has passed is Missed, not No data for ever (Expected is a number exactly when the dates are known).
    const unmeasured = `IF(AND(NOT(ISNUMBER(${c('actual')})),ISNUMBER(${e}),TODAY()>${effectiveDue(c)}),"Missed","No data")`;
    const kpi = `IF(NOT(ISNUMBER(${p})),${unmeasured},${timed(`IF(${word(c('direction'))}="Maintain",${maintain},${trend})`)})`;
    // A goal without a KPI: its rolled-up Progress against time; nothing measured below it is No data.
    const goal = `IF(${c('path')}="","Check parents",IF(NOT(ISNUMBER(${p})),"No data",${timed(trend)}))`;
    return `IF(${blank(c('kpi'))},${goal},${kpi})`;
  },
  budgetPlannedTotal: (c) =>
    `IF(AND(ISBLANK(${c('planned')}),ISBLANK(${c('hours')}),ISBLANK(${c('rate')})),"",IFERROR(${c('planned')}+${c('hours')}*${c('rate')},""))`,
  budgetVariance: (c) =>
    `IF(OR(NOT(ISNUMBER(${c('plannedTotal')})),NOT(ISNUMBER(${c('actual')}))),"",${c('plannedTotal')}-${c('actual')})`,
  budgetVariancePercent: (c) =>
    `IF(NOT(ISNUMBER(${c('variance')})),"",IFERROR(${r4(`${c('variance')}/${c('plannedTotal')}`)},""))`,
  budgetStatus: (c) => {
    const [total, actual] = [c('plannedTotal'), c('actual')];
    return `IF(NOT(ISNUMBER(${c('variance')})),"",IF(${actual}>${total},"Over budget",IF(${actual}>=${r4(`${total}*(1-${band})`)},"On budget","Under budget")))`;
  },
  timelineStatus: (c) => {
    const [due, start] = [c('due'), c('start')];
    const notYet = `IF(AND(ISNUMBER(${start}),TODAY()<${start}),"Not started","On schedule")`;
    return `IF(AND(${blank(c('name'))},ISBLANK(${due})),"",IF(OR(${word(c('state'))}="Done",ISNUMBER(${c('completed')})),"Done",IF(NOT(ISNUMBER(${due})),${notYet},IF(TODAY()>${due},"Overdue",IF(${due}-TODAY()<=${settingRef('dueSoonDays')},"Due soon",${notYet})))))`;
  },
  timelineDaysLeft: (c) =>
    `IF(OR(NOT(ISNUMBER(${c('due')})),${word(c('state'))}="Done",ISNUMBER(${c('completed')})),"",${c('due')}-TODAY())`,
  riskScore: (c) =>
    `IF(OR(${blank(c('likelihood'))},${blank(c('impact'))}),"",IFERROR(${scale(c('likelihood'))}*${scale(c('impact'))},""))`,
  riskLevel: (c) => {
    const s = c('score');
    return `IF(NOT(ISNUMBER(${s})),"",IF(${s}<=${settingRef('riskLowMax')},"Low",IF(${s}<=${settingRef('riskMediumMax')},"Medium",IF(${s}<=${settingRef('riskHighMax')},"High","Critical"))))`;
  },
};

/** The formula for one formula column in one row. */
export function buildFormula<F extends FormulaKey>(key: F, ref: CellRef<KeyOf<TabOfFormula<F>>>): string {
  // Whole columns ($D:$D) for lookups over the tab, from the same positions as the row's cells.
  const column = (k: KeyOf<TabOfFormula<F>>) => {
    const letters = /^\$?([A-Z]+)/.exec(ref(k))?.[1] ?? ref(k);
    return `$${letters}:$${letters}`;
  };
  return `=${(builders[key] as (c: typeof ref, col: typeof ref) => string)(ref, column)}`;
}

/**
 * The functions generated formulas may use (docs/ARCHITECTURE.md, "Formulas"): each computes the
 * same in Google Sheets and the local engine for the arguments OpsPlan passes; a test holds every
 * builder to it. TRIM, SUBSTITUTE and CHAR(160) read words as people type them (docs/APPS-SCRIPT.md).
 */
export const ALLOWED_FUNCTIONS = [
  'IF',
  'IFS',
  'AND',
  'OR',
  'NOT',
  'IFERROR',
  'ISBLANK',
  'ISNUMBER',
  'MIN',
  'MAX',
  'ROUND',
  'TODAY',
  'SUMIFS',
  'COUNTIFS',
  'INDEX',
  'MATCH',
  'TRIM',
  'SUBSTITUTE',
  'CHAR',
] as const;
