// Bundles a TypeScript entry into one Apps Script file: an IIFE plus a real top-level
// `function name() {…}` per export, so menus, triggers and cells resolve them by global name.
import { build } from 'esbuild';

/** The names an entry module exports. */
async function entryExports(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outfile: 'probe.js',
    logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs)[0].exports.sort();
}

/** Returns the Code.js text for `entry` and the entry-point names it defines. */
export async function bundleForAppsScript(entry, globalName, generatedFrom) {
  const names = await entryExports(entry);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName,
    target: 'es2019',
    platform: 'neutral',
    minify: false,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    outfile: 'Code.js',
  });
  const stubs = names
    .map((name) => `function ${name}() {\n  return ${globalName}.${name}.apply(this, arguments);\n}`)
    .join('\n');
  const code = `${result.outputFiles[0].text}\n// Apps Script entry points, generated from the exports of ${generatedFrom}.\n${stubs}\n`;
  return { code, names };
}
