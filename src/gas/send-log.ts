/**
 * The send log in a property store (see src/core/send-log.ts for its layout and why): one
 * getProperties to load, one setProperties per message (its record, written before sendEmail,
 * confirming the previous one), and one at the end of the run. A run may keep its log in two
 * stores (the document's and the schedule owner's, src/gas/state-store.ts): SendLogs records each
 * message in all of them before sending, and counts a message as sent if any of them has it.
 */
import type { LogEntry } from '../core/email-keys';
import { type LogWrite, type RecordHeader, SendLedger, type UnknownOutcome } from '../core/send-log';
import type { KeyValues } from './state-store';

export class SendLog {
  readonly ledger: SendLedger;

  constructor(
    private readonly props: KeyValues,
    all: Readonly<Record<string, string>>,
    today: number,
    budgetBytes?: number,
  ) {
    this.ledger = new SendLedger(all, today, budgetBytes);
  }

  get unknown(): readonly UnknownOutcome[] {
    return this.ledger.unknown;
  }

  has(key: string): boolean {
    return this.ledger.has(key);
  }

  fits(entries: readonly LogEntry[]): boolean {
    return this.ledger.fits(entries);
  }

  /** Records a message before it is sent. Null when the write failed: then it must not be sent. */
  intend(header: RecordHeader, entries: readonly LogEntry[]): number | null {
    const { seq, write } = this.ledger.intent(header, entries);
    try {
      this.apply(write);
      return seq;
    } catch (error) {
      this.ledger.abandon(seq);
      console.warn(`OpsPlan: could not record a message before sending, so it waits: ${String(error)}`);
      return null;
    }
  }

  sent(seq: number): void {
    this.ledger.sent(seq);
  }

  /** sendEmail threw (or another log could not record it): forget the record, so it goes later. */
  failed(seq: number): void {
    this.apply(this.ledger.failed(seq));
  }

  /** Confirms the last message and compacts what expired; failures here leave it unconfirmed. */
  finish(): void {
    const write = this.ledger.finish();
    if (write) this.apply(write);
  }

  private apply(write: LogWrite): void {
    if (Object.keys(write.set).length) this.props.setProperties(write.set);
    for (const name of write.remove) this.props.deleteProperty(name);
  }
}

/** Every log a run writes, as one: a message is recorded in all before it is sent, or in none. */
export class SendLogs {
  constructor(private readonly logs: readonly SendLog[]) {}

  /** Records of interrupted runs, from every log, each reported once. */
  get unknown(): UnknownOutcome[] {
    const seen = new Set<string>();
    return this.logs
      .flatMap((l) => l.unknown)
      .filter((u) => {
        const id = `${u.to}\t${u.kind}\t${u.subject}`;
        return !seen.has(id) && seen.add(id) !== undefined;
      });
  }

  has(key: string): boolean {
    return this.logs.some((l) => l.has(key));
  }

  fits(entries: readonly LogEntry[]): boolean {
    return this.logs.every((l) => l.fits(entries));
  }

  /** A record per log, or null (and nothing recorded anywhere) if any log could not record it. */
  intend(header: RecordHeader, entries: readonly LogEntry[]): number[] | null {
    const seqs: number[] = [];
    for (const log of this.logs) {
      const seq = log.intend(header, entries);
      if (seq === null) {
        this.settleFailed(this.logs.slice(0, seqs.length), seqs);
        return null;
      }
      seqs.push(seq);
    }
    return seqs;
  }

  sent(seqs: readonly number[]): void {
    this.logs.forEach((l, i) => l.sent(seqs[i]!));
  }

  /** Forgets the records; a log that cannot keeps its record (the message then counts as sent there). */
  failed(seqs: readonly number[]): void {
    this.settleFailed(this.logs, seqs);
  }

  private settleFailed(logs: readonly SendLog[], seqs: readonly number[]): void {
    logs.forEach((l, i) => {
      try {
        l.failed(seqs[i]!);
      } catch {
        // Its record stays: the message counts as sent rather than risk sending it twice.
      }
    });
  }

  finish(): void {
    for (const log of this.logs)
      try {
        log.finish();
      } catch (error) {
        console.warn(`OpsPlan: the send log could not be confirmed: ${String(error)}`);
      }
  }
}
