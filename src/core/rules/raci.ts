/**
 * Rules of the RACI, in either shape (src/core/raci.ts): known people, valid letters, one
 * Accountable, at least one Responsible, and rows that escalations and digests can find.
 */
import { normalizeName } from '../headers';
import { type RaciEntry, readRaci } from '../raci';
import type { KeyOf, Table, Tabs } from '../tables';
import { preview } from '../values';
import { type CheckContext, onTab, rule } from './define';

type RaciTable = Table<Tabs['raci']>;
type Column = KeyOf<'raci'> | number;

const raciOf = (table: RaciTable, ctx: CheckContext) => readRaci(table, ctx.tables.people);

/** Runs `test` on every RACI entry (every activity row; section headings are not entries). */
function eachEntry<P>(
  test: (entry: RaciEntry, table: RaciTable, ctx: CheckContext) => Iterable<{ column: Column; params: P }>,
) {
  return onTab<'raci', P>('raci', function* (table, ctx) {
    for (const entry of raciOf(table, ctx).entries)
      for (const hit of test(entry, table, ctx)) yield { ...hit, row: entry.row };
  });
}

const labelOf = (entry: RaciEntry) => preview(entry.id || entry.activity);
/** Where a finding about a letter goes: its names column, or the row's ID (Activity) in a matrix. */
const letterColumn = (table: RaciTable, key: 'responsible' | 'accountable'): Column =>
  table.map.shape?.name === 'names' ? key : table.hasColumn('id') ? 'id' : 'activity';

export const raciUnknownPerson = rule({
  id: 'raci-unknown-person',
  tabs: ['raci'],
  severity: 'error',
  summary:
    'Everyone the RACI names (in a cell, or a matrix column’s header) is a name, Role or Team on People.',
  message: (p: { name: string }) => `${preview(p.name)} is not a name, Role or Team on the People tab.`,
  fix: () => 'Add them to People (or give someone that Role or Team), or use a name from People.',
  find: onTab('raci', function* (table, ctx) {
    const raci = raciOf(table, ctx);
    for (const column of raci.columns)
      if (column.kind === 'unknown') yield { row: 1, column: column.column, params: { name: column.label } };
    if (raci.shape !== 'names') return;
    for (const entry of raci.entries)
      for (const letter of ['R', 'A', 'C', 'I'] as const)
        for (const a of entry.letters[letter])
          if (a.kind === 'unknown') yield { row: entry.row, column: a.column, params: { name: a.label } };
  }),
});

export const raciLetter = rule({
  id: 'raci-letter',
  tabs: ['raci'],
  severity: 'error',
  summary: 'RACI matrix cells hold R, A, C or I, or letters combined: A/R, R/A, R,A, RA…',
  message: (p: { value: unknown }) =>
    `"${preview(p.value, 20)}" is not R, A, C or I (or a combination such as A/R).`,
  fix: () => 'Use R (does the work), A (accountable), C (consulted) or I (informed); combine letters as A/R.',
  find: eachEntry((entry) => entry.wrong.map((w) => ({ column: w.column, params: { value: w.value } }))),
});

export const raciAccountable = rule({
  id: 'raci-accountable',
  tabs: ['raci'],
  severity: 'error',
  summary: 'Each activity has exactly one Accountable (A).',
  message: (p: { label: string; count: number }) =>
    p.count === 0
      ? `${p.label} has no Accountable (A).`
      : `${p.label} has ${p.count} Accountables; there must be exactly one.`,
  fix: () => 'Name exactly one Accountable (A): they sign off and receive escalations.',
  find: eachEntry((entry, table) =>
    entry.letters.A.length === 1
      ? []
      : [
          {
            column: letterColumn(table, 'accountable'),
            params: { label: labelOf(entry), count: entry.letters.A.length },
          },
        ],
  ),
});

export const raciAccountableGroup = rule({
  id: 'raci-accountable-group',
  tabs: ['raci'],
  severity: 'info',
  summary: 'An Accountable Role or Team is one person (else its escalations go to the Plan owner).',
  message: (p: { label: string; who: string; count: number }) =>
    `The Accountable of ${p.label}, ${preview(p.who)}, is ${p.count} people on the People tab: its escalations go to the Plan owner.`,
  fix: () => 'Name the one person who is Accountable, if escalations should go to them.',
  find: eachEntry((entry, table) => {
    const only = entry.letters.A.length === 1 ? entry.letters.A[0]! : undefined;
    return only && only.people.length > 1
      ? [
          {
            column: table.map.shape?.name === 'names' ? 'accountable' : only.column,
            params: { label: labelOf(entry), who: only.label, count: only.people.length },
          },
        ]
      : [];
  }),
});

export const raciResponsible = rule({
  id: 'raci-responsible',
  tabs: ['raci'],
  severity: 'warning',
  summary: 'Each activity has at least one Responsible (R).',
  message: (p: { label: string }) => `${p.label} has no Responsible (R): the Accountable does the work.`,
  fix: () => 'Name who does the work as Responsible (R).',
  find: eachEntry((entry, table) =>
    entry.letters.R.length
      ? []
      : [{ column: letterColumn(table, 'responsible'), params: { label: labelOf(entry) } }],
  ),
});

export const raciUnlinked = rule({
  id: 'raci-unlinked',
  tabs: ['raci'],
  severity: 'info',
  summary: 'A RACI row without an ID names a Timeline task or a goal in its Activity, so mail can use it.',
  message: (p: { activity: string }) =>
    p.activity
      ? `"${preview(p.activity)}" has no ID and is not the name of a Timeline task or a goal: escalations and digests cannot use this row.`
      : 'This row has neither an ID nor an Activity.',
  fix: () =>
    'Put the ID of its goal or Timeline task in the ID column, or use the task’s name as it is there.',
  find: eachEntry((entry, _table, ctx) => {
    if (entry.id) return [];
    const names = namesOf(ctx);
    return names.has(normalizeName(entry.activity))
      ? []
      : [{ column: 'activity', params: { activity: entry.activity } }];
  }),
});

const nameCache = new WeakMap<CheckContext, Set<string>>();
/** Timeline names and goal titles, normalised: what a RACI Activity without an ID may name. */
function namesOf(ctx: CheckContext): Set<string> {
  let names = nameCache.get(ctx);
  if (!names) {
    names = new Set<string>();
    for (const r of ctx.tables.timeline?.records ?? []) names.add(normalizeName(r.text('name')));
    for (const r of ctx.tables.goals?.records ?? []) names.add(normalizeName(r.text('goal')));
    names.delete('');
    nameCache.set(ctx, names);
  }
  return names;
}

export const RACI_RULES = [
  raciUnknownPerson,
  raciLetter,
  raciAccountable,
  raciAccountableGroup,
  raciResponsible,
  raciUnlinked,
] as const;
