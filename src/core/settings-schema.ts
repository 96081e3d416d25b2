/**
 * The plan's settings as a zod schema, derived from the setting specs (never written beside them):
 * what `resolveSettings` (src/core/settings.ts) promises, checked rather than cast, and the range
 * each setting's value must be in (a value outside it falls back to the default and Check names it).
 */
import * as z from 'zod/mini';

import type { PlanSettings, SettingKey } from './settings';
import { SETTINGS } from './spec/tabs';
import type { CellType } from './spec/types';

const WholeDays = z.number().check(z.int(), z.minimum(0));

/** The schema of one setting's value, by its cell type (see `SettingValue` in settings.ts). */
export function settingValueSchema(type: CellType): z.ZodMiniType {
  switch (type) {
    case 'date':
      return z.nullable(WholeDays);
    case 'emails':
      return z.array(z.string());
    case 'percent':
      return z.number().check(z.minimum(0), z.maximum(1));
    case 'integer':
      return WholeDays;
    case 'number':
      return z.number();
    case 'boolean':
      return z.boolean();
    default:
      return z.string();
  }
}

// Every setting plus the reader's derived list of rejected Report recipients (unknown keys are dropped).
export const PlanSettingsSchema = z.object({
  ...(Object.fromEntries(SETTINGS.map((s) => [s.key, settingValueSchema(s.type)])) as Record<
    SettingKey,
    z.ZodMiniType
  >),
  reportRecipientsRejected: z.array(z.string()),
}) as unknown as z.ZodMiniType<PlanSettings>;
