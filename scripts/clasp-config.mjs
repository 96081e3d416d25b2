// Before `npm run deploy` pushes anything: the real .clasp.json (each developer's own, kept out of
// git) must exist and name an Apps Script project. Usage: node scripts/clasp-config.mjs [folder]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, '.clasp.json');
const placeholder = 'REPLACE_WITH_YOUR_SCRIPT_ID'; // as in .clasp.json.example

function fail(why) {
  console.error(
    `npm run deploy: ${why}\n` +
      'Copy .clasp.json.example to .clasp.json and put your Apps Script project’s Script ID in it ' +
      '(README, "Deploy to a real spreadsheet"). .clasp.json stays out of git.',
  );
  process.exit(1);
}

if (!existsSync(file)) fail('there is no .clasp.json.');
let config;
try {
  config = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  fail('.clasp.json is not valid JSON.');
}
if (typeof config?.scriptId !== 'string' || !config.scriptId.trim() || config.scriptId === placeholder)
  fail('.clasp.json has no Script ID ("scriptId").');
if (config.rootDir !== 'dist') fail('.clasp.json must push the build: "rootDir": "dist".');
console.log(`deploying to Apps Script project ${config.scriptId}`);
