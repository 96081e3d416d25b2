/**
 * The server thread's handle on the session worker (session-worker.ts): requests in, replies out,
 * and the answer to a dialog the running script is waiting on.
 */
import { Worker } from 'node:worker_threads';

import type { DialogAnswer } from '../runtime/ui.js';
import type { PendingDialog } from './protocol.js';
import type { Operation, SessionOptions } from './session.js';

export type HostCommand =
  | { type: 'apply'; op: Operation }
  | { type: 'state'; sheet?: string }
  | { type: 'reset' }
  | { type: 'mail'; mailId: number; eml: boolean }
  | { type: 'distDir' };
export type HostRequest = HostCommand & { id: number };

export type HostReply =
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'dialog'; dialog: PendingDialog }
  | { id: number; type: 'error'; message: string };

/** What a request came to: its value, or a dialog the script waits on. */
export type Outcome = { type: 'done'; value: unknown } | { type: 'dialog'; dialog: PendingDialog };

const ANSWER_BYTES = 64 * 1024;

export class SessionHost {
  private readonly worker: Worker;
  private readonly shared = new SharedArrayBuffer(8 + ANSWER_BYTES);
  private readonly waiting = new Map<number, { resolve(o: Outcome): void; reject(e: Error): void }>();
  private nextId = 1;
  /** The request whose script waits for the user, and the dialog it shows. */
  pending: { id: number; dialog: PendingDialog } | null = null;

  constructor(options: Omit<SessionOptions, 'ask'>) {
    this.worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      workerData: { options, shared: this.shared },
    });
    this.worker.on('message', (reply: HostReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.type === 'dialog') this.pending = { id: reply.id, dialog: reply.dialog };
      else if (this.pending?.id === reply.id) this.pending = null;
      if (reply.type === 'error') waiter?.reject(new Error(reply.message));
      else waiter?.resolve(reply);
    });
    this.worker.on('error', (error) => {
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    });
  }

  private await(id: number): Promise<Outcome> {
    return new Promise((resolve, reject) => this.waiting.set(id, { resolve, reject }));
  }

  request(body: HostCommand): Promise<Outcome> {
    const id = this.nextId++;
    const outcome = this.await(id);
    this.worker.postMessage({ ...body, id });
    return outcome;
  }

  /** A request that cannot show a dialog (reading state, the outbox). */
  async value<T>(body: HostCommand): Promise<T> {
    const outcome = await this.request(body);
    if (outcome.type !== 'done') throw new Error('Unexpected dialog');
    return outcome.value as T;
  }

  /** Gives the waiting script the user's answer; resolves with what it does next. */
  answer(answer: DialogAnswer): Promise<Outcome> {
    const pending = this.pending;
    if (!pending) return Promise.reject(new Error('No dialog is open.'));
    const encoded = new TextEncoder().encode(JSON.stringify(answer));
    if (encoded.length > ANSWER_BYTES) return Promise.reject(new Error('The answer is too long.'));
    this.pending = null;
    const outcome = this.await(pending.id);
    const signal = new Int32Array(this.shared, 0, 2);
    new Uint8Array(this.shared, 8).set(encoded);
    signal[1] = encoded.length;
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
    return outcome;
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
