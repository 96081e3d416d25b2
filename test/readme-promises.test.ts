/**
 * README's "What OpsPlan will never do": each promise names the tests that hold it, by file letter
 * and title. This test keeps those names true: every quoted title is the start of a test's title
 * in the file its letter stands for.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(
  readme.indexOf('## What OpsPlan will never do'),
  readme.indexOf('\n## ', readme.indexOf('## What OpsPlan will never do') + 1),
);

/** "…in `test/x.test.ts` (O)…": the file each letter stands for. */
const files = new Map(
  [...section.matchAll(/`(test\/[^`]+\.test\.ts)` \(([A-Z])\)/g)].map((m) => [m[2]!, m[1]!]),
);

/** Every (L: "title…", "title…"; M: "title…") reference, as [letter, title without its ellipsis]. */
function references(): [string, string][] {
  const out: [string, string][] = [];
  for (const group of section.matchAll(/\(([A-Z]: [^)]*)\)/g))
    for (const part of group[1]!.replace(/\s+/g, ' ').split(/; (?=[A-Z]: )/)) {
      const letter = part.slice(0, 1);
      for (const title of part.matchAll(/"([^"]+)"/g)) out.push([letter, title[1]!.replace(/…$/, '')]);
    }
  return out;
}

/** The titles of a test file's `it(...)` calls, with their words on one line. */
function testTitles(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/\bit(?:\.each\([^)]*\))?\(\s*(['"`])((?:\\.|(?!\1).)*)\1/gs)].map((m) =>
    m[2]!.replace(/\\(.)/g, '$1').replace(/\s+/g, ' '),
  );
}

describe('README: What OpsPlan will never do', () => {
  it('names files that exist, and every promise names at least one test', () => {
    expect([...files.keys()].sort()).toEqual(['A', 'M', 'O', 'P', 'R']);
    const promises = section.split('\n- ').slice(1);
    expect(promises.length).toBeGreaterThanOrEqual(8);
    for (const promise of promises) expect(promise, promise.slice(0, 60)).toMatch(/\([A-Z]: "/);
  });

  it('every test a promise names exists in the file its letter stands for', () => {
    const refs = references();
    expect(refs.length).toBeGreaterThanOrEqual(20);
    for (const [letter, title] of refs) {
      const file = files.get(letter);
      expect(file, `letter ${letter}`).toBeDefined();
      const normalise = (s: string) => s.replace(/[’']/g, "'").replace(/\s+/g, ' ');
      expect(
        testTitles(file!).some((t) => normalise(t).startsWith(normalise(title))),
        `${letter}: "${title}" in ${file}`,
      ).toBe(true);
    }
  });
});
