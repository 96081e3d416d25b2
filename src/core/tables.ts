/**
 * The typed table layer: the one reader of a plan tab. It maps the tab's headers once, parses each
 * row with data once by its spec, and hands out rows whose accessors take the spec's column keys,
 * so a typo in a key does not compile. Check, the plan model, History, refresh and Set up read
 * tabs only through it.
 */
import { type HeaderMap, mapHeaders } from './headers';
import { TABS } from './spec/tabs';
import type { ColumnKeyOf, ColumnSpec, TabKey, TabSpec } from './spec/types';
import { type CellValue, isBlank, parseCell, type ParsedCell } from './values';

/** A tab as read from the sheet: row 1, the rows under it, and (when read) their formulas. */
export interface TabInput {
  sheetName: string;
  header: readonly CellValue[];
  /** Rows 2..last, as wide as the sheet's data. */
  rows: readonly (readonly CellValue[])[];
  /** Formulas of the same cells (formula columns need them). */
  formulas?: readonly (readonly string[])[];
}

export type PlanInput = Partial<Record<TabKey, TabInput>>;

export type Tabs = typeof TABS;
/** The column keys of one tab: `KeyOf<'goals'>` is 'id' | 'goal' | … */
export type KeyOf<K extends TabKey> = ColumnKeyOf<Tabs[K]>;

/** One data row of a tab, parsed once; every accessor takes a column key of the tab's spec. */
export class Row<K extends string = string> {
  constructor(
    /** 1-based sheet row. */
    readonly row: number,
    readonly raw: readonly CellValue[],
    // Held by plain string keys so a row of a tab can stand in for a row that needs fewer keys.
    private readonly map: HeaderMap<string>,
    /** Parsed cells at their sheet column index (the table's header map finds it): no map per row. */
    private readonly values: readonly (ParsedCell | null | undefined)[],
    private readonly problems: ReadonlyMap<string, string>,
  ) {}

  /** The cell as the sheet holds it ('' when the tab lacks the column). */
  cell(key: K): CellValue {
    const index = this.map.byKey.get(key);
    return index === undefined ? '' : (this.raw[index] ?? '');
  }
  /** The cell parsed by its column type; null when blank or unreadable. */
  value(key: K): ParsedCell | null {
    const index = this.map.byKey.get(key);
    return index === undefined ? null : (this.values[index] ?? null);
  }
  text(key: K): string {
    const v = this.value(key);
    return v === null ? '' : Array.isArray(v) ? v.join(', ') : String(v);
  }
  /** A number (dates are day numbers), or null. */
  num(key: K): number | null {
    const v = this.value(key);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  /** The raw cell when it is a number: formula results and History values as the sheet has them. */
  rawNum(key: K): number | null {
    const v = this.cell(key);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  list(key: K): string[] {
    const v = this.value(key);
    return Array.isArray(v) ? v : [];
  }
  /** Why the cell could not be read, if it could not. */
  problem(key: K): string | undefined {
    return this.problems.get(key);
  }
  /** Whether any cell of the row could not be read (most rows: none, and their checks stop here). */
  hasProblems(): boolean {
    return this.problems.size > 0;
  }
  /** Filled in: readable or not. */
  has(key: K): boolean {
    return this.text(key) !== '' || this.problems.has(key);
  }
}

export interface Table<T extends TabSpec = TabSpec> {
  spec: T;
  sheetName: string;
  header: readonly CellValue[];
  map: HeaderMap<ColumnKeyOf<T>>;
  input: TabInput;
  /** The rows that hold data, in sheet order. */
  records: Row<ColumnKeyOf<T>>[];
  /** Whether body row i (0-based, row i + 2 on the sheet) holds data. */
  hasData(i: number): boolean;
  /** Whether body row i gets OpsPlan's formulas: it is named (see `rowIsNamed`). */
  getsFormulas(i: number): boolean;
  /** Whether the sheet has this column. */
  hasColumn(key: ColumnKeyOf<T>): boolean;
  /** The header cell of a column key (the team's own text), or the spec's default header. */
  headerOf(key: ColumnKeyOf<T>): string;
}

/** A row has data when any column other than the formula columns holds something. */
export function rowHasData<T extends TabSpec>(
  spec: T,
  map: HeaderMap<ColumnKeyOf<T>>,
  row: readonly unknown[],
): boolean {
  for (const c of spec.columns) {
    if (c.type === 'formula') continue;
    const index = map.byKey.get(c.key as ColumnKeyOf<T>);
    if (index !== undefined && !isBlank(row[index])) return true;
  }
  return false;
}

/**
 * The columns that name a row (ID and name: the spec's first `labelColumns`) that the tab has; none
 * when it has neither, and then every data column names it.
 */
export function namingColumns<T extends TabSpec>(spec: T, map: HeaderMap<ColumnKeyOf<T>>): number[] {
  return spec.columns.slice(0, spec.labelColumns ?? 0).flatMap((c) => {
    const index = map.byKey.get(c.key as ColumnKeyOf<T>);
    return index === undefined ? [] : [index];
  });
}

/**
 * A row is named once its ID or name holds something (or, in a tab with neither column, any data
 * cell): only named rows get OpsPlan's formulas, so Refresh decides which rows get them from those
 * two columns alone instead of every cell of the tab (docs/ARCHITECTURE.md, "Refresh").
 */
export function rowIsNamed<T extends TabSpec>(
  spec: T,
  map: HeaderMap<ColumnKeyOf<T>>,
  naming: readonly number[],
  row: readonly unknown[],
): boolean {
  if (!naming.length) return rowHasData(spec, map, row);
  return naming.some((i) => !isBlank(row[i]));
}

/**
 * A section heading such as "Initiation Phase": the row's only filled cell is its first column's
 * (the tab's first headed column). In an ID column the text must not be usable as an ID, so a
 * lone "T9" stays an activity (one with nothing assigned, which Check reports).
 */
export function isHeadingRow<T extends TabSpec>(
  spec: T,
  map: HeaderMap<ColumnKeyOf<T>>,
  header: readonly unknown[],
  row: readonly unknown[],
): boolean {
  const first = Math.max(
    0,
    header.findIndex((h) => !isBlank(h)),
  );
  if (isBlank(row[first])) return false;
  for (let i = 0; i < row.length; i++) if (i !== first && !isBlank(row[i])) return false;
  const column = spec.columns.find((c) => map.byKey.get(c.key as ColumnKeyOf<T>) === first);
  return column?.type !== 'id' || !parseCell(column, row[first]).ok;
}

/** A row's problems when it has none: shared, since most rows have none. */
const NO_PROBLEMS: ReadonlyMap<string, string> = new Map();

/**
 * Parses one row's mapped columns into an array by sheet column (10,000s of rows: no map each);
 * unreadable cells become problems, never exceptions.
 */
function parseRow<K extends string>(
  columns: readonly { spec: ColumnSpec; key: K; index: number }[],
  raw: readonly CellValue[],
): { values: (ParsedCell | null)[]; problems: ReadonlyMap<string, string> } {
  const values = new Array<ParsedCell | null>(raw.length);
  let problems: Map<string, string> | undefined;
  for (const { spec, key, index } of columns) {
    const parsed = parseCell(spec, raw[index] ?? '');
    if (parsed.ok) values[index] = parsed.value;
    else (problems ??= new Map()).set(key, parsed.problem);
  }
  return { values, problems: problems ?? NO_PROBLEMS };
}

const cache = new WeakMap<TabInput, Map<TabKey, Table>>();

/** Reads a tab through its spec. The same input read twice (Check, then the report) is parsed once. */
export function readTable<T extends TabSpec>(spec: T, input: TabInput): Table<T> {
  type K = ColumnKeyOf<T>;
  let bySpec = cache.get(input);
  const cached = bySpec?.get(spec.key);
  if (cached) return cached as unknown as Table<T>;
  const map = mapHeaders(spec, input.header);
  const columns = spec.columns.flatMap((c) => {
    const index = map.byKey.get(c.key as K);
    return index === undefined ? [] : [{ spec: c, key: c.key as K, index }];
  });
  const records: Row<K>[] = [];
  const data: boolean[] = [];
  const named: boolean[] = [];
  const naming = namingColumns(spec, map);
  input.rows.forEach((raw, i) => {
    named[i] = rowIsNamed(spec, map, naming, raw);
    data[i] = rowHasData(spec, map, raw) && !(spec.headingRows && isHeadingRow(spec, map, input.header, raw));
    if (!data[i]) return;
    const { values, problems } = parseRow(columns, raw);
    records.push(new Row<K>(i + 2, raw, map, values, problems));
  });
  const table: Table<T> = {
    spec,
    sheetName: input.sheetName,
    header: input.header,
    map,
    input,
    records,
    hasData: (i) => data[i] ?? false,
    getsFormulas: (i) => named[i] ?? false,
    hasColumn: (key) => map.byKey.has(key),
    headerOf: (key) => {
      const index = map.byKey.get(key);
      return index === undefined
        ? (spec.columns.find((c) => c.key === key)?.header ?? String(key))
        : String(input.header[index]);
    },
  };
  if (!bySpec) cache.set(input, (bySpec = new Map()));
  bySpec.set(spec.key, table as unknown as Table);
  return table;
}

/** Every plan tab of a read, as typed tables; a tab the workbook lacks is undefined. */
export type PlanTables = { [K in TabKey]?: Table<Tabs[K]> };

export function planTables(input: PlanInput): PlanTables {
  const tables: PlanTables = {};
  for (const key of Object.keys(TABS) as TabKey[]) {
    const tab = input[key];
    if (tab) (tables as Record<TabKey, Table>)[key] = readTable<TabSpec>(TABS[key], tab);
  }
  return tables;
}
