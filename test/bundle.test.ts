import { readFileSync } from 'node:fs';
import vm from 'node:vm';

import { describe, expect, it } from 'vitest';

import { SCOPES } from '../local/runtime/index.js';
import { MENU, MENU_TITLE } from '../src/core/menu.js';
import * as entry from '../src/main.js';
import { freshRuntime } from './helpers.js';

const code = readFileSync('dist/Code.js', 'utf8');
const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8'));

describe('dist/Code.js as Apps Script loads it', () => {
  it('runs in a bare V8 context: no require, module, process or window', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context, { filename: 'Code.js' });
    for (const name of ['require', 'module', 'process', 'window', 'exports'])
      expect(context[name]).toBeUndefined();
    expect(typeof context.onOpen).toBe('function');
  });

  it('has a real top-level function for every export of src/main.ts, and nothing hand-listed', () => {
    const exported = Object.keys(entry)
      .filter((k) => typeof (entry as Record<string, unknown>)[k] === 'function')
      .sort();
    const rt = freshRuntime();
    expect(
      rt
        .functionNames()
        .filter((n) => n !== 'OpsPlan')
        .sort(),
    ).toEqual(exported);
    for (const name of exported) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  it('every menu item and trigger handler is a callable global', () => {
    const rt = freshRuntime();
    const handlers = MENU.flatMap((e) => (e === 'separator' ? [] : [e.handler]));
    for (const name of [...handlers, 'onOpen', 'onInstall']) expect(rt.hasFunction(name), name).toBe(true);
  });

  it('onOpen builds the OpsPlan menu without authorisation, in a few service calls', () => {
    const rt = freshRuntime();
    rt.calls.reset();
    rt.runWithoutAuth('onOpen', { authMode: 'NONE' });
    const menu = rt.ui.menus[0]!;
    expect(menu.addon).toBe(true);
    const items = menu.items.filter((i) => !i.separator);
    expect(items.map((i) => i.functionName)).toEqual(
      MENU.flatMap((e) => (e === 'separator' ? [] : [e.handler])),
    );
    // createAddonMenu shows under Extensions → OpsPlan (the add-on's name).
    expect(MENU_TITLE).toBe('OpsPlan');
    const nonMenuCalls = rt.calls.total((name) => !name.startsWith('Menu.'));
    expect(nonMenuCalls).toBeLessThanOrEqual(3);
  });

  it('reading data in AuthMode.NONE fails as it does on Google', () => {
    const rt = freshRuntime();
    expect(() => rt.runWithoutAuth('getAddonInfo')).toThrow(
      /permission to call SpreadsheetApp.getActiveSpreadsheet/,
    );
  });

  it('onInstall builds the menu too', () => {
    const rt = freshRuntime();
    rt.run('onInstall', { authMode: 'FULL' });
    expect(rt.ui.menus).toHaveLength(1);
  });
});

/** The scopes a bundle's code needs, read from the services it names. */
function scopesUsedBy(bundle: string): Set<string> {
  const uses = (pattern: RegExp) => pattern.test(bundle);
  const needed = new Set<string>();
  // The full scope includes the current-only one: a bundle that opens spreadsheets by ID needs it alone.
  if (uses(/\bSpreadsheetApp\.openById\b/)) needed.add(SCOPES.allSpreadsheets);
  else if (uses(/\bSpreadsheetApp\.(getActive|getActiveSpreadsheet|getActiveSheet|getActiveRange)\b/))
    needed.add(SCOPES.spreadsheet);
  if (uses(/\bHtmlService\b|\.getUi\(\)/)) needed.add(SCOPES.ui);
  if (uses(/\bMailApp\b/)) needed.add(SCOPES.mail);
  if (uses(/\bScriptApp\b/)) needed.add(SCOPES.triggers);
  return needed;
}

// https://developers.google.com/apps-script/concepts/scopes: an explicit oauthScopes list is what
// users are asked for; the local runtime provides no service whose scope is missing from it.
describe.each([
  { build: 'container-bound (dist/)', dir: 'dist', spreadsheets: SCOPES.spreadsheet },
  { build: 'Marketplace (dist-marketplace/)', dir: 'dist-marketplace', spreadsheets: SCOPES.allSpreadsheets },
])('appsscript.json of the $build build', ({ dir, spreadsheets }) => {
  const bundle = readFileSync(`${dir}/Code.js`, 'utf8');
  const scopes = JSON.parse(readFileSync(`${dir}/appsscript.json`, 'utf8')) as {
    runtimeVersion: string;
    exceptionLogging: string;
    timeZone: unknown;
    oauthScopes: string[];
  };

  it('is V8 with Stackdriver logging and a time zone', () => {
    expect(scopes.runtimeVersion).toBe('V8');
    expect(scopes.exceptionLogging).toBe('STACKDRIVER');
    expect(typeof scopes.timeZone).toBe('string');
  });

  it('lists exactly the scopes the bundle uses, with its one spreadsheets scope', () => {
    for (const forbidden of [
      'UrlFetchApp',
      'GmailApp',
      'DriveApp',
      'DocumentApp',
      'Sheets.Spreadsheets',
      'openByUrl',
    ])
      expect(bundle.includes(forbidden), `${forbidden} needs a broader scope`).toBe(false);
    expect([...scopesUsedBy(bundle)].sort()).toEqual([...scopes.oauthScopes].sort());
    expect(scopes.oauthScopes).toContain(spreadsheets);
    expect(scopes.oauthScopes).toHaveLength(4);
  });
});

it('the container-bound build never opens a spreadsheet by ID; only the Marketplace build does', () => {
  expect(code).not.toMatch(/\bopenById\b/);
  expect(manifest.oauthScopes).not.toContain(SCOPES.allSpreadsheets);
});

describe('dist/Sidebar.html', () => {
  const html = readFileSync('dist/Sidebar.html', 'utf8');
  it('is one self-contained file: no external URL of any kind', () => {
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/i);
  });
  it('has exactly one inline script, with no premature closing tag', () => {
    expect(html.match(/<script\b/gi)).toHaveLength(1);
    expect(html.match(/<\/script>/gi)).toHaveLength(1);
  });
});

describe('README: OAuth scopes', () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = (title: string) => {
    const start = readme.indexOf(`## ${title}`);
    return readme.slice(start, readme.indexOf('\n## ', start + 1));
  };
  /** The scope table: short scope name → its "needed for" text. */
  const table = new Map(
    [...section('OAuth scopes and why').matchAll(/^\| `([a-z_.]+)` +\| (.+?) +\|$/gm)].map((m) => [
      m[1]!,
      m[2]!,
    ]),
  );

  it('explains every scope of both manifests, and the Marketplace justifications are the same text', () => {
    const short = (scope: string) => scope.replace('https://www.googleapis.com/auth/', '');
    for (const dir of ['dist', 'dist-marketplace']) {
      const scopes = (JSON.parse(readFileSync(`${dir}/appsscript.json`, 'utf8')) as { oauthScopes: string[] })
        .oauthScopes;
      for (const scope of scopes) expect(table.has(short(scope)), `${dir}: ${scope}`).toBe(true);
    }
    const marketplace = (
      JSON.parse(readFileSync('dist-marketplace/appsscript.json', 'utf8')) as { oauthScopes: string[] }
    ).oauthScopes.map(short);
    const justified = new Map(
      [...section('Publish to the Marketplace').matchAll(/^- `([a-z_.]+)`: (.+)$/gm)].map((m) => [
        m[1]!,
        m[2]!,
      ]),
    );
    expect([...justified.keys()].sort()).toEqual([...marketplace].sort());
    for (const [scope, text] of justified) expect(text).toBe(table.get(scope));
  });
});
