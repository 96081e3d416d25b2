import { LocalAppsScript, type RuntimeOptions } from '../local/runtime/index.js';

/** A fresh local Apps Script with the built bundle loaded, on a fixed clock. */
export function freshRuntime(options: RuntimeOptions = {}): LocalAppsScript {
  return new LocalAppsScript({ now: '2026-03-16T14:00:00Z', timeZone: 'America/New_York', ...options });
}

export function expectThrowMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the call to throw');
}
