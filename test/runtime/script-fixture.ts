import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { LocalAppsScript, type RuntimeOptions, SCOPES } from '../../local/runtime/index.js';

/** Every scope the runtime knows, so a fixture script may call any service. */
export const ALL_SCOPES = Object.values(SCOPES);

/**
 * A runtime that loads `code` as a project's only script file (what Apps Script would run), with a
 * manifest of the given scopes: for behaviours OpsPlan's own bundle does not exercise.
 */
export function scriptRuntime(
  code: string,
  options: RuntimeOptions & { scopes?: string[] } = {},
): LocalAppsScript {
  const dir = mkdtempSync(join(tmpdir(), 'opsplan-script-'));
  writeFileSync(join(dir, 'Code.js'), code);
  writeFileSync(
    join(dir, 'appsscript.json'),
    JSON.stringify({ timeZone: 'Etc/UTC', oauthScopes: options.scopes ?? ALL_SCOPES }),
  );
  return new LocalAppsScript({
    now: '2026-03-16T14:00:00Z',
    timeZone: 'America/New_York',
    ...options,
    distDir: dir,
  });
}
