/** Plan settings: names of their named ranges, defaults, and reading them from the Plan tab. */
import { normalizeName } from './headers';
import { PlanSettingsSchema, settingValueSchema } from './settings-schema';
import { PLAN, SETTINGS } from './spec/tabs';
import type { CellType, ColumnKeyOf, SettingSpec } from './spec/types';
import { readTable, type TabInput, type Table } from './tables';
import { parseCell, type ParsedCell, partitionEmails } from './values';

type Settings = typeof SETTINGS;
/** A setting's key: derived from the specs, so a typo does not compile. */
export type SettingKey = Settings[number]['key'];

/** What a setting holds once read, by its cell type: dates as day numbers or null, lists as arrays. */
type SettingValue<T extends CellType> = T extends 'date'
  ? number | null
  : T extends 'emails'
    ? string[]
    : T extends 'percent' | 'integer' | 'number'
      ? number
      : T extends 'boolean'
        ? boolean
        : string;

/** The plan's settings, one field per setting spec. */
export type PlanSettings = { [S in Settings[number] as S['key']]: SettingValue<S['type']> } & {
  /** Report recipients that are not email addresses: mail skips and names them. */
  reportRecipientsRejected: string[];
};

export function settingSpec(key: SettingKey): SettingSpec {
  const spec = SETTINGS.find((s) => s.key === key);
  if (!spec) throw new Error(`No setting ${key}`);
  return spec;
}

/** The named range a formula uses to read a setting. */
export const settingRef = (key: SettingKey): string => settingSpec(key).rangeName;

/**
 * Why a setting's cell cannot be used as it is (its default is used instead), or null when it can
 * or is blank. The reader and Check's bad-setting rule both ask here, so they never disagree.
 */
export function settingProblem(spec: SettingSpec, raw: unknown): string | null {
  const parsed = parseCell(settingColumn(spec), raw);
  if (!parsed.ok) return parsed.problem;
  if (parsed.value === null) return null;
  if (settingValueSchema(spec.type).safeParse(settingValue(spec.type, parsed.value)).success) return null;
  return OUT_OF_RANGE[spec.type] ?? `${String(raw)} is not a ${spec.type}`;
}

const OUT_OF_RANGE: Partial<Record<CellType, string>> = {
  percent: 'it must be between 0% and 100%',
  integer: 'it must be a whole number, 0 or more',
  date: 'it must be a date',
};

const settingColumn = (spec: SettingSpec) => ({
  key: spec.key,
  header: spec.label,
  type: spec.type,
  width: 0,
  note: '',
});

/** Settings from raw values by key; what is missing, unreadable or out of range falls back to its default. */
export function resolveSettings(raw: ReadonlyMap<SettingKey, unknown>): PlanSettings {
  const settings: Record<string, unknown> = {};
  for (const spec of SETTINGS as readonly SettingSpec[]) {
    const cell = raw.get(spec.key as SettingKey);
    const parsed = settingProblem(spec, cell) === null ? parseCell(settingColumn(spec), cell) : null;
    const fallback = parseCell(settingColumn(spec), spec.defaultValue);
    const value = parsed?.ok && parsed.value !== null ? parsed.value : fallback.ok ? fallback.value : null;
    settings[spec.key] = settingValue(spec.type, value);
  }
  // One bad Report recipient drops only itself: the valid ones still get the report.
  const recipients = partitionEmails(raw.get('reportRecipients'));
  settings.reportRecipients = recipients.valid;
  settings.reportRecipientsRejected = recipients.invalid;
  // Checked rather than cast: a setting spec whose default breaks its own type fails here, loudly.
  return PlanSettingsSchema.parse(settings);
}

/** A parsed value in the shape its setting type promises (see `SettingValue`). */
function settingValue(type: CellType, value: ParsedCell | null): unknown {
  switch (type) {
    case 'date':
      return typeof value === 'number' ? value : null;
    case 'emails':
      return Array.isArray(value) ? value : [];
    case 'percent':
    case 'integer':
    case 'number':
      return Number(value ?? 0);
    case 'boolean':
      return value === true;
    default:
      return String(value ?? '');
  }
}

export interface SettingsTab {
  /** 0-based column holding the values. */
  valueIndex: number;
  /** Setting key → 1-based sheet row. */
  rows: Map<SettingKey, number>;
  /** Setting key → the value as read. */
  raw: Map<SettingKey, unknown>;
}

/**
 * Where each setting sits on the Plan tab and what it holds: rows are found by their label (or an
 * alias) in the Setting column, wherever the tab has it. The one reader for Set up, Check, the
 * plan model and the example plan.
 */
export function readSettingsTab(
  plan: Table<typeof PLAN>,
  /** Where the columns are (Set up passes the columns it is about to add). */
  columns: ReadonlyMap<ColumnKeyOf<typeof PLAN>, number> = plan.map.byKey,
): SettingsTab {
  const valueIndex = columns.get('value') ?? 1;
  const labelIndex = columns.get('setting') ?? 0;
  const rows = new Map<SettingKey, number>();
  const raw = new Map<SettingKey, unknown>();
  plan.input.rows.forEach((line, i) => {
    const setting = SETTING_BY_LABEL.get(normalizeName(line[labelIndex]));
    if (!setting || rows.has(setting.key as SettingKey)) return;
    rows.set(setting.key as SettingKey, i + 2);
    raw.set(setting.key as SettingKey, line[valueIndex] ?? '');
  });
  return { valueIndex, rows, raw };
}

const SETTING_BY_LABEL = new Map<string, SettingSpec>();
for (const s of SETTINGS as readonly SettingSpec[])
  for (const label of [s.label, ...(s.aliases ?? [])])
    if (!SETTING_BY_LABEL.has(normalizeName(label))) SETTING_BY_LABEL.set(normalizeName(label), s);

/** The plan's settings from a read of the Plan tab (defaults when there is none). */
export function settingsOf(plan: TabInput | undefined): PlanSettings {
  return resolveSettings(plan ? readSettingsTab(readTable(PLAN, plan)).raw : new Map());
}
