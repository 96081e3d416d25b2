/**
 * Bookkeeping that makes HyperFormula's lookups over whole columns cost what they cost in a
 * spreadsheet, without changing any result: each formula is linked to a column once, an exact
 * MATCH answers from the column index, and INDEX reads the one cell it returns. The goal roll-up
 * (src/core/formulas.ts) looks up IDs and Parents over whole columns on every row, and without
 * these, building a 10,000-row plan took hours (quadratic in rows, several times over).
 * test/runtime/formula-engine-speed.test.ts holds results to HyperFormula's own.
 */
import { FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';

/** A range a formula depends on, as HyperFormula's dependency graph holds it (not exported by it). */
interface RangeDependency {
  start: { sheet: number; col: number; row: number };
  end: { col: number; row: number };
  isFinite(): boolean;
}
interface DependencyGraphInternals {
  processCellDependencies(dependencies: unknown[], endVertex: { idInGraph?: number }): void;
  getRange(start: unknown, end: unknown): { idInGraph?: number } | undefined;
  graph: { hasNode(node: unknown): boolean; addEdge(from: unknown, to: unknown): void };
}
const isRange = (dependency: unknown): dependency is RangeDependency =>
  typeof (dependency as RangeDependency).isFinite === 'function';

let linking = false;
/**
 * Bookkeeping only, no change to any result: HyperFormula links a formula to a whole column
 * (`$D:$D`) by visiting every cell of the column, for every occurrence of the reference in every
 * formula, although the column's range node is linked to each of its cells once, when it is first
 * made, and to every cell set later (HyperFormula's correctInfiniteRangesDependency). The roll-up
 * formulas name a few columns many times on each of 10,000 rows, which made building a plan
 * quadratic. A whole column whose range node exists is linked to the formula directly; a repeated
 * range in one formula is linked once.
 */
function linkWholeColumnsOnce(hf: HyperFormula): void {
  if (linking) return;
  const graph = (hf as unknown as { _dependencyGraph: DependencyGraphInternals })._dependencyGraph;
  const prototype = Object.getPrototypeOf(graph) as DependencyGraphInternals;
  const process = prototype.processCellDependencies;
  prototype.processCellDependencies = function (this: DependencyGraphInternals, dependencies, endVertex) {
    const seen = new Set<string>();
    const rest = dependencies.filter((dependency) => {
      if (!isRange(dependency)) return true;
      const { start, end } = dependency;
      const key = `${start.sheet}!${start.col},${start.row}:${end.col},${end.row}`;
      if (seen.has(key)) return false;
      seen.add(key);
      if (dependency.isFinite()) return true;
      const vertex = this.getRange(start, end);
      if (vertex === undefined || !this.graph.hasNode(vertex)) return true;
      this.graph.addEdge(vertex, endVertex);
      return false;
    });
    process.call(this, rest, endVertex);
  };
  linking = true;
}

interface ColumnIndexInternals {
  find(
    key: unknown,
    range: { range?: unknown },
    options: { ordering?: string; ifNoMatch?: string; returnOccurrence?: string },
  ): number;
  findUsingColumnIndex(key: unknown, range: unknown, occurrence: string): number | undefined;
}

let trusting = false;
/**
 * An exact MATCH of a text key on a range of cells (`useColumnIndex` below) answers from
 * HyperFormula's column index, which holds every cell's value normalised as MATCH compares it
 * (case and accents ignored); a key the index lacks is searched again cell by cell, which can only
 * find nothing. The roll-up looks up a blank Parent above every top-level goal, so that second
 * search made each row scan the ID column. A miss is answered as not found (#N/A) at once;
 * approximate matches, wildcard keys (HyperFormula routes those elsewhere) and non-text keys keep
 * HyperFormula's own search.
 */
function trustColumnIndexMisses(hf: HyperFormula): void {
  if (trusting) return;
  const search = (hf as unknown as { _columnSearch: ColumnIndexInternals })._columnSearch;
  const prototype = Object.getPrototypeOf(search) as ColumnIndexInternals;
  if (typeof prototype.findUsingColumnIndex !== 'function') return;
  const find = prototype.find;
  prototype.find = function (this: ColumnIndexInternals, key, range, options) {
    const exact = options.ordering === 'none' && (options.ifNoMatch ?? 'returnNotFound') === 'returnNotFound';
    if (exact && typeof key === 'string' && range.range !== undefined)
      return this.findUsingColumnIndex(key, range, options.returnOccurrence ?? 'first') ?? -1;
    return find.call(this, key, range, options);
  };
  trusting = true;
}

let iterating = false;
/**
 * A range's values, one by one, from the array HyperFormula makes of them anyway (the same values in
 * the same order) rather than through a generator: COUNTIFS and SUMIFS step through every
 * condition range this way, cell by cell, on every row that counts a Parent's children.
 */
function iterateRangesAsArrays(): void {
  if (iterating) return;
  const prototype = SimpleRangeValue.prototype as unknown as {
    iterateValuesFromTopLeftCorner(): IterableIterator<unknown>;
    valuesFromTopLeftCorner(): unknown[];
  };
  prototype.iterateValuesFromTopLeftCorner = function (this: typeof prototype) {
    return this.valuesFromTopLeftCorner()[Symbol.iterator]();
  };
  iterating = true;
}

/** The bookkeeping changes above, on HyperFormula's classes (once; every engine shares them). */
export function speedUpLookups(hf: HyperFormula): void {
  linkWholeColumnsOnce(hf);
  trustColumnIndexMisses(hf);
  iterateRangesAsArrays();
}

// HyperFormula does not export its AST and interpreter-state types; the plugin only passes them on.
type ProcedureAst = { args: unknown[] };
type InterpreterState = never;
type Value = ReturnType<FunctionPlugin['evaluateAst']>;
type IndexImplementation = (range: SimpleRangeValue, row: number, column: number) => Value;
type RunFunction = (
  args: unknown[],
  state: InterpreterState,
  metadata: unknown,
  implementation: IndexImplementation,
) => Value;

interface CellRange {
  start: { sheet: number; col: number; row: number };
  effectiveEndRow(graph: unknown): number;
  effectiveEndColumn(graph: unknown): number;
}
interface GraphValues {
  getCellValue(address: { sheet: number; col: number; row: number }): Value | SimpleRangeValue;
}

/** HyperFormula's own INDEX, taken before ours replaces it. */
const EAGER_INDEX = (() => {
  const plugin = HyperFormula.getFunctionPlugin('INDEX') as unknown as {
    implementedFunctions: Record<string, Record<string, unknown>>;
    prototype: Record<string, (this: FunctionPlugin, ast: ProcedureAst, state: InterpreterState) => Value>;
  };
  const metadata = plugin.implementedFunctions['INDEX']!;
  return { metadata, run: plugin.prototype[metadata['method'] as string]! };
})();

/**
 * INDEX(range, row, column) with HyperFormula's own argument handling and checks, reading only the
 * cell it returns: HyperFormula's reads every cell of the range first (a whole column, on every row
 * of the roll-up). Whatever the direct read cannot answer as HyperFormula would (a position past the
 * sheet's last row, an array in the cell, a range already computed) is left to HyperFormula's own.
 */
export class DirectIndex extends FunctionPlugin {
  static override implementedFunctions = { INDEX: { ...EAGER_INDEX.metadata, method: 'directIndex' } };

  directIndex(ast: ProcedureAst, state: InterpreterState): Value {
    const graph = this.dependencyGraph as unknown as GraphValues;
    const run = (this as unknown as { runFunction: RunFunction }).runFunction;
    // HyperFormula's INDEX, whose per-cell step is wrapped: this object's runFunction hands it on.
    const direct = Object.create(this) as { runFunction: RunFunction };
    direct.runFunction = (args, s, metadata, own) =>
      run(args, s, metadata, (rangeValue, row, column) => {
        const range = rangeValue.range as unknown as CellRange | undefined;
        const inside =
          range !== undefined &&
          row >= 1 &&
          column >= 1 &&
          row <= rangeValue.height() &&
          column <= rangeValue.width() &&
          range.start.row + row - 1 <= range.effectiveEndRow(graph) &&
          range.start.col + column - 1 <= range.effectiveEndColumn(graph);
        if (inside) {
          const value = graph.getCellValue({
            sheet: range.start.sheet,
            col: range.start.col + column - 1,
            row: range.start.row + row - 1,
          });
          if (!(value instanceof SimpleRangeValue)) return value;
        }
        return own(rangeValue, row, column);
      });
    return EAGER_INDEX.run.call(direct as unknown as FunctionPlugin, ast, state);
  }
}

let registered = false;
/** Replaces HyperFormula's INDEX with the direct one, for every engine built afterwards. */
export function registerDirectIndex(): void {
  if (registered) return;
  HyperFormula.unregisterFunction('INDEX');
  HyperFormula.registerFunction('INDEX', DirectIndex);
  registered = true;
}
