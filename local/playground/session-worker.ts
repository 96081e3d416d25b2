/**
 * The playground session on its own thread. Ui.alert and Ui.prompt block the script until the user
 * answers, as in Sheets: the worker posts the dialog to the server thread and waits on shared
 * memory for the browser's answer, so the script carries on from where it stopped and nothing it
 * did before the dialog runs twice.
 */
import { parentPort, workerData } from 'node:worker_threads';

import type { DialogAnswer } from '../runtime/ui.js';
import { PlaygroundSession, type SessionOptions } from './session.js';
import type { HostReply, HostRequest } from './session-host.js';

const port = parentPort!;
const { options, shared } = workerData as { options: SessionOptions; shared: SharedArrayBuffer };
/** [0]: 1 when an answer is written; [1]: its length in bytes, which follow from byte 8. */
const signal = new Int32Array(shared, 0, 2);
const bytes = new Uint8Array(shared, 8);
let current = 0;

function waitForAnswer(): DialogAnswer {
  Atomics.wait(signal, 0, 0);
  const answer = JSON.parse(new TextDecoder().decode(bytes.slice(0, signal[1]))) as DialogAnswer;
  Atomics.store(signal, 0, 0);
  return answer;
}

const session = new PlaygroundSession({
  ...options,
  ask: (dialog) => {
    port.postMessage({ id: current, type: 'dialog', dialog } satisfies HostReply);
    return waitForAnswer();
  },
});

async function handle(request: HostRequest): Promise<unknown> {
  switch (request.type) {
    case 'apply':
      return session.apply(request.op);
    case 'state':
      return session.state(request.sheet);
    case 'reset':
      session.reset();
      return null;
    case 'mail': {
      const message = session.rt.outbox.messages.find((m) => m.id === request.mailId);
      if (!message) return null;
      return {
        html: message.html,
        text: message.text,
        eml: request.eml ? (await session.rt.outbox.toEml(message)).toString('utf8') : undefined,
      };
    }
    case 'distDir':
      return session.rt.distDir;
  }
}

port.on('message', async (request: HostRequest) => {
  current = request.id;
  try {
    port.postMessage({ id: request.id, type: 'done', value: await handle(request) } satisfies HostReply);
  } catch (error) {
    port.postMessage({
      id: request.id,
      type: 'error',
      message: (error as Error).message,
    } satisfies HostReply);
  }
});
