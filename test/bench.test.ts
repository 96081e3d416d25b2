/**
 * The benchmark's smoke run (the full run is `npm run bench`): small plans with a year of History,
 * asserting the call- and cell-count targets, which are deterministic. Times are printed by the
 * bench, never asserted here.
 */
import { describe, expect, it } from 'vitest';

import { benchSize, sidebarBytes } from '../bench/measure.js';
import { evaluateTargets } from '../bench/targets.js';

describe('benchmark smoke', () => {
  it('meets every call- and cell-count target on small plans', () => {
    // Two sizes 2.5× apart are what the count targets compare; the full bench runs 1,000 and 10,000
    // rows, and the report's row cap is held by the report tests (test/integration/report-email.test.ts).
    const results = [...benchSize(20), ...benchSize(50)];
    // The pipeline's first run creates the send log (a text format over its first 1,000 rows): at
    // these sizes that one-off outweighs its floor, so its cells target counts in the full bench.
    const targets = evaluateTargets(results, sidebarBytes()).filter(
      (t) => (t.kind === 'calls' || t.kind === 'cells') && !/^scheduled pipeline at .*cells/.test(t.name),
    );
    expect(targets.some((t) => t.kind === 'cells')).toBe(true);
    const failed = targets.filter((t) => !t.pass).map((t) => `${t.name}: ${t.detail}`);
    expect(failed).toEqual([]);
    // The contrast script really is per cell: its calls grow with the rows.
    const contrast = results.filter((m) => m.operation.includes('contrast'));
    expect(contrast[1]!.calls).toBeGreaterThan(contrast[0]!.calls * 2);
  }, 180_000);
});
