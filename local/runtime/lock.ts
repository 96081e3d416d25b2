/**
 * LockService. JavaScript here is single-threaded, so "another execution" is modelled: every
 * call into the bundle is an execution with its own id; a lock held by another execution makes
 * tryLock/waitLock wait out their timeout on the runtime clock and fail, as they would on Google.
 */
import { type CallLog, service } from './calls.js';
import type { Clock } from './clock.js';
import { AppsScriptException } from './errors.js';

export type LockScope = 'document' | 'script' | 'user';

export class LockTable {
  /** Holders by lock key: the scope, qualified by document or user where it is one per each. */
  readonly holders = new Map<string, number>();
  currentExecution = 0;
  /** The key of a scope's lock in the current execution; null where Apps Script has none. */
  keyOf: (scope: LockScope) => string | null = (scope) => scope;
  private nextExecution = 1;

  begin(): number {
    return this.nextExecution++;
  }

  /** Marks a lock as held by an execution outside the test's control (an overlapping trigger). */
  holdExternally(scope: LockScope): void {
    this.holders.set(this.keyOf(scope) ?? scope, -1);
  }

  releaseExternal(scope: LockScope): void {
    const key = this.keyOf(scope) ?? scope;
    if (this.holders.get(key) === -1) this.holders.delete(key);
  }

  /** Apps Script releases every lock an execution holds when it ends. */
  endExecution(id: number): void {
    for (const [scope, holder] of this.holders) if (holder === id) this.holders.delete(scope);
  }
}

export class Lock implements Pick<
  GoogleAppsScript.Lock.Lock,
  'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'
> {
  private readonly owner: number;
  constructor(
    private readonly scope: string,
    private readonly table: LockTable,
    private readonly clock: Clock,
    log: CallLog,
  ) {
    this.owner = table.currentExecution;
    return service(this, 'Lock', log);
  }
  tryLock(timeoutInMillis: number): boolean {
    const holder = this.table.holders.get(this.scope);
    if (holder === undefined || holder === this.owner) {
      this.table.holders.set(this.scope, this.owner);
      return true;
    }
    this.clock.advance(Math.max(0, Math.min(timeoutInMillis, 300_000)));
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis))
      throw new AppsScriptException('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    if (this.table.holders.get(this.scope) === this.owner) this.table.holders.delete(this.scope);
  }
  hasLock(): boolean {
    return this.table.holders.get(this.scope) === this.owner;
  }
}

export class LockServiceImpl implements Pick<
  GoogleAppsScript.Lock.LockService,
  'getDocumentLock' | 'getScriptLock' | 'getUserLock'
> {
  constructor(
    private readonly table: LockTable,
    private readonly clock: Clock,
    private readonly log: CallLog,
  ) {
    return service(this, 'LockService', log);
  }
  private lock(scope: LockScope): GoogleAppsScript.Lock.Lock {
    const key = this.table.keyOf(scope);
    return (key === null
      ? null
      : new Lock(key, this.table, this.clock, this.log)) as unknown as GoogleAppsScript.Lock.Lock;
  }
  /** Null outside a document (an add-on's time-driven run without an active spreadsheet). */
  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    return this.lock('document');
  }
  getScriptLock(): GoogleAppsScript.Lock.Lock {
    return this.lock('script');
  }
  getUserLock(): GoogleAppsScript.Lock.Lock {
    return this.lock('user');
  }
}
