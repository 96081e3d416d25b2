import { describe, expect, it } from 'vitest';

import { resolveSettings, type SettingKey } from '../../src/core/settings.js';
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
