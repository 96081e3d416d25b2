/** The runtime's settable clock: `new Date()` in the bundle, TODAY() in formulas, triggers. */
export class Clock {
  private nowMs: number;

  constructor(start: Date | number = Date.now()) {
    this.nowMs = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.nowMs;
  }

  set(to: Date | number | string): void {
    const ms = to instanceof Date ? to.getTime() : typeof to === 'string' ? Date.parse(to) : to;
    if (!Number.isFinite(ms)) throw new Error(`Clock.set: not a time: ${String(to)}`);
    this.nowMs = ms;
  }

  advance(ms: number): void {
    this.nowMs += ms;
  }
}
