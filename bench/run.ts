/**
 * npm run bench [-- --sizes 100,1000,10000 --variants 10000 --raci names --no-write]
 * Prints, per operation and plan size, spreadsheet calls, cells read and written, mail, property
 * calls, script CPU, heap and the modeled Apps Script time (low / central / high) beside the
 * operation's floor, with pass/fail against the targets; writes bench/RESULTS.md. Variants (RACI of
 * 200 people, 20 people in all) run at the sizes given with --variants. --raci names writes the RACI
 * as Responsible…Informed name columns instead of a column per person.
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

import { DEFAULT_SHAPE } from './generate.js';
import { type BenchOptions, benchSize, DEFAULT_OPTIONS, type Measurement, sidebarBytes } from './measure.js';
import { evaluateTargets, renderTable } from './targets.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const list = (text: string | undefined) => (text ? text.split(',').filter(Boolean).map(Number) : []);
const sizes = list(arg('sizes') ?? '100,1000,10000');
const variantSizes = list(arg('variants'));
const raciShape = arg('raci') === 'names' ? 'names' : 'matrix';

execSync('node scripts/build.mjs', { stdio: 'inherit' });
const all: Measurement[] = [];
const runs: [number, BenchOptions][] = [
  ...sizes.map((size): [number, BenchOptions] => [size, DEFAULT_OPTIONS]),
  ...variantSizes.flatMap((size): [number, BenchOptions][] => [
    [size, { owners: 200, shape: { ...DEFAULT_SHAPE, raciPeople: 200 } }],
    [size, { owners: 20, shape: DEFAULT_SHAPE }],
  ]),
].map(([size, options]): [number, BenchOptions] => [
  size,
  { ...options, shape: { ...options.shape, raciShape } },
]);
for (const [size, options] of runs) {
  const started = Date.now();
  process.stdout.write(
    `plan of ${size} rows per tab, ${options.owners} people, RACI ${Math.min(options.owners, options.shape.raciPeople)} (${raciShape}), ${options.shape.historyWeeks} weeks of History… `,
  );
  all.push(...benchSize(size, options));
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
}
const targets = evaluateTargets(all, sidebarBytes());
const table = renderTable(all, targets);
console.log(`\n${table}`);
if (!process.argv.includes('--no-write')) {
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
  writeFileSync(
    'bench/RESULTS.md',
    `# OpsPlan benchmark results\n\nRun ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}, with \`npm run bench -- ${process.argv.slice(2).join(' ')}\`.\n\n${table}\n`,
  );
  console.log('wrote bench/RESULTS.md');
}
process.exitCode = targets.some((t) => !t.pass) ? 1 : 0;
