/**
 * My items in the real sidebar, in Chromium: an owner whose email Apps Script withholds picks their
 * name, changes two values, saves once, and sees the statuses the sheet recomputed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Playground, startPlayground } from '../../local/playground/server.js';
import { launch, requireChromium, resultsDir } from './chromium.js';

const run = requireChromium();
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

describe.runIf(run)('My items in Chromium', () => {
  let browser: Browser;
  let playground: Playground;
  let page: Page;
  let sidebar: FrameLocator;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    playground = await startPlayground({
      now: '2026-11-24T15:00:00Z',
      stateFile: join(mkdtempSync(join(tmpdir(), 'opsplan-items-')), 'state.json'),
    });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(playground.url);
    await page.getByRole('button', { name: 'Extensions' }).click();
    await page.getByRole('menuitem', { name: 'My items' }).click();
    sidebar = page.frameLocator('[data-testid=sidebar]');
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  it('saves two values in one Save and shows the statuses the sheet recomputed', async () => {
    await poll(() => sidebar.getByRole('tab', { selected: true }).textContent()).toBe('My items');
    await page.screenshot({ path: join(resultsDir(), 'my-items-0.png') });
    await sidebar.getByLabel('Who are you?').selectOption('Alex Rivera');
    const kpis = sidebar.getByTestId('items-goals');
    await poll(() => kpis.getByTestId('item-status').first().textContent()).not.toBe('Achieved');
    await kpis.getByLabel('G2 Actual').fill('99.9');
    await sidebar.getByTestId('items-timeline').getByLabel('T8 % Done').fill('100');
    await sidebar.getByRole('button', { name: /^Save/ }).click();
    await poll(() => sidebar.getByText(/Saved \d+ cells/).count()).toBe(1);
    await poll(() => kpis.getByTestId('item-status').first().textContent()).toBe('Achieved');
    await page.screenshot({ path: join(resultsDir(), 'my-items.png') });
    expect(consoleErrors).toEqual([]);
  });
});
