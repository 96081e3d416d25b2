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

/** The tab whose spec has a formula column with this builder. */
type TabOfFormula<F extends FormulaKey> = {
  [K in TabKey]: F extends FormulaKeyOf<Tabs[K]> ? K : never;
}[TabKey];

/** Each builder reads only column keys of its own tab: a typo or a column of another tab does not compile. */
type Builders = { [F in FormulaKey]: (c: CellRef<KeyOf<TabOfFormula<F>>>) => string };

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

const builders: Builders = {
  goalExpected: (c) => {
    const [st, du] = [effectiveStart(c), effectiveDue(c)];
    return `IF(${blank(c('kpi'))},"",IFERROR(IF(${du}<=${st},IF(TODAY()>=${du},1,0),${r4(`MAX(0,MIN(1,(TODAY()-${st})/(${du}-${st})))`)}),""))`;
  },
  goalProgress: (c) => {
    const [a, b, t] = [c('actual'), c('baseline'), c('target')];
    const maintain = `IF(${t}=0,IF(${a}=0,1,0),MAX(0,${r4(`1-MAX(${a}-${t},${t}-${a})/MAX(${t},-${t})`)}))`;
    return `IF(OR(${blank(c('kpi'))},NOT(ISNUMBER(${a})),NOT(ISNUMBER(${t}))),"",IF(${word(c('direction'))}="Maintain",${maintain},IFERROR(${r4(`(${a}-${b})/(${t}-${b})`)},"")))`;
  },
  goalStatus: (c) => {
    const [p, e] = [c('progress'), c('expected')];
    const tolerance = r4(`1-${band}`);
    const maintain = `IF(TODAY()>${effectiveDue(c)},IF(${p}>=${tolerance},"Achieved","Missed"),IF(${p}>=${tolerance},"On track",IF(${p}>=${r4(`1-2*${band}`)},"At risk","Off track")))`;
    const trend = `IF(${p}>=1,"Achieved",IF(TODAY()>${effectiveDue(c)},"Missed",IF(${p}>=${e},"On track",IF(${p}>=${r4(`${e}-${band}`)},"At risk","Off track"))))`;
    // No Actual once Due has passed is Missed, not No data for ever (Expected is a number exactly when the dates are known).
    const unmeasured = `IF(AND(NOT(ISNUMBER(${c('actual')})),ISNUMBER(${e}),TODAY()>${effectiveDue(c)}),"Missed","No data")`;
    return `IF(${blank(c('kpi'))},"",IF(NOT(ISNUMBER(${p})),${unmeasured},IF(NOT(ISNUMBER(${e})),"No data",IF(TODAY()<${effectiveStart(c)},"Not started",IF(${word(c('direction'))}="Maintain",${maintain},${trend})))))`;
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
  return `=${(builders[key] as (c: typeof ref) => string)(ref)}`;
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
