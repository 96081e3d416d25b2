/**
 * The playground and the real sidebar in a real browser: set up, insert the example, check and
 * jump to a finding, generate the report, send emails, schedule and advance the clock.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Playground, startPlayground } from '../../local/playground/server.js';
import { launch, requireChromium, resultsDir } from './chromium.js';

const run = requireChromium();

describe.runIf(run)('playground in Chromium', () => {
  let browser: Browser;
  let playground: Playground;
  let page: Page;
  let sidebar: FrameLocator;
  const shot = (name: string) => page.screenshot({ path: join(resultsDir(), `${name}.png`) });
  const grid = () => page.getByTestId('grid');

  beforeAll(async () => {
    playground = await startPlayground({
      blank: true,
      now: '2026-11-24T15:00:00Z',
      stateFile: join(mkdtempSync(join(tmpdir(), 'opsplan-pg-')), 'state.json'),
    });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    await page.goto(playground.url);
    await page.getByRole('button', { name: 'Extensions' }).click();
    await page.getByRole('menuitem', { name: 'Open sidebar' }).click();
    sidebar = page.frameLocator('[data-testid=sidebar]');
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  it('sets up the plan tabs after showing what it will add', async () => {
    await sidebar.getByRole('button', { name: 'Preview set up' }).click();
    await expect.poll(() => sidebar.getByTestId('setup-preview').textContent()).toContain('Goals');
    await shot('1-setup-preview');
    await sidebar.getByRole('button', { name: /Set up 7 tabs/ }).click();
    await expect.poll(() => sidebar.getByText(/Done: 7 created/).count()).toBe(1);
    await page.getByRole('tab', { name: 'Goals' }).click();
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('Goals');
    expect(await grid().locator('td[data-cell="P1"]').textContent()).toBe('Status');
  });

  it('inserts the example plan, with live statuses in RAG colours', async () => {
    await sidebar.getByRole('button', { name: 'Insert example plan' }).click();
    await expect.poll(() => sidebar.getByText(/Example inserted/).count()).toBe(1);
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.getByRole('tab', { name: 'Goals' }).click();
    await expect.poll(() => grid().locator('td', { hasText: 'At risk' }).count()).toBeGreaterThan(0);
    const background = await grid()
      .locator('td', { hasText: 'Off track' })
      .first()
      .evaluate(
        (el: unknown) =>
          (
            globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
          ).getComputedStyle(el).backgroundColor,
      );
    expect(background).toBe('rgb(244, 199, 195)');
    await shot('2-example-goals');
  });

  it('checks the plan and moves the cursor to a finding’s cell', async () => {
    await sidebar.getByRole('tab', { name: 'Check' }).click();
    await sidebar.getByRole('button', { name: 'Check plan' }).click();
    await expect.poll(() => sidebar.getByTestId('findings').textContent()).toContain('0 errors');
    await sidebar.getByRole('button', { name: /K3/ }).click();
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('Risks');
    await expect.poll(() => page.getByTestId('formula-bar').textContent()).toContain('K3');
    await shot('3-check-jump');
  });

  it('generates the report: the Report tab appears with the KPI table', async () => {
    await sidebar.getByRole('tab', { name: 'Report' }).click();
    await sidebar.getByRole('button', { name: 'Generate report' }).click();
    await expect.poll(() => sidebar.getByText(/Report generated/).count()).toBe(1);
    await page.getByRole('tab', { name: 'Report' }).click();
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('Report');
    expect(await grid().textContent()).toContain('Most pressing challenges');
    expect(await grid().locator('td', { hasText: /^KPI$/ }).count()).toBe(1);
    await shot('4-report');
  });

  it('sends status emails: the outbox shows one per owner', async () => {
    await sidebar.getByRole('button', { name: 'Preview emails' }).click();
    await expect.poll(() => sidebar.getByTestId('mail-preview').locator('li').count()).toBeGreaterThan(3);
    await sidebar.getByRole('button', { name: 'Send status emails now' }).click();
    await sidebar.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => page.getByTestId('outbox').locator('li').count()).toBe(7);
    const recipients = await page
      .getByTestId('outbox')
      .locator('li button > div:first-child')
      .allTextContents();
    const owners = recipients.filter((r) => !r.includes(' cc '));
    expect(new Set(owners).size).toBe(owners.length);
    await page.getByTestId('outbox').locator('li button').first().click();
    await expect
      .poll(() => page.frameLocator('.modal iframe').locator('body').textContent())
      .toMatch(/Endpoint security plan/);
    await shot('5-email');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('schedules weekly digests; advancing the clock past the next run delivers each digest once', async () => {
    await sidebar.getByRole('tab', { name: 'Schedule' }).click();
    await sidebar.getByLabel('Weekly').check();
    await sidebar.getByLabel('Day').selectOption('WEDNESDAY');
    await sidebar.getByLabel('Hour').selectOption('9');
    await sidebar.getByRole('button', { name: 'Save schedule' }).click();
    await expect.poll(() => sidebar.getByTestId('schedule-status').textContent()).toContain('Runs as');
    const before = await page.getByTestId('outbox').locator('li').count();
    await page.getByLabel('Advance to').fill('2026-12-03T12:00');
    await page.getByRole('button', { name: 'Advance' }).click();
    await expect.poll(() => page.getByTestId('outbox').locator('li').count()).toBeGreaterThan(before);
    const subjects = await page.getByTestId('outbox').locator('li').allTextContents();
    const weekOfDec2 = subjects.filter((s) => s.includes('2 Dec') && /Weekly (status|report)/.test(s));
    expect(weekOfDec2.length).toBeGreaterThan(0);
    expect(new Set(weekOfDec2).size).toBe(weekOfDec2.length);
    await shot('6-schedule');
  });
});
