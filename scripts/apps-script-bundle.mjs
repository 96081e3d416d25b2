// Bundles a TypeScript entry into one Apps Script file: an IIFE plus a real top-level
// `function name() {…}` per export, so menus, triggers and cells resolve them by global name.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

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

/**
 * Picks a module's variant for a build target: for the `marketplace` target an import of
 * `./x` resolves to `./x.marketplace.ts` where that file exists. The default (container-bound)
 * build and the type-checker use `./x.ts`; both variants are type-checked.
 */
function targetVariants(target) {
  return {
    name: 'opsplan-target',
    setup(build) {
      if (target === 'container-bound') return;
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const variant = join(args.resolveDir, `${args.path}.${target}.ts`);
        return existsSync(variant) ? { path: variant } : undefined;
      });
    },
  };
}

/** Returns the Code.js text for `entry` and the entry-point names it defines. */
export async function bundleForAppsScript(
  entry,
  globalName,
  generatedFrom,
  { target = 'container-bound' } = {},
) {
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
    plugins: [targetVariants(target)],
  });
  const stubs = names
    .map((name) => `function ${name}() {\n  return ${globalName}.${name}.apply(this, arguments);\n}`)
    .join('\n');
  const code = `${result.outputFiles[0].text}\n// Apps Script entry points, generated from the exports of ${generatedFrom}.\n${stubs}\n`;
  return { code, names };
}
