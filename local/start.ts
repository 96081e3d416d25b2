/**
 * `npm start`: the local playground. Builds are done by the npm script; this serves the built
 * add-on, running in the local Apps Script runtime, on 127.0.0.1 (PORT, default 8137).
 * `npm start -- --blank` starts over on an empty spreadsheet (Reset then keeps it empty).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { startPlayground } from './playground/server.js';

const port = Number(process.env.PORT ?? 8137);
const blank = process.argv.includes('--blank');
const stateFile = join(process.cwd(), '.playground', 'state.json');
if (blank) rmSync(stateFile, { force: true });
const playground = await startPlayground({ port, stateFile, blank });
console.log(`\nOpsPlan playground: ${playground.url}\n`);
console.log(
  blank
    ? 'An empty spreadsheet: use Extensions → OpsPlan to set it up.'
    : 'The example plan is loaded; state is kept in .playground/state.json (Reset in the page starts over).',
);
console.log('Press Ctrl+C to stop.');
