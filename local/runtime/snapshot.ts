/**
 * Copies what one runtime holds into another, freshly built one: the fixture tests restore instead
 * of running the same script again (a plan built once per test process, copied for each test).
 *
 * Plain data (sheet stores, cell layers, records, maps) is copied deeply; a service object that
 * names a place (a Range, a validation or rule holding Ranges) is built again in the copy, against
 * its own spreadsheet and call log. Anything else (another service object, a function held as
 * data) cannot be copied faithfully, so copying refuses it rather than share it between runtimes.
 */
import { raw } from './calls.js';
import { CellLayer } from './cell-layer.js';
import { ConditionalFormatRule, DataValidation } from './rules.js';
import { Range, type SpreadsheetHost } from './spreadsheet.js';
import { SheetStore } from './workbook.js';

export class CannotCopyError extends Error {
  constructor(what: string) {
    super(`the local runtime cannot copy ${what} into another runtime`);
    this.name = 'CannotCopyError';
  }
}

/** One copy of a runtime's state: each object copied once, so shared references stay shared. */
export class StateCopier {
  private readonly copies = new Map<object, unknown>();

  /**
   * `same`: objects of the source runtime that the copy has its own of (its call log, clock,
   * spreadsheet host, workbook): references to them become references to the copy's.
   */
  constructor(
    private readonly host: SpreadsheetHost,
    same: [object, object][],
  ) {
    for (const [from, to] of same) this.copies.set(from, to);
  }

  copy<T>(value: T): T {
    if (typeof value === 'function') throw new CannotCopyError(`a function (${value.name || 'anonymous'})`);
    if (value === null || typeof value !== 'object') return value;
    const known = this.copies.get(value);
    if (known !== undefined) return known as T;
    const copied = this.copyObject(value);
    return copied as T;
  }

  private remember<T extends object>(from: object, to: T): T {
    this.copies.set(from, to);
    return to;
  }

  private copyObject(value: object): unknown {
    const inner = raw(value);
    const rebuilt = this.copyService(inner);
    // Stored as the service proxy scripts hold, or as the runtime's own object behind it.
    if (rebuilt) return this.remember(value, inner === value ? raw(rebuilt) : rebuilt);
    if (inner !== value) throw new CannotCopyError(`a ${inner.constructor.name} service object`);
    if (Array.isArray(value)) {
      const out = this.remember(value, [] as unknown[]);
      for (const item of value) out.push(isPrimitive(item) ? item : this.copy(item));
      return out;
    }
    if (value instanceof Map) {
      const out = this.remember(value, new Map());
      for (const [k, v] of value)
        out.set(isPrimitive(k) ? k : this.copy(k), isPrimitive(v) ? v : this.copy(v));
      return out;
    }
    if (value instanceof Set) {
      const out = this.remember(value, new Set());
      for (const v of value) out.add(this.copy(v));
      return out;
    }
    if (value instanceof Date) return this.remember(value, new Date(value.getTime()));
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto !== Object.prototype && proto !== null && !isDataClass(proto))
      throw new CannotCopyError(`an object of class ${proto.constructor.name}`);
    const out = this.remember(value, Object.create(proto) as Record<string, unknown>);
    for (const key of Object.keys(value)) out[key] = this.copy((value as Record<string, unknown>)[key]);
    return out;
  }

  /** A service object that names a place is built again in the copy, for its spreadsheet and log. */
  private copyService(inner: object): object | undefined {
    if (inner instanceof Range) return new Range(this.host, this.copy(inner.store), { ...inner.rect });
    if (inner instanceof DataValidation) return new DataValidation(this.copy(inner.spec), this.host.log);
    if (inner instanceof ConditionalFormatRule)
      return new ConditionalFormatRule(this.copy(inner.spec), this.host.log);
    return undefined;
  }
}

const isPrimitive = (value: unknown) =>
  value === null || (typeof value !== 'object' && typeof value !== 'function');

/**
 * Classes whose instances are plain data (fields, no closures, no service proxy of their own),
 * copied field by field. A class goes here only once its fields are known to be data.
 */
const DATA_CLASSES = new Set<object>([SheetStore.prototype, CellLayer.prototype]);
const isDataClass = (proto: object) => DATA_CLASSES.has(proto);

/**
 * Copies each data field of `from` onto `to` (two instances of one class): fields holding
 * functions (hooks such as a call log's `guard`) and those named in `keep` stay the target's own.
 */
export function copyFields<T extends object>(
  copier: StateCopier,
  from: T,
  to: T,
  keep: readonly string[] = [],
): void {
  const source = from as Record<string, unknown>;
  const target = to as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    if (keep.includes(key) || typeof source[key] === 'function' || typeof target[key] === 'function')
      continue;
    target[key] = copier.copy(source[key]);
  }
}
