/** Rules of the RACI matrix: known people, valid letters, one Accountable, at least one Responsible. */
import { normalizeName } from '../headers';
import { RACI_PERSON_COLUMN } from '../spec/tabs';
import type { Table, Tabs } from '../tables';
import { isBlank, parseCell, preview } from '../values';
import { eachRecord, onTab, perTable, rule } from './define';

type Raci = Table<Tabs['raci']>;
/** The person columns: every column of the matrix that is not a fixed one and has a header. */
const personColumns = perTable((t: Raci) => t.map.unknown.filter((i) => !isBlank(t.header[i])));

const rowLetters = new WeakMap<
  readonly unknown[],
  { letters: string[]; wrong: { index: number; value: unknown }[] }
>();

/** Letters of one row by person column (read once per row); cells that are not a letter are listed apart. */
function lettersOf(table: Raci, raw: readonly unknown[]) {
  const known = rowLetters.get(raw);
  if (known) return known;
  const letters: string[] = [];
  const wrong: { index: number; value: unknown }[] = [];
  for (const index of personColumns(table)) {
    const value = raw[index];
    if (isBlank(value)) continue;
    const parsed = parseCell(RACI_PERSON_COLUMN, typeof value === 'string' ? value.trim() : value);
    if (parsed.ok) letters.push(String(parsed.value));
    else wrong.push({ index, value });
  }
  rowLetters.set(raw, { letters, wrong });
  return { letters, wrong };
}

export const raciUnknownPerson = rule({
  id: 'raci-unknown-person',
  tabs: ['raci'],
  severity: 'error',
  summary: 'Every person column of the RACI matrix is a name on the People tab.',
  message: (p: { name: string }) => `${preview(p.name)} is not on the People tab.`,
  fix: () => 'Add them to People, or rename the column to a name from People.',
  find: onTab('raci', function* (table, ctx) {
    for (const index of personColumns(table)) {
      const name = String(table.header[index]);
      if (!ctx.people.has(normalizeName(name))) yield { row: 1, column: index + 1, params: { name } };
    }
  }),
});

export const raciLetter = rule({
  id: 'raci-letter',
  tabs: ['raci'],
  severity: 'error',
  summary: 'RACI cells hold one letter: R, A, C or I.',
  message: (p: { value: unknown }) => `"${preview(p.value, 20)}" is not one of R, A, C, I.`,
  fix: () => 'One letter per person: R (does the work), A (accountable), C (consulted) or I (informed).',
  find: eachRecord('raci', (row, table) =>
    lettersOf(table, row.raw).wrong.map((w) => ({ column: w.index + 1, params: { value: w.value } })),
  ),
});

const labelOf = (row: { text(key: 'id' | 'activity'): string }) =>
  preview(row.text('id') || row.text('activity'));

export const raciAccountable = rule({
  id: 'raci-accountable',
  tabs: ['raci'],
  severity: 'error',
  summary: 'Each activity has exactly one Accountable (A).',
  message: (p: { label: string; count: number }) =>
    p.count === 0
      ? `${p.label} has no Accountable (A).`
      : `${p.label} has ${p.count} Accountables; there must be exactly one.`,
  fix: () => 'Mark exactly one person A: they sign off and receive escalations.',
  find: eachRecord('raci', (row, table) => {
    const count = lettersOf(table, row.raw).letters.filter((l) => l === 'A').length;
    return count !== 1 && { column: 'id', params: { label: labelOf(row), count } };
  }),
});

export const raciResponsible = rule({
  id: 'raci-responsible',
  tabs: ['raci'],
  severity: 'warning',
  summary: 'Each activity has at least one Responsible (R).',
  message: (p: { label: string }) => `${p.label} has no Responsible (R): the Accountable does the work.`,
  fix: () => 'Mark who does the work with R.',
  find: eachRecord(
    'raci',
    (row, table) =>
      !lettersOf(table, row.raw).letters.includes('R') && { column: 'id', params: { label: labelOf(row) } },
  ),
});

export const RACI_RULES = [raciUnknownPerson, raciLetter, raciAccountable, raciResponsible] as const;
