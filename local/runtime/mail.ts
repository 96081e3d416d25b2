/** MailApp over a local outbox: quota, address checks, and real RFC 5322 messages on demand. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import nodemailer from 'nodemailer';

import { type CallLog, service } from './calls.js';
import type { Clock } from './clock.js';
import { AppsScriptException } from './errors.js';

export interface SentMail {
  id: number;
  from: string;
  fromName: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string;
  subject: string;
  text: string;
  html: string;
  sentAt: Date;
}

const ADDRESS = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;
const MAX_RECIPIENTS_PER_MESSAGE = 50;
const MAX_HTML_BYTES = 200 * 1024;

export interface MailOptions {
  clock: Clock;
  sender: () => string;
  dailyQuota: number;
  outboxDir?: string;
}

export class Outbox {
  readonly messages: SentMail[] = [];
  /** Recipients sent per sender and day (UTC date), for the quota. */
  readonly sentByDay = new Map<string, number>();
  /** Addresses whose next send fails with a service error, to test partial failures. */
  readonly failures = new Map<string, string>();

  constructor(private readonly options: MailOptions) {}

  /** The quota is per user (the one the script runs as) and per day. */
  dayKey(): string {
    return `${this.options.sender()} ${new Date(this.options.clock.now()).toISOString().slice(0, 10)}`;
  }

  remaining(): number {
    return Math.max(0, this.options.dailyQuota - (this.sentByDay.get(this.dayKey()) ?? 0));
  }

  setDailyQuota(quota: number): void {
    this.options.dailyQuota = quota;
  }

  /** The message as a real MIME document (multipart text + HTML, UTF-8). */
  async toEml(mail: SentMail): Promise<Buffer> {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const info = await transport.sendMail({
      messageId: `<opsplan-local-${mail.id}@localhost>`,
      date: mail.sentAt,
      from: { name: mail.fromName, address: mail.from },
      to: mail.to,
      cc: mail.cc.length ? mail.cc : undefined,
      bcc: mail.bcc.length ? mail.bcc : undefined,
      replyTo: mail.replyTo || undefined,
      subject: mail.subject,
      text: mail.text,
      html: mail.html || undefined,
      textEncoding: 'quoted-printable',
    });
    return info.message as Buffer;
  }

  /** Writes every message as `NNN.eml` into the outbox folder (when one is set). */
  async flush(dir = this.options.outboxDir): Promise<string[]> {
    if (!dir) return [];
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (const mail of this.messages) {
      const file = join(dir, `${String(mail.id).padStart(4, '0')}.eml`);
      writeFileSync(file, await this.toEml(mail));
      files.push(file);
    }
    return files;
  }

  record(mail: Omit<SentMail, 'id' | 'sentAt' | 'from'>): void {
    const recipients = mail.to.length + mail.cc.length + mail.bcc.length;
    for (const address of [...mail.to, ...mail.cc, ...mail.bcc]) {
      const failure = this.failures.get(address.toLowerCase());
      if (failure) {
        this.failures.delete(address.toLowerCase());
        throw new AppsScriptException(failure);
      }
    }
    if (recipients > this.remaining())
      throw new AppsScriptException('Service invoked too many times for one day: email.');
    this.sentByDay.set(this.dayKey(), (this.sentByDay.get(this.dayKey()) ?? 0) + recipients);
    this.messages.push({
      ...mail,
      id: this.messages.length + 1,
      from: this.options.sender(),
      sentAt: new Date(this.options.clock.now()),
    });
  }
}

type MessageObject = GoogleAppsScript.Mail.MailAdvancedParameters;

function addresses(field: unknown): string[] {
  if (field === undefined || field === null || field === '') return [];
  const list = String(field)
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const a of list) if (!ADDRESS.test(a)) throw new AppsScriptException(`Invalid email: ${a}`);
  return list;
}

export class MailAppImpl implements Pick<GoogleAppsScript.Mail.MailApp, 'getRemainingDailyQuota'> {
  constructor(
    private readonly outbox: Outbox,
    log: CallLog,
  ) {
    return service(this, 'MailApp', log);
  }
  getRemainingDailyQuota(): number {
    return this.outbox.remaining();
  }
  sendEmail(
    toOrMessage: string | MessageObject,
    subject?: string,
    body?: string,
    options?: Partial<MessageObject>,
  ): void {
    const m: Partial<MessageObject> =
      typeof toOrMessage === 'object' && toOrMessage !== null
        ? toOrMessage
        : { ...(options ?? {}), to: toOrMessage, subject, body };
    const to = addresses(m.to);
    if (to.length === 0) throw new AppsScriptException('Failed to send email: no recipient');
    const cc = addresses(m.cc);
    const bcc = addresses(m.bcc);
    if (to.length + cc.length + bcc.length > MAX_RECIPIENTS_PER_MESSAGE)
      throw new AppsScriptException('Limit Exceeded: Email Recipients Per Message.');
    const html = m.htmlBody === undefined ? '' : String(m.htmlBody);
    if (Buffer.byteLength(html, 'utf8') > MAX_HTML_BYTES)
      throw new AppsScriptException('Limit Exceeded: Email Body Size.');
    const replyTo = m.replyTo ? addresses(m.replyTo)[0]! : '';
    this.outbox.record({
      fromName: m.name ? String(m.name) : '',
      to,
      cc,
      bcc,
      replyTo,
      subject: String(m.subject ?? ''),
      text: String(m.body ?? ''),
      html,
    });
  }
}
