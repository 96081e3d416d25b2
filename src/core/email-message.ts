/**
 * From parts to messages: every part for one recipient in one run goes in one message (at most one
 * message per recipient per run). A message opens with what the reader must do — every part's
 * actions, in one list — and the link to the plan, then each part, worst news first, then one
 * footer. It is rendered at the largest row limit (up to each part's listRows) at which the whole message,
 * as encoded for sending, fits MAIL_MESSAGE_BYTES (docs/APPS-SCRIPT.md#mail). At row limit 0 a
 * part is a few lines, so every message fits: nothing ever fails for size.
 */
import type { LogEntry } from './email-keys';
import { encodedLength, footer, howToUpdate, type MailContext, type Rendered } from './email-render';
import { bullets, escapeHtml, page, STYLE } from './html';
import { MAIL_HEADER_BYTES, MAIL_LIST_ROWS, MAIL_MESSAGE_BYTES } from './limits';

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
  /** What the reader must do, worst first, each a few words: "2 overdue", "Update 2 KPIs". */
  actions: string[];
  /** Why the reader gets this part, as a clause: "you own items in Q4 plan" (the footer joins them). */
  reason: string;
  /** The spreadsheet's link and the menu path to its check-in panel ("My items"). */
  context: MailContext;
  /** The part's body, with at most `rows` rows per list. */
  render(rows: number): Rendered;
  /** Most rows its lists show, when not its context's (the manager report shows more). */
  listRows?: number;
}

export interface OutgoingMail {
  to: string;
  /** The kind of the leading part (a merged message is led by its most urgent part). */
  kind: MailKind;
  subject: string;
  text: string;
  html: string;
  parts: MailPart[];
  /** Everything recorded in the send log before the message goes. */
  log: LogEntry[];
  items: number;
}

/** Which part names a merged message (its subject and kind): the report leads what it is merged with. */
const LEAD: Record<MailKind, number> = {
  held: 0,
  manager: 1,
  digest: 2,
  reminder: 3,
  escalation: 4,
  notice: 5,
};
/**
 * Parts in the order a reader acts on them: approvals first, then the reader's own items, what was
 * escalated to them, reminders and notices, and the manager report last (so a Plan owner who also
 * receives the report reads their own items before it).
 */
const BODY: Record<MailKind, number> = {
  held: 0,
  digest: 1,
  escalation: 2,
  reminder: 3,
  notice: 4,
  manager: 5,
};
const RULE = '<hr style="border:none;border-top:1px solid #dadce0;margin:24px 0;">';
const NOTHING = 'Nothing needs you now: everything of yours is on track.';

/** The opening block: the subject, what the reader must do, and how to get to it. */
function opening(lead: MailPart, parts: readonly MailPart[]): Rendered {
  const actions = parts.flatMap((p) => p.actions);
  const list = actions.length ? actions : [NOTHING];
  const update = parts.some((p) => p.kind !== 'held') ? howToUpdate(lead.context) : { html: '', text: '' };
  return {
    html: `<div style="${STYLE.summary}"><h1 style="${STYLE.h1}">${escapeHtml(lead.subject)}</h1>${bullets(
      list.map(escapeHtml),
    )}${update.html}</div>`,
    text: `${lead.subject}\n\n${list.map((a) => `* ${a}`).join('\n')}\n\n${update.text}`,
  };
}

/** Most rows a part's lists show: its own, its context's, or MAIL_LIST_ROWS. */
const listRows = (part: MailPart) => part.listRows ?? part.context.listRows ?? MAIL_LIST_ROWS;

/** A message of one recipient's parts, fitted to the size limit. */
export function assemble(parts: readonly MailPart[]): OutgoingMail {
  const sorted = [...parts].sort((a, b) => BODY[a.kind] - BODY[b.kind]);
  const lead = [...parts].sort((a, b) => LEAD[a.kind] - LEAD[b.kind])[0]!;
  const top = opening(lead, sorted);
  const foot = footer(
    lead.context,
    sorted.map((p) => p.reason),
  );
  const render = (rows: number) => {
    const rendered = sorted.map((p) => p.render(Math.min(rows, listRows(p))));
    const html = page(lead.subject, top.html + rendered.map((r) => r.html).join(RULE) + foot.html);
    const text = `${top.text}\n${rendered.map((r) => r.text.trim()).join('\n\n==========\n\n')}\n${foot.text}`;
    return {
      html,
      text,
      fits: encodedLength(html) + encodedLength(text) <= MAIL_MESSAGE_BYTES - MAIL_HEADER_BYTES,
    };
  };
  // A message grows with its row limit: the largest limit that fits, by halving (a few renders).
  const most = Math.max(...sorted.map(listRows));
  let best = render(most);
  if (!best.fits) {
    let [low, high] = [0, most - 1];
    let found: typeof best | null = null;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      const tried = render(mid);
      if (tried.fits) [low, found] = [mid, tried];
      else high = mid - 1;
    }
    best = found ?? render(0);
  }
  const { html, text } = best;
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
