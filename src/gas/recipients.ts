/**
 * Approved recipients and held ones, in the schedule owner's store (src/gas/state-store.ts): saving
 * a schedule stores the exact set its owner saw and approved; a scheduled run sends to nobody else.
 * Only the owner's own executions can write that store, so no editor can approve an address.
 */
import { type Recipient } from '../core/email-recipients';
import { OWNER_APPROVED_BUDGET_BYTES, PROPERTY_CHUNK_BYTES } from '../core/limits';
import { DOC } from './keys';
import type { KeyValues } from './state-store';

export function loadApproved(all: Readonly<Record<string, string>>): Set<string> {
  const approved = new Set<string>();
  for (const [name, value] of Object.entries(all))
    if (name.startsWith(DOC.approvedPrefix))
      for (const line of value.split('\n')) if (line.trim()) approved.add(line.trim().toLowerCase());
  return approved;
}

/** Replaces the approved set; an error (and nothing changed) if it cannot fit its share of the store. */
export function saveApproved(
  store: KeyValues,
  addresses: readonly string[],
  budget = OWNER_APPROVED_BUDGET_BYTES,
): void {
  const list = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))].sort();
  const chunks: string[] = [];
  let current = '';
  for (const address of list) {
    if (current.length + address.length + 1 > PROPERTY_CHUNK_BYTES) {
      chunks.push(current);
      current = '';
    }
    current += `${address}\n`;
  }
  if (current) chunks.push(current);
  if (chunks.reduce((n, c) => n + c.length, 0) > budget)
    throw new Error(`Too many recipients to approve (${list.length}); nothing was changed.`);
  const p = store;
  const old = p.getKeys().filter((k) => k.startsWith(DOC.approvedPrefix));
  const set = Object.fromEntries(chunks.map((c, i) => [`${DOC.approvedPrefix}${i}`, c]));
  p.setProperties(set);
  for (const name of old) if (!(name in set)) p.deleteProperty(name);
}

export function loadHeld(all: Readonly<Record<string, string>>): Recipient[] {
  try {
    const parsed = JSON.parse(all[DOC.held] ?? '[]') as unknown;
    return Array.isArray(parsed)
      ? parsed.filter(
          (r): r is Recipient =>
            typeof r === 'object' &&
            r !== null &&
            typeof r.address === 'string' &&
            typeof r.source === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

/** The held list the sidebar shows, bounded to one property value. */
export function saveHeld(store: KeyValues, held: readonly Recipient[]): void {
  const list: Recipient[] = [];
  let size = 2;
  for (const r of held) {
    const cost = JSON.stringify(r).length + 1;
    if (size + cost > PROPERTY_CHUNK_BYTES) break;
    list.push(r);
    size += cost;
  }
  if (list.length) store.setProperty(DOC.held, JSON.stringify(list));
  else store.deleteProperty(DOC.held);
}
