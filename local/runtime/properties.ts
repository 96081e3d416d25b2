/** PropertiesService with Apps Script's size limits: 9 KB a value, 500 KB a store. */
import { type CallLog, service } from './calls.js';
import { AppsScriptException } from './errors.js';

const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

export class PropertyStore {
  readonly data = new Map<string, string>();
  size(): number {
    let n = 0;
    for (const [k, v] of this.data) n += Buffer.byteLength(k) + Buffer.byteLength(v);
    return n;
  }
}

export class Properties implements Pick<
  GoogleAppsScript.Properties.Properties,
  'getProperty' | 'getKeys' | 'getProperties'
> {
  constructor(
    private readonly store: PropertyStore,
    log: CallLog,
  ) {
    return service(this, 'Properties', log);
  }
  private self(): GoogleAppsScript.Properties.Properties {
    return this as unknown as GoogleAppsScript.Properties.Properties;
  }
  getProperty(key: string): string | null {
    return this.store.data.get(String(key)) ?? null;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store.data);
  }
  getKeys(): string[] {
    return [...this.store.data.keys()];
  }
  private put(entries: [string, string][]): void {
    const next = new Map(this.store.data);
    for (const [k, v] of entries) {
      if (Buffer.byteLength(v) > MAX_VALUE_BYTES) throw new AppsScriptException('Argument too large: value');
      next.set(k, v);
    }
    let total = 0;
    for (const [k, v] of next) total += Buffer.byteLength(k) + Buffer.byteLength(v);
    if (total > MAX_STORE_BYTES)
      throw new AppsScriptException(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    for (const [k, v] of entries) this.store.data.set(k, v);
  }
  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    this.put([[String(key), String(value)]]);
    return this.self();
  }
  setProperties(
    properties: Record<string, string>,
    deleteAllOthers = false,
  ): GoogleAppsScript.Properties.Properties {
    if (deleteAllOthers) this.store.data.clear();
    this.put(Object.entries(properties).map(([k, v]) => [k, String(v)]));
    return this.self();
  }
  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this.store.data.delete(String(key));
    return this.self();
  }
  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    this.store.data.clear();
    return this.self();
  }
}

export class PropertiesServiceImpl implements Pick<
  GoogleAppsScript.Properties.PropertiesService,
  'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'
> {
  constructor(
    /** Read at each call: the document and user are those of the current execution. */
    private readonly stores: { document: PropertyStore | null; script: PropertyStore; user: PropertyStore },
    private readonly log: CallLog,
  ) {
    return service(this, 'PropertiesService', log);
  }
  /**
   * Null when the execution has no document, as the reference page says:
   * https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()
   */
  getDocumentProperties(): GoogleAppsScript.Properties.Properties {
    const store = this.stores.document;
    return (store === null
      ? null
      : new Properties(store, this.log)) as unknown as GoogleAppsScript.Properties.Properties;
  }
  getScriptProperties(): GoogleAppsScript.Properties.Properties {
    return new Properties(this.stores.script, this.log) as unknown as GoogleAppsScript.Properties.Properties;
  }
  getUserProperties(): GoogleAppsScript.Properties.Properties {
    return new Properties(this.stores.user, this.log) as unknown as GoogleAppsScript.Properties.Properties;
  }
}
