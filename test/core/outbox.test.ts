import { describe, expect, it } from 'vitest';

import type { LogEntry } from '../../src/core/email-keys.js';
import {
  OWNER_LOG_BUDGET_BYTES,
  PROPERTY_VALUE_BYTES,
  SEND_LOG_BATCH_MESSAGES,
} from '../../src/core/limits.js';
import { decodePending, encodePending } from '../../src/core/outbox.js';
import {
  hashKey,
  LOG_CONFIRMED,
  logBudget,
  type LoggedMessage,
  type RecordHeader,
  SendLedger,
} from '../../src/core/send-log.js';

/** A batch of one message. */
const one = (header: RecordHeader, entries: readonly LogEntry[]): LoggedMessage[] => [{ header, entries }];
const ALL_SENT = new Set([0]);

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
    const { seq, write } = log.intent(one({ to: 'a@example.com', kind: 'digest', subject: 's' }, entries));
    apply(props, write);
    log.settle(seq, ALL_SENT);
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
    apply(props, log.intent(one({ to: 'a@example.com', kind: 'digest', subject: 'Hi' }, [key])).write);
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
      const { seq, write } = log.intent(
        one({ to: `p${i}@example.com`, kind: 'digest', subject: 's' }, [
          { key: `digest|p|p${i}@example.com`, expires: 107 },
        ]),
      );
      apply(props, write);
      log.settle(seq, ALL_SENT);
    }
    apply(props, log.finish()!); // compacts: entries under low names, confirmed at the last record
    const next = new SendLedger(props, 100);
    const key = { key: 'digest|p|late@example.com' as const, expires: 107 };
    apply(props, next.intent(one({ to: 'late@example.com', kind: 'digest', subject: 's' }, [key])).write);
    // sendEmail went; the run dies before confirming.
    const after = new SendLedger(props, 100);
    expect(after.unknown.map((u) => u.to)).toEqual(['late@example.com']);
    expect(after.has(key.key)).toBe(true);
  });

  it('refuses entries beyond its budget instead of outgrowing the store', () => {
    const log = new SendLedger({}, 100);
    const many = Array.from({ length: 20_000 }, (_, i) => ({ key: `held|${i}` as const, expires: 200 }));
    const header = { to: 'a@example.com', kind: 'digest', subject: 's' };
    expect(log.fits(one(header, many))).toBe(false);
    expect(log.fits(one(header, many.slice(0, 1000)))).toBe(true);
  });
});

describe('the send log, a batch at a time', () => {
  const apply = (props: Record<string, string>, w: { set: Record<string, string>; remove: string[] }) => {
    Object.assign(props, w.set);
    for (const k of w.remove) delete props[k];
  };
  /** A full batch: each message its digest key and a task it reminds of. */
  const batch = (from: number, n = SEND_LOG_BATCH_MESSAGES): LoggedMessage[] =>
    Array.from({ length: n }, (_, i) => ({
      header: { to: `p${from + i}@example.com`, kind: 'digest', subject: `Status ${from + i}` },
      entries: [
        { key: `digest|2026-W48|p${from + i}@example.com`, expires: 108 },
        { key: `remind-task|t${from + i}|105`, expires: 106 },
      ],
    }));

  it('a batch is one write; killed before its first message went, every message of it is unknown and none goes again', () => {
    const props: Record<string, string> = {};
    const log = new SendLedger(props, 100);
    const first = log.intent(batch(0));
    expect(Object.keys(first.write.set).filter((k) => k !== LOG_CONFIRMED).length).toBe(1);
    apply(props, first.write);
    log.settle(first.seq, new Set(batch(0).map((_, i) => i)));
    apply(props, log.intent(batch(100)).write); // confirms the first batch in the same write
    // The run is killed here, before the second batch's first sendEmail.
    const next = new SendLedger(props, 100);
    expect(next.unknown.map((u) => u.to)).toEqual(batch(100).map((m) => m.header.to));
    for (const m of [...batch(0), ...batch(100)])
      for (const e of m.entries) expect(next.has(e.key)).toBe(true);
    apply(props, next.finish()!);
    expect(new SendLedger(props, 100).unknown).toEqual([]);
  });

  it('settling takes out the entries of the messages that did not go, drops the header lines, and confirms in the next write', () => {
    const props: Record<string, string> = {};
    const log = new SendLedger(props, 100);
    const { seq, write } = log.intent(batch(0, 3));
    apply(props, write);
    log.settle(seq, new Set([0, 2])); // the second threw
    const end = log.finish()!;
    expect(end.remove).toEqual([]);
    apply(props, end);
    const after = new SendLedger(props, 100);
    expect(after.unknown).toEqual([]);
    expect(after.has('digest|2026-W48|p0@example.com')).toBe(true);
    expect(after.has('digest|2026-W48|p1@example.com')).toBe(false);
    expect(after.has('remind-task|t1|105')).toBe(false);
    expect(after.has('digest|2026-W48|p2@example.com')).toBe(true);
    expect(Object.values(props).some((v) => v.includes('\t'))).toBe(false);
  });

  it('a batch still open at the end of the run stays unconfirmed', () => {
    const props: Record<string, string> = {};
    const log = new SendLedger(props, 100);
    apply(props, log.intent(batch(0, 2)).write);
    // An unexpected error before settling: finish confirms nothing it does not know went.
    const end = log.finish();
    if (end) apply(props, end);
    expect(new SendLedger(props, 100).unknown.map((u) => u.to)).toEqual(['p0@example.com', 'p1@example.com']);
  });

  it('the header lines of a full batch of the longest addresses and subjects fit one property value', () => {
    const long = Array.from({ length: SEND_LOG_BATCH_MESSAGES }, (_, i) => ({
      header: { to: `${'é'.repeat(300)}${i}@example.com`, kind: 'escalation', subject: '→'.repeat(400) },
      entries: [{ key: `digest|p|${i}` as const, expires: 108 }],
    }));
    const { write } = new SendLedger({}, 100).intent(long);
    const values = Object.entries(write.set).filter(([k]) => k !== LOG_CONFIRMED);
    for (const [, v] of values) expect(Buffer.byteLength(v)).toBeLessThanOrEqual(PROPERTY_VALUE_BYTES);
    const first = values.find(([k]) => k.endsWith('.0'))![1];
    expect(first.split('\n').filter((l) => l.includes('\t'))).toHaveLength(SEND_LOG_BATCH_MESSAGES);
  });
});

describe('the send log at the size of a 10,000-row plan', () => {
  it('keeps 10,000 task entries within a schedule owner’s share, and honours a log written before', () => {
    const log = new SendLedger({}, 100, OWNER_LOG_BUDGET_BYTES);
    const tasks = Array.from({ length: 10_000 }, (_, i) => ({
      key: `escalate-task|t${i}|${90 + (i % 7)}` as const,
      expires: 100 + (i % 28),
    }));
    const header = { to: 'a@example.com', kind: 'escalation', subject: 's' };
    expect(log.fits(one(header, tasks))).toBe(true);
    const props: Record<string, string> = {};
    const { seq, write } = log.intent(one(header, tasks));
    Object.assign(props, write.set);
    log.settle(seq, ALL_SENT);
    Object.assign(props, log.finish()!.set);
    let bytes = 0;
    for (const [k, v] of Object.entries(props)) bytes += Buffer.byteLength(k) + Buffer.byteLength(v);
    expect(bytes).toBeLessThanOrEqual(OWNER_LOG_BUDGET_BYTES);
    const again = new SendLedger(props, 100);
    expect(tasks.every((t) => again.has(t.key))).toBe(true);
    expect(again.has('escalate-task|t10000|90')).toBe(false);
    // A log of the version before: `<52-bit hash>:<day>` lines, under its own record.
    const earlier = new SendLedger(
      {
        'opsplan.log.3.0': `*\n${hashKey('digest|2026-W48|a@example.com')}:${(108).toString(36)}`,
        [LOG_CONFIRMED]: '3',
      },
      100,
    );
    expect(earlier.has('digest|2026-W48|a@example.com')).toBe(true);
    expect(
      new SendLedger({ 'opsplan.log.3.0': `*\n${hashKey('x')}:${(99).toString(36)}` }, 100).has('x'),
    ).toBe(false);
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
    const header = { to: 'a', kind: 'k', subject: 's' };
    expect(small.fits(one(header, many))).toBe(false);
    expect(small.fits(one(header, many.slice(0, 5)))).toBe(true);
    const source = new SendLedger({}, 100);
    source.intent(
      one(header, [...many.slice(0, 50), { key: 'digest|2026-W48|late@example.com', expires: 130 }]),
    );
    const target = new SendLedger({}, 100, 600);
    target.absorb(source);
    expect(target.has('digest|2026-W48|late@example.com')).toBe(true);
    expect(target.size().bytes).toBeLessThanOrEqual(600);
    expect(target.size().entries).toBeLessThan(51);
    const write = target.finish()!;
    expect(Object.keys(write.set).some((k) => k.startsWith('opsplan.log.'))).toBe(true);
  });
});
