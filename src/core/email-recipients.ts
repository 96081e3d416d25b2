/**
 * Who OpsPlan may email, and where each address came from: what a schedule's owner approves, and
 * what the approval notice names. Addresses are compared in lower case.
 */
import { heldKey } from './email-keys';
import type { MailPart } from './email-message';
import { type MailContext, menuPath, plural, subjectOf } from './email-render';
import { escapeHtml, oneLine } from './html';
import { emailOf, type PlanModel } from './plan-model';
import { accountableOf, keptInformed, LETTER_WORDS, raciEntryOf } from './raci';
import { hashKey } from './send-log';

export interface Recipient {
  address: string;
  source: string;
}

/** A recipient list from the sidebar (untrusted): strings only, or an error in plain words. */
export function parseRecipientList(input: unknown): string[] | undefined {
  if (input === undefined || input === null) return undefined;
  if (
    !Array.isArray(input) ||
    input.some((a) => typeof a !== 'string' || a.length > 254) ||
    input.length > 10_000
  )
    throw new Error('The confirmed recipients must be a list of email addresses.');
  return input as string[];
}

export const normalAddress = (address: string) => address.trim().toLowerCase();
export const domainOf = (address: string) => normalAddress(address).split('@')[1] ?? '';

/**
 * Everyone the plan can mail: owners of items, Accountables, the Plan owner, report recipients,
 * and (when the FYI setting is on) the Consulted and Informed of work.
 */
export function planRecipients(model: PlanModel): Recipient[] {
  const found = new Map<string, Recipient>();
  const add = (address: string | undefined, source: string) => {
    if (address && !found.has(normalAddress(address)))
      found.set(normalAddress(address), { address: normalAddress(address), source });
  };
  const person = (name: string, why: string) =>
    add(emailOf(model, name), `People: ${oneLine(name, 60)} (${why})`);
  for (const r of model.settings.reportRecipients) add(r, 'Plan: Report recipients');
  if (model.settings.planOwner) person(model.settings.planOwner, 'Plan owner');
  for (const list of [model.kpis, model.activities, model.risks])
    for (const item of list) if (item.owner) person(item.owner, `owner of ${oneLine(item.id, 40)}`);
  for (const a of model.activities) {
    const accountable = accountableOf(model.raci, a);
    if (accountable.kind === 'person') person(accountable.name, `Accountable for ${oneLine(a.id, 40)}`);
    const entry = model.settings.fyiDigest ? raciEntryOf(model.raci, a) : undefined;
    if (entry)
      for (const [name, letter] of keptInformed(entry))
        person(name, `${LETTER_WORDS[letter]} on ${oneLine(a.id, 40)}`);
  }
  return [...found.values()];
}

/** Addresses outside the domain of `owner` (all of them when the owner's email is unknown). */
export function outsideDomain(addresses: readonly string[], owner: string): string[] {
  const home = domainOf(owner);
  return addresses.filter((a) => !home || domainOf(a) !== home);
}

/** The notice to the schedule's owner listing held recipients and where they came from. */
export function heldNotice(
  owner: string,
  held: readonly Recipient[],
  planName: string,
  context: MailContext,
): MailPart {
  const subject = subjectOf(planName, `${plural(held.length, 'new recipient')} waiting for your approval`);
  const intro = `The scheduled run held mail to ${plural(held.length, 'address', 'addresses')} you have not approved. Nothing was sent to them. To approve, open ${menuPath('menuSchedule')} and click Approve.`;
  return {
    kind: 'held',
    to: owner,
    source: 'Schedule owner',
    id: heldKey(
      held.map((h) => h.address),
      context.today,
      hashKey,
    ),
    covers: [],
    subject,
    items: held.length,
    actions: [`Approve or leave out ${plural(held.length, 'new recipient')}`],
    reason: 'you saved this plan’s schedule',
    context,
    render(rows) {
      const shown = held.slice(0, Math.max(rows, 1) * 4);
      const more = held.length - shown.length;
      const html = `<p>${escapeHtml(intro)}</p><ul>${shown
        .map((h) => `<li>${escapeHtml(h.address)} — ${escapeHtml(h.source)}</li>`)
        .join('')}</ul>${more > 0 ? `<p>…and ${more} more, listed in the sidebar.</p>` : ''}`;
      const text = `${intro}\n\n${shown.map((h) => `- ${h.address} — ${h.source}`).join('\n')}${more > 0 ? `\n…and ${more} more, listed in the sidebar.` : ''}`;
      return { html, text };
    },
  };
}
