/**
 * The benchmark's smoke run (the full run is `npm run bench`): small plans only, asserting the
 * call-count targets, which are deterministic. Times are printed by the bench, never asserted here.
 */
import { describe, expect, it } from 'vitest';

import { benchSize, sidebarBytes } from '../bench/measure.js';
import { evaluateTargets } from '../bench/targets.js';

describe('benchmark smoke', () => {
  it('meets every call-count target on small plans', () => {
    const results = [...benchSize(60), ...benchSize(150)];
    const targets = evaluateTargets(results, sidebarBytes());
    const failed = targets.filter((t) => !t.pass).map((t) => `${t.name}: ${t.detail}`);
    expect(failed).toEqual([]);
    // The contrast script really is per cell: its calls grow with the rows.
    const contrast = results.filter((m) => m.operation.includes('contrast'));
    expect(contrast[1]!.calls).toBeGreaterThan(contrast[0]!.calls * 2);
  }, 180_000);
});
