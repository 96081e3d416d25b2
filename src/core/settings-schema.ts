/**
 * The plan's settings as a zod schema, derived from the setting specs (never written beside them):
 * what `resolveSettings` (src/core/settings.ts) promises, checked rather than cast. Not imported by
 * the product yet, so it adds nothing to Code.js until the settings reader parses with it.
 */
import * as z from 'zod/mini';

import type { PlanSettings, SettingKey } from './settings';
import { SETTINGS } from './spec/tabs';
import type { CellType } from './spec/types';

const WholeDays = z.number().check(z.int(), z.minimum(0));

/** The schema of one setting's value, by its cell type (see `SettingValue` in settings.ts). */
function valueSchema(type: CellType): z.ZodMiniType {
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
    default:
      return z.string();
  }
}

// Not strict: the reader may add derived fields beside the settings (e.g. rejected recipients).
export const PlanSettingsSchema = z.object(
  Object.fromEntries(SETTINGS.map((s) => [s.key, valueSchema(s.type)])) as Record<SettingKey, z.ZodMiniType>,
) as unknown as z.ZodMiniType<PlanSettings>;
