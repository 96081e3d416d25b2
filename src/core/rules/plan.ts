/** Rules of the Plan tab's settings. */
import { type SettingKey, settingProblem } from '../settings';
import { SETTINGS } from '../spec/tabs';
import type { SettingSpec, Severity } from '../spec/types';
import { isBlank } from '../values';
import { type CheckContext, type Hit, rule } from './define';

const settingSpec = (key: SettingKey) => (SETTINGS as readonly SettingSpec[]).find((s) => s.key === key)!;

/** A hit at a setting's value cell (or the whole Plan tab when the setting has no row). */
function atSetting<P>(ctx: CheckContext, key: SettingKey, params: P): Hit<P> {
  const row = ctx.settingsTab?.rows.get(key) ?? 0;
  return { tab: 'plan', row, column: row ? ctx.settingsTab!.valueIndex + 1 : null, params };
}

/** Setting rules report only when the workbook has a Plan tab. */
function* whenPlan<P>(ctx: CheckContext, hits: () => Iterable<Hit<P>>): Iterable<Hit<P>> {
  if (ctx.tables.plan && ctx.settingsTab) yield* hits();
}

export const missingSetting = rule({
  id: 'missing-setting',
  tabs: ['plan'],
  severity: 'error',
  summary: 'The Plan tab has a row for every setting.',
  message: (p: { label: string }) => `The Plan tab has no "${p.label}" setting.`,
  fix: () => 'Run Set up plan tabs to add it.',
  find: (ctx) =>
    whenPlan(ctx, function* () {
      for (const s of SETTINGS as readonly SettingSpec[])
        if (!ctx.settingsTab!.rows.has(s.key as SettingKey))
          yield { tab: 'plan', row: 0, params: { label: s.label } };
    }),
});

export const badSetting = rule({
  id: 'bad-setting',
  tabs: ['plan'],
  severity: 'error',
  summary: 'Every setting holds a value of its type, in its range (OpsPlan uses the default otherwise).',
  message: (p: { setting: SettingSpec; problem: string }) => `${p.setting.label}: ${p.problem}.`,
  fix: (p) => p.setting.note,
  find: (ctx) =>
    whenPlan(ctx, function* () {
      for (const setting of SETTINGS as readonly SettingSpec[]) {
        const key = setting.key as SettingKey;
        if (!ctx.settingsTab!.rows.has(key)) continue;
        const problem = settingProblem(setting, ctx.settingsTab!.raw.get(key));
        if (problem !== null) yield atSetting(ctx, key, { setting, problem });
      }
    }),
});

const MUST_FILL = ['planName', 'periodStart', 'periodEnd'] as const;

export const settingBlank = rule({
  id: 'setting-blank',
  tabs: ['plan'],
  severity: 'warning',
  summary: 'Plan name, Period start and Period end are filled in.',
  message: (p: { setting: SettingSpec }) => `${p.setting.label} is blank.`,
  fix: (p) => p.setting.note,
  find: (ctx) =>
    whenPlan(ctx, function* () {
      for (const key of MUST_FILL)
        if (ctx.settingsTab!.rows.has(key) && isBlank(ctx.settingsTab!.raw.get(key)))
          yield atSetting(ctx, key, { setting: settingSpec(key) });
    }),
});

/** A rule over the resolved settings that reports at one setting's cell. */
function settingsRule<const Id extends string>(declaration: {
  id: Id;
  severity: Severity;
  summary: string;
  at: SettingKey;
  broken: (settings: CheckContext['settings']) => boolean;
  message: string;
  fix: string;
}) {
  return rule<Id, void>({
    id: declaration.id,
    tabs: ['plan'],
    severity: declaration.severity,
    summary: declaration.summary,
    message: () => declaration.message,
    fix: () => declaration.fix,
    find: (ctx) =>
      whenPlan(ctx, function* () {
        if (declaration.broken(ctx.settings)) yield atSetting(ctx, declaration.at, undefined);
      }),
  });
}

export const periodOrder = settingsRule({
  id: 'period-order',
  severity: 'error',
  summary: 'Period end is after Period start.',
  at: 'periodEnd',
  broken: (s) => s.periodStart !== null && s.periodEnd !== null && s.periodStart >= s.periodEnd,
  message: 'Period end is not after Period start.',
  fix: 'Set Period end after Period start.',
});

export const riskBands = settingsRule({
  id: 'risk-bands',
  severity: 'error',
  summary: 'The risk bands rise: Low < Medium < High < 25.',
  at: 'riskMediumMax',
  broken: (s) => s.riskLowMax >= s.riskMediumMax || s.riskMediumMax >= s.riskHighMax || s.riskHighMax >= 25,
  message: 'The risk bands do not rise: Low < Medium < High < 25 is needed.',
  fix: 'Use increasing limits, e.g. 4, 9, 16.',
});

export const atRiskBand = settingsRule({
  id: 'at-risk-band',
  severity: 'error',
  summary: 'The At-risk band is between 0% and 100%.',
  at: 'atRiskBand',
  broken: (s) => s.atRiskBand < 0 || s.atRiskBand >= 1,
  message: 'At-risk band must be between 0% and 100%.',
  fix: 'Use a band such as 10%.',
});

export const noRecipients = rule({
  id: 'no-recipients',
  tabs: ['plan'],
  severity: 'info',
  summary: 'Somebody receives the manager report.',
  message: () => 'Nobody receives the manager report.',
  fix: () => 'Add email addresses to Report recipients.',
  find: (ctx) =>
    whenPlan(ctx, function* () {
      if (ctx.settings.reportRecipients.length === 0 && ctx.settingsTab!.rows.has('reportRecipients'))
        yield atSetting(ctx, 'reportRecipients', undefined);
    }),
});

export const PLAN_RULES = [
  missingSetting,
  badSetting,
  settingBlank,
  periodOrder,
  riskBands,
  atRiskBand,
  noRecipients,
] as const;
