/**
 * The send log, as pure data: which send keys went (hashed, with the day each may be forgotten),
 * and how that is laid out in property values. The adapter (src/gas/send-log.ts) only reads and
 * writes the values this module produces.
 *
 * Why properties, why hashed, why bounded: a value holds 9 KB and a store 500 KB
 * (docs/APPS-SCRIPT.md#properties). An entry is a 52-bit hash of its key and its expiry day, about
 * 15 bytes whatever the key; entries are pruned when they expire; and the log never takes more than
 * SEND_LOG_BUDGET_BYTES: a message whose entries do not fit waits for old ones to expire.
 *
 * At most once: each message's entries are written (as a "record" numbered `seq`) before
 * sendEmail, and the record is confirmed by the next write. A record still unconfirmed when the
 * next run loads the log belongs to a run that stopped between sending and recording: its outcome
 * is unknown, so it is reported and never sent again.
 */
import type { LogEntry } from './email-keys';
import { PROPERTY_CHUNK_BYTES, SEND_LOG_BUDGET_BYTES } from './limits';

export const LOG_PREFIX = 'opsplan.log.';
export const LOG_CONFIRMED = `${LOG_PREFIX}confirmed`;

/** A 52-bit hash of a key, in base 36 (at most 11 characters): two independent 32-bit FNV-1a. */
export function hashKey(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (i & 0xff), 0x01000193) >>> 0;
  }
  return ((a & 0xfffff) * 0x100000000 + b).toString(36);
}

export interface RecordHeader {
  to: string;
  kind: string;
  subject: string;
}

/** A record whose send outcome is unknown (the run stopped between sending and recording). */
export interface UnknownOutcome extends RecordHeader {
  seq: number;
}

const COMPACTED = '*';
const entryText = (hash: string, expires: number) => `${hash}:${expires.toString(36)}`;
const headerText = (h: RecordHeader) =>
  [h.to, h.kind, h.subject].map((s) => s.replace(/[\t\n]/g, ' ').slice(0, 200)).join('\t');

/** Splits entries into values of at most PROPERTY_CHUNK_BYTES, the header on the first. */
export function encodeChunks(header: string, entries: readonly string[]): string[] {
  const chunks: string[] = [];
  let current = header;
  for (const entry of entries) {
    if (current.length + entry.length + 1 > PROPERTY_CHUNK_BYTES) {
      chunks.push(current);
      current = COMPACTED;
    }
    current += `\n${entry}`;
  }
  chunks.push(current);
  return chunks;
}

/** A log property's name: `opsplan.log.<seq>.<part>`. */
export const chunkName = (seq: number, part: number) => `${LOG_PREFIX}${seq}.${part}`;
function parseName(name: string): { seq: number; part: number } | null {
  const m = /^opsplan\.log\.(\d+)\.(\d+)$/.exec(name);
  return m ? { seq: Number(m[1]), part: Number(m[2]) } : null;
}

/** What the adapter writes or deletes, in one setProperties call then deletes. */
export interface LogWrite {
  set: Record<string, string>;
  remove: string[];
}

/**
 * A log's budget in a store shared with other data: its own share, but never more than what it
 * holds now plus what the store has free above a reserve (so a write never meets the store limit).
 */
export function logBudget(
  share: number,
  storeBytes: number,
  logBytes: number,
  storeLimit: number,
  reserve: number,
): number {
  return Math.max(0, Math.min(share, logBytes + storeLimit - reserve - storeBytes));
}

export class SendLedger {
  private readonly live = new Map<string, number>();
  /** Bytes the live entries take, encoded. */
  private bytes = 0;
  private names: string[] = [];
  private nextSeq = 1;
  /** The highest record number written as settled (sent, failed and removed, or reported). */
  private confirmed = 0;
  /** This run's records whose send has not settled: their hashes and property names. */
  private readonly open = new Map<number, { hashes: string[]; names: string[] }>();
  readonly unknown: UnknownOutcome[] = [];
  private stale = false;

  /**
   * Reads every log property (one getProperties call's result), dropping expired entries. The log
   * never takes more than `budgetBytes` (the document's share by default; see logBudget).
   */
  constructor(
    properties: Readonly<Record<string, string>>,
    today: number,
    private readonly budgetBytes: number = SEND_LOG_BUDGET_BYTES,
  ) {
    this.confirmed = Number(properties[LOG_CONFIRMED] ?? 0) || 0;
    const headers = new Map<number, RecordHeader>();
    let maxSeq = 0;
    for (const [name, value] of Object.entries(properties)) {
      const at = parseName(name);
      if (!at) continue;
      this.names.push(name);
      maxSeq = Math.max(maxSeq, at.seq);
      const [head = '', ...lines] = value.split('\n');
      if (at.part === 0 && head !== COMPACTED && at.seq > this.confirmed) {
        const [to = '', kind = '', subject = ''] = head.split('\t');
        headers.set(at.seq, { to, kind, subject });
      }
      for (const line of lines) {
        const [hash, exp] = line.split(':');
        const expires = parseInt(exp ?? '', 36);
        if (!hash || !Number.isFinite(expires)) continue;
        if (expires < today) {
          this.stale = true;
          continue;
        }
        this.add(hash, expires);
      }
    }
    for (const [seq, header] of [...headers].sort((x, y) => x[0] - y[0]))
      this.unknown.push({ seq, ...header });
    // After a compaction, entries sit under low names while `confirmed` is higher: new records must
    // number above it, or an interrupted one would count as confirmed and never be reported.
    this.nextSeq = Math.max(maxSeq, this.confirmed) + 1;
    // Unknown outcomes are reported once by this run, then count as sent.
    if (this.unknown.length) this.stale = true;
  }

  private add(hash: string, expires: number): void {
    const before = this.live.get(hash);
    if (before === undefined) this.bytes += entryText(hash, expires).length + 1;
    if (before === undefined || expires > before) this.live.set(hash, expires);
  }

  has(key: string): boolean {
    return this.live.has(hashKey(key));
  }

  /** Bytes the log would take with these entries added. */
  fits(entries: readonly LogEntry[]): boolean {
    const extra = entries.reduce((n, e) => n + entryText(hashKey(e.key), e.expires).length + 1, 0);
    return this.bytes + extra + 400 <= this.budgetBytes;
  }

  /**
   * The write that records a message's entries before it is sent, and confirms the previous one:
   * once written, the entries count as sent, whatever happens next. Entries already in the log
   * are not written again.
   */
  intent(header: RecordHeader, entries: readonly LogEntry[]): { seq: number; write: LogWrite } {
    const seq = this.nextSeq++;
    const fresh = new Map<string, number>();
    for (const e of entries) {
      const hash = hashKey(e.key);
      if (!this.live.has(hash)) fresh.set(hash, Math.max(e.expires, fresh.get(hash) ?? 0));
    }
    const set: Record<string, string> = {};
    const names: string[] = [];
    encodeChunks(
      headerText(header),
      [...fresh].map(([hash, expires]) => entryText(hash, expires)),
    ).forEach((chunk, part) => {
      names.push(chunkName(seq, part));
      set[chunkName(seq, part)] = chunk;
    });
    set[LOG_CONFIRMED] = String((this.confirmed = Math.max(this.confirmed, seq - 1)));
    this.open.set(seq, { hashes: [...fresh.keys()], names });
    for (const [hash, expires] of fresh) this.add(hash, expires);
    this.names.push(...names);
    return { seq, write: { set, remove: [] } };
  }

  /** The record's write failed: nothing was recorded, and the message is not sent. */
  abandon(seq: number): void {
    this.drop(seq);
  }

  /** The message went: the next write confirms it. */
  sent(seq: number): void {
    this.open.delete(seq);
  }

  /** sendEmail threw: the message did not go; its record is removed so it can go again. */
  failed(seq: number): LogWrite {
    return { set: {}, remove: this.drop(seq) };
  }

  private drop(seq: number): string[] {
    const record = this.open.get(seq);
    if (!record) return [];
    this.open.delete(seq);
    for (const hash of record.hashes) {
      const expires = this.live.get(hash);
      if (expires === undefined) continue;
      this.live.delete(hash);
      this.bytes -= entryText(hash, expires).length + 1;
    }
    this.names = this.names.filter((n) => !record.names.includes(n));
    return record.names;
  }

  /** The end-of-run write: confirms the last record, and compacts the log when anything expired. */
  finish(): LogWrite | null {
    const last = this.nextSeq - 1;
    if (!this.stale && this.names.length <= 40)
      return this.confirmed >= last ? null : { set: { [LOG_CONFIRMED]: String(last) }, remove: [] };
    // Compact: every live entry into as few values as possible, reusing the old names so the store
    // never holds more than before; all of them confirmed.
    const seq = this.nextSeq++;
    const chunks = encodeChunks(
      COMPACTED,
      [...this.live].map(([hash, expires]) => entryText(hash, expires)),
    );
    const old = [...this.names].sort();
    const set: Record<string, string> = { [LOG_CONFIRMED]: String(seq) };
    const used = chunks.map((chunk, i) => {
      const name = old[i] ?? chunkName(seq, i);
      set[name] = chunk;
      return name;
    });
    const remove = old.filter((n) => !used.includes(n));
    this.names = used;
    this.stale = false;
    this.confirmed = seq;
    return { set, remove };
  }

  /**
   * Takes in another log's live entries (moving a schedule's log to a new store), the latest-
   * expiring first while they fit the budget; the next finish() writes them, compacted.
   */
  absorb(other: SendLedger): void {
    for (const [hash, expires] of [...other.live].sort((a, b) => b[1] - a[1])) {
      if (this.bytes + entryText(hash, expires).length + 401 > this.budgetBytes) break;
      this.add(hash, expires);
      this.stale = true;
    }
  }

  /** How many entries the log holds, and their bytes (for tests and the bench). */
  size(): { entries: number; bytes: number } {
    return { entries: this.live.size, bytes: this.bytes };
  }
}
