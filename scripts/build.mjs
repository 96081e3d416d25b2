// Builds what clasp pushes: dist/Code.js, dist/Sidebar.html, dist/appsscript.json.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

import { bundleForAppsScript } from './apps-script-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const GLOBAL = 'OpsPlan';
mkdirSync(dist, { recursive: true });

async function buildCode() {
  const { code, names } = await bundleForAppsScript(join(root, 'src/main.ts'), GLOBAL, 'src/main.ts');
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

const names = await buildCode();
await buildSidebar();
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
console.log(`built dist/Code.js (${names.length} entry points), dist/Sidebar.html, dist/appsscript.json`);
