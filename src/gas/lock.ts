/** The document lock (per spreadsheet; never the script lock, which would serialise every user). */
export class BusyError extends Error {
  constructor(what: string) {
    super(`Another OpsPlan run is ${what} in this spreadsheet right now. Try again in a minute.`);
    this.name = 'BusyError';
  }
}

export function withDocumentLock<T>(what: string, waitMs: number, work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) throw new BusyError(what);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
