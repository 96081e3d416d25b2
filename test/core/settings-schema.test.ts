import { describe, expect, it } from 'vitest';

import { resolveSettings, type SettingKey, settingProblem } from '../../src/core/settings.js';
import { PlanSettingsSchema } from '../../src/core/settings-schema.js';
import { SETTINGS } from '../../src/core/spec/tabs.js';

describe('PlanSettingsSchema: what the settings reader promises', () => {
  const defaults = resolveSettings(new Map());

  it('accepts what resolveSettings returns, with a field for every setting spec', () => {
    expect(PlanSettingsSchema.safeParse(defaults).success).toBe(true);
    expect(Object.keys(defaults)).toEqual(expect.arrayContaining(SETTINGS.map((s) => s.key)));
    const read = resolveSettings(
      new Map<SettingKey, unknown>([
        ['periodStart', '2026-01-05'],
        ['reportRecipients', 'a@example.com, b@example.com'],
        ['atRiskBand', '15%'],
      ]),
    );
    expect(PlanSettingsSchema.safeParse(read).success).toBe(true);
  });

  it('refuses a value of the wrong type or out of range, and a missing setting', () => {
    for (const bad of [
      { ...defaults, dueSoonDays: '7' },
      { ...defaults, dueSoonDays: -1 },
      { ...defaults, atRiskBand: 10 },
      { ...defaults, periodStart: 46000.5 },
      { ...defaults, reportRecipients: 'a@example.com' },
      { ...defaults, planOwner: 7 },
      Object.fromEntries(Object.entries(defaults).filter(([key]) => key !== 'currency')),
    ])
      expect(PlanSettingsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});

describe('the settings reader parses with the schema', () => {
  const defaults = resolveSettings(new Map());
  const spec = (key: SettingKey) => SETTINGS.find((s) => s.key === key)!;

  it('uses the default for a value of the right type but out of range, and says why', () => {
    const read = resolveSettings(
      new Map<SettingKey, unknown>([
        ['atRiskBand', '150%'],
        ['dueSoonDays', -3],
        ['escalateAfterDays', 2],
      ]),
    );
    expect(read.atRiskBand).toBe(defaults.atRiskBand);
    expect(read.dueSoonDays).toBe(defaults.dueSoonDays);
    expect(read.escalateAfterDays).toBe(2);
    expect(settingProblem(spec('atRiskBand'), '150%')).toMatch(/between 0% and 100%/);
    expect(settingProblem(spec('dueSoonDays'), -3)).toMatch(/whole number, 0 or more/);
    expect(settingProblem(spec('dueSoonDays'), 'soon')).not.toBeNull();
    expect(settingProblem(spec('dueSoonDays'), '')).toBeNull();
    expect(settingProblem(spec('escalateAfterDays'), 2)).toBeNull();
  });
});
