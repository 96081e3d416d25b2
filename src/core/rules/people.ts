/** Rules of the People tab. */
import { normalizeName } from '../headers';
import type { Table, Tabs } from '../tables';
import { preview } from '../values';
import { eachRecord, firstRowsBy, perTable, rule } from './define';

type People = Table<Tabs['people']>;
const firstByName = perTable((t: People) => firstRowsBy(t.records, (r) => normalizeName(r.text('name'))));
const firstByEmail = perTable((t: People) => firstRowsBy(t.records, (r) => r.text('email').toLowerCase()));

export const duplicatePerson = rule({
  id: 'duplicate-person',
  tabs: ['people'],
  severity: 'error',
  summary: 'Each person is listed once (names compared without case or extra spaces).',
  message: (p: { name: string; firstRow: number }) =>
    `${preview(p.name)} is listed twice (first in row ${p.firstRow}).`,
  fix: () => 'Keep one row per person; tell namesakes apart, e.g. with an initial.',
  find: eachRecord('people', (row, table) => {
    const name = row.text('name');
    const first = firstByName(table).get(normalizeName(name));
    return name && first && first !== row && { column: 'name', params: { name, firstRow: first.row } };
  }),
});

export const duplicateEmail = rule({
  id: 'duplicate-email',
  tabs: ['people'],
  severity: 'warning',
  summary: 'Each person has their own email address.',
  message: (p: { email: string; firstRow: number }) =>
    `${preview(p.email)} is also the email of row ${p.firstRow}.`,
  fix: () => 'Give each person their own address.',
  find: eachRecord('people', (row, table) => {
    const email = row.text('email').toLowerCase();
    const first = firstByEmail(table).get(email);
    return email && first && first !== row && { column: 'email', params: { email, firstRow: first.row } };
  }),
});

export const PEOPLE_RULES = [duplicatePerson, duplicateEmail] as const;
