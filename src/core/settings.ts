/** Plan settings: names of their named ranges, defaults, and reading them from the Plan tab. */
import { SETTINGS } from './spec/tabs';
import type { SettingSpec } from './spec/types';
import { parseCell, type ParsedCell } from './values';

export type SettingKey =
  | 'planName'
  | 'vision'
  | 'periodStart'
  | 'periodEnd'
  | 'planOwner'
  | 'reportRecipients'
  | 'currency'
  | 'atRiskBand'
  | 'dueSoonDays'
  | 'escalateAfterDays'
  | 'kpiCadenceDays'
  | 'riskLowMax'
  | 'riskMediumMax'
  | 'riskHighMax';

export function settingSpec(key: SettingKey): SettingSpec {
  const spec = SETTINGS.find((s) => s.key === key);
  if (!spec) throw new Error(`No setting ${key}`);
  return spec;
}

/** The named range a formula uses to read a setting. */
export const settingRef = (key: SettingKey): string => settingSpec(key).rangeName;

export interface PlanSettings {
  planName: string;
  vision: string;
  periodStart: number | null;
  periodEnd: number | null;
  planOwner: string;
  reportRecipients: string[];
  currency: string;
  atRiskBand: number;
  dueSoonDays: number;
  escalateAfterDays: number;
  kpiCadenceDays: number;
  riskLowMax: number;
  riskMediumMax: number;
  riskHighMax: number;
}

/** Settings from raw values by key; what is missing or unreadable falls back to its default. */
export function resolveSettings(raw: ReadonlyMap<string, unknown>): PlanSettings {
  const value = (key: SettingKey): ParsedCell | null => {
    const spec = settingSpec(key);
    const parsed = parseCell({ key, header: spec.label, type: spec.type, width: 0, note: '' }, raw.get(key));
    if (parsed.ok && parsed.value !== null) return parsed.value;
    const fallback = parseCell({ key, header: spec.label, type: spec.type, width: 0, note: '' }, spec.defaultValue);
    return fallback.ok ? fallback.value : null;
  };
  const text = (key: SettingKey) => String(value(key) ?? '');
  const num = (key: SettingKey) => Number(value(key) ?? 0);
  const day = (key: SettingKey) => (typeof value(key) === 'number' ? (value(key) as number) : null);
  const list = value('reportRecipients');
  return {
    planName: text('planName'),
    vision: text('vision'),
    periodStart: day('periodStart'),
    periodEnd: day('periodEnd'),
    planOwner: text('planOwner'),
    reportRecipients: Array.isArray(list) ? list : [],
    currency: text('currency') || 'USD',
    atRiskBand: num('atRiskBand'),
    dueSoonDays: num('dueSoonDays'),
    escalateAfterDays: num('escalateAfterDays'),
    kpiCadenceDays: num('kpiCadenceDays'),
    riskLowMax: num('riskLowMax'),
    riskMediumMax: num('riskMediumMax'),
    riskHighMax: num('riskHighMax'),
  };
}
