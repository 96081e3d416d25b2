/**
 * The catalog of check rules: every rule OpsPlan checks, with the words it shows. The one place
 * the rules and their words live; Check runs them, and the sidebar and README list them from here.
 */
import type { Severity, TabKey } from '../spec/types';
import { BUDGET_RISK_RULES } from './budget-risks';
import { COMMON_RULES } from './common';
import type { Rule } from './define';
import { GOALS_RULES } from './goals';
import { INPUT_RULES } from './input';
import { PEOPLE_RULES } from './people';
import { PLAN_RULES } from './plan';
import { RACI_RULES } from './raci';
import { TIMELINE_RULES } from './timeline';

const DECLARED = [
  ...COMMON_RULES,
  ...INPUT_RULES,
  ...PLAN_RULES,
  ...PEOPLE_RULES,
  ...GOALS_RULES,
  ...RACI_RULES,
  ...BUDGET_RISK_RULES,
  ...TIMELINE_RULES,
] as const;

/** Every finding's rule id: a closed set, so a misspelt id in code or a test does not compile. */
export type RuleId = (typeof DECLARED)[number]['id'];

/** The rules in run order, each with its own parameter type erased for the engine. */
export const RULES = DECLARED as unknown as readonly Rule<unknown, RuleId>[];

export interface RuleEntry {
  id: RuleId;
  tabs: readonly TabKey[];
  /** The severity, or the severities it can have when that depends on the cell. */
  severity: Severity | 'varies';
  summary: string;
}

/** The rule list as the sidebar and README show it. */
export function ruleCatalog(): RuleEntry[] {
  return RULES.map((r) => ({
    id: r.id,
    tabs: r.tabs,
    severity: typeof r.severity === 'string' ? r.severity : 'varies',
    summary: r.summary,
  }));
}
