/**
 * Custom functions (https://developers.google.com/apps-script/guides/sheets/functions): a formula
 * such as `=DOUBLE(A1:B2)` calls the script's global function `double` with the cell values (a
 * single value for a cell, a two-dimensional array for a range, dates as Date objects, empty cells
 * as ''); what it returns fills the cell, and a two-dimensional array spills into the cells below
 * and to the right. A thrown error shows as #ERROR!. Function names ending in `_` are private and
 * cannot be called from a cell; built-in function names win over script functions.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  type FunctionPluginDefinition,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';

import { isDateValue } from './errors.js';

/** A cell address inside the engine (0-based). */
export interface EngineAddress {
  sheet: number;
  row: number;
  col: number;
}

/** What the workbook supplies to evaluate custom functions in one engine. */
export interface CustomFunctionHost {
  /** Converts an engine value read from `at` (if it came from a cell) into what Apps Script passes. */
  scriptValue(value: unknown, at: EngineAddress | undefined): unknown;
  /** Runs the script function; throws the script's error. */
  invoke(name: string, args: unknown[]): unknown;
  /** Turns a Date returned by the script into a serial number, marking the cell as a date. */
  serialOfDate(date: Date, at: EngineAddress): number;
  /** The array size the formula at `at` produced last time (1×1 until it has run). */
  sizeAt(at: EngineAddress): { width: number; height: number };
  /** Records the size a formula produced; the workbook re-lays out formulas whose size changed. */
  reportSize(at: EngineAddress, size: { width: number; height: number }): void;
}

type Ast = {
  type: string;
  args: Ast[];
  reference?: { toSimpleCellAddress(base: EngineAddress): EngineAddress };
};
type State = { formulaAddress: EngineAddress };

const registered = new Set<string>();

/** The names a cell may call for these script functions (upper case), skipping built-ins and private ones. */
export function callableNames(functionNames: string[]): Map<string, string> {
  const builtins = new Set(HyperFormula.getRegisteredFunctionNames('enGB').filter((n) => !registered.has(n)));
  const out = new Map<string, string>();
  for (const name of functionNames) {
    const id = name.toUpperCase();
    if (name.endsWith('_') || builtins.has(id) || !/^[A-Z_][A-Z0-9_.]*$/.test(id)) continue;
    out.set(id, name);
  }
  return out;
}

/** Names registered with the engine for some script (so other workbooks can tell them from built-ins). */
export const isCustomFunctionName = (id: string): boolean => registered.has(id);

function hostOf(plugin: FunctionPlugin): CustomFunctionHost | undefined {
  return (plugin as unknown as { config: { context?: { customFunctions?: CustomFunctionHost } } }).config
    .context?.customFunctions;
}

function toScript(
  host: CustomFunctionHost,
  value: unknown,
  ast: Ast | undefined,
  base: EngineAddress,
): unknown {
  if (value instanceof SimpleRangeValue) {
    const range = (value as unknown as { range?: { start: EngineAddress } }).range;
    return value.data.map((line, i) =>
      line.map((v, j) =>
        host.scriptValue(
          v,
          range
            ? { sheet: range.start.sheet, row: range.start.row + i, col: range.start.col + j }
            : undefined,
        ),
      ),
    );
  }
  const at = ast?.type === 'CELL_REFERENCE' ? ast.reference?.toSimpleCellAddress(base) : undefined;
  return host.scriptValue(value, at);
}

function fromScript(host: CustomFunctionHost, result: unknown, at: EngineAddress): unknown {
  const scalar = (v: unknown, cell: EngineAddress): unknown => {
    if (v === undefined || v === null || v === '') return EmptyValue;
    if (typeof v === 'number') return Number.isFinite(v) ? v : new CellError(ErrorType.NUM);
    if (typeof v === 'string' || typeof v === 'boolean') return v;
    if (isDateValue(v)) return host.serialOfDate(v, cell);
    throw new Error(
      `not implemented in the local runtime: a custom function returning ${Object.prototype.toString.call(v)}`,
    );
  };
  if (!Array.isArray(result)) {
    host.reportSize(at, { width: 1, height: 1 });
    return scalar(result, at);
  }
  // A one-dimensional array fills a column; rows of different lengths are padded with empty cells.
  const rows = (result as unknown[]).map((line) => (Array.isArray(line) ? (line as unknown[]) : [line]));
  if (rows.length === 0 || rows.every((r) => r.length === 0))
    throw new Error('not implemented in the local runtime: a custom function returning an empty array');
  const width = Math.max(...rows.map((r) => r.length));
  host.reportSize(at, { width, height: rows.length });
  const data = rows.map((line, i) =>
    Array.from({ length: width }, (_, j) =>
      scalar(line[j], { sheet: at.sheet, row: at.row + i, col: at.col + j }),
    ),
  );
  return SimpleRangeValue.onlyValues(data as never);
}

function pluginFor(id: string): FunctionPluginDefinition {
  class CustomFunction extends FunctionPlugin {
    static override implementedFunctions = {
      [id]: {
        method: 'call',
        sizeOfResultArrayMethod: 'size',
        vectorizationForbidden: true,
        parameters: [{ argumentType: FunctionArgumentType.ANY, optional: true }],
        repeatLastArgs: 1,
      },
    };
    call(ast: Ast, state: State) {
      const host = hostOf(this);
      if (!host) return new CellError(ErrorType.NAME, `Unknown function: '${id}'.`);
      const base = state.formulaAddress;
      const args = ast.args.map((arg) =>
        (this as unknown as { evaluateAst(a: Ast, s: State): unknown }).evaluateAst(arg, state),
      );
      try {
        const values = args.map((v, i) => toScript(host, v, ast.args[i], base));
        return fromScript(host, host.invoke(id, values), base);
      } catch (error) {
        host.reportSize(base, { width: 1, height: 1 });
        return new CellError(ErrorType.ERROR, (error as Error).message);
      }
    }
    size(_ast: Ast, state: State) {
      const host = hostOf(this);
      const size = host?.sizeAt(state.formulaAddress) ?? { width: 1, height: 1 };
      return new ArraySize(size.width, size.height);
    }
  }
  return CustomFunction as unknown as FunctionPluginDefinition;
}

/** Makes the engine know these names (engines built afterwards, or rebuilt, can call them). */
export function registerCustomFunctionNames(ids: Iterable<string>): boolean {
  let added = false;
  for (const id of ids) {
    if (registered.has(id)) continue;
    HyperFormula.registerFunction(id, pluginFor(id), { enGB: { [id]: id } });
    registered.add(id);
    added = true;
  }
  return added;
}
