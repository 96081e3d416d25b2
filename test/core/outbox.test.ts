import { describe, expect, it } from 'vitest';

import { decodePending, encodePending } from '../../src/core/outbox.js';
import { hashKey, LOG_CONFIRMED, logBudget, SendLedger } from '../../src/core/send-log.js';

describe('pending mail in properties', () => {
  it('splits many hashes into whole chunks under the 9 KB value limit, and reads them back in order', () => {
    const hashes = Array.from({ length: 2000 }, (_, i) => hashKey(`digest|2026-W48|owner${i}@example.com`));
    const chunks = encodePending({ period: '2026-W48', hashes });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(new TextEncoder().encode(chunk).length).toBeLessThanOrEqual(9 * 1024);
    expect(decodePending(chunks)).toEqual({ period: '2026-W48', hashes });
  });
});

describe('the send log', () => {
  const store = () => ({}) as Record<string, string>;
  const apply = (props: Record<string, string>, w: { set: Record<string, string>; remove: string[] }) => {
    Object.assign(props, w.set);
    for (const k of w.remove) delete props[k];
  };

  it('remembers what went, forgets it after it expires, and compacts in place', () => {
    const props = store();
    const log = new SendLedger(props, 100);
    const entries = Array.from({ length: 3000 }, (_, i) => ({
      key: `remind-task|t${i}|${100 + (i % 10)}` as const,
      expires: 100 + (i % 10),
    }));
    const { seq, write } = log.intent({ to: 'a@example.com', kind: 'digest', subject: 's' }, entries);
    apply(props, write);
    log.sent(seq);
    apply(props, log.finish()!);
    for (const v of Object.values(props)) expect(v.length).toBeLessThanOrEqual(9 * 1024);
    expect(new SendLedger(props, 100).has('remind-task|t5|105')).toBe(true);
    const later = new SendLedger(props, 106);
    expect(later.has('remind-task|t5|105')).toBe(false);
    expect(later.has('remind-task|t6|106')).toBe(true);
    const before = Object.keys(props).length;
    apply(props, later.finish()!);
    expect(Object.keys(props).length).toBeLessThanOrEqual(before);
    expect(new SendLedger(props, 106).size().entries).toBe(1200);
  });

  it('a record never confirmed is an unknown outcome: reported once, counted as sent', () => {
    const props = store();
    const log = new SendLedger(props, 100);
    const key = { key: 'digest|p|a@example.com' as const, expires: 108 };
    apply(props, log.intent({ to: 'a@example.com', kind: 'digest', subject: 'Hi' }, [key]).write);
    // The run dies here, after sendEmail.
    const next = new SendLedger(props, 100);
    expect(next.unknown.map((u) => u.to)).toEqual(['a@example.com']);
    expect(next.has(key.key)).toBe(true);
    apply(props, next.finish()!);
    expect(Number(props[LOG_CONFIRMED])).toBeGreaterThan(0);
    expect(new SendLedger(props, 100).unknown).toEqual([]);
  });

  it('after a compaction, a record interrupted by the next run is still reported as unknown', () => {
    const props = store();
    const log = new SendLedger(props, 100);
    for (let i = 0; i < 45; i++) {
      const { seq, write } = log.intent({ to: `p${i}@example.com`, kind: 'digest', subject: 's' }, [
        { key: `digest|p|p${i}@example.com`, expires: 107 },
      ]);
      apply(props, write);
      log.sent(seq);
    }
    apply(props, log.finish()!); // compacts: entries under low names, confirmed at the last record
    const next = new SendLedger(props, 100);
    const key = { key: 'digest|p|late@example.com' as const, expires: 107 };
    apply(props, next.intent({ to: 'late@example.com', kind: 'digest', subject: 's' }, [key]).write);
    // sendEmail went; the run dies before confirming.
    const after = new SendLedger(props, 100);
    expect(after.unknown.map((u) => u.to)).toEqual(['late@example.com']);
    expect(after.has(key.key)).toBe(true);
  });

  it('refuses entries beyond its budget instead of outgrowing the store', () => {
    const log = new SendLedger({}, 100);
    const many = Array.from({ length: 20_000 }, (_, i) => ({ key: `held|${i}` as const, expires: 200 }));
    expect(log.fits(many)).toBe(false);
    expect(log.fits(many.slice(0, 1000))).toBe(true);
  });
});

describe('a send log in a shared store', () => {
  const KB = 1024;
  it('gets its share, never more than the store has free above the reserve, never below zero', () => {
    expect(logBudget(100 * KB, 10 * KB, 0, 500 * KB, 24 * KB)).toBe(100 * KB);
    // 470 KB used, 20 KB of it this log: it may grow to 500 - 24 - 470 + 20 = 26 KB.
    expect(logBudget(100 * KB, 470 * KB, 20 * KB, 500 * KB, 24 * KB)).toBe(26 * KB);
    expect(logBudget(100 * KB, 499 * KB, 0, 500 * KB, 24 * KB)).toBe(0);
  });

  it('holds what does not fit its budget, and takes in another log within it, latest-expiring first', () => {
    const small = new SendLedger({}, 100, 1000);
    const many = Array.from({ length: 100 }, (_, i) => ({
      key: `reminder|100|p${i}@example.com` as const,
      expires: 101,
    }));
    expect(small.fits(many)).toBe(false);
    expect(small.fits(many.slice(0, 5))).toBe(true);
    const source = new SendLedger({}, 100);
    source.intent({ to: 'a', kind: 'k', subject: 's' }, [
      ...many.slice(0, 50),
      { key: 'digest|2026-W48|late@example.com', expires: 130 },
    ]);
    const target = new SendLedger({}, 100, 600);
    target.absorb(source);
    expect(target.has('digest|2026-W48|late@example.com')).toBe(true);
    expect(target.size().bytes).toBeLessThanOrEqual(600);
    expect(target.size().entries).toBeLessThan(51);
    const write = target.finish()!;
    expect(Object.keys(write.set).some((k) => k.startsWith('opsplan.log.'))).toBe(true);
  });
});
