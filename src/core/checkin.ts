/**
 * My items: an owner's check-in. Lists the KPIs, work and risks a person owns with the few cells
 * they update at a check-in, and turns what they typed into cell writes — each value parsed by its
 * column's spec, never written as a formula, and only into rows that still hold the item they saw.
 * Pure: the adapter reads the tabs, finds who the user is, and writes the result in one batch.
 */
import * as z from 'zod/mini';

import { literal } from './cells';
import { normalizeName } from './headers';
import { ragOf } from './rag';
import { columnSpec, TABS } from './spec/tabs';
import { type ColumnSpec, RAG } from './spec/types';
import type { KeyOf, PlanTables, Row } from './tables';
import { isoFromDay, parseCell } from './values';

/** What an owner updates at a check-in, per tab (the Actual, % Done, State, Completed, Review date). */
export const CHECKIN_FIELDS = {
  goals: ['actual', 'updated'],
  timeline: ['percentDone', 'state', 'completed'],
  risks: ['reviewDate'],
} as const satisfies { [K in 'goals' | 'timeline' | 'risks']: readonly KeyOf<K>[] };

export type CheckinTab = keyof typeof CHECKIN_FIELDS;

export interface CheckinField {
  key: string;
  label: string;
  type: 'number' | 'percent' | 'date' | 'choice';
  /** The value as the input shows it: a number, an ISO date, a choice, or '' for none. */
  value: string | number;
  choices?: readonly string[];
}

export interface CheckinItem {
  tab: CheckinTab;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  id: string;
  title: string;
  status: string;
  /** The status's colours, as the sheet paints it. */
  colour: { background: string; font: string };
  fields: CheckinField[];
}

const inputType = (column: ColumnSpec): CheckinField['type'] =>
  column.type === 'date'
    ? 'date'
    : column.type === 'percent'
      ? 'percent'
      : column.type === 'choice'
        ? 'choice'
        : 'number';

/** The status a row shows, from its own computed column. */
const STATUS_KEY = { goals: 'status', timeline: 'status', risks: 'level' } as const;
const TITLE_KEY = { goals: 'kpi', timeline: 'name', risks: 'risk' } as const;
const STATUS_KIND = { goals: 'kpi', timeline: 'work', risks: 'risk' } as const;

function itemOf<K extends CheckinTab>(
  tab: K,
  sheet: string,
  row: Row<KeyOf<K>>,
  has: (key: KeyOf<K>) => boolean,
): CheckinItem {
  const spec = TABS[tab];
  const fields = (CHECKIN_FIELDS[tab] as readonly KeyOf<K>[]).filter(has).map((key) => {
    const column = columnSpec(spec, key);
    const type = inputType(column);
    const number = row.num(key);
    return {
      key,
      label: column.header,
      type,
      value: type === 'date' ? (number === null ? '' : isoFromDay(number)) : (row.value(key) ?? ''),
      choices: column.values,
    } as CheckinField;
  });
  const status = String(row.cell(STATUS_KEY[tab] as KeyOf<K>));
  return {
    tab,
    sheet,
    row: row.row,
    id: row.text('id' as KeyOf<K>),
    title: row.text(TITLE_KEY[tab] as KeyOf<K>),
    status,
    colour: RAG[ragOf(STATUS_KIND[tab], status)],
    fields,
  };
}

/** Whether a row is owned by this person (names compared as People does). */
const ownedBy = (row: Row<'owner'>, name: string) => normalizeName(row.text('owner')) === normalizeName(name);

/** The items a person owns: KPI rows, work not done, open risks. */
export function checkinItems(tables: PlanTables, name: string): CheckinItem[] {
  const items: CheckinItem[] = [];
  const goals = tables.goals;
  if (goals)
    for (const row of goals.records)
      if (row.text('kpi') && ownedBy(row, name))
        items.push(itemOf('goals', goals.sheetName, row, (k) => goals.hasColumn(k)));
  const timeline = tables.timeline;
  if (timeline)
    for (const row of timeline.records)
      if (ownedBy(row, name) && row.text('state') !== 'Done' && row.num('completed') === null)
        items.push(itemOf('timeline', timeline.sheetName, row, (k) => timeline.hasColumn(k)));
  const risks = tables.risks;
  if (risks)
    for (const row of risks.records)
      if (ownedBy(row, name) && row.text('state') !== 'Closed')
        items.push(itemOf('risks', risks.sheetName, row, (k) => risks.hasColumn(k)));
  return items;
}

/** One change the sidebar sends: the row and ID the owner saw, a field, and what they typed. */
export const CheckinChangeSchema = z.object({
  tab: z.enum(['goals', 'timeline', 'risks']),
  row: z.number().check(z.int(), z.gte(2), z.lte(10_000_000)),
  id: z.string().check(z.maxLength(100)),
  field: z.string().check(z.maxLength(40)),
  value: z.union([z.string().check(z.maxLength(1000)), z.number(), z.null()]),
});
export const CheckinRequestSchema = z.object({
  /** The person checking in, when Apps Script withheld the user's email and they picked a name. */
  as: z.nullish(z.string().check(z.maxLength(200))),
  changes: z.array(CheckinChangeSchema).check(z.maxLength(500)),
});
export type CheckinRequest = z.infer<typeof CheckinRequestSchema>;

/** A cell to write: typed values only (numbers, ISO dates Sheets reads as dates, literal text). */
export interface CheckinWrite {
  tab: CheckinTab;
  row: number;
  /** 1-based sheet column. */
  column: number;
  value: string | number;
}

export interface CheckinPlan {
  writes: CheckinWrite[];
  /** Changes refused, each with why (nothing of it is written). */
  refused: { id: string; field: string; reason: string }[];
}

/**
 * The cells to write for a check-in. A change is refused when its row no longer holds the item the
 * owner saw (sorted or edited meanwhile), the item is not theirs, the field is not a check-in field,
 * or the value does not parse. Updating Actual stamps Updated with today, and setting State to Done
 * stamps Completed, when those are empty or older.
 */
export function planCheckin(
  tables: PlanTables,
  name: string,
  changes: CheckinRequest['changes'],
  today: number,
): CheckinPlan {
  const explicit = new Map<string, CheckinWrite>();
  const stamps = new Map<string, CheckinWrite>();
  const refused: CheckinPlan['refused'] = [];
  const put = (
    into: Map<string, CheckinWrite>,
    tab: CheckinTab,
    row: number,
    index: number | undefined,
    value: string | number,
  ) => {
    if (index !== undefined) into.set(`${tab}:${row}:${index}`, { tab, row, column: index + 1, value });
  };
  for (const change of changes) {
    const table = tables[change.tab];
    const row = table?.records.find((r) => r.row === change.row);
    // Rows moved or were edited since the panel was shown: write nothing rather than the wrong row.
    if (!table || !row || row.text('id') !== change.id)
      return {
        writes: [],
        refused: changes.map((c) => ({
          id: c.id,
          field: c.field,
          reason: 'The plan changed since it was shown: reload My items.',
        })),
      };
    const refuse = (reason: string) => refused.push({ id: change.id, field: change.field, reason });
    if (!ownedBy(row as Row<'owner'>, name)) {
      refuse('This item is not yours.');
      continue;
    }
    const key = change.field as never;
    if (!(CHECKIN_FIELDS[change.tab] as readonly string[]).includes(change.field) || !table.hasColumn(key)) {
      refuse('That is not a check-in field.');
      continue;
    }
    const column = columnSpec(TABS[change.tab], key);
    const parsed = parseCell(column, change.value ?? '');
    if (!parsed.ok) {
      refuse(`${column.header}: ${parsed.problem}.`);
      continue;
    }
    const indexOf = (k: string) => table.map.byKey.get(k as never);
    put(explicit, change.tab, row.row, indexOf(change.field), cellValue(column, parsed.value));
    if (change.tab === 'goals' && change.field === 'actual') {
      const updated = row.num('updated' as never);
      if (updated === null || updated < today)
        put(stamps, 'goals', row.row, indexOf('updated'), isoFromDay(today));
    }
    if (change.tab === 'timeline' && change.field === 'state' && parsed.value === 'Done')
      if (row.num('completed' as never) === null)
        put(stamps, 'timeline', row.row, indexOf('completed'), isoFromDay(today));
  }
  // What the owner typed wins over a stamp of the same cell.
  return { writes: [...new Map([...stamps, ...explicit]).values()], refused };
}

/** A parsed value as the cell should hold it: never text that Sheets would run or reinterpret. */
function cellValue(column: ColumnSpec, value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (column.type === 'date' && typeof value === 'number') return isoFromDay(value);
  if (typeof value === 'number') return value;
  return literal(String(value));
}
