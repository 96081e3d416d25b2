import { describe, expect, it } from 'vitest';

import { decodeProgress, encodeProgress, mayStartStage } from '../../src/core/report-stages.js';
import { dayFromIso } from '../../src/core/values.js';

const day = (iso: string) => dayFromIso(iso)!;

describe('report stages', () => {
  it('a run always does its first stage, and starts later ones only within the budget', () => {
    expect(mayStartStage(10 * 60_000, 0, 180_000)).toBe(true);
    expect(mayStartStage(179_999, 1, 180_000)).toBe(true);
    expect(mayStartStage(180_000, 1, 180_000)).toBe(false);
  });

  it('keeps progress for the ISO week it started in, and nothing unreadable', () => {
    const text = encodeProgress({ day: day('2026-12-01'), startedAt: 'x', done: ['refresh', 'snapshot'] });
    // Tuesday 1 December to Sunday 6 December is one ISO week; Monday 7 December starts the next.
    expect(decodeProgress(text, day('2026-12-06'))?.done).toEqual(['refresh', 'snapshot']);
    expect(decodeProgress(text, day('2026-12-07'))).toBeNull();
    expect(decodeProgress('{"day":', day('2026-12-01'))).toBeNull();
    expect(decodeProgress(null, day('2026-12-01'))).toBeNull();
    expect(
      decodeProgress(
        JSON.stringify({ day: day('2026-12-01'), startedAt: 'x', done: ['refresh', 'mail'] }),
        day('2026-12-01'),
      )?.done,
    ).toEqual(['refresh']);
  });
});
