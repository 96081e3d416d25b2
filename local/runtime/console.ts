/**
 * The console of Apps Script's V8 runtime (https://developers.google.com/apps-script/reference/base/console):
 * `formatOrObject` may hold substitutions (%s %d %i %f %o %O, and %% for a percent sign) filled from
 * the values in order, as the Console Standard defines; values left over are appended, separated by
 * spaces. console.time/timeEnd time a label on the runtime clock and log "label: Nms".
 */
import { inspect } from 'node:util';

import type { Clock } from './clock.js';

/** Lines written by Logger and console: the execution log. */
export class LogSink {
  readonly lines: string[] = [];
}

const describe = (value: unknown): string =>
  typeof value === 'string' ? value : inspect(value, { depth: 4, breakLength: Infinity });

/** Console Standard "Formatter": each substitution consumes the next value. */
export function formatConsoleArgs(args: unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map(describe).join(' ');
  let next = 0;
  const text = first.replace(/%([sdifoO%])/g, (whole, kind: string) => {
    if (kind === '%') return '%';
    if (next >= rest.length) return whole;
    const value = rest[next++];
    switch (kind) {
      case 's':
        return typeof value === 'object' && value !== null ? describe(value) : String(value);
      case 'd':
      case 'i':
        return typeof value === 'symbol' ? 'NaN' : String(Number.parseInt(String(value), 10));
      case 'f':
        return typeof value === 'symbol' ? 'NaN' : String(Number.parseFloat(String(value)));
      default:
        return describe(value);
    }
  });
  return [text, ...rest.slice(next).map(describe)].join(' ');
}

export type ScriptConsole = Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'time' | 'timeEnd'>;

/** console inside the bundle writes to the same log (Cloud Logging in production), not the terminal. */
export function consoleFor(sink: LogSink, clock: Clock): ScriptConsole {
  const timers = new Map<string, number>();
  const write =
    (level: string) =>
    (...args: unknown[]) =>
      sink.lines.push(`${level}: ${formatConsoleArgs(args)}`);
  return {
    log: write('log'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    time(label = 'default') {
      timers.set(String(label), clock.now());
    },
    timeEnd(label = 'default') {
      const started = timers.get(String(label));
      if (started === undefined) return;
      timers.delete(String(label));
      sink.lines.push(`log: ${String(label)}: ${clock.now() - started}ms`);
    },
  };
}
