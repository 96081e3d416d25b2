/**
 * The cost model: what an operation would take on Apps Script, from what it did locally. The
 * constants and the classification of calls live in local/runtime/cost-model.ts, shared with the
 * runtime's modeled clock; bench/README.md cites each constant and says which figures are our
 * margin rather than a measurement.
 */

export type { CostConstants, Estimate } from '../local/runtime/cost-model.js';
export {
  CELL_READ,
  CELL_WRITE,
  CONSTANTS,
  isSpreadsheetCall,
  MENU_BUILDER,
  messageBytes,
  PROPERTY_READ,
  PROPERTY_WRITE,
  SPREADSHEET_CALL,
} from '../local/runtime/cost-model.js';
import { CONSTANTS, type CostConstants } from '../local/runtime/cost-model.js';

/** What an operation did, as the model prices it. */
export interface Work {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  mailBytes: number;
  propertyReads: number;
  propertyWrites: number;
  /** The script's own CPU, ms (Apps Script runs the same JavaScript). */
  scriptMs: number;
}

/** Modeled Apps Script seconds. */
export function modeledSeconds(work: Work, c: CostConstants): number {
  const ms =
    work.calls * c.callMs +
    (work.cellsRead * c.readUs + work.cellsWritten * c.writeUs + work.mailBytes * c.mailByteUs) / 1000 +
    work.propertyReads * c.propertyReadMs +
    work.propertyWrites * c.propertyWriteMs +
    work.scriptMs;
  return ms / 1000;
}

/** The least an operation can cost: each cell it needs read once, each cell it must change written once, its mail sent. */
export interface Floor {
  cellsRead: number;
  cellsWritten: number;
  mailBytes: number;
}

export function floorSeconds(floor: Floor, c: CostConstants = CONSTANTS.central): number {
  return (floor.cellsRead * c.readUs + floor.cellsWritten * c.writeUs + floor.mailBytes * c.mailByteUs) / 1e6;
}
