/** Plan settings: names of their named ranges, defaults, and reading them from the Plan tab. */
import { mapHeaders, normalizeName } from './headers';
import { PLAN, SETTINGS } from './spec/tabs';
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
    const fallback = parseCell(
      { key, header: spec.label, type: spec.type, width: 0, note: '' },
      spec.defaultValue,
    );
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

export interface SettingsTab {
  /** 0-based column holding the values. */
  valueIndex: number;
  /** Setting key → 1-based sheet row. */
  rows: Map<string, number>;
  /** Setting key → the value as read. */
  raw: Map<string, unknown>;
}

/**
 * Where each setting sits on the Plan tab and what it holds: rows are found by their label (or an
 * alias) in the Setting column, wherever the tab has it. The one reader for Set up, Check, the
 * plan model and the example plan.
 */
export function readSettingsTab(
  header: readonly unknown[],
  body: readonly (readonly unknown[])[],
  columns: ReadonlyMap<string, number> = mapHeaders(PLAN, header).byKey,
): SettingsTab {
  const labelIndex = columns.get('setting') ?? 0;
  const valueIndex = columns.get('value') ?? 1;
  const byLabel = new Map<string, SettingSpec>();
  for (const s of SETTINGS)
    for (const label of [s.label, ...(s.aliases ?? [])])
      if (!byLabel.has(normalizeName(label))) byLabel.set(normalizeName(label), s);
  const rows = new Map<string, number>();
  const raw = new Map<string, unknown>();
  body.forEach((line, i) => {
    const setting = byLabel.get(normalizeName(line[labelIndex]));
    if (!setting || rows.has(setting.key)) return;
    rows.set(setting.key, i + 2);
    raw.set(setting.key, line[valueIndex] ?? '');
  });
  return { valueIndex, rows, raw };
}
