/**
 * Probes of the runtime's document-level behaviours (issue 12's "wrong results", developer metadata,
 * embedded charts, frozen columns, triggers per document), run locally and on Google like every
 * probe in probes.ts. Each cleans up what it creates outside the scratch sheet.
 */
import { type Probe, RANGE, SHEET } from './probes';

const METADATA = 'https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder';
const CHARTS = 'https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart';
const SCRIPT_APP = 'https://developers.google.com/apps-script/reference/script/script-app';

const KEY = 'opsplan.selftest';

export function documentProbes(): Probe[] {
  return [
    {
      name: 'getLastRow and getLastColumn shrink when the last cells are cleared',
      reference: `${SHEET}#getLastRow()`,
      expected: [4, 3, 2, 2, 'A1:B2'],
      run: ({ sheet }) => {
        sheet.getRange('A1:C4').setValue(1);
        const before = [sheet.getLastRow(), sheet.getLastColumn()];
        sheet.getRange('A3:C4').clearContent();
        sheet.getRange('C1:C2').setValues([[''], ['']]);
        return [...before, sheet.getLastRow(), sheet.getLastColumn(), sheet.getDataRange().getA1Notation()];
      },
    },
    {
      name: 'a CSS colour name or short hex reads back as lowercase #rrggbb',
      reference: `${RANGE}#setBackground(String)`,
      expected: ['#ff0000', '#aabbcc', '#6495ed'],
      run: ({ sheet }) => {
        sheet.getRange('A1').setBackground('red');
        sheet.getRange('A2').setBackground('#ABC');
        sheet.getRange('A3').setBackground('CornflowerBlue');
        return [
          sheet.getRange('A1').getBackground(),
          sheet.getRange('A2').getBackground(),
          sheet.getRange('A3').getBackground(),
        ];
      },
    },
    {
      name: 'onWeekDay().atHour() alone creates a trigger; getUserTriggers lists it for this spreadsheet',
      reference: `${SCRIPT_APP}#getUserTriggers(Spreadsheet)`,
      expected: ['CLOCK', true, 0],
      run: ({ spreadsheet }) => {
        const trigger = ScriptApp.newTrigger('selftestTriggerTarget')
          .timeBased()
          .onWeekDay(ScriptApp.WeekDay.MONDAY)
          .atHour(9)
          .create();
        const listed = ScriptApp.getUserTriggers(spreadsheet).some(
          (t) => t.getUniqueId() === trigger.getUniqueId(),
        );
        ScriptApp.deleteTrigger(trigger);
        const left = ScriptApp.getUserTriggers(spreadsheet).filter(
          (t) => t.getUniqueId() === trigger.getUniqueId(),
        );
        return [String(trigger.getEventType()), listed, left.length];
      },
    },
    {
      name: 'developer metadata on a sheet: found by key, changed, removed',
      reference: METADATA,
      expected: [1, 'v1', 'v2', 'SHEET', 0],
      run: ({ spreadsheet, sheet }) => {
        sheet.addDeveloperMetadata(KEY, 'v1');
        const find = () => spreadsheet.createDeveloperMetadataFinder().withKey(KEY).find();
        const [meta] = find();
        const first = meta!.getValue();
        meta!.setValue('v2');
        const changed = find()[0]!.getValue();
        const where = String(find()[0]!.getLocation().getLocationType());
        const count = find().length;
        meta!.remove();
        return [count, first, changed, where, find().length];
      },
    },
    {
      name: 'a copy of a sheet keeps its developer metadata',
      reference: `${SHEET}#copyTo(Spreadsheet)`,
      expected: [[KEY, 'copied']],
      run: ({ spreadsheet, sheet }) => {
        sheet.addDeveloperMetadata(KEY, 'copied');
        const copy = sheet.copyTo(spreadsheet);
        const kept = copy.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()]);
        spreadsheet.deleteSheet(copy);
        return kept;
      },
    },
    {
      name: 'an embedded chart is inserted, read back, updated and removed',
      reference: CHARTS,
      expected: ['A1:B3', 'Spend', [2, 4, 0, 0], 'Updated', 0],
      run: ({ sheet }) => {
        sheet.getRange('A1:B3').setValues([
          ['Month', 'Spend'],
          ['Jan', 1],
          ['Feb', 2],
        ]);
        sheet.insertChart(
          sheet
            .newChart()
            .asColumnChart()
            .setTitle('Spend')
            .addRange(sheet.getRange('A1:B3'))
            .setPosition(2, 4, 0, 0)
            .build(),
        );
        const chart = sheet.getCharts()[0]!;
        const info = chart.getContainerInfo();
        const read = [
          chart.getRanges()[0]!.getA1Notation(),
          chart.getOptions().get('title'),
          [info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()],
        ];
        sheet.updateChart(chart.modify().setOption('title', 'Updated').build());
        const updated = sheet.getCharts()[0]!.getOptions().get('title');
        sheet.removeChart(sheet.getCharts()[0]!);
        return [...read, updated, sheet.getCharts().length];
      },
    },
    {
      name: 'frozen rows and columns are stored',
      reference: `${SHEET}#setFrozenColumns(Integer)`,
      expected: [1, 2],
      run: ({ sheet }) => {
        sheet.setFrozenRows(1);
        sheet.setFrozenColumns(2);
        return [sheet.getFrozenRows(), sheet.getFrozenColumns()];
      },
    },
    {
      name: 'a sheet without merged cells has no merged ranges',
      reference: `${RANGE}#getMergedRanges()`,
      expected: 0,
      run: ({ sheet }) => sheet.getRange(1, 1, 5, 5).getMergedRanges().length,
    },
  ];
}
