/**
 * The playground and the real sidebar in a real browser, one page through one story: set up,
 * insert the example, check and jump to a finding, the report and its links, dialogs, email,
 * schedule and the clock, and what Sheets draws (overflow, frozen rows, dropdowns, links).
 */
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Playground, startPlayground } from '../../local/playground/server.js';
import { a1 as cellA1 } from '../../src/core/cells.js';
import { PLAN_TABS } from '../../src/core/spec/tabs.js';
import { a1 as specCell } from '../helpers.js';
import { projectDir } from '../integration/playground-project.js';
import { launch, requireChromium, resultsDir } from './chromium.js';

const run = requireChromium();
/** The machine is shared: scripts (a scheduled run, the example) may take seconds. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** A raw HTTP request, with the headers a foreign page or a rebinding DNS name would send. */
function raw(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method, headers: init.headers }, (res) => {
      res.resume();
      resolve({ status: res.statusCode!, headers: res.headers });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe.runIf(run)('playground in Chromium', () => {
  let browser: Browser;
  let playground: Playground;
  let page: Page;
  let sidebar: FrameLocator;
  const consoleErrors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: join(resultsDir(), `${name}.png`) });
  const grid = () => page.getByTestId('grid');
  const cell = (a1: string) => grid().locator(`td[data-cell="${a1}"]`);
  const outboxCount = () => page.getByTestId('outbox').locator('li').count();
  const openTab = async (name: string) => {
    await page.getByRole('tab', { name, exact: true }).click();
    await poll(() => grid().getAttribute('data-sheet')).toBe(name);
  };
  const menu = async (item: string) => {
    await page.getByRole('button', { name: 'Extensions' }).click();
    await page.getByRole('menuitem', { name: item }).click();
  };
  const sidebarSection = () => sidebar.getByRole('tab', { selected: true }).textContent();
  const computed = (target: Locator) =>
    target.evaluate((el) => {
      const s = (
        globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }
      ).getComputedStyle(el);
      return { background: s.backgroundColor!, color: s.color!, weight: s.fontWeight! };
    });
  const gridScrollTop = () =>
    page.locator('.grid-wrap').evaluate((el) => (el as { scrollTop: number }).scrollTop);

  beforeAll(async () => {
    playground = await startPlayground({
      blank: true,
      now: '2026-11-24T15:00:00Z',
      stateFile: join(mkdtempSync(join(tmpdir(), 'opsplan-pg-')), 'state.json'),
    });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(playground.url);
    await menu('Open sidebar');
    sidebar = page.frameLocator('[data-testid=sidebar]');
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  it('answers only its own origin: foreign Origin, Host, form or text/plain posts are refused', async () => {
    const api = new URL('/api/menu', playground.url).href;
    const body = JSON.stringify({ fn: 'menuSendEmails' });
    const json = { 'content-type': 'application/json' };
    // A page elsewhere posting text/plain (no CORS preflight), or a form: refused unread.
    const crossSite = { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' };
    expect(
      (await raw(api, { method: 'POST', headers: { ...crossSite, 'content-type': 'text/plain' }, body }))
        .status,
    ).toBe(403);
    expect((await raw(api, { method: 'POST', headers: { ...crossSite, ...json }, body })).status).toBe(403);
    expect((await raw(api, { method: 'POST', headers: { 'content-type': 'text/plain' }, body })).status).toBe(
      415,
    );
    expect(
      (
        await raw(api, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'fn=x',
        })
      ).status,
    ).toBe(415);
    // DNS rebinding: a foreign name pointing at 127.0.0.1.
    const rebound = await raw(new URL('/api/state', playground.url).href, {
      method: 'GET',
      headers: { host: 'evil.example' },
    });
    expect(rebound.status).toBe(403);
    const home = await raw(playground.url, { method: 'GET', headers: {} });
    expect(home.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    const bridge = await (await fetch(new URL('/sidebar', playground.url))).text();
    expect(bridge).toContain('postMessage(message, window.location.origin)');
    expect(bridge).not.toMatch(/postMessage\([^)]*'\*'\)/);
    expect(await outboxCount()).toBe(0);
  });

  it('opens the sidebar on Set up while the plan is not set up, then sets it up after a preview', async () => {
    await poll(sidebarSection).toBe('Set up');
    await sidebar.getByRole('button', { name: 'Preview set up' }).click();
    await poll(() => sidebar.getByTestId('setup-preview').textContent()).toContain('Goals');
    await shot('1-setup-preview');
    await sidebar.getByRole('button', { name: /Set up 7 tabs/ }).click();
    await poll(() => sidebar.getByText(/Done: 7 created/).count()).toBe(1);
    await openTab('Goals');
    expect(await cell(specCell('goals', 'status', 1)).textContent()).toBe('Status');
  });

  it('inserts the example plan, with live statuses in RAG colours', async () => {
    await sidebar.getByRole('button', { name: 'Insert example plan' }).click();
    await poll(() => sidebar.getByText(/Example inserted/).count()).toBe(1);
    await openTab('Timeline');
    await openTab('Goals');
    await poll(() => grid().locator('td', { hasText: 'At risk' }).count()).toBeGreaterThan(0);
    const style = (text: string) => computed(grid().locator('td', { hasText: text }).first());
    // whenTextEqualTo paints the fill and font.
    expect(await style('Off track')).toMatchObject({
      background: 'rgb(244, 199, 195)',
      color: 'rgb(165, 14, 14)',
    });
    await shot('2-example-goals');
  });

  it('at 1280×720 each row’s ID, name and status are in view on every plan tab, and stay when scrolled right', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const wrap = page.locator('.grid-wrap');
    /** Which of these cells lie wholly inside the grid's visible area (scroll bars excluded). */
    const outOfView = (addresses: string[]) =>
      grid().evaluate((table, wanted) => {
        interface Box {
          getBoundingClientRect(): { left: number; right: number; top: number; bottom: number };
          querySelector(selector: string): Box | null;
          closest(selector: string): (Box & { clientWidth: number; clientHeight: number }) | null;
        }
        const view = (table as unknown as Box).closest('.grid-wrap')!;
        const v = view.getBoundingClientRect();
        return wanted.filter((address) => {
          const c = (table as unknown as Box)
            .querySelector(`td[data-cell="${address}"]`)!
            .getBoundingClientRect();
          return !(
            c.left >= v.left &&
            c.right <= v.left + view.clientWidth &&
            c.bottom <= v.top + view.clientHeight
          );
        });
      }, addresses);
    const tabs = [
      ['Plan', ['setting', 'value']],
      ['People', ['name']],
      ['Goals', ['id', 'goal', 'status', 'progress']],
      ['RACI', ['id', 'activity']],
      ['Budget', ['id', 'item', 'status', 'variance']],
      ['Timeline', ['id', 'name', 'status']],
      ['Risks', ['id', 'risk', 'level', 'score']],
    ] as const;
    for (const [name, keys] of tabs) {
      const spec = PLAN_TABS.find((t) => t.name === name)!;
      await openTab(name);
      const rows = await grid()
        .locator('td[data-cell^="A"]')
        .evaluateAll(
          (cells) => cells.filter((c) => (c as unknown as { textContent: string }).textContent).length,
        );
      expect(rows, name).toBeGreaterThan(2);
      const addresses = (which: readonly string[]) =>
        Array.from({ length: rows }, (_, r) =>
          which.map((key) => cellA1(r + 1, spec.columns.findIndex((c) => c.key === key) + 1)),
        ).flat();
      expect(await outOfView(addresses(keys)), name).toEqual([]);
      // Scrolled as far right as it goes, the label columns are still in view.
      await wrap.evaluate((el) => {
        const w = el as { scrollLeft: number; scrollWidth: number };
        w.scrollLeft = w.scrollWidth;
      });
      expect(await wrap.evaluate((el) => (el as { scrollLeft: number }).scrollLeft), name).toBeGreaterThan(0);
      expect(await outOfView(addresses(keys.slice(0, spec.labelColumns))), `${name} scrolled`).toEqual([]);
      await wrap.evaluate((el) => ((el as { scrollLeft: number }).scrollLeft = 0));
    }
    await shot('2b-1280x720-timeline');
    await page.setViewportSize({ width: 1500, height: 900 });
  });

  it('builds the Gantt view from the menu: bars painted in their colours, a diamond per milestone', async () => {
    await menu('Build Gantt view');
    await poll(() => grid().getAttribute('data-sheet')).toBe('Gantt');
    /** Per row ID, the computed fill of each week cell and the diamonds. */
    const rows = () =>
      grid()
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => {
            const tds = [
              ...(tr as unknown as { querySelectorAll(s: string): Iterable<unknown> }).querySelectorAll('td'),
            ];
            const style = (el: unknown) =>
              (
                globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
              ).getComputedStyle(el);
            const text = (el: unknown) => (el as { textContent: string }).textContent;
            return {
              id: text(tds[0]),
              fills: tds.slice(7).map((td) => style(td).backgroundColor),
              diamonds: tds.filter((td) => text(td) === '◆').length,
            };
          }),
        );
    await poll(
      async () =>
        (await rows()).find((r) => r.id === 'T8')?.fills.filter((f) => f === 'rgb(198, 218, 252)').length,
    ).toBeGreaterThan(2);
    const byId = Object.fromEntries((await rows()).map((r) => [r.id, r]));
    const count = (id: string, rgb: string) => byId[id]!.fills.filter((f) => f === rgb).length;
    expect(count('T1', 'rgb(183, 225, 205)')).toBeGreaterThan(0); // done: green
    expect(count('T5', 'rgb(244, 199, 195)')).toBeGreaterThan(3); // overdue: red
    expect(count('T6', 'rgb(244, 199, 195)')).toBeGreaterThan(0); // waits on late work: red
    expect(byId['T4']!.diamonds).toBe(1);
    expect(byId['T8']!.diamonds).toBe(0);
    await shot('2c-gantt');
  });

  it('opens on Check once the plan is set up, and Schedule… switches panels while it is open', async () => {
    await menu('Open sidebar');
    await poll(sidebarSection).toBe('Check');
    await menu('Schedule…');
    await poll(sidebarSection).toBe('Schedule');
    await sidebar.getByRole('tab', { name: 'Check' }).click();
  });

  it('checks the plan and moves the cursor to a finding’s cell', async () => {
    await sidebar.getByRole('button', { name: 'Check plan' }).click();
    await poll(() => sidebar.getByTestId('findings').textContent()).toContain('0 errors');
    await sidebar.getByRole('button', { name: /K3/ }).click();
    await poll(() => grid().getAttribute('data-sheet')).toBe('Risks');
    await poll(() => page.getByTestId('formula-bar').textContent()).toContain('K3');
    await shot('3-check-jump');
  });

  it('generates the report; a report line’s link lands on its source row', async () => {
    await sidebar.getByRole('tab', { name: 'Report' }).click();
    await sidebar.getByRole('button', { name: 'Generate report' }).click();
    await poll(() => sidebar.getByText(/Report generated/).count()).toBe(1);
    await openTab('Report');
    expect(await grid().textContent()).toContain('Most pressing challenges');
    expect(await grid().locator('td', { hasText: /^KPI$/ }).count()).toBe(1);
    await shot('4-report');
    const link = grid().locator('td a[href^="#gid="]').first();
    const [label, href] = [await link.textContent(), (await link.getAttribute('href'))!];
    const row = /range=A(\d+)/.exec(href)![1]!;
    await link.click();
    await poll(() => page.getByTestId('formula-bar').locator('.addr').textContent()).toBe(`A${row}`);
    const sheet = await grid().getAttribute('data-sheet');
    expect(sheet).not.toBe('Report');
    expect(await cell(`A${row}`).getAttribute('class')).toContain('sel');
    expect(await cell(`A${row}`).textContent()).toBe(label!.split(' ')[0]);
    // The panel rebuilds the Gantt view in place (the menu built it earlier).
    await sidebar.getByRole('button', { name: 'Build Gantt view' }).click();
    await poll(() => sidebar.getByText(/Gantt view built on "Gantt": 8 rows/).count()).toBe(1);
    expect(await page.getByRole('tab', { name: /^Gantt/ }).count()).toBe(1);
  });

  it('HYPERLINK cells open their target when clicked, inside the spreadsheet and out', async () => {
    await openTab('People');
    const goalsGid = await page.evaluate(async () => {
      const state = (await (await fetch('/api/state')).json()) as { sheets: { name: string; gid: number }[] };
      return state.sheets.find((s) => s.name === 'Goals')!.gid;
    });
    const type = async (a1: string, text: string) => {
      await cell(a1).dblclick();
      await cell(a1).locator('input').fill(text);
      await cell(a1).locator('input').press('Enter');
    };
    await type('J2', `=HYPERLINK("#gid=${goalsGid}&range=C4", "Goal G3")`);
    await poll(() => cell('J2').textContent()).toBe('Goal G3');
    await type('J3', '=HYPERLINK("https://example.com/plan", "Our wiki")');
    await page
      .context()
      .route('https://example.com/**', (route) => route.fulfill({ body: 'wiki', contentType: 'text/plain' }));
    const [popup] = await Promise.all([page.waitForEvent('popup'), cell('J3').locator('a').click()]);
    await poll(() => popup.url()).toBe('https://example.com/plan');
    await popup.close();
    await cell('J2').locator('a').click();
    await poll(() => grid().getAttribute('data-sheet')).toBe('Goals');
    await poll(() => page.getByTestId('formula-bar').locator('.addr').textContent()).toBe('C4');
  });

  it('draws text over empty neighbours, keeps frozen rows in view, and keeps each tab’s scroll', async () => {
    await openTab('Report');
    // The period line is longer than column A and B2 is empty: the text runs on over B2, as in Sheets.
    expect(await cell('A2').getAttribute('class')).toContain('spill');
    expect(await cell('B2').getAttribute('class')).toContain('covered');
    await openTab('Goals');
    const clipped = await cell('B3').evaluate(
      (el) =>
        (el as { scrollWidth: number; clientWidth: number }).scrollWidth >
        (el as { clientWidth: number }).clientWidth,
    );
    expect(clipped).toBe(true); // C3 holds a value: B3's text stops at its edge

    // Set up freezes each plan tab's header row: scrolled down, row 1 stays under the column letters.
    const wrap = page.locator('.grid-wrap');
    await wrap.evaluate((el) => ((el as { scrollTop: number }).scrollTop = 200));
    await poll(gridScrollTop).toBe(200);
    const letters = await grid().locator('thead th').nth(1).boundingBox();
    expect(Math.round((await cell('A1').boundingBox())!.y)).toBe(Math.round(letters!.y + letters!.height));
    expect(Math.round((await cell('A2').boundingBox())!.y)).toBeLessThan(letters!.y);
    const rowNumber = await grid().locator('tbody th').first().boundingBox();
    expect(Math.round(rowNumber!.y)).toBe(Math.round(letters!.y + letters!.height));
    await shot('5-frozen-row');
    await wrap.evaluate((el) => ((el as { scrollTop: number }).scrollTop = 0));
    await openTab('Report');
    await wrap.evaluate((el) => ((el as { scrollTop: number }).scrollTop = 400));
    await poll(gridScrollTop).toBe(400);
    await openTab('Goals');
    expect(await gridScrollTop()).toBe(0);
    await openTab('Report');
    expect(await gridScrollTop()).toBe(400);
  });

  it('a dropdown choice is saved at once; Esc closes an editor without saving', async () => {
    await openTab('Timeline');
    // whenFormulaSatisfied paints font and weight: T5 was due 2026-11-19, so its Due is red and bold.
    expect(await cell('A6').textContent()).toBe('T5');
    expect(await computed(cell(specCell('timeline', 'due', 6)))).toEqual({
      background: 'rgba(0, 0, 0, 0)',
      color: 'rgb(165, 14, 14)',
      weight: '700',
    });
    const dropdown = grid().locator('td:has(.dd)').first();
    const a1 = (await dropdown.getAttribute('data-cell'))!;
    const before = (await dropdown.textContent())!.replace('▾', '');
    await dropdown.dblclick();
    const select = cell(a1).locator('select');
    const options = (await select.locator('option').allTextContents()).filter((o) => o && o !== before);
    await select.selectOption(options[0]!);
    await poll(() => cell(a1).textContent()).toBe(`▾${options[0]}`);
    expect(await cell(a1).locator('select').count()).toBe(0);

    const text = cell('B2');
    const original = await text.textContent();
    await text.dblclick();
    await text.locator('input').fill('Not kept');
    await text.locator('input').press('Escape');
    expect(await text.locator('input').count()).toBe(0);
    expect(await text.textContent()).toBe(original);
  });

  it('Send from the menu asks first: No sends nothing; Yes sends, then says what went', async () => {
    await menu('Send status emails now');
    const dialog = page.getByRole('alertdialog');
    await poll(() => dialog.textContent()).toContain('Send now?');
    expect(await dialog.textContent()).toContain('6 messages to 6 recipients, one each');
    await shot('6-confirm-send');
    await dialog.getByRole('button', { name: 'No', exact: true }).click();
    await poll(() => dialog.count()).toBe(0);
    expect(await outboxCount()).toBe(0);

    await menu('Send status emails now');
    await dialog.getByRole('button', { name: 'Yes', exact: true }).click();
    await poll(() => page.getByRole('alertdialog', { name: 'Status emails' }).count()).toBe(1);
    await page.getByRole('alertdialog').getByRole('button', { name: 'OK' }).click();
    await poll(outboxCount).toBe(6);
    const recipients = await page
      .getByTestId('outbox')
      .locator('li button > div:first-child')
      .allTextContents();
    expect(new Set(recipients).size).toBe(recipients.length);
    await page.getByTestId('outbox').locator('li button').first().click();
    await poll(() => page.frameLocator('.modal iframe').locator('body').textContent()).toMatch(
      /Endpoint security plan/,
    );
    await shot('7-email');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('schedules weekly digests; the clock reads the spreadsheet’s time zone and panels refresh after it moves', async () => {
    await menu('Schedule…');
    await poll(sidebarSection).toBe('Schedule');
    await sidebar.getByLabel('Weekly').check();
    await sidebar.getByLabel('Day').selectOption('WEDNESDAY');
    await sidebar.getByLabel('Hour').selectOption('9');
    await sidebar.getByRole('button', { name: 'Save schedule' }).click();
    await poll(() => sidebar.getByTestId('schedule-status').textContent()).toContain('Runs as');
    expect(await sidebar.getByTestId('schedule-status').textContent()).not.toContain('Last run2026-12-03');
    const before = await outboxCount();
    await page.getByLabel('Advance to').fill('2026-12-03T12:00');
    await page.getByRole('button', { name: 'Advance' }).click();
    // 12:00 on the spreadsheet's wall clock (America/New_York), not the browser's or UTC.
    await poll(() => page.getByTestId('clock').textContent()).toContain('Thu 3 Dec 2026, 12:00');
    await poll(outboxCount).toBeGreaterThan(before);
    const subjects = await page.getByTestId('outbox').locator('li').allTextContents();
    const weekOfDec2 = subjects.filter((s) => s.includes('2 Dec') && /Weekly (status|report)/.test(s));
    expect(weekOfDec2.length).toBeGreaterThan(0);
    expect(new Set(weekOfDec2).size).toBe(weekOfDec2.length);
    // The open Schedule panel reloaded and shows the run.
    await poll(() => sidebar.getByTestId('schedule-status').textContent()).toContain('Last run2026-12-03');
    await shot('8-schedule');

    await page.getByLabel('Set today').fill('2026-12-05');
    await poll(() => page.getByTestId('clock').textContent()).toContain('Sat 5 Dec 2026, 12:00');
  });

  it('moving the clock back asks first', async () => {
    await page.getByLabel('Advance to').fill('2026-12-04T08:00');
    await page.getByRole('button', { name: 'Advance' }).click();
    const question = page.getByRole('alertdialog', { name: 'Move the clock back?' });
    await question.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('clock').textContent()).toContain('Sat 5 Dec 2026, 12:00');
    await page.getByRole('button', { name: 'Advance' }).click();
    await question.getByRole('button', { name: 'OK' }).click();
    await poll(() => page.getByTestId('clock').textContent()).toContain('Fri 4 Dec 2026, 08:00');
  });

  it('outbox and sidebar collapse and expand', async () => {
    const width = (id: string) =>
      page.getByTestId(id).evaluate((el) => (el as { offsetWidth: number }).offsetWidth);
    await page.getByRole('button', { name: 'Collapse outbox' }).click();
    await page.getByRole('button', { name: 'Collapse sidebar' }).click();
    expect(await width('outbox')).toBeLessThan(50);
    expect(await width('sidebar-panel')).toBeLessThan(50);
    await shot('9-collapsed');
    await page.getByRole('button', { name: 'Expand outbox' }).click();
    await page.getByRole('button', { name: 'Expand sidebar' }).click();
    expect(await width('outbox')).toBeGreaterThan(200);
    await poll(sidebarSection).toBe('Schedule'); // the sidebar kept its state
  });

  it('a project of the user’s own: a prompt answered in the page, onEdit, and charts drawn', async () => {
    const own = await startPlayground({ blank: true, now: '2026-11-24T15:00:00Z', distDir: projectDir() });
    try {
      await page.goto(own.url);
      await menu('Name A1');
      const prompt = page.getByRole('alertdialog', { name: 'Name' });
      await prompt.getByLabel('Answer').fill('Hello');
      await prompt.getByRole('button', { name: 'OK' }).click();
      await poll(() => cell('A1').textContent()).toBe('Hello');
      await cell('A3').dblclick();
      await cell('A3').locator('input').fill('42');
      await cell('A3').locator('input').press('Enter');
      await poll(() => cell('B3').textContent()).toBe('edited: 42'); // onEdit ran for the typed value
      await menu('Insert charts');
      const charts = page.getByTestId('chart');
      await poll(() => charts.count()).toBe(2);
      const column = page.locator('svg[data-chart-type="COLUMN"]');
      expect(await column.getAttribute('aria-label')).toBe('Budget by category');
      expect(await column.locator('rect[fill="#3366cc"]').count()).toBe(3 + 1); // 3 bars and the legend key
      expect(await page.locator('svg[data-chart-type="PIE"] path').count()).toBe(3);
      // Anchored at A6: the chart's top-left corner is the cell's.
      const [anchor, drawn] = [await cell('A6').boundingBox(), await column.boundingBox()];
      expect(Math.round(drawn!.x)).toBe(Math.round(anchor!.x));
      expect(Math.round(drawn!.y)).toBe(Math.round(anchor!.y));
      await shot('10-charts');
    } finally {
      await own.close();
    }
  });

  it('logged no console error in any of it (favicon included)', () => {
    expect(consoleErrors).toEqual([]);
  });
});
