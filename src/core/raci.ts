/**
 * The RACI as teams write it, read once into one form. Two shapes (TABS.raci.shapes):
 * - names: an activity per row, and Responsible, Accountable, Consulted and Informed columns
 *   holding names separated by commas or semicolons. Its width does not grow with people.
 * - matrix: an activity per row and a column per person, Role or Team holding letters (A/R…).
 * A name, or a matrix column's header, is a person on the People tab, else a Role or a Team there
 * (standing for everyone in it). Check, escalations, recipients and digests read only this form.
 */
import { normalizeName } from './headers';
import { RACI_PERSON_COLUMN } from './spec/tabs';
import { RACI_LETTERS } from './spec/vocab';
import type { KeyOf, Table, Tabs } from './tables';
import { type CellValue, isBlank, parseCell } from './values';

export type RaciLetter = (typeof RACI_LETTERS)[number];
export type RaciShape = 'names' | 'matrix';

/** The column of each letter in the names shape. */
export const NAME_COLUMNS = {
  R: 'responsible',
  A: 'accountable',
  C: 'consulted',
  I: 'informed',
} as const satisfies Record<RaciLetter, KeyOf<'raci'>>;

export const LETTER_WORDS: Record<RaciLetter, string> = {
  R: 'Responsible',
  A: 'Accountable',
  C: 'Consulted',
  I: 'Informed',
};

/** Who a letter is given to. */
export interface Assignee {
  /** As the team wrote it: a matrix column's header, or one name of a names cell. */
  label: string;
  /** What People says it is; a Role or Team stands for everyone in it. */
  kind: 'person' | 'role' | 'team' | 'unknown';
  /** The People names it stands for: one for a person, none when unknown. */
  people: readonly string[];
  /** 1-based sheet column: the names cell's, or the matrix column's. */
  column: number;
}

export interface RaciEntry {
  /** 1-based sheet row. */
  row: number;
  id: string;
  activity: string;
  letters: Record<RaciLetter, Assignee[]>;
  /** Matrix cells that are not letters. */
  wrong: { column: number; value: CellValue }[];
}

export interface Raci {
  shape: RaciShape;
  /** The matrix's person, Role and Team columns (none in the names shape). */
  columns: Assignee[];
  entries: RaciEntry[];
  /** Lower-case ID → its first entry. */
  byId: Map<string, RaciEntry>;
  /** Normalised activity → the first entry without an ID that names it. */
  byActivity: Map<string, RaciEntry>;
}

export interface PersonRecord {
  name: string;
  role: string;
  team: string;
}

export const EMPTY_RACI: Raci = {
  shape: 'names',
  columns: [],
  entries: [],
  byId: new Map(),
  byActivity: new Map(),
};

type Resolve = (label: string) => Pick<Assignee, 'kind' | 'people'>;

/** Resolves a label to People: a name first, then a Role, then a Team (compared without case). */
export function peopleDirectory(people: readonly PersonRecord[]): Resolve {
  const names = new Map<string, string>();
  const roles = new Map<string, string[]>();
  const teams = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, name: string) => {
    if (!key) return;
    const list = map.get(key);
    if (!list) map.set(key, [name]);
    else if (!list.includes(name)) list.push(name);
  };
  for (const p of people) {
    const key = normalizeName(p.name);
    if (!key) continue;
    if (!names.has(key)) names.set(key, p.name);
    add(roles, normalizeName(p.role), names.get(key)!);
    add(teams, normalizeName(p.team), names.get(key)!);
  }
  return (label) => {
    const key = normalizeName(label);
    const name = names.get(key);
    if (name !== undefined) return { kind: 'person', people: [name] };
    const role = roles.get(key);
    if (role) return { kind: 'role', people: role };
    const team = teams.get(key);
    if (team) return { kind: 'team', people: team };
    return { kind: 'unknown', people: [] };
  };
}

/** The people of a People tab read, for the directory. */
export function peopleRecords(table: Table<Tabs['people']> | undefined): PersonRecord[] {
  return (table?.records ?? [])
    .map((r) => ({ name: r.text('name'), role: r.text('role'), team: r.text('team') }))
    .filter((p) => p.name);
}

const noLetters = (): Record<RaciLetter, Assignee[]> => ({ R: [], A: [], C: [], I: [] });

const cache = new WeakMap<Table<Tabs['raci']>, { people: unknown; raci: Raci }>();

/** The RACI tab read into entries (once per read of the RACI and People tabs). */
export function readRaci(
  table: Table<Tabs['raci']> | undefined,
  peopleTable: Table<Tabs['people']> | undefined,
): Raci {
  if (!table) return EMPTY_RACI;
  const cached = cache.get(table);
  if (cached && cached.people === peopleTable) return cached.raci;
  const resolve = peopleDirectory(peopleRecords(peopleTable));
  const shape: RaciShape = table.map.shape?.name === 'matrix' ? 'matrix' : 'names';
  const assignee = (label: string, column: number): Assignee => ({ label, column, ...resolve(label) });
  const columns =
    shape === 'matrix'
      ? table.map.unknown
          .filter((i) => !isBlank(table.header[i]))
          .map((i) => assignee(String(table.header[i]).trim(), i + 1))
      : [];
  const entries = table.records.map((row): RaciEntry => {
    const letters = noLetters();
    const wrong: RaciEntry['wrong'] = [];
    if (shape === 'matrix') {
      for (const column of columns) {
        const value = row.raw[column.column - 1] ?? '';
        // Most of a matrix is empty: an empty cell gives no letter, so it is not parsed.
        if (value === '') continue;
        const parsed = parseCell(RACI_PERSON_COLUMN, value);
        if (!parsed.ok) wrong.push({ column: column.column, value });
        else if (Array.isArray(parsed.value))
          for (const letter of parsed.value) letters[letter as RaciLetter].push(column);
      }
    } else {
      for (const letter of RACI_LETTERS) {
        const key = NAME_COLUMNS[letter];
        const column = (table.map.byKey.get(key) ?? -1) + 1;
        const seen = new Set<string>();
        for (const name of row.list(key))
          if (!seen.has(normalizeName(name))) {
            seen.add(normalizeName(name));
            letters[letter].push(assignee(name, column));
          }
      }
    }
    return { row: row.row, id: row.text('id'), activity: row.text('activity'), letters, wrong };
  });
  const byId = new Map<string, RaciEntry>();
  const byActivity = new Map<string, RaciEntry>();
  for (const entry of entries) {
    if (entry.id) {
      if (!byId.has(entry.id.toLowerCase())) byId.set(entry.id.toLowerCase(), entry);
    } else if (entry.activity && !byActivity.has(normalizeName(entry.activity)))
      byActivity.set(normalizeName(entry.activity), entry);
  }
  const raci: Raci = { shape, columns, entries, byId, byActivity };
  cache.set(table, { people: peopleTable, raci });
  return raci;
}

/** The entry of a goal or piece of work: by its ID, else (rows without an ID) by its name. */
export function raciEntryOf(raci: Raci, item: { id: string; name?: string }): RaciEntry | undefined {
  return (
    (item.id ? raci.byId.get(item.id.toLowerCase()) : undefined) ??
    (item.name ? raci.byActivity.get(normalizeName(item.name)) : undefined)
  );
}

/** Who escalations go to: the one Accountable's person, or why there is no one person. */
export type Accountable =
  { kind: 'person'; name: string } | { kind: 'ambiguous'; why: string } | { kind: 'none' };

/**
 * The Accountable of an item: exactly one A, standing for exactly one person. A Role or Team of
 * several people, or several As, is ambiguous (escalations then go to the Plan owner).
 */
export function accountableOf(raci: Raci, item: { id: string; name?: string }): Accountable {
  const accountables = raciEntryOf(raci, item)?.letters.A ?? [];
  if (accountables.length > 1) return { kind: 'ambiguous', why: `${accountables.length} Accountables` };
  const only = accountables[0];
  if (!only || only.people.length === 0) return { kind: 'none' };
  if (only.people.length > 1)
    return { kind: 'ambiguous', why: `Accountable ${only.label} is ${only.people.length} people` };
  return { kind: 'person', name: only.people[0]! };
}

/** The people an entry keeps informed (I) or consults (C), by name, with the letter that says why. */
export function keptInformed(entry: RaciEntry): Map<string, 'C' | 'I'> {
  const people = new Map<string, 'C' | 'I'>();
  for (const letter of ['C', 'I'] as const)
    for (const a of entry.letters[letter])
      for (const name of a.people) if (!people.has(name)) people.set(name, letter);
  return people;
}
