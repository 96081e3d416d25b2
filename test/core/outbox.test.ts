import { describe, expect, it } from 'vitest';

import { decodePending, encodePending } from '../../src/core/outbox.js';

describe('pending mail in properties', () => {
  it('splits many keys into whole chunks under the 9 KB value limit, and reads them back in order', () => {
    const keys = Array.from(
      { length: 400 },
      (_, i) => `digest|2026-W48|owner${i}@example-company-with-a-long-domain.com`,
    );
    const chunks = encodePending({ period: '2026-W48', keys });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(new TextEncoder().encode(chunk).length).toBeLessThanOrEqual(9 * 1024);
    expect(decodePending(chunks)).toEqual({ period: '2026-W48', keys });
  });

  it('ignores an unreadable chunk instead of losing the others', () => {
    const chunks = encodePending({ period: 'p', keys: ['a', 'b'] });
    expect(decodePending(['{broken', ...chunks])).toEqual({ period: 'p', keys: ['a', 'b'] });
    expect(decodePending([])).toBeNull();
  });
});
