/**
 * Status emails on a phone, in Chromium: each kind of message (digest, manager report, escalation,
 * reminder, and the merged message of a Plan owner who gets the report) at 375 px wide has no
 * horizontal scroll, with its <style> block and without it (clients that drop <style> get the
 * inline layout), and opens with what the reader must do.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SentMail } from '../../local/runtime/mail.js';
import { cellOf, exampleRuntime } from '../helpers.js';
import { launch, requireChromium, resultsDir } from './chromium.js';

const run = requireChromium();
/** An iPhone's width in CSS pixels: below the 480 px at which tables stack. */
const PHONE = { width: 375, height: 740 };

/** Every kind of message, as the built add-on sends them. */
function messages(): { kind: string; mail: SentMail }[] {
  const byHand = exampleRuntime();
  // Values that overflow a phone unless the layout lets them wrap: a long unbroken name, a long
  // unit, a big number.
  cellOf(byHand, 'goals', 'kpi', 'G3').setValue(`Users-who-completed-${'training'.repeat(12)}`);
  cellOf(byHand, 'goals', 'unit', 'G3').setValue('people-trained-across-every-regional-office');
  cellOf(byHand, 'goals', 'target', 'G3').setValue(50_000_000); // still 40% of the way: Off track
  cellOf(byHand, 'goals', 'actual', 'G3').setValue(20_000_000.125);
  cellOf(byHand, 'budget', 'planned', 'B1').setValue(987_654_321);
  cellOf(byHand, 'budget', 'actual', 'B1').setValue(123_456_789.5);
  byHand.run('sendStatusEmailsNow');
  const scheduled = exampleRuntime();
  scheduled.run('saveScheduleSettings', {
    mode: 'weekly',
    weekday: 'MONDAY',
    hour: 9,
    reminders: true,
    escalations: true,
  });
  scheduled.advanceTo('2026-11-25T16:00:00Z'); // a Wednesday: reminders and escalations only
  const find = (rt: typeof byHand, to: string) => rt.outbox.messages.find((m) => m.to[0] === to)!;
  return [
    { kind: 'digest', mail: find(byHand, 'morgan.blake@example.com') },
    { kind: 'manager report', mail: find(byHand, 'dana.kim@example.com') },
    { kind: 'digest, escalation and report', mail: find(byHand, 'sam.patel@example.com') },
    { kind: 'reminder', mail: find(scheduled, 'morgan.blake@example.com') },
    { kind: 'escalation', mail: find(scheduled, 'sam.patel@example.com') },
    { kind: 'escalation notice', mail: find(scheduled, 'priya.shah@example.com') },
  ];
}

describe.runIf(run)('emails at 375 px in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let all: { kind: string; mail: SentMail }[] = [];

  beforeAll(async () => {
    all = messages();
    browser = await launch();
    page = await browser.newPage({ viewport: PHONE });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const widths = () =>
    page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
        .document.documentElement;
      return {
        scroll: root.scrollWidth,
        viewport: (globalThis as unknown as { innerWidth: number }).innerWidth,
      };
    });

  it('each kind has no horizontal scroll, with or without its <style> block', async () => {
    expect(all.map((m) => m.mail.subject)).toEqual([
      '[Endpoint security plan] Status — 4 items need you',
      '[Endpoint security plan] Report — 5 pressing challenges',
      '[Endpoint security plan] Report — 5 pressing challenges',
      '[Endpoint security plan] Reminder — T3 is due tomorrow',
      '[Endpoint security plan] Escalation — T5 is 6 days late',
      '[Endpoint security plan] Escalated — 1 item of yours',
    ]);
    for (const { kind, mail } of all) {
      for (const [variant, html] of [
        ['styled', mail.html],
        ['inline only', mail.html.replace(/<style>[^<]*<\/style>/, '')],
      ] as const) {
        await page.setContent(html);
        const { scroll, viewport } = await widths();
        expect(viewport).toBe(PHONE.width);
        expect(scroll, `${kind}, ${variant}`).toBeLessThanOrEqual(viewport);
      }
      await page.setContent(mail.html);
      await page.screenshot({
        path: `${resultsDir()}/email-375-${kind.replace(/\W+/g, '-')}.png`,
        fullPage: true,
      });
    }
  });

  it('each kind opens with what the reader must do, then the link to the plan', async () => {
    for (const { kind, mail } of all) {
      await page.setContent(mail.html);
      const opening = await page.evaluate(() => {
        const body = (globalThis as unknown as { document: { body: HtmlElement } }).document.body;
        const first = body.firstElementChild!;
        const box = first.getBoundingClientRect();
        return {
          heading: first.querySelector('h1')?.textContent ?? '',
          actions: [...first.querySelectorAll('li')].map((li) => li.textContent ?? ''),
          link: first.querySelector('a')?.textContent ?? '',
          // Nothing is drawn above the summary: it is the first thing on screen.
          top: box.top,
          firstText: body.innerText.split('\n')[0] ?? '',
        };
      });
      expect(opening.heading, kind).toBe(mail.subject);
      expect(opening.firstText, kind).toBe(mail.subject);
      expect(opening.actions.length, kind).toBeGreaterThan(0);
      expect(opening.link, kind).toBe('Open the plan');
      expect(opening.top, kind).toBeLessThanOrEqual(16);
    }
    const actions = async (i: number) => {
      await page.setContent(all[i]!.mail.html);
      return page.locator('body > div:first-child li').allTextContents();
    };
    expect(await actions(0)).toEqual([
      '1 KPI behind target',
      'Update 1 KPI',
      '1 milestone due within 7 days',
      '1 risk to review',
    ]);
    expect(await actions(3)).toEqual(['Finish or update T3 due soon']);
    expect(await actions(4)).toEqual(['Decide the next step for T5']);
  });
});

/** The few DOM members the page functions above read (the test's tsconfig has no DOM lib). */
interface HtmlElement {
  firstElementChild: HtmlElement | null;
  textContent: string | null;
  innerText: string;
  querySelector(selector: string): HtmlElement | null;
  querySelectorAll(selector: string): Iterable<HtmlElement>;
  getBoundingClientRect(): { top: number };
}
