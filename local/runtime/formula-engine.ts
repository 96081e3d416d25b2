/**
 * The real formula engine behind the local runtime: HyperFormula, configured to agree with
 * Google Sheets on what OpsPlan generates. Where it cannot agree, formulas are rejected with a
 * clear error rather than computed to a silently different value.
 */
import { CellValueDetailedType, type ConfigParams, FunctionPlugin, HyperFormula } from 'hyperformula';

// HyperFormula does not export its AST and interpreter-state types; the plugin only passes them on.
type ProcedureAst = { args: never[] };
type InterpreterState = never;
import { isCustomFunctionName } from './custom-functions.js';
import { type ConditionalsContext, registerLazyConditionals } from './lazy-conditionals.js';
import { registerDirectIndex, speedUpLookups } from './lookup-speedups.js';
import { serialFromInstant } from './tz.js';

export interface EngineContext extends ConditionalsContext {
  now(): number;
  timeZone(): string;
}

/** TODAY() and NOW() read the runtime's clock in the spreadsheet's time zone, not the host's. */
class ClockFunctions extends FunctionPlugin {
  static override implementedFunctions = {
    TODAY: {
      method: 'today',
      parameters: [],
      isVolatile: true,
      returnNumberType: CellValueDetailedType.NUMBER_DATE,
    },
    NOW: {
      method: 'now',
      parameters: [],
      isVolatile: true,
      returnNumberType: CellValueDetailedType.NUMBER_DATETIME,
    },
  };

  private context(): EngineContext {
    return this.config.context as EngineContext;
  }

  today(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata('TODAY'), () =>
      Math.floor(serialFromInstant(this.context().now(), this.context().timeZone())),
    );
  }

  now(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata('NOW'), () =>
      serialFromInstant(this.context().now(), this.context().timeZone()),
    );
  }
}

let registered = false;
function registerClockFunctions(): void {
  if (registered) return;
  for (const id of ['TODAY', 'NOW']) {
    HyperFormula.unregisterFunction(id);
    HyperFormula.registerFunction(id, ClockFunctions);
  }
  registered = true;
}

export function createEngine(context: EngineContext): HyperFormula {
  registerClockFunctions();
  registerLazyConditionals();
  registerDirectIndex();
  const config: Partial<ConfigParams> = {
    licenseKey: 'gpl-v3',
    context,
    useArrayArithmetic: true,
    dateFormats: ['YYYY-MM-DD', 'MM/DD/YYYY', 'YYYY/MM/DD'],
    timeFormats: ['hh:mm', 'hh:mm:ss.sss'],
    // Sheets compares text case-insensitively, like HyperFormula's defaults; keep them explicit.
    caseSensitive: false,
    accentSensitive: false,
    // Sheets treats an empty cell as 0 / "" and 1/0 as #DIV/0!.
    evaluateNullToZero: true,
    // Apps Script returns raw doubles (dates keep their milliseconds); no display rounding here.
    smartRounding: false,
    leapYear1900: false,
    nullDate: { year: 1899, month: 12, day: 30 },
    functionArgSeparator: ',',
    decimalSeparator: '.',
    thousandSeparator: '',
    // Sheets bounds a spreadsheet by cells (10 million, docs/APPS-SCRIPT.md), not by rows:
    // HyperFormula's own default of 40,000 rows a sheet would refuse a History that Sheets holds.
    maxRows: 10_000_000,
    // Exact MATCH answers from an index of each column instead of comparing every cell. Faithful:
    // the index keys values normalised as MATCH compares them, ignoring case and accents as the two
    // settings above do (lookup-speedups.ts relies on it for keys it lacks).
    useColumnIndex: true,
  };
  const hf = HyperFormula.buildEmpty(config);
  speedUpLookups(hf);
  // Sheets knows bare TRUE and FALSE; HyperFormula only knows TRUE() and FALSE().
  hf.addNamedExpression('TRUE', '=TRUE()');
  hf.addNamedExpression('FALSE', '=FALSE()');
  return hf;
}

/** Functions whose HyperFormula results differ from Google Sheets in ways tests have seen. */
const DIFFERS_FROM_SHEETS: Record<string, string> = {
  TEXT: 'TEXT() number and date formats differ from Google Sheets (TEXT(0.5,"0%") gives "1%")',
};

const OPEN_RANGE = /(^|[^A-Za-z0-9_$])\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}(?![A-Za-z0-9_$(!])/;
const FUNCTION_NAME = /([A-Za-z][A-Za-z0-9._]*)\s*\(/g;

export class UnsupportedFormulaError extends Error {
  constructor(formula: string, reason: string) {
    super(`The local runtime cannot compute ${formula} the way Google Sheets does: ${reason}.`);
    this.name = 'UnsupportedFormulaError';
  }
}

/**
 * Throws for formulas the engine would compute differently from Sheets (never a silent wrong value).
 * `callable` are the script functions this spreadsheet's cells may call (custom functions).
 */
export function assertFormulaSupported(
  formula: string,
  callable: ReadonlyMap<string, string> = new Map(),
): void {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  if (OPEN_RANGE.test(code)) {
    throw new UnsupportedFormulaError(
      formula,
      'open-ended ranges such as A2:A are not supported; give the last row',
    );
  }
  const known = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
  for (const match of code.matchAll(FUNCTION_NAME)) {
    const name = match[1]!.toUpperCase();
    const reason = DIFFERS_FROM_SHEETS[name];
    if (reason) throw new UnsupportedFormulaError(formula, reason);
    if (!known.has(name) || (isCustomFunctionName(name) && !callable.has(name)))
      throw new UnsupportedFormulaError(
        formula,
        `the function ${name} is not implemented by the formula engine`,
      );
  }
}
