/**
 * The send log in a property store (see src/core/send-log.ts for its layout and why): one
 * getProperties to load, one setProperties per batch of messages (its record, written before the
 * first of them is sent, confirming the batch before), and one at the end of the run. A run may keep
 * its log in two stores (the document's and the schedule owner's, src/gas/state-store.ts): SendLogs
 * records each batch in all of them before sending, and counts a message as sent if any has it.
 */
import { type LoggedMessage, type LogWrite, SendLedger, type UnknownOutcome } from '../core/send-log';
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

  fits(batch: readonly LoggedMessage[]): boolean {
    return this.ledger.fits(batch);
  }

  /** Records a batch before it is sent. Null when the write failed: then none of it may be sent. */
  intend(batch: readonly LoggedMessage[]): number | null {
    const { seq, write } = this.ledger.intent(batch);
    try {
      this.apply(write);
      return seq;
    } catch (error) {
      this.ledger.abandon(seq);
      console.warn(`OpsPlan: could not record messages before sending, so they wait: ${String(error)}`);
      return null;
    }
  }

  /** The batch went as far as `sent` (indexes) says; the next write settles it. */
  settle(seq: number, sent: ReadonlySet<number>): void {
    this.ledger.settle(seq, sent);
  }

  /** Another log could not record the batch, so none of it goes: forget the record now. */
  discard(seq: number): void {
    this.apply(this.ledger.discard(seq));
  }

  /** Confirms the settled batches and compacts what expired; a failure here leaves them unconfirmed. */
  finish(): void {
    const write = this.ledger.finish();
    if (write) this.apply(write);
  }

  private apply(write: LogWrite): void {
    if (Object.keys(write.set).length) this.props.setProperties(write.set);
    for (const name of write.remove) this.props.deleteProperty(name);
  }
}

/** Every log a run writes, as one: a batch is recorded in all before it is sent, or in none. */
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

  fits(batch: readonly LoggedMessage[]): boolean {
    return this.logs.every((l) => l.fits(batch));
  }

  /** A record per log, or null (and nothing recorded anywhere) if any log could not record it. */
  intend(batch: readonly LoggedMessage[]): number[] | null {
    const seqs: number[] = [];
    for (const log of this.logs) {
      const seq = log.intend(batch);
      if (seq === null) {
        this.logs.slice(0, seqs.length).forEach((l, i) => {
          try {
            l.discard(seqs[i]!);
          } catch {
            // Its record stays: the batch counts as sent there rather than risk sending it twice.
          }
        });
        return null;
      }
      seqs.push(seq);
    }
    return seqs;
  }

  settle(seqs: readonly number[], sent: ReadonlySet<number>): void {
    this.logs.forEach((l, i) => l.settle(seqs[i]!, sent));
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
