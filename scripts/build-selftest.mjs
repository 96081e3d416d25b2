// Builds the live self-test (never part of the production bundle): dist-selftest/Code.js with the
// menu "OpsPlan self-test → Run", its appsscript.json, and the HTML file a template probe reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { bundleForAppsScript } from './apps-script-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist-selftest');
mkdirSync(out, { recursive: true });

const entry = 'test/fidelity/selftest-main.ts';
const { code, names } = await bundleForAppsScript(join(root, entry), 'OpsPlanSelfTest', entry);
writeFileSync(join(out, 'Code.js'), code);
const manifest = {
  timeZone: 'America/New_York',
  dependencies: {},
  exceptionLogging: 'STACKDRIVER',
  runtimeVersion: 'V8',
  oauthScopes: [
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/script.container.ui',
    'https://www.googleapis.com/auth/script.scriptapp',
  ],
};
writeFileSync(join(out, 'appsscript.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`built dist-selftest/Code.js (${names.length} entry points), dist-selftest/appsscript.json`);
