/**
 * How a check rule is declared: its id, the tabs it reads, its severity, the words it shows (a
 * one-line summary for the rule list, the message and the fix of each finding) and the predicate
 * that finds where it is broken. In the spirit of a formula engine's per-function metadata: one
 * declaration per rule, and the engine (check.ts) knows nothing of any rule.
 */
import type { PlanSettings, SettingsTab } from '../settings';
import type { Severity, TabKey } from '../spec/types';
import type { KeyOf, PlanTables, Row, Table, Tabs } from '../tables';

/** What every rule may read: the tables, settings, today, and the lookups several rules share. */
export interface CheckContext {
  tables: PlanTables;
  settings: PlanSettings;
  /** Where each setting sits on the Plan tab, when there is one. */
  settingsTab: SettingsTab | undefined;
  /** Today as a day number in the spreadsheet's time zone. */
  today: number;
  /** Names on the People tab, normalised. */
  people: ReadonlySet<string>;
  /** Lower-case ID → the first row with it, per tab with IDs. */
  ids: {
    goals: ReadonlyMap<string, Row<KeyOf<'goals'>>>;
    timeline: ReadonlyMap<string, Row<KeyOf<'timeline'>>>;
    budget: ReadonlyMap<string, Row<KeyOf<'budget'>>>;
    risks: ReadonlyMap<string, Row<KeyOf<'risks'>>>;
  };
}

/** One place a rule is broken: a cell (row and column), a row, or the whole tab (row 0). */
export interface Hit<P> {
  tab: TabKey;
  /** 1-based sheet row; 0 for the whole tab. */
  row: number;
  /** A column key of the tab, a 1-based sheet column, or none. */
  column?: string | number | null;
  params: P;
}

export interface Rule<P = unknown, Id extends string = string> {
  id: Id;
  /** The tabs whose cells it reports on. */
  tabs: readonly TabKey[];
  severity: Severity | ((params: P) => Severity);
  /** What the rule checks, in one line: the sidebar's and README's rule list. */
  summary: string;
  message: (params: P) => string;
  fix: (params: P) => string;
  find: (ctx: CheckContext) => Iterable<Hit<P>>;
}

/** Declares a rule; the id stays a literal type, so finding ids form a closed union. */
export function rule<const Id extends string, P = void>(declaration: Rule<P, Id>): Rule<P, Id> {
  return declaration;
}

/** A hit inside one tab: the tab is filled in, the row defaults to the record's. */
export interface TabHit<C extends string, P> {
  column?: C | number | null;
  row?: number;
  params?: P;
}

/** What a record test returns: nothing (any falsy value), one hit or several. */
type Found<C extends string, P> = TabHit<C, P> | readonly TabHit<C, P>[] | null | undefined | false | '';

/** Runs `find` on one tab when the workbook has it. */
export function onTab<K extends TabKey, P>(
  key: K,
  find: (table: Table<Tabs[K]>, ctx: CheckContext) => Iterable<TabHit<KeyOf<K>, P> & { row: number }>,
): (ctx: CheckContext) => Iterable<Hit<P>> {
  return function* (ctx) {
    const table = ctx.tables[key] as Table<Tabs[K]> | undefined;
    if (!table) return;
    for (const hit of find(table, ctx)) yield { ...hit, tab: key, params: hit.params as P };
  };
}

/** Runs `test` on every record of one tab: null for a clean row, one hit or several. */
export function eachRecord<K extends TabKey, P>(
  key: K,
  test: (row: Row<KeyOf<K>>, table: Table<Tabs[K]>, ctx: CheckContext) => Found<KeyOf<K>, P>,
): (ctx: CheckContext) => Iterable<Hit<P>> {
  return onTab<K, P>(key, function* (table, ctx) {
    for (const row of table.records) {
      const found = test(row, table, ctx);
      if (!found) continue;
      for (const hit of Array.isArray(found) ? found : [found as TabHit<KeyOf<K>, P>])
        yield { ...hit, row: hit.row ?? row.row };
    }
  });
}

/** The same record test over several tabs (rules shared by every table, such as owners and dates). */
export function eachRecordOf<P>(
  keys: readonly TabKey[],
  test: (row: Row, table: Table, ctx: CheckContext) => Found<string, P>,
): (ctx: CheckContext) => Iterable<Hit<P>> {
  return function* (ctx) {
    for (const key of keys) {
      const table = ctx.tables[key] as Table | undefined;
      if (!table) continue;
      for (const row of table.records) {
        const found = test(row, table, ctx);
        if (!found) continue;
        for (const hit of Array.isArray(found) ? found : [found as TabHit<string, P>])
          yield { ...hit, tab: key, row: hit.row ?? row.row, params: hit.params as P };
      }
    }
  };
}

/** IDs compare case-insensitively everywhere. */
export const idKey = (id: string): string => id.toLowerCase();

/** A value computed once per table read (and reused by every row of it), not once per row. */
export function perTable<T extends object, V>(compute: (table: T) => V): (table: T) => V {
  const cache = new WeakMap<T, V>();
  return (table) => {
    if (!cache.has(table)) cache.set(table, compute(table));
    return cache.get(table)!;
  };
}

/** The first row holding each value of `key`, to name where a repeat was first seen. */
export function firstRowsBy<R extends { row: number }>(
  rows: readonly R[],
  key: (row: R) => string,
): Map<string, R> {
  const first = new Map<string, R>();
  for (const row of rows) {
    const k = key(row);
    if (k && !first.has(k)) first.set(k, row);
  }
  return first;
}
