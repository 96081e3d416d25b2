import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { END, rulesSection, START } from '../../scripts/readme-rules.js';
import { ruleCatalog } from '../../src/core/rules/index.js';

/** Table rows as trimmed cells, whatever padding a formatter added. */
const tableRows = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );

describe('the rule catalog', () => {
  it('declares each rule once, with a summary', () => {
    const ids = ruleCatalog().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of ruleCatalog()) expect(rule.summary.length).toBeGreaterThan(10);
  });

  it('is what the README lists (run `npm run docs` after changing a rule)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    expect(tableRows(section)).toEqual(tableRows(rulesSection()));
  });
});
