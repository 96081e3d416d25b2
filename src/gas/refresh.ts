/**
 * Refresh KPI status: one formula per data row in every formula column, written in one
 * setFormulas per block of adjacent columns and rows. A value someone typed into a formula
 * column is kept and reported, never overwritten.
 */
import { type FormulaBlock, type FormulaPlan, formulaPlan } from '../core/refresh';
import type { TabData } from './tabs';

export function refreshTab(tab: TabData): FormulaPlan {
  const plan = formulaPlan(tab.table);
  for (const block of plan.blocks) writeBlock(tab, block);
  return plan;
}

function writeBlock(tab: TabData, block: FormulaBlock): void {
  tab.sheet
    .getRange(block.row, block.column, block.formulas.length, block.formulas[0]!.length)
    .setFormulas(block.formulas);
}
