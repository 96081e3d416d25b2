/**
 * Refresh KPI status: writes only the computed cells whose formula is missing or is OpsPlan's and
 * out of date, one setFormulas per block of adjacent cells, under the document lock its callers
 * hold. Collaborators keep editing while a script runs, so right before writing a block it reads
 * the block again: a cell that changed since the tab was read is kept and reported, not written.
 */
import {
  type FormulaBlock,
  formulaBlocks,
  type FormulaCell,
  type FormulaConflict,
  type FormulaPlan,
  formulaPlan,
} from '../core/refresh';
import { isBlank, preview } from '../core/values';
import type { TabData } from './tabs';

export function refreshTab(tab: RefreshTab): FormulaPlan {
  const plan = formulaPlan(tab.table);
  const conflicts = [...plan.conflicts];
  for (const block of plan.blocks) writeBlock(tab, block, conflicts);
  return { ...plan, conflicts };
}

/** What Refresh reads of a tab: a whole read, or only what it needs (readForRefresh). */
type RefreshTab = Pick<TabData, 'sheet' | 'table'>;

const rangeOf = (tab: RefreshTab, block: FormulaBlock) =>
  tab.sheet.getRange(block.row, block.column, block.cells.length, block.cells[0]!.length);

function writeBlock(tab: RefreshTab, block: FormulaBlock, conflicts: FormulaConflict[]): void {
  const range = rangeOf(tab, block);
  const formulas = range.getFormulas();
  const values = block.cells.some((line) => line.some((c) => c.read === '')) ? range.getValues() : [];
  const unchanged: FormulaCell[] = [];
  block.cells.forEach((line, r) =>
    line.forEach((cell, c) => {
      const formula = formulas[r]![c]!;
      const value: unknown = values[r]?.[c];
      if (formula === cell.read && (formula !== '' || isBlank(value))) return unchanged.push(cell);
      const kind = formula === '' ? 'value' : 'formula';
      conflicts.push({
        row: cell.row,
        column: cell.column,
        header: cell.header,
        kind,
        value: preview(kind === 'value' ? value : formula),
      });
    }),
  );
  const formulasOf = (b: FormulaBlock) => b.cells.map((line) => line.map((c) => c.formula));
  if (unchanged.length === block.cells.length * block.cells[0]!.length) range.setFormulas(formulasOf(block));
  else for (const b of formulaBlocks(unchanged)) rangeOf(tab, b).setFormulas(formulasOf(b));
}
