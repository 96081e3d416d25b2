/**
 * The send log in document properties (see src/core/send-log.ts for its layout and why): one
 * getProperties to load, one setProperties per message (its record, written before sendEmail,
 * confirming the previous one), and one at the end of the run.
 */
import type { LogEntry } from '../core/email-keys';
import { type LogWrite, type RecordHeader, SendLedger, type UnknownOutcome } from '../core/send-log';

type Properties = GoogleAppsScript.Properties.Properties;

export class SendLog {
  private readonly ledger: SendLedger;

  constructor(
    private readonly props: Properties,
    all: Readonly<Record<string, string>>,
    today: number,
  ) {
    this.ledger = new SendLedger(all, today);
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

  /** Records a message before it is sent. False when the write failed: then it must not be sent. */
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

  /** sendEmail threw: forget the record, so the message goes on a later run. */
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
