/**
 * IF and IFS as Google Sheets evaluates them: the condition first, then only the value it picks.
 * "IF: Returns one value if a logical expression is `TRUE` and another if it is `FALSE`."
 * (https://support.google.com/docs/answer/3093364); "IFS: Evaluates multiple conditions and returns
 * a value that corresponds to the first true condition." (https://support.google.com/docs/answer/7014145).
 * HyperFormula's own IF and IFS compute every argument first, so a formula guarded by IF still pays
 * for the branch it does not take (a whole-column COUNTIFS on every row). Results are the same:
 * whatever is not scalar (a range or array as condition or value, a skipped argument) is handed to
 * HyperFormula's own implementation, and a scalar condition is coerced exactly as it coerces it.
 * test/runtime/formula-engine-speed.test.ts holds both evaluations to the same results.
 */
import {
  CellError,
  EmptyValue,
  ErrorType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';

// HyperFormula does not export its AST and interpreter-state types; the plugin only passes them on.
type Ast = { type: string };
type ProcedureAst = { args: Ast[] };
type InterpreterState = never;
type Scalar = ReturnType<FunctionPlugin['evaluateAst']>;
type Eager = (this: FunctionPlugin, ast: ProcedureAst, state: InterpreterState) => Scalar;

/** The engine context's switch: true evaluates IF and IFS as HyperFormula does (every argument). */
export interface ConditionalsContext {
  eagerConditionals?: boolean;
}

/** HyperFormula's own IF and IFS (BooleanPlugin), taken before ours replace them. */
const EAGER = (() => {
  const plugin = HyperFormula.getFunctionPlugin('IF') as unknown as {
    implementedFunctions: Record<string, Record<string, unknown>>;
    prototype: Record<string, Eager>;
  };
  const method = (id: string) => plugin.implementedFunctions[id]!['method'] as string;
  return {
    IF: { metadata: plugin.implementedFunctions['IF']!, run: plugin.prototype[method('IF')]! },
    IFS: { metadata: plugin.implementedFunctions['IFS']!, run: plugin.prototype[method('IFS')]! },
  };
})();

/** Skipped arguments and ranges go to HyperFormula's own evaluation (array results, broadcasting). */
const NOT_SCALAR = new Set(['EMPTY', 'CELL_RANGE', 'COLUMN_RANGE', 'ROW_RANGE', 'ARRAY']);

/** HyperFormula's coercion of a condition (coerceScalarToBoolean): undefined for text that is no boolean. */
function truth(value: Scalar): boolean | CellError | undefined {
  if (value instanceof CellError || typeof value === 'boolean') return value;
  if (value === EmptyValue) return false;
  if (typeof value === 'string') {
    const upper = value.toUpperCase();
    return upper === 'TRUE' ? true : upper === 'FALSE' || upper === '' ? false : undefined;
  }
  if (typeof value === 'number') return value !== 0;
  // Rich numbers (dates, percentages) carry their value in `val`.
  const raw = (value as { val?: unknown }).val;
  return typeof raw === 'number' ? raw !== 0 : undefined;
}

const SCALAR_SHAPED = new WeakMap<ProcedureAst, boolean>();

const WRONG_TYPE = () =>
  new CellError(ErrorType.VALUE, 'Value of the formula cell is not of the right type.');

export class LazyConditionals extends FunctionPlugin {
  static override implementedFunctions = {
    IF: { ...EAGER.IF.metadata, method: 'lazyIf' },
    IFS: { ...EAGER.IFS.metadata, method: 'lazyIfs' },
  };

  private eager(): boolean {
    return (this.config.context as ConditionalsContext | undefined)?.eagerConditionals === true;
  }

  /**
   * Every argument a scalar by its shape (HyperFormula's own size prediction, no evaluation). Kept
   * per call: HyperFormula shares one AST among the cells of a formula copied down (relative
   * references), and sizes do not depend on the row.
   */
  private scalarShaped(ast: ProcedureAst, state: InterpreterState): boolean {
    let known = SCALAR_SHAPED.get(ast);
    if (known === undefined) {
      known = ast.args.every(
        (a) => !NOT_SCALAR.has(a.type) && this.arraySizeForAst(a as never, state).isScalar(),
      );
      SCALAR_SHAPED.set(ast, known);
    }
    return known;
  }

  lazyIf(ast: ProcedureAst, state: InterpreterState): Scalar {
    const args = ast.args;
    if (this.eager() || args.length < 2 || args.length > 3 || !this.scalarShaped(ast, state))
      return EAGER.IF.run.call(this, ast, state);
    const condition = this.evaluateAst(args[0] as never, state);
    if (condition instanceof SimpleRangeValue) return EAGER.IF.run.call(this, ast, state);
    const chosen = truth(condition);
    if (chosen instanceof CellError) return chosen;
    if (chosen === undefined) return WRONG_TYPE();
    if (chosen) return this.value(ast, args[1]!, state, EAGER.IF.run);
    // A missing value if false is FALSE (HyperFormula's default, Sheets' too).
    return args[2] ? this.value(ast, args[2], state, EAGER.IF.run) : false;
  }

  lazyIfs(ast: ProcedureAst, state: InterpreterState): Scalar {
    const args = ast.args;
    if (this.eager() || args.length < 2 || args.length % 2 !== 0 || !this.scalarShaped(ast, state))
      return EAGER.IFS.run.call(this, ast, state);
    for (let i = 0; i < args.length; i += 2) {
      const condition = this.evaluateAst(args[i] as never, state);
      if (condition instanceof SimpleRangeValue) return EAGER.IFS.run.call(this, ast, state);
      const chosen = truth(condition);
      if (chosen instanceof CellError) return chosen;
      if (chosen === undefined) return WRONG_TYPE();
      if (chosen) return this.value(ast, args[i + 1]!, state, EAGER.IFS.run);
    }
    return new CellError(ErrorType.NA, 'No conditions were met.');
  }

  /** The chosen value; one that turns out not to be scalar is left to HyperFormula's own evaluation. */
  private value(ast: ProcedureAst, arg: Ast, state: InterpreterState, eager: Eager): Scalar {
    const value = this.evaluateAst(arg as never, state);
    return value instanceof SimpleRangeValue ? eager.call(this, ast, state) : value;
  }
}

let registered = false;
/** Replaces HyperFormula's IF and IFS with the lazy ones, for every engine built afterwards. */
export function registerLazyConditionals(): void {
  if (registered) return;
  for (const id of ['IF', 'IFS']) {
    HyperFormula.unregisterFunction(id);
    HyperFormula.registerFunction(id, LazyConditionals);
  }
  registered = true;
}
