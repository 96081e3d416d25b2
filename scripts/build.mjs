// Builds what clasp pushes: dist/Code.js, dist/Sidebar.html, dist/appsscript.json.
// `--marketplace` (or OPSPLAN_TARGET=marketplace) builds the published add-on into
// dist-marketplace/ instead: its scheduled runs open their spreadsheet by ID, so its manifest asks
// for the full `spreadsheets` scope in place of `spreadsheets.currentonly` (README, "Publish to the
// Marketplace").
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

import { bundleForAppsScript } from './apps-script-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const marketplace = process.argv.includes('--marketplace') || process.env.OPSPLAN_TARGET === 'marketplace';
const dist = join(root, marketplace ? 'dist-marketplace' : 'dist');
const GLOBAL = 'OpsPlan';
mkdirSync(dist, { recursive: true });

async function buildCode() {
  const { code, names } = await bundleForAppsScript(join(root, 'src/main.ts'), GLOBAL, 'src/main.ts', {
    target: marketplace ? 'marketplace' : 'container-bound',
  });
  writeFileSync(join(dist, 'Code.js'), code);
  return names;
}

/** Inline JS so that a closing tag inside a string cannot end the <script> element early. */
const escapeInlineScript = (js) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

async function buildSidebar() {
  const result = await build({
    entryPoints: [join(root, 'sidebar/main.tsx')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    minify: true,
    write: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    charset: 'utf8',
    outfile: 'sidebar.js',
    tsconfig: join(root, 'sidebar/tsconfig.json'),
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js')).text;
  const css = readFileSync(join(root, 'sidebar/styles.css'), 'utf8');
  const template = readFileSync(join(root, 'sidebar/index.html'), 'utf8');
  const html = template
    .replace('/*__STYLES__*/', () => css.replace(/<\/(style)/gi, '<\\/$1'))
    .replace('/*__SCRIPT__*/', () => escapeInlineScript(js));
  writeFileSync(join(dist, 'Sidebar.html'), html);
}

const CURRENT_ONLY = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
const ALL_SPREADSHEETS = 'https://www.googleapis.com/auth/spreadsheets';

/** appsscript.json as committed; the Marketplace build swaps current-only for the full scope (which includes it). */
function manifestFor(isMarketplace) {
  const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8'));
  if (isMarketplace)
    manifest.oauthScopes = manifest.oauthScopes.map((scope) =>
      scope === CURRENT_ONLY ? ALL_SPREADSHEETS : scope,
    );
  return manifest;
}

const names = await buildCode();
await buildSidebar();
writeFileSync(join(dist, 'appsscript.json'), `${JSON.stringify(manifestFor(marketplace), null, 2)}\n`);
const out = marketplace ? 'dist-marketplace' : 'dist';
console.log(
  `built ${out}/Code.js (${names.length} entry points), ${out}/Sidebar.html, ${out}/appsscript.json`,
);
