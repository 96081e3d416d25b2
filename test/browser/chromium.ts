import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Debian's Chromium, headless, with the flags this closed network needs; never a browser download. Playwright gives each launch a fresh, empty profile. */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export function resultsDir(): string {
  const dir = join(process.cwd(), 'test-results');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Outside CI a missing browser is announced loudly (the tests are skipped); in CI it fails. */
export function requireChromium(): boolean {
  if (hasChromium) return true;
  const message = `\n${'!'.repeat(78)}\n  BROWSER TESTS NOT RUN: ${CHROMIUM} is missing. Install Debian's chromium (apt-get install chromium).\n${'!'.repeat(78)}\n`;
  if (process.env.CI) throw new Error(message);
  console.error(message);
  return false;
}
