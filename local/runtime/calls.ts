/**
 * Service-call accounting. Every method call on a runtime service object is counted as
 * `Class.method`, which is how tests and benchmarks measure what a script would cost on Google's
 * servers. Unsupported methods throw instead of silently doing nothing.
 */

export type CallCounts = Record<string, number>;

export class CallLog {
  private counts = new Map<string, number>();
  private cellCounts = new Map<string, number>();
  /** Host time spent inside service methods: the local runtime's own work, not the script's. */
  serviceMs = 0;
  /** Process CPU (user + system) spent inside service methods, in ms: what script CPU excludes. */
  serviceCpuMs = 0;
  depth = 0;
  /** The runtime's own check before every call (authorization mode, time limit). */
  guard: ((name: string) => void) | undefined;
  /** Called before every counted service call; tests use it to interleave executions. */
  beforeCall: ((name: string) => void) | undefined;
  /** Called when a counted service call returns or throws, with the cells it moved (0 if it threw). */
  afterCall: ((name: string, cells: number) => void) | undefined;

  record(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.guard?.(name);
    this.beforeCall?.(name);
  }

  /** Cells a call read or wrote (the range's area; one for single-cell getters). */
  recordCells(name: string, cells: number): void {
    if (cells > 0) this.cellCounts.set(name, (this.cellCounts.get(name) ?? 0) + cells);
  }

  /** Cells moved per `Class.method`, for methods that move cells. */
  cells(): CallCounts {
    return Object.fromEntries([...this.cellCounts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  snapshot(): CallCounts {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  total(filter: (name: string) => boolean = () => true): number {
    let n = 0;
    for (const [name, count] of this.counts) if (filter(name)) n += count;
    return n;
  }

  reset(): void {
    this.counts.clear();
    this.cellCounts.clear();
    this.serviceMs = 0;
    this.serviceCpuMs = 0;
  }
}

export class NotImplementedError extends Error {
  constructor(member: string) {
    super(`not implemented in the local runtime: ${member}`);
    this.name = 'NotImplementedError';
  }
}

/** Properties that JS machinery probes on any object; never treat them as Apps Script calls. */
const PASS_THROUGH = new Set([
  'then',
  'toJSON',
  'constructor',
  'inspect',
  'asymmetricMatch',
  'nodeType',
  '$$typeof',
  'toString',
  'valueOf',
]);

const targets = new WeakMap<object, object>();

/** The runtime-internal object behind a service proxy: runtime code uses it to avoid counting its own calls. */
export function raw<T extends object>(value: T): T {
  return (targets.get(value) as T | undefined) ?? value;
}

/** The cells a call on a service object moves, given the method name (0 when it moves none). */
export type CellsOf = (method: string) => number;

const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/**
 * Marks a class instance as a service object: counted calls, unknown members throw. `cellsOf`
 * (ranges, sheets) tells how many cells each call moves; they count when the call succeeds.
 */
export function service<T extends object>(target: T, className: string, log: CallLog, cellsOf?: CellsOf): T {
  if (targets.has(target)) return target;
  const proxy = new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop === 'symbol' || PASS_THROUGH.has(prop)) return Reflect.get(obj, prop, receiver);
      const value = Reflect.get(obj, prop, obj);
      if (value === undefined && !(prop in obj)) {
        return () => {
          throw new NotImplementedError(`${className}.${prop}`);
        };
      }
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      return function counted(...args: unknown[]) {
        const name = `${className}.${prop}`;
        log.record(name);
        const started = performance.now();
        const startedCpu = log.depth === 0 ? cpuMs() : 0;
        // Counted before the call (a clear empties what it counts), recorded once it succeeds.
        const cells = cellsOf?.(prop) ?? 0;
        log.depth++;
        let moved = 0;
        try {
          const result = method.apply(obj, args);
          log.recordCells(name, cells);
          moved = cells;
          return result;
        } finally {
          log.depth--;
          log.afterCall?.(name, moved);
          if (log.depth === 0) {
            log.serviceMs += performance.now() - started;
            log.serviceCpuMs += cpuMs() - startedCpu;
          }
        }
      };
    },
    set() {
      return false;
    },
  });
  targets.set(proxy, target);
  return proxy;
}
