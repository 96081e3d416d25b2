/**
 * npm run bench [-- --sizes 100,1000,10000 --latency 7 --no-write]
 * Prints, per operation and plan size, spreadsheet calls, reads and writes, mail calls, script CPU
 * (host time minus the local runtime's own service work), peak heap and modeled Apps Script time,
 * with pass/fail against the targets; writes bench/RESULTS.md.
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

import { benchSize, DEFAULT_OPTIONS, type Measurement, sidebarBytes } from './measure.js';
import { evaluateTargets, renderTable } from './targets.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const sizes = (arg('sizes') ?? '100,1000,10000').split(',').map(Number);
const options = { ...DEFAULT_OPTIONS, latencyMs: Number(arg('latency') ?? DEFAULT_OPTIONS.latencyMs) };

execSync('node scripts/build.mjs', { stdio: 'inherit' });
const all: Measurement[] = [];
for (const size of sizes) {
  const started = Date.now();
  process.stdout.write(`plan of ${size} rows per tab, ${options.owners} owners… `);
  all.push(...benchSize(size, options));
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
}
const targets = evaluateTargets(all, sidebarBytes());
const table = renderTable(all, targets, options.latencyMs);
console.log(`\n${table}`);
if (!process.argv.includes('--no-write')) {
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}`;
  writeFileSync(
    'bench/RESULTS.md',
    `# OpsPlan benchmark results\n\nRun ${new Date().toISOString().slice(0, 10)} on ${machine}, with \`npm run bench\`.\n\n${table}\n`,
  );
  console.log('wrote bench/RESULTS.md');
}
process.exitCode = targets.some((t) => !t.pass) ? 1 : 0;
