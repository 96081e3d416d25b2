/**
 * `npm start`: the local playground. Builds are done by the npm script; this serves the built
 * add-on, running in the local Apps Script runtime, on 127.0.0.1 (PORT, default 8137).
 */
import { join } from 'node:path';

import { startPlayground } from './playground/server.js';

const port = Number(process.env.PORT ?? 8137);
const stateFile = join(process.cwd(), '.playground', 'state.json');
const playground = await startPlayground({ port, stateFile });
console.log(`\nOpsPlan playground: ${playground.url}\n`);
console.log(
  'The example plan is loaded; state is kept in .playground/state.json (Reset in the page starts over).',
);
console.log('Press Ctrl+C to stop.');
