/**
 * One probe per documented Apps Script behaviour the local runtime models. Written once, run in two
 * places: by test/fidelity/selftest.test.ts in the local runtime, and on real Apps Script by the
 * self-test bundle (`npm run build:selftest`, menu "OpsPlan self-test → Run"). Each probe cites the
 * page its expected value comes from. Probes use only Apps Script globals (no Node, no DOM).
 */

import { documentProbes } from './probes-documents';

export interface ProbeContext {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** A scratch sheet, emptied before each probe. */
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
}

export interface Probe {
  name: string;
  reference: string;
  expected: unknown;
  run(ctx: ProbeContext): unknown;
}

const FORMATS = 'https://developers.google.com/sheets/api/guides/formats';
const UTILITIES = 'https://developers.google.com/apps-script/reference/utilities/utilities';
export const SHEET = 'https://developers.google.com/apps-script/reference/spreadsheet/sheet';
export const RANGE = 'https://developers.google.com/apps-script/reference/spreadsheet/range';
const SPREADSHEET = 'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet';
const RULES =
  'https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder';
const TEMPLATES = 'https://developers.google.com/apps-script/guides/html/templates';
const CUSTOM = 'https://developers.google.com/apps-script/guides/sheets/functions';
const PROPERTIES = 'https://developers.google.com/apps-script/reference/properties/properties';
const TRIGGERS = 'https://developers.google.com/apps-script/reference/script/clock-trigger-builder';
const LOGGER = 'https://developers.google.com/apps-script/reference/base/logger';
const DATE_FORMAT = 'https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html';

/** Sheets evaluates custom functions after the script flushes; wait while a cell says "Loading...". */
function settled(range: GoogleAppsScript.Spreadsheet.Range): unknown[][] {
  SpreadsheetApp.flush();
  for (let i = 0; i < 30 && /^Loading/.test(range.getDisplayValue()); i++) {
    Utilities.sleep(1000);
    SpreadsheetApp.flush();
  }
  return range.getValues();
}

function displayed(ctx: ProbeContext, value: unknown, format: string): string {
  const cell = ctx.sheet.getRange('A1');
  cell.setValue(value);
  cell.setNumberFormat(format);
  return cell.getDisplayValue();
}

/** 16:08:53.528 on Tuesday 5 April 2016, the guide's example value, as a serial number. */
const GUIDE_INSTANT = 42465 + (16 * 3600 + 8 * 60 + 53.528) / 86400;

function thrownMessage(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (error) {
    return (error as Error).message;
  }
}

function formats(): Probe[] {
  const cases: [string, unknown, string, string][] = [
    ['time with AM/PM', 18.2 / 24, 'h:mm AM/PM', '6:12 PM'],
    ['negative section in parentheses', -1234.5, '#,##0.00;(#,##0.00)', '(1,234.50)'],
    ['percent with one decimal', 0.256, '0.0%', '25.6%'],
    ['elapsed hours', 1.5, '[h]:mm', '36:00'],
    ['weekday and month names', 46090, 'dddd, d mmm yyyy', 'Monday, 9 Mar 2026'],
    ['conditions pick the section', 527, '[>1000]"HIGH";[<=200]"LOW";0000', '0527'],
    ['scientific', 12345, '0.00E+00', '1.23E+04'],
    ['text section', 'abc', '#,##0.00;(#,##0.00);"zero";"text: "@', 'text: abc'],
    ['24-hour time with seconds', 0.75, 'hh:mm:ss', '18:00:00'],
    ["the guide's a/p example", GUIDE_INSTANT, 'h:mm:ss.00 a/p', '4:08:53.53 p'],
    ["the guide's escaped brackets", GUIDE_INSTANT, 'mmmm d \\[dddd\\]', 'April 5 [Tuesday]'],
    ['zero section', 0, '0.00;-0.00;"none"', 'none'],
  ];
  return cases.map(([what, value, format, expected]) => ({
    name: `number format: ${what} (${format})`,
    reference: FORMATS,
    expected,
    run: (ctx) => displayed(ctx, value, format),
  }));
}

function utilities(): Probe[] {
  const newYorkWinter = new Date(Date.UTC(2026, 0, 15, 17, 30));
  return [
    {
      name: 'formatString %11.6f',
      reference: UTILITIES,
      expected: '   3.141590',
      run: () => Utilities.formatString('%11.6f', 3.14159),
    },
    {
      name: 'formatString %-11s*',
      reference: UTILITIES,
      expected: 'foo        *',
      run: () => Utilities.formatString('%-11s*', 'foo'),
    },
    {
      name: 'formatString zero padding and grouping',
      reference: UTILITIES,
      expected: '00042|1,234,567',
      run: () => Utilities.formatString('%05d|%,d', 42, 1234567),
    },
    {
      name: 'formatString %s of a number prints a Java double',
      reference: UTILITIES,
      expected: '5.0',
      run: () => Utilities.formatString('%s', 5),
    },
    {
      name: 'formatDate z is the zone abbreviation',
      reference: DATE_FORMAT,
      expected: '2026-01-15T12:30 EST',
      run: () => Utilities.formatDate(newYorkWinter, 'America/New_York', "yyyy-MM-dd'T'HH:mm z"),
    },
    {
      name: 'formatDate XXX, Z and X offsets',
      reference: DATE_FORMAT,
      expected: '-05:00|-0500|-05',
      run: () => Utilities.formatDate(newYorkWinter, 'America/New_York', 'XXX|Z|X'),
    },
    {
      name: 'Logger.log fills %s placeholders',
      reference: LOGGER,
      expected: true,
      run: () => {
        Logger.log('User %s is %s', 'probe', 'active');
        return Logger.getLog().indexOf('User probe is active') >= 0;
      },
    },
  ];
}

function sheets(): Probe[] {
  return [
    {
      name: 'appendRow adds below the last row with content',
      reference: SHEET,
      expected: [3, 'x', 1],
      run: ({ sheet }) => {
        sheet.getRange('A1:B2').setValues([
          ['a', 1],
          ['b', 2],
        ]);
        sheet.appendRow(['x', 1]);
        return [sheet.getLastRow(), sheet.getRange('A3').getValue(), sheet.getRange('B3').getValue()];
      },
    },
    {
      name: 'appendRow interprets = as a formula',
      reference: SHEET,
      expected: ['=1+1', 2],
      run: ({ sheet }) => {
        sheet.appendRow(['=1+1']);
        return [sheet.getRange('A1').getFormula(), sheet.getRange('A1').getValue()];
      },
    },
    {
      name: 'deleteColumns moves later columns left',
      reference: SHEET,
      expected: [['a', 'c']],
      run: ({ sheet }) => {
        sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
        sheet.deleteColumns(2, 1);
        return sheet.getRange('A1:B1').getValues();
      },
    },
    {
      name: 'insertColumnsBefore moves content right and grows the sheet',
      reference: SHEET,
      expected: ['a', 2],
      run: ({ sheet }) => {
        const before = sheet.getMaxColumns();
        sheet.getRange('A1').setValue('a');
        sheet.insertColumnsBefore(1, 2);
        return [sheet.getRange('C1').getValue(), sheet.getMaxColumns() - before];
      },
    },
    {
      name: 'Sheet.copyTo names the copy "Copy of …"',
      reference: SHEET,
      expected: true,
      run: ({ sheet, spreadsheet }) => {
        sheet.getRange('A1').setValue('copied');
        const copy = sheet.copyTo(spreadsheet);
        const ok =
          copy.getName() === `Copy of ${sheet.getName()}` && copy.getRange('A1').getValue() === 'copied';
        spreadsheet.deleteSheet(copy);
        return ok;
      },
    },
    {
      name: 'Range.copyTo moves relative references',
      reference: RANGE,
      expected: '=A2*2',
      run: ({ sheet }) => {
        sheet.getRange('B1').setFormula('=A1*2');
        sheet.getRange('B1').copyTo(sheet.getRange('B2'));
        return sheet.getRange('B2').getFormula();
      },
    },
    {
      name: 'isBlank before and after a value',
      reference: RANGE,
      expected: [true, false],
      run: ({ sheet }) => {
        const range = sheet.getRange('A1:B2');
        const before = range.isBlank();
        sheet.getRange('B2').setValue(0);
        return [before, range.isBlank()];
      },
    },
    {
      name: 'setFormulaR1C1 is relative to the cell',
      reference: RANGE,
      expected: ['=A1*2', 6],
      run: ({ sheet }) => {
        sheet.getRange('A1').setValue(3);
        sheet.getRange('B1').setFormulaR1C1('=R[0]C[-1]*2');
        return [sheet.getRange('B1').getFormula(), sheet.getRange('B1').getValue()];
      },
    },
    {
      name: 'getFormulaR1C1 reads a formula back in R1C1',
      reference: RANGE,
      expected: '=R[0]C[-1]*2',
      run: ({ sheet }) => {
        sheet.getRange('B1').setFormula('=A1*2');
        return sheet.getRange('B1').getFormulaR1C1();
      },
    },
    {
      name: 'height, width and row index of a range',
      reference: RANGE,
      expected: [4, 3, 2, 'B2:D5'],
      run: ({ sheet }) => {
        const r = sheet.getRange('B2:D5');
        return [r.getHeight(), r.getWidth(), r.getRowIndex(), r.getA1Notation()];
      },
    },
    {
      name: 'offset keeps the size and moves the corner',
      reference: RANGE,
      expected: 'D3:E4',
      run: ({ sheet }) => sheet.getRange('B2:C3').offset(1, 2).getA1Notation(),
    },
    {
      name: 'getDataRange covers the content',
      reference: SHEET,
      expected: 'A1:C2',
      run: ({ sheet }) => {
        sheet.getRange('A1:C2').setValues([
          [1, 2, 3],
          [4, 5, 6],
        ]);
        return sheet.getDataRange().getA1Notation();
      },
    },
    {
      name: 'getSheetById finds a sheet by its ID',
      reference: SPREADSHEET,
      expected: true,
      run: ({ sheet, spreadsheet }) =>
        spreadsheet.getSheetById(sheet.getSheetId())?.getName() === sheet.getName(),
    },
    {
      name: 'setValues with the wrong number of rows',
      reference: RANGE,
      expected:
        'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
      run: ({ sheet }) => thrownMessage(() => sheet.getRange('A1:A2').setValues([[1]])),
    },
    {
      name: 'an empty cell reads as an empty string, a date as a Date',
      reference: RANGE,
      expected: ['', true],
      run: ({ sheet }) => {
        sheet.getRange('B1').setValue(new Date(2026, 2, 1));
        const [[empty, date]] = sheet.getRange('A1:B1').getValues();
        return [empty, Object.prototype.toString.call(date) === '[object Date]'];
      },
    },
  ];
}

function rules(): Probe[] {
  const builder = () => SpreadsheetApp.newConditionalFormatRule();
  const condition = (rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule) => {
    const c = rule.getBooleanCondition()!;
    return [String(c.getCriteriaType()), c.getCriteriaValues()];
  };
  return [
    {
      name: 'whenNumberBetween',
      reference: RULES,
      expected: ['NUMBER_BETWEEN', [1, 10]],
      run: ({ sheet }) =>
        condition(
          builder()
            .whenNumberBetween(1, 10)
            .setBackground('#ff0000')
            .setRanges([sheet.getRange('A1:A5')])
            .build(),
        ),
    },
    {
      name: 'whenTextStartsWith',
      reference: RULES,
      expected: ['TEXT_STARTS_WITH', ['ab']],
      run: ({ sheet }) =>
        condition(
          builder()
            .whenTextStartsWith('ab')
            .setBold(true)
            .setRanges([sheet.getRange('A1')])
            .build(),
        ),
    },
    {
      name: 'whenNumberGreaterThanOrEqualTo',
      reference: RULES,
      expected: ['NUMBER_GREATER_THAN_OR_EQUAL_TO', [5]],
      run: ({ sheet }) =>
        condition(
          builder()
            .whenNumberGreaterThanOrEqualTo(5)
            .setFontColor('#0000ff')
            .setRanges([sheet.getRange('A1')])
            .build(),
        ),
    },
    {
      name: 'a gradient rule has no boolean condition',
      reference: RULES,
      expected: [true, '#ff0000', '#00ff00'],
      run: ({ sheet }) => {
        const rule = builder()
          .setGradientMinpoint('#ff0000')
          .setGradientMaxpoint('#00ff00')
          .setRanges([sheet.getRange('A1:A5')])
          .build();
        const gradient = rule.getGradientCondition()!;
        return [rule.getBooleanCondition() === null, gradient.getMinColor(), gradient.getMaxColor()];
      },
    },
    {
      name: 'rules set on a sheet read back',
      reference: SHEET,
      expected: 1,
      run: ({ sheet }) => {
        sheet.setConditionalFormatRules([
          builder()
            .whenCellNotEmpty()
            .setBackground('#00ff00')
            .setRanges([sheet.getRange('A1')])
            .build(),
        ]);
        const count = sheet.getConditionalFormatRules().length;
        sheet.setConditionalFormatRules([]);
        return count;
      },
    },
  ];
}

function templates(): Probe[] {
  const evaluate = (html: string, vars: Record<string, unknown>) => {
    const template = HtmlService.createTemplate(html) as GoogleAppsScript.HTML.HtmlTemplate &
      Record<string, unknown>;
    for (const key of Object.keys(vars)) template[key] = vars[key];
    return template.evaluate().getContent();
  };
  return [
    {
      name: 'printing scriptlets escape HTML',
      reference: TEMPLATES,
      expected: '<p>&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;</p>',
      run: () => evaluate('<p><?= name ?></p>', { name: '<b>Tom & Jerry</b>' }),
    },
    {
      name: 'force-printing scriptlets do not escape',
      reference: TEMPLATES,
      expected: '<p><b>bold</b></p>',
      run: () => evaluate('<p><?!= html ?></p>', { html: '<b>bold</b>' }),
    },
    {
      name: 'standard scriptlets run code around HTML',
      reference: TEMPLATES,
      expected: '<i>0</i><i>1</i><i>2</i>',
      run: () => evaluate('<? for (var i = 0; i < n; i++) { ?><i><?= i ?></i><? } ?>', { n: 3 }),
    },
  ];
}

function customFunctions(): Probe[] {
  return [
    {
      name: 'a custom function gets a range as a 2D array and its 2D result spills',
      reference: CUSTOM,
      expected: [
        [2, 4],
        [6, 8],
      ],
      run: ({ sheet }) => {
        sheet.getRange('A1:B2').setValues([
          [1, 2],
          [3, 4],
        ]);
        sheet.getRange('D1').setFormula('=SELFTEST_DOUBLE(A1:B2)');
        return settled(sheet.getRange('D1:E2'));
      },
    },
    {
      name: 'a custom function gets a single cell as a value',
      reference: CUSTOM,
      expected: [['number', '2D array 2x2']],
      run: ({ sheet }) => {
        sheet.getRange('A1:B2').setValues([
          [1, 2],
          [3, 4],
        ]);
        sheet.getRange('D1:E1').setFormulas([['=SELFTEST_KIND(A1)', '=SELFTEST_KIND(A1:B2)']]);
        return settled(sheet.getRange('D1:E1'));
      },
    },
    {
      name: 'a custom function may not call set* methods',
      reference: CUSTOM,
      expected: [['#ERROR!']],
      run: ({ sheet }) => {
        sheet.getRange('A1').setFormula('=SELFTEST_WRITE()');
        return settled(sheet.getRange('A1'));
      },
    },
    {
      name: 'an error thrown by a custom function shows #ERROR!',
      reference: CUSTOM,
      expected: [['#ERROR!']],
      run: ({ sheet }) => {
        sheet.getRange('A1').setFormula('=SELFTEST_FAIL("bad input")');
        return settled(sheet.getRange('A1'));
      },
    },
  ];
}

function services(): Probe[] {
  return [
    {
      name: 'script properties: set, get, delete',
      reference: PROPERTIES,
      expected: ['v', null],
      run: () => {
        const props = PropertiesService.getScriptProperties();
        props.setProperty('opsplanSelfTest', 'v');
        const read = props.getProperty('opsplanSelfTest');
        props.deleteProperty('opsplanSelfTest');
        return [read, props.getProperty('opsplanSelfTest')];
      },
    },
    {
      name: 'a time-driven trigger is created and deleted',
      reference: TRIGGERS,
      expected: ['selftestTriggerTarget', 'CLOCK', 1, 0],
      run: () => {
        const mine = () =>
          ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === 'selftestTriggerTarget');
        const trigger = ScriptApp.newTrigger('selftestTriggerTarget').timeBased().everyHours(1).create();
        const created = mine().length;
        const result = [trigger.getHandlerFunction(), String(trigger.getEventType()), created];
        ScriptApp.deleteTrigger(trigger);
        return [...result, mine().length];
      },
    },
  ];
}

export const PROBES: Probe[] = [
  ...formats(),
  ...utilities(),
  ...sheets(),
  ...rules(),
  ...templates(),
  ...customFunctions(),
  ...services(),
  ...documentProbes(),
];

// ---- custom functions the probes call from cells (global functions in the self-test bundle) ----

/** Doubles a number, or every number of a range. */
export function SELFTEST_DOUBLE(input: unknown): unknown {
  return Array.isArray(input)
    ? input.map((row: unknown[]) => row.map((v) => Number(v) * 2))
    : Number(input) * 2;
}

/** Says what the cell passed: a value's type, or a 2D array's size. */
export function SELFTEST_KIND(input: unknown): string {
  if (!Array.isArray(input)) return typeof input;
  const rows = input as unknown[][];
  return `2D array ${rows.length}x${Array.isArray(rows[0]) ? rows[0].length : 0}`;
}

/** Tries to write a cell, which custom functions may not do. */
export function SELFTEST_WRITE(): number {
  SpreadsheetApp.getActiveSheet().getRange('Z1').setValue(1);
  return 1;
}

/** Throws the message it is given. */
export function SELFTEST_FAIL(message: string): never {
  throw new Error(message);
}

/** The trigger probe's handler; it never runs (the trigger is deleted at once). */
export function selftestTriggerTarget(): void {}
