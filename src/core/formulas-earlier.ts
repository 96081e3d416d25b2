/**
 * The formulas earlier OpsPlan versions wrote, kept only to recognise them: a computed cell holding
 * one of them is OpsPlan's own, so Refresh (and live rows) upgrade it to today's formula instead of
 * keeping it as if the team had written it. Never used to build a formula. When a builder in
 * formulas.ts changes, its previous text goes here first.
 */
import { settingRef } from './settings';
import type { FormulaKey } from './spec/types';

type Ref = (key: string) => string;

/** Scale words as version 0.1 matched them (a formula compares them literally). */
const SCALE_WORDS_0_1: Readonly<Record<number, readonly string[]>> = {
  1: ['Very low', 'VL', 'Rare', 'Negligible', 'Insignificant'],
  2: ['Low', 'L', 'Unlikely', 'Minor'],
  3: ['Medium', 'M', 'Moderate', 'Possible', 'Med'],
  4: ['High', 'H', 'Likely', 'Major'],
  5: ['Very high', 'VH', 'Almost certain', 'Severe', 'Catastrophic', 'Critical'],
};

const band = () => settingRef('atRiskBand');
const r4 = (expr: string) => `ROUND(${expr},4)`;
const start = (c: Ref) => `IF(ISNUMBER(${c('start')}),${c('start')},${settingRef('periodStart')})`;
const due = (c: Ref) => `IF(ISNUMBER(${c('due')}),${c('due')},${settingRef('periodEnd')})`;
function scale(ref: string): string {
  const branches = Object.entries(SCALE_WORDS_0_1)
    .map(([n, words]) => `OR(${[n, ...words].map((w) => `${ref}="${w}"`).join(',')}),${n}`)
    .join(',');
  return `IF(ISNUMBER(${ref}),IF(AND(${ref}>=1,${ref}<=5,ROUND(${ref},0)=${ref}),${ref},"?"),IFS(${branches}))`;
}

/** Version 0.1 (before words were compared trimmed and a KPI without Actual past Due became Missed). */
const VERSION_0_1: Partial<Record<FormulaKey, (c: Ref) => string>> = {
  goalExpected: (c) =>
    `IF(ISBLANK(${c('kpi')}),"",IFERROR(IF(${due(c)}<=${start(c)},IF(TODAY()>=${due(c)},1,0),${r4(`MAX(0,MIN(1,(TODAY()-${start(c)})/(${due(c)}-${start(c)})))`)}),""))`,
  goalProgress: (c) => {
    const [a, b, t] = [c('actual'), c('baseline'), c('target')];
    const maintain = `IF(${t}=0,IF(${a}=0,1,0),MAX(0,${r4(`1-MAX(${a}-${t},${t}-${a})/MAX(${t},-${t})`)}))`;
    return `IF(OR(ISBLANK(${c('kpi')}),NOT(ISNUMBER(${a})),NOT(ISNUMBER(${t}))),"",IF(${c('direction')}="Maintain",${maintain},IFERROR(${r4(`(${a}-${b})/(${t}-${b})`)},"")))`;
  },
  goalStatus: (c) => {
    const [p, e] = [c('progress'), c('expected')];
    const tolerance = r4(`1-${band()}`);
    const maintain = `IF(TODAY()>${due(c)},IF(${p}>=${tolerance},"Achieved","Missed"),IF(${p}>=${tolerance},"On track",IF(${p}>=${r4(`1-2*${band()}`)},"At risk","Off track")))`;
    const trend = `IF(${p}>=1,"Achieved",IF(TODAY()>${due(c)},"Missed",IF(${p}>=${e},"On track",IF(${p}>=${r4(`${e}-${band()}`)},"At risk","Off track"))))`;
    return `IF(ISBLANK(${c('kpi')}),"",IF(NOT(ISNUMBER(${p})),"No data",IF(NOT(ISNUMBER(${e})),"No data",IF(TODAY()<${start(c)},"Not started",IF(${c('direction')}="Maintain",${maintain},${trend})))))`;
  },
  timelineStatus: (c) => {
    const [d, s] = [c('due'), c('start')];
    const notYet = `IF(AND(ISNUMBER(${s}),TODAY()<${s}),"Not started","On schedule")`;
    return `IF(AND(ISBLANK(${c('name')}),ISBLANK(${d})),"",IF(OR(${c('state')}="Done",ISNUMBER(${c('completed')})),"Done",IF(NOT(ISNUMBER(${d})),${notYet},IF(TODAY()>${d},"Overdue",IF(${d}-TODAY()<=${settingRef('dueSoonDays')},"Due soon",${notYet})))))`;
  },
  timelineDaysLeft: (c) =>
    `IF(OR(NOT(ISNUMBER(${c('due')})),${c('state')}="Done",ISNUMBER(${c('completed')})),"",${c('due')}-TODAY())`,
  riskScore: (c) =>
    `IF(OR(ISBLANK(${c('likelihood')}),ISBLANK(${c('impact')})),"",IFERROR(${scale(c('likelihood'))}*${scale(c('impact'))},""))`,
};

const word = (ref: string) => `TRIM(SUBSTITUTE(${ref},CHAR(160)," "))`;
const blank = (ref: string) => `${word(ref)}=""`;

/** Version 0.2 (words compared trimmed; before goals without a KPI rolled up their children). */
const VERSION_0_2: Partial<Record<FormulaKey, (c: Ref) => string>> = {
  goalExpected: (c) =>
    `IF(${blank(c('kpi'))},"",IFERROR(IF(${due(c)}<=${start(c)},IF(TODAY()>=${due(c)},1,0),${r4(`MAX(0,MIN(1,(TODAY()-${start(c)})/(${due(c)}-${start(c)})))`)}),""))`,
  goalProgress: (c) => {
    const [a, b, t] = [c('actual'), c('baseline'), c('target')];
    const maintain = `IF(${t}=0,IF(${a}=0,1,0),MAX(0,${r4(`1-MAX(${a}-${t},${t}-${a})/MAX(${t},-${t})`)}))`;
    return `IF(OR(${blank(c('kpi'))},NOT(ISNUMBER(${a})),NOT(ISNUMBER(${t}))),"",IF(${word(c('direction'))}="Maintain",${maintain},IFERROR(${r4(`(${a}-${b})/(${t}-${b})`)},"")))`;
  },
  goalStatus: (c) => {
    const [p, e] = [c('progress'), c('expected')];
    const tolerance = r4(`1-${band()}`);
    const maintain = `IF(TODAY()>${due(c)},IF(${p}>=${tolerance},"Achieved","Missed"),IF(${p}>=${tolerance},"On track",IF(${p}>=${r4(`1-2*${band()}`)},"At risk","Off track")))`;
    const trend = `IF(${p}>=1,"Achieved",IF(TODAY()>${due(c)},"Missed",IF(${p}>=${e},"On track",IF(${p}>=${r4(`${e}-${band()}`)},"At risk","Off track"))))`;
    const unmeasured = `IF(AND(NOT(ISNUMBER(${c('actual')})),ISNUMBER(${e}),TODAY()>${due(c)}),"Missed","No data")`;
    return `IF(${blank(c('kpi'))},"",IF(NOT(ISNUMBER(${p})),${unmeasured},IF(NOT(ISNUMBER(${e})),"No data",IF(TODAY()<${start(c)},"Not started",IF(${word(c('direction'))}="Maintain",${maintain},${trend})))))`;
  },
};

/** A whole column ($D:$D) at the column of a row reference, as the roll-up formulas name it. */
const wholeColumn = (c: Ref) => (key: string) => {
  const letters = /^\$?([A-Z]+)/.exec(c(key))?.[1] ?? c(key);
  return `$${letters}:$${letters}`;
};
/** Version 0.3's goal tree: "" above the top, every step a lookup (IFERROR on each). */
function ancestors0_3(c: Ref): string[] {
  const column = wholeColumn(c);
  const chain = [word(c('parent'))];
  while (chain.length < 6)
    chain.push(
      word(`IFERROR(INDEX(${column('parent')},MATCH(${chain[chain.length - 1]!},${column('id')},0)),"")`),
    );
  return chain;
}
function topShare0_3(c: Ref): string {
  const column = wholeColumn(c);
  const factors = ancestors0_3(c)
    .slice(0, 5)
    .map((a) => `IF(${a}="",1,IFERROR(INDEX(${column('share')},MATCH(${a},${column('id')},0)),1))`);
  return [c('share'), ...factors].join('*');
}
function kpiProgress0_3(c: Ref): string {
  const [a, b, t] = [c('actual'), c('baseline'), c('target')];
  const maintain = `IF(${t}=0,IF(${a}=0,1,0),MAX(0,${r4(`1-MAX(${a}-${t},${t}-${a})/MAX(${t},-${t})`)}))`;
  return `IF(OR(NOT(ISNUMBER(${a})),NOT(ISNUMBER(${t}))),"",IF(${word(c('direction'))}="Maintain",${maintain},IFERROR(${r4(`(${a}-${b})/(${t}-${b})`)},"")))`;
}

/** Version 0.3 (the first goal roll-up: each step of the Parent chain looked up again wherever it was used). */
const VERSION_0_3: Partial<Record<FormulaKey, (c: Ref) => string>> = {
  goalShare: (c) => {
    const column = wholeColumn(c);
    const parent = word(c('parent'));
    const weightOf = (w: string) => `IF(ISNUMBER(${w}),IF(${w}>0,${w},1),1)`;
    const [p, w] = [column('parent'), column('weight')];
    const siblings = `(COUNTIFS(${p},${parent})+SUMIFS(${w},${p},${parent},${w},">0")-COUNTIFS(${p},${parent},${w},">0"))`;
    const parentRow = `MATCH(${parent},${column('id')},0)`;
    return `IF(${blank(c('parent'))},1,IFERROR(IF(${blank(`INDEX(${column('kpi')},${parentRow})`)},IFERROR(${weightOf(c('weight'))}/${siblings},0),0),1))`;
  },
  goalPath: (c) => {
    const column = wholeColumn(c);
    const chain = ancestors0_3(c);
    const top = word(
      `IFERROR(INDEX(${column('parent')},MATCH(${chain[chain.length - 1]!},${column('id')},0)),"")`,
    );
    const ids = [...chain].reverse().join('&" "&');
    return `IF(OR(${blank(c('id'))},${top}<>""),""," "&SUBSTITUTE(TRIM(${ids}&" "&${word(c('id'))})," "," › ")&" ")`;
  },
  goalContribution: (c) => {
    const progress = kpiProgress0_3(c);
    return `IF(OR(${blank(c('kpi'))},${c('path')}=""),"",IF(ISNUMBER(${progress}),${topShare0_3(c)}*${progress},""))`;
  },
  goalProgress: (c) => {
    const column = wholeColumn(c);
    const [path, contribution] = [column('path'), column('contribution')];
    const underThis = `"* "&${word(c('id'))}&" *"`;
    const measured = `COUNTIFS(${path},${underThis},${contribution},">-1E+300")`;
    const rollup = `IF(OR(${c('path')}="",${measured}=0),"",IFERROR(${r4(`SUMIFS(${contribution},${path},${underThis})/(${topShare0_3(c)})`)},""))`;
    return `IF(${blank(c('kpi'))},${rollup},${kpiProgress0_3(c)})`;
  },
};

/** Every earlier version, newest first. */
const EARLIER = [VERSION_0_3, VERSION_0_2, VERSION_0_1] as const;

/** The formulas earlier versions wrote for a column, built at the tab's column positions. */
export function earlierFormulas(key: FormulaKey, ref: Ref): string[] {
  return EARLIER.flatMap((version) => {
    const build = version[key];
    return build ? [`=${build(ref)}`] : [];
  });
}
