/**
 * Generate report: refresh formulas, snapshot History, then rewrite OpsPlan's Report tab whole, in
 * stages that continue in a follow-up run when one execution is not enough. Both tabs are
 * OpsPlan's own, found by their mark (src/gas/ownership.ts): a team's tab of the same name is never
 * written.
 */
import { clampCell, literal } from '../core/cells';
import { REPORT_STAGE_BUDGET_MS } from '../core/limits';
import { HISTORY_TAB, REPORT_TAB } from '../core/ownership';
import { buildPlanModel, type PlanModel } from '../core/plan-model';
import { buildReport, type ReportModel } from '../core/report';
import { reportCharts, riskHeatMap } from '../core/report-charts';
import { GENERATED_LINE, REPORT_WIDTH, type ReportCell, reportGrid } from '../core/report-layout';
import { continuingLine, mayStartStage, type ReportStage } from '../core/report-stages';
import { type RaciNeed, readPlan } from './check';
import { type HistoryRead, readHistoryForReport, writeHistorySnapshot } from './history';
import { findGenerated, generatedTabForWriting, ownedTabs } from './ownership';
import { refreshAll, todayIn } from './plan-actions';
import { drawReportCharts } from './report-charts';
import {
  clearProgress,
  describeFollowUp,
  type FollowUp,
  loadProgress,
  removeFollowUps,
  saveProgress,
} from './report-follow-up';
import { cacheStore } from './state-store';
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

type PreparedReport = ReportRun & { history: HistoryRead };

/** The report as it stands, read only: for previews. */
export function prepareReport(
  ss: Spreadsheet,
  reuse?: ReadonlyMap<string, TabData>,
  index: SheetIndex = indexSheets(ss),
  owned: Map<string, Sheet> = ownedTabs(ss),
  withRaci: RaciNeed = true,
): PreparedReport {
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

export interface ReportOptions {
  /** Whether the RACI tab is read: escalations and FYI digests need it, the report does not. */
  withRaci?: RaciNeed;
  /** When the execution started (Date.now()): the stage budget counts from there. */
  started?: number;
  /**
   * Arranges the rest of a report that stops at its budget: Generate report from the menu or the
   * sidebar sets a one-off trigger (src/gas/report-follow-up.ts); without it, the caller's next run
   * continues (the scheduled pipeline's next run, or the person running it again).
   */
  followUp?: (ss: Spreadsheet) => FollowUp;
}

export type ReportOutcome =
  | ({ complete: true } & ReportRun)
  | { complete: false; done: ReportStage[]; followUp: FollowUp; message: string };

/**
 * Generate report, in stages (src/core/report-stages.ts): formulas refreshed, this week's History
 * snapshot, then the Report tab rewritten whole. A stage starts only within REPORT_STAGE_BUDGET_MS
 * of the execution's start (the run's first stage always); otherwise the run keeps what it did in
 * the progress and stops, and the next run resumes after the last stage done, so nothing is done
 * twice. The caller holds the document lock, as every writer of the plan does.
 */
export function generateReport(ss: Spreadsheet, options: ReportOptions = {}): ReportOutcome {
  const started = options.started ?? Date.now();
  // Refreshing writes formulas, never tabs: one sheet list serves every stage.
  const index = indexSheets(ss);
  const today = todayIn(index.timeZone);
  const store = cacheStore(ss.getId());
  const progress = loadProgress(store, today);
  const done = new Set<ReportStage>(progress?.done ?? []);
  let stagesThisRun = 0;
  const mayStart = () => mayStartStage(Date.now() - started, stagesThisRun, REPORT_STAGE_BUDGET_MS);
  let reuse: ReadonlyMap<string, TabData> | undefined;
  if (!done.has('refresh')) {
    reuse = refreshAll(ss, index, 'whole').unchanged;
    done.add('refresh');
    stagesThisRun++;
  }
  const owned = ownedTabs(ss);
  // What the user is told, the Report's first: its stage comes last, History's before it.
  const notices: string[] = [];
  const historyNotices: string[] = [];
  const startedAt =
    progress?.startedAt ?? Utilities.formatDate(new Date(started), index.timeZone, 'yyyy-MM-dd HH:mm z');
  const stop = (): ReportOutcome => {
    saveProgress(store, { day: progress?.day ?? today, startedAt, done: [...done] });
    findGenerated(ss, owned, REPORT_TAB)
      ?.sheet.getRange(GENERATED_LINE + 1, 1)
      .setValue(continuingLine(startedAt));
    const followUp = options.followUp?.(ss) ?? 'next run';
    return { complete: false, done: [...done], followUp, message: describeFollowUp(followUp) };
  };
  let prepared: PreparedReport | undefined;
  const prepare = () => (prepared ??= prepareReport(ss, reuse, index, owned, options.withRaci ?? false));

  if (!done.has('snapshot')) {
    if (!mayStart()) return stop();
    const run = prepare();
    if (run.model.kpis.length) {
      const history = generatedTabForWriting(ss, owned, HISTORY_TAB, historyNotices);
      writeHistorySnapshot(
        history.sheet,
        history.created,
        run.history,
        run.model.kpis,
        run.report.today,
        index.timeZone,
      );
    }
    done.add('snapshot');
    stagesThisRun++;
  }

  if (!mayStart()) return stop();
  const run = prepare();
  const { sheet } = generatedTabForWriting(ss, owned, REPORT_TAB, notices);
  const gids = { ...run.gids, [sheet.getName()]: sheet.getSheetId() };
  writeReportTab(sheet, run, gids, startedAt);
  if (progress) {
    clearProgress(store);
    removeFollowUps(ss);
  }
  return {
    complete: true,
    model: run.model,
    report: run.report,
    generatedAt: run.generatedAt,
    reportSheet: sheet.getName(),
    gids,
    url: run.url,
    notices: [...notices, ...historyNotices],
  };
}

/**
 * The Report stage: the grid, its charts, and last the line that says when it was generated. Until
 * that last write the line says the report is being regenerated, so a run killed mid-write never
 * leaves a Report a reader could take for complete.
 */
function writeReportTab(sheet: Sheet, run: PreparedReport, gids: Record<string, number>, startedAt: string) {
  const grid = reportGrid(run.report, run.generatedAt);
  const generatedLine = grid[GENERATED_LINE]![0]!;
  const final = String(generatedLine.value);
  generatedLine.value = continuingLine(startedAt);
  writeGrid(sheet, grid, gids);
  const { riskLowMax: low, riskMediumMax: medium, riskHighMax: high } = run.model.settings;
  drawReportCharts(
    sheet,
    reportCharts(run.report, run.history.entries),
    riskHeatMap(run.model.risks, { low, medium, high }),
    REPORT_WIDTH + 2,
  );
  sheet.getRange(GENERATED_LINE + 1, 1).setValue(literal(final));
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
