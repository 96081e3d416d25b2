/**
 * R1C1 references (Range.setFormulaR1C1 / getFormulaR1C1,
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setformular1c1formula):
 * `R[-1]C[2]` is relative to the cell holding the formula, `R3C1` absolute; conversion touches only
 * references outside string literals.
 */
import { columnToLetters, lettersToColumn } from './a1.js';

/** Applies `replace` to the parts of a formula outside "string literals". */
function outsideStrings(formula: string, replace: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : replace(part)))
    .join('');
}

const A1_REF = /(^|[^A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;
const R1C1_REF = /(^|[^A-Za-z0-9_.])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(])/gi;

export function a1FormulaToR1C1(formula: string, row: number, column: number): string {
  return outsideStrings(formula, (code) =>
    code.replace(
      A1_REF,
      (_w, pre: string, colAbs: string, letters: string, rowAbs: string, digits: string) => {
        const c = lettersToColumn(letters);
        const r = Number(digits);
        const rPart = rowAbs ? `R${r}` : `R[${r - row}]`;
        const cPart = colAbs ? `C${c}` : `C[${c - column}]`;
        return `${pre}${rPart}${cPart}`;
      },
    ),
  );
}

export function r1c1FormulaToA1(formula: string, row: number, column: number): string {
  return outsideStrings(formula, (code) =>
    code.replace(R1C1_REF, (_w, pre: string, r: string | undefined, c: string | undefined) => {
      const part = (text: string | undefined, base: number): [number, boolean] =>
        text === undefined
          ? [base, false]
          : text.startsWith('[')
            ? [base + Number(text.slice(1, -1)), false]
            : [Number(text), true];
      const [rr, rAbs] = part(r, row);
      const [cc, cAbs] = part(c, column);
      return `${pre}${cAbs ? '$' : ''}${columnToLetters(cc)}${rAbs ? '$' : ''}${rr}`;
    }),
  );
}
