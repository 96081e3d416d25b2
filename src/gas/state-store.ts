/**
 * Where OpsPlan's state lives (docs/ARCHITECTURE.md, "Where state lives"):
 * - the document's store: document properties, shared by every editor, absent in an add-on's
 *   time-driven run (docs/APPS-SCRIPT.md#properties);
 * - a schedule owner's store: their user properties, namespaced by the spreadsheet's ID, which
 *   only their own executions can read or write, with or without a document.
 * Both offer the same small interface, so the send log, approvals and pending mail are written the
 * same way in either.
 */
import { utf8Length } from '../core/email-render';
import { PROPERTY_STORE_BYTES } from '../core/limits';
import { OWNER_PREFIX } from './keys';

/** The part of Properties OpsPlan uses (Apps Script's Properties satisfies it). */
export interface KeyValues {
  getProperty(key: string): string | null;
  getProperties(): Record<string, string>;
  getKeys(): string[];
  setProperty(key: string, value: string): unknown;
  setProperties(values: Record<string, string>): unknown;
  deleteProperty(key: string): unknown;
}

/** The document's store, or null when the execution has no document. */
export function documentStore(): KeyValues | null {
  return PropertiesService.getDocumentProperties() ?? null;
}

const bytes = utf8Length;

/** The current user's state for one spreadsheet: their user properties under its namespace. */
export class OwnerStore implements KeyValues {
  private readonly prefix: string;
  private readonly user = PropertiesService.getUserProperties();

  constructor(readonly spreadsheetId: string) {
    this.prefix = `${OWNER_PREFIX}${spreadsheetId}.`;
  }

  getProperty(key: string): string | null {
    return this.user.getProperty(this.prefix + key);
  }

  /** This spreadsheet's entries, by their names inside the namespace (one read of the user's store). */
  getProperties(): Record<string, string> {
    return this.inside(this.user.getProperties());
  }

  getKeys(): string[] {
    return this.user
      .getKeys()
      .filter((k) => k.startsWith(this.prefix))
      .map((k) => k.slice(this.prefix.length));
  }

  setProperty(key: string, value: string): void {
    this.user.setProperty(this.prefix + key, value);
  }

  setProperties(values: Record<string, string>): void {
    this.user.setProperties(Object.fromEntries(Object.entries(values).map(([k, v]) => [this.prefix + k, v])));
  }

  deleteProperty(key: string): void {
    this.user.deleteProperty(this.prefix + key);
  }

  /** This namespace's entries and the user's whole store size, from one read. */
  snapshot(): { all: Record<string, string>; storeBytes: number } {
    const everything = this.user.getProperties();
    let storeBytes = 0;
    for (const [k, v] of Object.entries(everything)) storeBytes += bytes(k) + bytes(v);
    return { all: this.inside(everything), storeBytes };
  }

  /** The bytes the namespace's entries whose names start with `start` take in the user's store. */
  bytesOf(all: Readonly<Record<string, string>>, start: string): number {
    let n = 0;
    for (const [k, v] of Object.entries(all)) if (k.startsWith(start)) n += bytes(this.prefix + k) + bytes(v);
    return n;
  }

  private inside(everything: Readonly<Record<string, string>>): Record<string, string> {
    const own: Record<string, string> = {};
    for (const [k, v] of Object.entries(everything))
      if (k.startsWith(this.prefix)) own[k.slice(this.prefix.length)] = v;
    return own;
  }
}

/**
 * Where a run keeps what it can always rebuild (the History index): the document's store, or, in a
 * run without a document, the running user's namespace for this spreadsheet.
 */
export function cacheStore(spreadsheetId: string): KeyValues {
  return documentStore() ?? new OwnerStore(spreadsheetId);
}

/** The whole user store's limit, for budgets (docs/APPS-SCRIPT.md#properties). */
export const USER_STORE_LIMIT = PROPERTY_STORE_BYTES;
