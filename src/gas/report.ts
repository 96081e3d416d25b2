/**
 * Generate report: refresh formulas, then rewrite OpsPlan's Report tab whole and snapshot History.
 * Both tabs are OpsPlan's own, found by their mark (src/gas/ownership.ts): a team's tab of the
 * same name is never written.
 */
import { clampCell, literal } from '../core/cells';
import { historyWrite, readHistory } from '../core/history';
import { ROWS_GROWTH } from '../core/limits';
import { HISTORY_TAB, REPORT_TAB } from '../core/ownership';
import { buildPlanModel, type PlanModel } from '../core/plan-model';
import { buildReport, type HistoryEntry, type ReportModel } from '../core/report';
import { reportCharts, riskHeatMap } from '../core/report-charts';
import { REPORT_WIDTH, type ReportCell, reportGrid } from '../core/report-layout';
import { HISTORY } from '../core/spec/tabs';
import { readPlan } from './check';
import { findGenerated, generatedTabForWriting, ownedTabs } from './ownership';
import { refreshAll, todayIn } from './plan-actions';
import { drawReportCharts } from './report-charts';
import { indexSheets, readTab, type SheetIndex, type TabData } from './tabs';

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
): ReportRun & {
  history: { header: readonly unknown[]; rows: readonly (readonly unknown[])[]; entries: HistoryEntry[] };
} {
  const { input, timeZone, gids } = readPlan(ss, { formulas: false, reuse, index });
  const today = todayIn(timeZone);
  const generatedAt = Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm z');
  const historyFound = findGenerated(ss, owned, HISTORY_TAB);
  const historyTab =
    historyFound &&
    readTab(index, HISTORY, false, { name: historyFound.sheet.getName(), sheet: historyFound.sheet });
  const reportSheet = findGenerated(ss, owned, REPORT_TAB)?.sheet;
  const reportName = reportSheet?.getName() ?? REPORT_TAB.name;
  const model = buildPlanModel(input);
  const entries = historyTab ? readHistory(historyTab.table.input) : [];
  const report = buildReport(model, today, entries);
  const allGids = reportSheet ? { ...gids, [reportName]: reportSheet.getSheetId() } : gids;
  return {
    model,
    report,
    generatedAt,
    reportSheet: reportName,
    gids: allGids,
    url: ss.getUrl(),
    notices: [],
    history: { header: historyTab?.table.header ?? [], rows: historyTab?.table.input.rows ?? [], entries },
  };
}

/** Generate report: formulas refreshed, the Report tab rewritten whole, today's History snapshot. */
export function generateReport(ss: Spreadsheet): ReportRun {
  // Refreshing writes formulas, never tabs: one sheet list serves both steps.
  const index = indexSheets(ss);
  const refreshed = refreshAll(ss, index);
  const owned = ownedTabs(ss);
  const notices: string[] = [];
  const run = prepareReport(ss, refreshed.unchanged, index, owned);
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
    writeHistory(
      history.sheet,
      history.created,
      run.history.rows,
      run.history.header,
      run.model,
      run.report.today,
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
  sheet.clear();
  const rows = grid.length;
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

/** History's KPI ID column (1-based): text, so IDs such as 1E3 or $5 stay IDs. */
const HISTORY_ID_COLUMN = HISTORY.columns.findIndex((c) => c.key === 'kpiId') + 1;

function writeHistory(
  sheet: Sheet,
  created: boolean,
  rows: readonly (readonly unknown[])[],
  header: readonly unknown[],
  model: PlanModel,
  today: number,
): void {
  let head = header;
  if (created) {
    head = HISTORY.columns.map((c) => c.header);
    sheet
      .getRange(1, 1, 1, head.length)
      .setValues([head as string[]])
      .setFontWeight('bold');
    sheet.setFrozenRows(1);
    sheet.getRange(2, 1, sheet.getMaxRows() - 1, 1).setNumberFormat('yyyy-mm-dd');
    sheet.getRange(2, 4, sheet.getMaxRows() - 1, 1).setNumberFormat('0%');
  }
  const write = historyWrite(rows, head, model.kpis, today);
  const needed = write.startRow + write.rows.length - 1;
  const maxRows = sheet.getMaxRows();
  if (maxRows < needed) sheet.insertRowsAfter(maxRows, needed - maxRows + ROWS_GROWTH);
  // The ID cells are made text first (a History from an earlier version may lack the format); a
  // text cell keeps what is written as it is, so IDs go in without the apostrophe.
  sheet.getRange(write.startRow, HISTORY_ID_COLUMN, write.rows.length, 1).setNumberFormat('@');
  sheet
    .getRange(write.startRow, 1, write.rows.length, HISTORY.columns.length)
    .setValues(
      write.rows.map((r) =>
        r.map((v, i) =>
          typeof v !== 'string' ? v : i === HISTORY_ID_COLUMN - 1 ? clampCell(v) : literal(v),
        ),
      ),
    );
}
