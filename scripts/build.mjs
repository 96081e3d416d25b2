// Builds what clasp pushes: dist/Code.js, dist/Sidebar.html, dist/appsscript.json.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const GLOBAL = 'OpsPlan';
mkdirSync(dist, { recursive: true });

/** The names src/main.ts exports: each becomes a real top-level function Apps Script can call. */
async function entryExports() {
  const result = await build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outfile: 'probe.js',
    logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs)[0].exports.sort();
}

async function buildCode() {
  const names = await entryExports();
  const result = await build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2019',
    platform: 'neutral',
    minify: false,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    outfile: 'Code.js',
  });
  const stubs = names
    .map((name) => `function ${name}() {\n  return ${GLOBAL}.${name}.apply(this, arguments);\n}`)
    .join('\n');
  const code = `${result.outputFiles[0].text}\n// Apps Script entry points, generated from the exports of src/main.ts.\n${stubs}\n`;
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
