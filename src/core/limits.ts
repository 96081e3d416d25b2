/**
 * Every Apps Script limit OpsPlan designs for, in one place, each with the section of
 * docs/APPS-SCRIPT.md that gives its source. Margins below a limit are OpsPlan's own choices and
 * say so.
 */

// ---- Spreadsheets (docs/APPS-SCRIPT.md#spreadsheets) ----

/** Characters in one cell. */
export const CELL_CHARACTERS = 50_000;
