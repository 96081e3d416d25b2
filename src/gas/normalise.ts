/**
 * Normalise values: the preview lists every cell Check reports as non-canonical; applying rewrites
 * only the cells the user saw that still hold what they saw, one setValues per block of adjacent
 * rows of a column. Nothing else on the sheet is touched.
 */
import {
  type Normalisation,
  normalisationBlocks,
  normalisations,
  type NormaliseSelection,
  selectNormalisations,
} from '../core/normalise';
import { planTables } from '../core/tables';
import { readPlan } from './check';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface NormalisePreview {
  cells: Pick<Normalisation, 'sheetName' | 'cell' | 'header' | 'from' | 'to'>[];
}

function current(ss: Spreadsheet): Normalisation[] {
  return normalisations(planTables(readPlan(ss, { formulas: false }).input));
}

export function previewNormalise(ss: Spreadsheet): NormalisePreview {
  return {
    cells: current(ss).map(({ sheetName, cell, header, from, to }) => ({
      sheetName,
      cell,
      header,
      from,
      to,
    })),
  };
}

export function applyNormalise(
  ss: Spreadsheet,
  selection: NormaliseSelection,
): { written: number; skipped: number; writes: number } {
  const { apply, skipped } = selectNormalisations(current(ss), selection);
  const blocks = normalisationBlocks(apply);
  for (const block of blocks)
    ss.getSheetByName(block.sheetName)!
      .getRange(block.row, block.column, block.values.length, 1)
      .setValues(block.values.map((v) => [v]));
  return { written: apply.length, skipped, writes: blocks.length };
}
