/**
 * Normalise values in the real sidebar, in Chromium: a person types values as people do (" High",
 * "medium ", "training "), Check shows the finding, Normalise previews exactly those cells, the
 * rewrite makes them read as the dropdowns spell them, and nothing else in the workbook changes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { PlaygroundState } from '../../local/playground/protocol.js';
import { type Playground, startPlayground } from '../../local/playground/server.js';
import { launch, requireChromium, resultsDir } from './chromium.js';

const run = requireChromium();
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const TABS = ['Plan', 'People', 'Goals', 'RACI', 'Budget', 'Timeline', 'Risks'];

describe.runIf(run)('Normalise values in Chromium', () => {
  let browser: Browser;
  let playground: Playground;
  let page: Page;
  let sidebar: FrameLocator;
  const consoleErrors: string[] = [];

  /** The page's own calls: what the grid sends when a person types, and what it reads. */
  const api = {
    state: (sheet: string) =>
      page.evaluate(
        async (name) => (await fetch(`/api/state?sheet=${encodeURIComponent(name)}`)).json(),
        sheet,
      ) as Promise<PlaygroundState>,
    type: (sheet: string, row: number, column: number, value: string) =>
      page.evaluate(
        async (body) =>
          (
            await fetch('/api/edit', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(body),
            })
          ).json(),
        { sheet, row, column, value },
      ),
  };
  /** Every tab's shown values, by "Tab!row:column". */
  const workbook = async () => {
    const cells = new Map<string, string>();
    for (const tab of TABS)
      (await api.state(tab)).active!.cells.forEach((row, r) =>
        row.forEach((c, k) => cells.set(`${tab}!${r + 1}:${k + 1}`, c.v)),
      );
    return cells;
  };
  /** A cell found by its row's ID (column A) and its column's header. */
  const at = async (tab: string, id: string, header: string) => {
    const cells = (await api.state(tab)).active!.cells;
    return {
      row: cells.findIndex((r) => r[0]?.v === id) + 1,
      column: cells[0]!.findIndex((c) => c.v === header) + 1,
    };
  };

  beforeAll(async () => {
    playground = await startPlayground({
      now: '2026-11-24T15:00:00Z',
      stateFile: join(mkdtempSync(join(tmpdir(), 'opsplan-normalise-')), 'state.json'),
    });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(playground.url);
    sidebar = page.frameLocator('[data-testid=sidebar]');
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  it('Check shows the finding; Normalise previews, then rewrites only those cells', async () => {
    // Likelihood, Impact and Category warn on other values (Sheets keeps what is typed); State
    // rejects them, so a person cannot type "done " there (the integration test writes it by script).
    const typed = [
      { tab: 'Risks', id: 'R1', header: 'Likelihood', value: ' High', canonical: 'High' },
      { tab: 'Risks', id: 'R2', header: 'Impact', value: 'medium ', canonical: 'Medium' },
      { tab: 'Budget', id: 'B2', header: 'Category', value: 'training ', canonical: 'Training' },
    ];
    const cells = [];
    for (const t of typed) {
      const { row, column } = await at(t.tab, t.id, t.header);
      expect(row > 1 && column > 0).toBe(true);
      await api.type(t.tab, row, column, t.value);
      cells.push({ ...t, key: `${t.tab}!${row}:${column}` });
    }
    const before = await workbook();
    for (const c of cells) expect(before.get(c.key)).toBe(c.value);
    await page.reload();

    await poll(() => sidebar.getByRole('tab', { selected: true }).textContent()).toBe('Check');
    await sidebar.getByRole('button', { name: 'Check plan' }).click();
    const findings = sidebar.getByTestId('findings');
    await poll(() => findings.textContent()).toMatch(/Likelihood holds "\s?High": OpsPlan reads it as High/);
    await sidebar.getByRole('button', { name: 'Normalise values…' }).click();
    const list = sidebar.getByTestId('normalise').locator('li');
    await poll(() => list.count()).toBe(3);
    expect((await list.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()).sort()).toEqual(
      cells.map((c) => `${c.tab}!${a1(c.key)} “${c.value}” → ${c.canonical}`).sort(),
    );
    await page.screenshot({ path: join(resultsDir(), 'normalise-preview.png') });
    // The preview changed nothing.
    expect(await workbook()).toEqual(before);

    await sidebar.getByRole('button', { name: 'Rewrite 3 cells' }).click();
    await poll(() => sidebar.getByTestId('normalise').count()).toBe(0); // re-checked: no such finding left
    const after = await workbook();
    for (const c of cells) expect(after.get(c.key)).toBe(c.canonical);
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
    expect(changed.sort()).toEqual(cells.map((c) => c.key).sort());
    await page.screenshot({ path: join(resultsDir(), 'normalise-done.png') });
    expect(consoleErrors).toEqual([]);
  });
});

/** "Risks!3:7" → "G3". */
function a1(key: string): string {
  const [row, column] = key.split('!')[1]!.split(':').map(Number) as [number, number];
  let name = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26))
    name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return `${name}${row}`;
}
