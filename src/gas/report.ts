/**
 * Generate report: refresh formulas, then rewrite OpsPlan's Report tab whole and snapshot History.
 * Both tabs are OpsPlan's own, found by their mark (src/gas/ownership.ts): a team's tab of the
 * same name is never written.
 */
import { clampCell, literal } from '../core/cells';
import { HISTORY_TAB, REPORT_TAB } from '../core/ownership';
import { buildPlanModel, type PlanModel } from '../core/plan-model';
import { buildReport, type ReportModel } from '../core/report';
import { reportCharts, riskHeatMap } from '../core/report-charts';
import { REPORT_WIDTH, type ReportCell, reportGrid } from '../core/report-layout';
import { type RaciNeed, readPlan } from './check';
import { type HistoryRead, readHistoryForReport, writeHistorySnapshot } from './history';
import { findGenerated, generatedTabForWriting, ownedTabs } from './ownership';
import { refreshAll, todayIn } from './plan-actions';
import { drawReportCharts } from './report-charts';
import { indexSheets, type SheetIndex, type TabData } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ReportRun {
  model: PlanModel;
  report: ReportModel;
  generatedAt: string;
  reportSheet: string;
  gids: Record<string, number>;
  url: string;
  /** What the user is told once: a tab name OpsPlan could not use, an earlier version's tab adopted. */
  notices: string[];
}

const COLUMN_WIDTHS = [110, 300, 130, 90, 90, 150, 90, 110, 120];

/** The report as it stands, read only: for previews. */
export function prepareReport(
  ss: Spreadsheet,
  reuse?: ReadonlyMap<string, TabData>,
  index: SheetIndex = indexSheets(ss),
  owned: Map<string, Sheet> = ownedTabs(ss),
  withRaci: RaciNeed = true,
): ReportRun & { history: HistoryRead } {
  const { input, timeZone, gids } = readPlan(ss, { formulas: false, reuse, index, withRaci });
  const today = todayIn(timeZone);
  const generatedAt = Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm z');
  const history = readHistoryForReport(findGenerated(ss, owned, HISTORY_TAB)?.sheet, timeZone, today);
  const reportSheet = findGenerated(ss, owned, REPORT_TAB)?.sheet;
  const reportName = reportSheet?.getName() ?? REPORT_TAB.name;
  const model = buildPlanModel(input);
  const report = buildReport(model, today, history.entries);
  const allGids = reportSheet ? { ...gids, [reportName]: reportSheet.getSheetId() } : gids;
  return {
    model,
    report,
    generatedAt,
    reportSheet: reportName,
    gids: allGids,
    url: ss.getUrl(),
    notices: [],
    history,
  };
}

/**
 * Generate report: formulas refreshed, the Report tab rewritten whole, this week's History
 * snapshot. The RACI tab is read only when the caller needs it (escalations, FYI digests): the
 * report does not.
 */
export function generateReport(ss: Spreadsheet, withRaci: RaciNeed = false): ReportRun {
  // Refreshing writes formulas, never tabs: one sheet list serves both steps.
  const index = indexSheets(ss);
  const refreshed = refreshAll(ss, index, 'whole');
  const owned = ownedTabs(ss);
  const notices: string[] = [];
  const run = prepareReport(ss, refreshed.unchanged, index, owned, withRaci);
  const { sheet } = generatedTabForWriting(ss, owned, REPORT_TAB, notices);
  const gids = { ...run.gids, [sheet.getName()]: sheet.getSheetId() };
  writeGrid(sheet, reportGrid(run.report, run.generatedAt), gids);
  const { riskLowMax: low, riskMediumMax: medium, riskHighMax: high } = run.model.settings;
  drawReportCharts(
    sheet,
    reportCharts(run.report, run.history.entries),
    riskHeatMap(run.model.risks, { low, medium, high }),
    REPORT_WIDTH + 2,
  );
  if (run.model.kpis.length) {
    const history = generatedTabForWriting(ss, owned, HISTORY_TAB, notices);
    writeHistorySnapshot(
      history.sheet,
      history.created,
      run.history,
      run.model.kpis,
      run.report.today,
      index.timeZone,
    );
  }
  return {
    model: run.model,
    report: run.report,
    generatedAt: run.generatedAt,
    reportSheet: sheet.getName(),
    gids,
    url: run.url,
    notices,
  };
}

function writeGrid(sheet: Sheet, grid: ReportCell[][], gids: Record<string, number>): void {
  const rows = grid.length;
  // Every layer below is written whole over the grid: only rows an earlier, longer report left
  // below it need clearing, so no cell is written twice.
  const lastRow = sheet.getLastRow();
  if (lastRow > rows) sheet.getRange(rows + 1, 1, lastRow - rows, sheet.getMaxColumns()).clear();
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (maxColumns < REPORT_WIDTH) sheet.insertColumnsAfter(maxColumns, REPORT_WIDTH - maxColumns);
  const range = sheet.getRange(1, 1, rows, REPORT_WIDTH);
  range.setValues(
    grid.map((line) => line.map((c) => (typeof c.value === 'string' ? literal(c.value) : c.value))),
  );
  range.setBackgrounds(grid.map((line) => line.map((c) => c.background ?? null)));
  range.setFontColors(grid.map((line) => line.map((c) => c.fontColor ?? null)));
  range.setFontWeights(grid.map((line) => line.map((c) => (c.bold ? 'bold' : 'normal'))));
  range.setNumberFormats(grid.map((line) => line.map((c) => c.format ?? '')));
  // Column A carries the links back to each source row: one rich-text write for the column.
  sheet.getRange(1, 1, rows, 1).setRichTextValues(
    grid.map(([c]) => {
      const builder = SpreadsheetApp.newRichTextValue().setText(clampCell(String(c!.value)));
      const gid = c!.link ? gids[c!.link.tab] : undefined;
      return [
        (gid === undefined ? builder : builder.setLinkUrl(`#gid=${gid}&range=A${c!.link!.row}`)).build(),
      ];
    }),
  );
  const title = grid.findIndex((line) => line[0]?.size);
  if (title >= 0) sheet.getRange(title + 1, 1).setFontSize(grid[title]![0]!.size!);
  COLUMN_WIDTHS.forEach((width, i) => sheet.setColumnWidth(i + 1, width));
}
