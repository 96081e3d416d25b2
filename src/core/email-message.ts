/**
 * From parts to messages: every part for one recipient in one run goes in one message (at most one
 * message per recipient per run), rendered at the largest row limit whose HTML and text fit the
 * mail size limits (docs/APPS-SCRIPT.md#mail). At row limit 0 a part is a few lines, so every
 * message fits: nothing ever fails for size.
 */
import type { LogEntry } from './email-keys';
import type { Rendered } from './email-render';
import { utf8Length } from './email-render';
import { page } from './html';
import { MAIL_HTML_TARGET_BYTES, MAIL_LIST_ROWS, MAIL_TEXT_TARGET_BYTES } from './limits';

export type MailKind = 'manager' | 'digest' | 'reminder' | 'escalation' | 'notice' | 'held';

/** One thing a recipient is sent: a digest, the manager report, a reminder… */
export interface MailPart {
  kind: MailKind;
  to: string;
  /** Where the address came from, named in the approval notice: "People: Alex Rivera". */
  source: string;
  /** The entry that says this part went (a digest per period, a reminder per day…). */
  id: LogEntry;
  /** What else its sending covers: each task it reminds of or escalates. */
  covers: LogEntry[];
  subject: string;
  /** How many things need the reader. */
  items: number;
  /** The part with at most `rows` rows per list. */
  render(rows: number): Rendered;
}

export interface OutgoingMail {
  to: string;
  /** The kind of the leading part (a merged message is led by its manager report or digest). */
  kind: MailKind;
  subject: string;
  text: string;
  html: string;
  parts: MailPart[];
  /** Everything recorded in the send log before the message goes. */
  log: LogEntry[];
  items: number;
}

const ORDER: Record<MailKind, number> = {
  held: 0,
  manager: 1,
  digest: 2,
  reminder: 3,
  escalation: 4,
  notice: 5,
};
const RULE = '<hr style="border:none;border-top:1px solid #dadce0;margin:24px 0;">';
const ROW_STEPS = [MAIL_LIST_ROWS, 12, 6, 3, 1, 0];

/** A message of one recipient's parts, fitted to the size limits. */
export function assemble(parts: readonly MailPart[]): OutgoingMail {
  const sorted = [...parts].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const lead = sorted[0]!;
  let html = '';
  let text = '';
  for (const rows of ROW_STEPS) {
    const rendered = sorted.map((p) => p.render(rows));
    html = page(lead.subject, rendered.map((r) => r.html).join(RULE));
    text = rendered.map((r) => r.text).join('\n\n==========\n\n');
    if (utf8Length(html) <= MAIL_HTML_TARGET_BYTES && utf8Length(text) <= MAIL_TEXT_TARGET_BYTES) break;
  }
  return {
    to: lead.to,
    kind: lead.kind,
    subject: lead.subject,
    text,
    html,
    parts: sorted,
    log: sorted.flatMap((p) => [p.id, ...p.covers]),
    items: sorted.reduce((n, p) => n + p.items, 0),
  };
}

/** One message per recipient, in the order their first part came. */
export function onePerRecipient(parts: readonly MailPart[]): OutgoingMail[] {
  const byRecipient = new Map<string, MailPart[]>();
  for (const part of parts) {
    const key = part.to.trim().toLowerCase();
    const list = byRecipient.get(key);
    if (list) list.push(part);
    else byRecipient.set(key, [part]);
  }
  return [...byRecipient.values()].map(assemble);
}
