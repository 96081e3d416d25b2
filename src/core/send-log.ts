/**
 * The send log, as pure data: which send keys went (hashed, with the day each may be forgotten),
 * and how that is laid out in property values. The adapter (src/gas/send-log.ts) only reads and
 * writes the values this module produces.
 *
 * Why properties, why hashed, why bounded: a value holds 9 KB and a store 500 KB
 * (docs/APPS-SCRIPT.md#properties). An entry is a 40-bit hash of its key, at most 8 characters, under
 * a line naming its expiry day: about 9 bytes whatever the key, so the escalations of a 10,000-row
 * plan (some 8,000 entries) fit a schedule owner's share; entries are pruned when they expire; and
 * the log never takes more than
 * SEND_LOG_BUDGET_BYTES: a message whose entries do not fit waits for old ones to expire.
 *
 * At most once: a batch of messages (at most SEND_LOG_BATCH_MESSAGES, src/core/limits.ts) is
 * written as one "record" numbered `seq`, before the first of them is sent: a line per message
 * (recipient, kind, subject) and every entry their sending sets. Once the batch is sent, the record
 * is settled: the next write (the next batch's record, or the end of the run) confirms it, drops its
 * lines, and takes out the entries of messages that did not go (sendEmail threw, or the time limit
 * came), so they go later. A record still unconfirmed when the next run loads the log belongs to a
 * run that stopped mid-batch: each of its messages may or may not have gone, so each is reported as
 * an unknown outcome and none is sent again.
 */
import type { LogEntry } from './email-keys';
import { utf8Length } from './email-render';
import {
  EMAIL_ADDRESS_BYTES,
  PROPERTY_CHUNK_BYTES,
  SEND_LOG_BUDGET_BYTES,
  SEND_LOG_KIND_BYTES,
  SEND_LOG_SUBJECT_BYTES,
} from './limits';

export const LOG_PREFIX = 'opsplan.log.';
export const LOG_CONFIRMED = `${LOG_PREFIX}confirmed`;

/** Two independent 32-bit FNV-1a hashes of a key. */
function fnv(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (i & 0xff), 0x01000193) >>> 0;
  }
  return [a, b];
}

/** A 52-bit hash of a key, in base 36 (at most 11 characters): pending mail, and logs before 40-bit hashes. */
export function hashKey(key: string): string {
  const [a, b] = fnv(key);
  return ((a & 0xfffff) * 0x100000000 + b).toString(36);
}

/**
 * The send log's hash of a key: 40 bits in base 36, at most 8 characters. A 10,000-row plan's
 * escalations leave about 8,000 live entries; two of them share a hash with odds of about
 * n² / 2⁴¹ ≈ 3 in 100,000, and a shared hash only keeps a message from going (never sends twice).
 */
function logHash(key: string): string {
  const [a, b] = fnv(key);
  return ((b & 0xff) * 0x100000000 + a).toString(36);
}

export interface RecordHeader {
  to: string;
  kind: string;
  subject: string;
}

/** A message as the log records it before sending: who it is for, and the entries its sending sets. */
export interface LoggedMessage {
  header: RecordHeader;
  entries: readonly LogEntry[];
}

/** A recorded message whose send outcome is unknown (the run stopped between recording and settling). */
export interface UnknownOutcome extends RecordHeader {
  seq: number;
}

const COMPACTED = '*';
/** A line `@<day>` says when the entries below it expire (base 36), until the next such line. */
const EXPIRES = '@';
/** What an entry takes in a value: its hash, a line break, and a byte for its share of `@` lines. */
const entryBytes = (hash: string) => hash.length + 2;
const field = (text: string, bytes: number) => cutToBytes(text.replace(/[\t\n]/g, ' '), bytes);
/** A message's header line, at most SEND_LOG_HEADER_BYTES with its line break; the only lines with tabs. */
const headerText = (h: RecordHeader) =>
  [
    field(h.to, EMAIL_ADDRESS_BYTES),
    field(h.kind, SEND_LOG_KIND_BYTES),
    field(h.subject, SEND_LOG_SUBJECT_BYTES),
  ].join('\t');
const lineBytes = (line: string) => utf8Length(line) + 1;
/** An entry line of a log written before `@` lines: `<52-bit hash>:<day>`. */
function earlierEntry(line: string): [string, number] | null {
  const [hash, exp] = line.split(':');
  const expires = parseInt(exp ?? '', 36);
  return hash && Number.isFinite(expires) ? [hash, expires] : null;
}

/** The longest start of `text` that takes at most `bytes` in UTF-8 (never half a surrogate pair). */
function cutToBytes(text: string, bytes: number): string {
  if (utf8Length(text) <= bytes) return text;
  let n = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 4 : 3;
    if (n + size > bytes) break;
    n += size;
    if (size === 4) i++;
  }
  return text.slice(0, i);
}

/**
 * Packs entries into values of at most PROPERTY_CHUNK_BYTES (UTF-8), by expiry day: each value
 * says its days itself (`@<day>` lines), so values read alone. The first value starts with `head`
 * (a record's header lines), every other with COMPACTED.
 */
export function encodeChunks(head: string, entries: readonly (readonly [string, number])[]): string[] {
  const chunks: string[] = [];
  let current = head;
  let size = utf8Length(head);
  let day: number | null = null;
  for (const [hash, expires] of [...entries].sort((x, y) => x[1] - y[1])) {
    const marker = `${EXPIRES}${expires.toString(36)}`;
    if (size + hash.length + 1 + (day === expires ? 0 : marker.length + 1) > PROPERTY_CHUNK_BYTES) {
      chunks.push(current);
      current = COMPACTED;
      size = COMPACTED.length;
      day = null;
    }
    if (day !== expires) {
      current += `\n${marker}`;
      size += marker.length + 1;
      day = expires;
    }
    current += `\n${hash}`;
    size += hash.length + 1;
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

/** A batch recorded and not yet settled: its property values, and each message's entries. */
interface OpenRecord {
  seq: number;
  /** Its values as written, by name: the header lines first, then its entries. */
  values: Map<string, string[]>;
  /** Hashes this record added to the log (not there before), with their expiry. */
  fresh: Map<string, number>;
  /** Each message's hashes, in batch order. */
  messages: Set<string>[];
}

/** Room left for the confirmed mark and property names beside a record (OpsPlan's margin). */
const RECORD_MARGIN_BYTES = 400;

export class SendLedger {
  private readonly live = new Map<string, number>();
  /** Bytes the live entries take, encoded. */
  private bytes = 0;
  private names: string[] = [];
  private nextSeq = 1;
  /** The highest record number written as settled (sent, failed and removed, or reported). */
  private confirmed = 0;
  /** The batch recorded and not yet settled (one at a time). */
  private open: OpenRecord | null = null;
  /** Values settled records need rewritten, carried by the next write (which confirms them). */
  private queued: Record<string, string> = {};
  /** What the last intent's write carried from `queued`, put back if that write fails. */
  private carried: Record<string, string> = {};
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
    const headers: { seq: number; part: number; index: number; header: RecordHeader }[] = [];
    let maxSeq = 0;
    for (const [name, value] of Object.entries(properties)) {
      const at = parseName(name);
      if (!at) continue;
      this.names.push(name);
      maxSeq = Math.max(maxSeq, at.seq);
      let day = NaN;
      value.split('\n').forEach((line, index) => {
        if (line.includes('\t')) {
          // A message's header: reported when its record was never confirmed.
          if (at.seq <= this.confirmed) return;
          const [to = '', kind = '', subject = ''] = line.split('\t');
          headers.push({ ...at, index, header: { to, kind, subject } });
          return;
        }
        if (line.startsWith(EXPIRES)) {
          day = parseInt(line.slice(EXPIRES.length), 36);
          return;
        }
        const [hash, expires] = line.includes(':')
          ? (earlierEntry(line) ?? ['', NaN])
          : [line === COMPACTED ? '' : line, day];
        if (!hash || !Number.isFinite(expires)) return;
        if (expires < today) {
          this.stale = true;
          return;
        }
        this.add(hash, expires);
      });
    }
    headers.sort((x, y) => x.seq - y.seq || x.part - y.part || x.index - y.index);
    for (const { seq, header } of headers) this.unknown.push({ seq, ...header });
    // After a compaction, entries sit under low names while `confirmed` is higher: new records must
    // number above it, or an interrupted one would count as confirmed and never be reported.
    this.nextSeq = Math.max(maxSeq, this.confirmed) + 1;
    // Unknown outcomes are reported once by this run, then count as sent.
    if (this.unknown.length) this.stale = true;
  }

  private add(hash: string, expires: number): void {
    const before = this.live.get(hash);
    if (before === undefined) this.bytes += entryBytes(hash);
    if (before === undefined || expires > before) this.live.set(hash, expires);
  }

  private forget(hash: string): void {
    const expires = this.live.get(hash);
    if (expires === undefined) return;
    this.live.delete(hash);
    this.bytes -= entryBytes(hash);
  }

  /** Whether the key went: by its log hash, or by the 52-bit hash logs used before (until they expire). */
  has(key: string): boolean {
    return this.live.has(logHash(key)) || this.live.has(hashKey(key));
  }

  /** Whether a batch's record fits the log's budget: its header lines and entries, and a margin. */
  fits(batch: readonly LoggedMessage[]): boolean {
    let extra = RECORD_MARGIN_BYTES;
    for (const m of batch) {
      extra += lineBytes(headerText(m.header));
      for (const e of m.entries) extra += entryBytes(logHash(e.key));
    }
    return this.bytes + extra <= this.budgetBytes;
  }

  /**
   * The write that records a batch of messages before any of them is sent, and confirms the
   * records before it: once written, every entry counts as sent, whatever happens next. Entries
   * already in the log are not written again. The previous batch must be settled first.
   */
  intent(batch: readonly LoggedMessage[]): { seq: number; write: LogWrite } {
    if (this.open) throw new Error('The send log records a batch only once the one before is settled.');
    const seq = this.nextSeq++;
    const fresh = new Map<string, number>();
    const messages = batch.map((m) => {
      const hashes = new Set<string>();
      for (const e of m.entries) {
        const hash = logHash(e.key);
        hashes.add(hash);
        if (!this.live.has(hash)) fresh.set(hash, Math.max(e.expires, fresh.get(hash) ?? 0));
      }
      return hashes;
    });
    const headers = batch.map((m) => headerText(m.header));
    const values = new Map<string, string[]>();
    const set: Record<string, string> = { ...this.queued };
    encodeChunks(headers.join('\n'), [...fresh]).forEach((chunk, part) => {
      values.set(chunkName(seq, part), chunk.split('\n'));
      set[chunkName(seq, part)] = chunk;
    });
    set[LOG_CONFIRMED] = String((this.confirmed = Math.max(this.confirmed, seq - 1)));
    this.carried = this.queued;
    this.queued = {};
    this.open = { seq, values, fresh, messages };
    for (const [hash, expires] of fresh) this.add(hash, expires);
    this.names.push(...values.keys());
    return { seq, write: { set, remove: [] } };
  }

  /** The record's write failed: nothing was recorded, and none of its messages is sent. */
  abandon(seq: number): void {
    if (this.open?.seq !== seq) return;
    this.queued = { ...this.carried, ...this.queued };
    this.drop(this.open);
  }

  /**
   * The batch was sent as far as it went: `sent` holds the indexes of the messages that went. The
   * entries only unsent messages set leave the log, so those messages can go later; the record's
   * header lines go too. The rewrite rides on the next write, which confirms the record: until
   * then, a run that stops reports every message of the batch as an unknown outcome.
   */
  settle(seq: number, sent: ReadonlySet<number>): void {
    const record = this.open;
    if (record?.seq !== seq) return;
    this.open = null;
    const keep = new Set<string>();
    record.messages.forEach((hashes, i) => {
      if (sent.has(i)) for (const h of hashes) keep.add(h);
    });
    const dropped = new Set([...record.fresh.keys()].filter((h) => !keep.has(h)));
    for (const hash of dropped) this.forget(hash);
    for (const [name, lines] of record.values) {
      const rest = lines.filter(
        (l) => l && l !== COMPACTED && !l.includes('\t') && !dropped.has(l.split(':')[0]!),
      );
      this.queued[name] = [COMPACTED, ...rest].join('\n');
    }
  }

  /** The record was written but its batch will not be sent (another log could not record it). */
  discard(seq: number): LogWrite {
    const record = this.open;
    if (record?.seq !== seq) return { set: {}, remove: [] };
    return { set: {}, remove: this.drop(record) };
  }

  private drop(record: OpenRecord): string[] {
    this.open = null;
    for (const hash of record.fresh.keys()) this.forget(hash);
    const names = [...record.values.keys()];
    this.names = this.names.filter((n) => !record.values.has(n));
    return names;
  }

  /**
   * The end-of-run write: carries the settled records' rewrites, confirms them, and compacts the
   * log when anything expired. A batch still open (the run failed mid-batch) stays unconfirmed, so
   * the next run reports its messages as unknown outcomes.
   */
  finish(): LogWrite | null {
    if (this.open) {
      const settled = this.open.seq - 1;
      const set: Record<string, string> = { ...this.queued };
      if (settled > this.confirmed) set[LOG_CONFIRMED] = String((this.confirmed = settled));
      this.queued = {};
      return Object.keys(set).length ? { set, remove: [] } : null;
    }
    const last = this.nextSeq - 1;
    if (!this.stale && this.names.length <= 40) {
      if (this.confirmed >= last && !Object.keys(this.queued).length) return null;
      const set = { ...this.queued, [LOG_CONFIRMED]: String((this.confirmed = last)) };
      this.queued = {};
      return { set, remove: [] };
    }
    // Compact: every live entry into as few values as possible, reusing the old names so the store
    // never holds more than before; all of them confirmed (settled rewrites are part of it).
    const seq = this.nextSeq++;
    const chunks = encodeChunks(COMPACTED, [...this.live]);
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
    this.queued = {};
    return { set, remove };
  }

  /**
   * Takes in another log's live entries (moving a schedule's log to a new store), the latest-
   * expiring first while they fit the budget; the next finish() writes them, compacted.
   */
  absorb(other: SendLedger): void {
    for (const [hash, expires] of [...other.live].sort((a, b) => b[1] - a[1])) {
      if (this.bytes + entryBytes(hash) + RECORD_MARGIN_BYTES > this.budgetBytes) break;
      this.add(hash, expires);
      this.stale = true;
    }
  }

  /** How many entries the log holds, and their bytes (for tests and the bench). */
  size(): { entries: number; bytes: number } {
    return { entries: this.live.size, bytes: this.bytes };
  }
}
