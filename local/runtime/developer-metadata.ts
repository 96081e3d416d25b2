/**
 * Developer metadata on the spreadsheet and its sheets: key/value tags a script attaches to what it
 * created, found again by key whatever users rename.
 * https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata
 * https://developers.google.com/workspace/sheets/api/guides/metadata (ids are unique in the
 * spreadsheet, keys need not be; metadata goes with the sheet it is on and is deleted with it).
 * Row, column and range locations are not modelled (those methods stay "not implemented").
 */
import { type CallLog, service } from './calls.js';
import { AppsScriptException } from './errors.js';

export const DeveloperMetadataVisibility = { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' } as const;
export const DeveloperMetadataLocationType = {
  SPREADSHEET: 'SPREADSHEET',
  SHEET: 'SHEET',
  ROW: 'ROW',
  COLUMN: 'COLUMN',
} as const;

export interface MetadataRecord {
  id: number;
  key: string;
  value: string | null;
  visibility: string;
}

/** Where metadata lives: the spreadsheet itself, or one sheet (by its store). */
export interface MetadataHolder<SheetRef> {
  records: MetadataRecord[];
  sheet: SheetRef | null;
}

/** What the metadata classes need from the spreadsheet model, without importing it. */
export interface MetadataHost<SheetRef> {
  log: CallLog;
  nextId(): number;
  /** Every holder in the spreadsheet: the spreadsheet first, then each sheet in order. */
  holders(): MetadataHolder<SheetRef>[];
  sheetObject(sheet: SheetRef): unknown;
  spreadsheetObject(): unknown;
}

type GasMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key === '')
    throw new AppsScriptException('Invalid argument: key (developer metadata must have a key)');
  return key;
}

function checkVisibility(visibility: unknown): string {
  if (
    visibility !== DeveloperMetadataVisibility.DOCUMENT &&
    visibility !== DeveloperMetadataVisibility.PROJECT
  )
    throw new AppsScriptException(`Invalid argument: visibility: ${String(visibility)}`);
  return visibility;
}

/**
 * addDeveloperMetadata(key), (key, visibility), (key, value), (key, value, visibility), as the
 * Sheet and Spreadsheet reference pages list them; visibility defaults to DOCUMENT.
 */
export function addMetadata<S>(host: MetadataHost<S>, holder: MetadataHolder<S>, args: unknown[]): void {
  const [key, second, third] = args;
  const secondIsVisibility = args.length === 2 && (second === 'DOCUMENT' || second === 'PROJECT');
  const value = args.length >= 2 && !secondIsVisibility ? second : null;
  if (value !== null && typeof value !== 'string')
    throw new AppsScriptException('Invalid argument: value (developer metadata values are strings)');
  const visibility = secondIsVisibility
    ? second
    : args.length === 3
      ? third
      : DeveloperMetadataVisibility.DOCUMENT;
  holder.records.push({
    id: host.nextId(),
    key: checkKey(key),
    value,
    visibility: checkVisibility(visibility),
  });
}

export function metadataObjects<S>(host: MetadataHost<S>, records: MetadataRecord[]): GasMetadata[] {
  return records.map((r) => new DeveloperMetadata(host, r) as unknown as GasMetadata);
}

export class DeveloperMetadata<S = unknown> {
  constructor(
    private readonly host: MetadataHost<S>,
    readonly record: MetadataRecord,
  ) {
    return service(this, 'DeveloperMetadata', host.log);
  }
  private self(): GasMetadata {
    return this as unknown as GasMetadata;
  }
  private holder(): MetadataHolder<S> {
    const holder = this.host.holders().find((h) => h.records.includes(this.record));
    if (!holder) throw new AppsScriptException('The developer metadata no longer exists.');
    return holder;
  }
  getId(): number {
    return this.record.id;
  }
  getKey(): string {
    return this.record.key;
  }
  getValue(): string | null {
    return this.record.value;
  }
  getVisibility(): string {
    return this.record.visibility;
  }
  setKey(key: string): GasMetadata {
    this.holder();
    this.record.key = checkKey(key);
    return this.self();
  }
  setValue(value: string): GasMetadata {
    this.holder();
    if (typeof value !== 'string')
      throw new AppsScriptException('Invalid argument: value (developer metadata values are strings)');
    this.record.value = value;
    return this.self();
  }
  setVisibility(visibility: string): GasMetadata {
    this.holder();
    this.record.visibility = checkVisibility(visibility);
    return this.self();
  }
  remove(): void {
    const holder = this.holder();
    holder.records.splice(holder.records.indexOf(this.record), 1);
  }
  getLocation(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation {
    const { sheet } = this.holder();
    const host = this.host;
    const notOnRowOrColumn = () => {
      throw new AppsScriptException('This developer metadata is not on a row or column.');
    };
    return service(
      {
        getLocationType: () =>
          sheet === null ? DeveloperMetadataLocationType.SPREADSHEET : DeveloperMetadataLocationType.SHEET,
        getSheet: () => (sheet === null ? null : host.sheetObject(sheet)),
        getSpreadsheet: () => (sheet === null ? host.spreadsheetObject() : null),
        getRow: notOnRowOrColumn,
        getColumn: notOnRowOrColumn,
      },
      'DeveloperMetadataLocation',
      host.log,
    ) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;
  }
}

type GasFinder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;

/** Spreadsheet/Sheet.createDeveloperMetadataFinder(): every criterion must match. */
export class DeveloperMetadataFinder<S = unknown> {
  private readonly tests: ((record: MetadataRecord, holder: MetadataHolder<S>) => boolean)[] = [];
  constructor(
    private readonly host: MetadataHost<S>,
    /** Only metadata of this sheet (a sheet's finder), or of the whole spreadsheet. */
    private readonly scope: S | null,
  ) {
    return service(this, 'DeveloperMetadataFinder', host.log);
  }
  private add(test: (record: MetadataRecord, holder: MetadataHolder<S>) => boolean): GasFinder {
    this.tests.push(test);
    return this as unknown as GasFinder;
  }
  withKey(key: string): GasFinder {
    return this.add((r) => r.key === key);
  }
  withValue(value: string): GasFinder {
    return this.add((r) => r.value === value);
  }
  withId(id: number): GasFinder {
    return this.add((r) => r.id === id);
  }
  withVisibility(visibility: string): GasFinder {
    checkVisibility(visibility);
    return this.add((r) => r.visibility === visibility);
  }
  withLocationType(type: string): GasFinder {
    if (type !== DeveloperMetadataLocationType.SPREADSHEET && type !== DeveloperMetadataLocationType.SHEET) {
      if (type in DeveloperMetadataLocationType) return this.add(() => false);
      throw new AppsScriptException(`Invalid argument: locationType: ${String(type)}`);
    }
    return this.add((_r, h) => (h.sheet === null) === (type === DeveloperMetadataLocationType.SPREADSHEET));
  }
  find(): GasMetadata[] {
    const found: MetadataRecord[] = [];
    for (const holder of this.host.holders()) {
      if (this.scope !== null && holder.sheet !== this.scope) continue;
      for (const record of holder.records) if (this.tests.every((t) => t(record, holder))) found.push(record);
    }
    return metadataObjects(this.host, found);
  }
}
