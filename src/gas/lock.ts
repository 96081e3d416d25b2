/**
 * Locks. The document lock serialises runs per spreadsheet (never the script lock, which would
 * serialise every user of a published add-on). A schedule's send log in its owner's user
 * properties is written only by that owner's runs, with or without a document: they exclude each
 * other by a claim (a lease) kept in that same namespace, taken and given back under the user lock
 * (docs/APPS-SCRIPT.md#properties, "Where a schedule's state lives").
 */
import { SCHEDULE_LEASE_MS, USER_LOCK_WAIT_MS } from '../core/limits';
import { LEASE } from './keys';
import type { KeyValues } from './state-store';

export class BusyError extends Error {
  constructor(what: string) {
    super(`Another OpsPlan run is ${what} in this spreadsheet right now. Try again in a minute.`);
    this.name = 'BusyError';
  }
}

export function withDocumentLock<T>(what: string, waitMs: number, work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) throw new BusyError(what);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/** Runs `work` under the user lock (brief: a property read and write). */
function underUserLock<T>(work: () => T): T | null {
  const lock = LockService.getUserLock();
  if (!lock.tryLock(USER_LOCK_WAIT_MS)) return null;
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/**
 * Claims a schedule's send log for this run: a token, or null while another run of the same user
 * holds an unexpired claim. A claim lapses after SCHEDULE_LEASE_MS, past the 6-minute limit, so a
 * killed run never blocks the schedule for long; runs of the user in other spreadsheets are not held.
 */
export function claimScheduleLog(store: KeyValues): string | null {
  const token = `${Date.now() + SCHEDULE_LEASE_MS} ${Math.random().toString(36).slice(2)}`;
  return underUserLock(() => {
    const held = store.getProperty(LEASE);
    if (held && Number(held.split(' ')[0]) > Date.now()) return null;
    store.setProperty(LEASE, token);
    return token;
  });
}

/** Gives the claim back (only this run's own: a lapsed one another run took is left alone). */
export function releaseScheduleLog(store: KeyValues, token: string): void {
  underUserLock(() => {
    if (store.getProperty(LEASE) === token) store.deleteProperty(LEASE);
  });
}
