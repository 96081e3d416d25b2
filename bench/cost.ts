/**
 * The cost model: what an operation would take on Apps Script, from what it did locally. Every
 * constant comes from a public measurement; bench/README.md cites each one and says which figures
 * are our margin rather than a measurement.
 */

export interface CostConstants {
  /** One spreadsheet service call, ms. */
  callMs: number;
  /** One cell read (getValues, getFormulas, …), µs. */
  readUs: number;
  /** One cell written (setValues, setFormulas, formats, clears), µs. */
  writeUs: number;
  /** One byte of mail sent, µs. */
  mailByteUs: number;
  /** One PropertiesService read (get, keys), ms. */
  propertyReadMs: number;
  /** One PropertiesService write (set, delete), ms. */
  propertyWriteMs: number;
}

export type Estimate = 'low' | 'central' | 'high';

export const CONSTANTS: Record<Estimate, CostConstants> = {
  low: { callMs: 7, readUs: 15.5, writeUs: 12, mailByteUs: 6, propertyReadMs: 20, propertyWriteMs: 43 },
  central: { callMs: 7, readUs: 31, writeUs: 35, mailByteUs: 12, propertyReadMs: 30, propertyWriteMs: 62 },
  high: { callMs: 14, readUs: 62, writeUs: 100, mailByteUs: 24, propertyReadMs: 84, propertyWriteMs: 231 },
};

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

/** Which PropertiesService methods read and which write. */
export const PROPERTY_READ = /^Properties\.(getProperty|getProperties|getKeys)$/;
export const PROPERTY_WRITE = /^Properties\.(setProperty|setProperties|deleteProperty|deleteAllProperties)$/;
