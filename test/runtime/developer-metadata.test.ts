import { describe, expect, it } from 'vitest';

import { expectThrowMessage, freshRuntime } from '../helpers.js';

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#addDeveloperMetadata(String,String)
// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata
// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder
// https://developers.google.com/workspace/sheets/api/guides/metadata (unique ids, shared keys,
// metadata stays with its sheet and is deleted with it)
function setup() {
  const rt = freshRuntime();
  const app = rt.service('SpreadsheetApp');
  const ss = app.getActiveSpreadsheet();
  return { rt, app, ss, sheet: ss.getSheets()[0]! };
}

describe('developer metadata', () => {
  it('tags a sheet by key and value, whatever it is renamed or moved to, and is found by key', () => {
    const { app, ss, sheet } = setup();
    sheet.addDeveloperMetadata('opsplan.tab', 'Goals');
    const other = ss.insertSheet('Other');
    other.addDeveloperMetadata('opsplan.tab', 'Risks', app.DeveloperMetadataVisibility.PROJECT);
    other.addDeveloperMetadata('team.note');
    ss.addDeveloperMetadata('opsplan.version', '1');
    sheet.setName('Our goals');
    ss.setActiveSheet(other);
    ss.moveActiveSheet(1);

    const found = ss.createDeveloperMetadataFinder().withKey('opsplan.tab').find();
    expect(
      found.map((m) => [m.getKey(), m.getValue(), m.getVisibility(), m.getLocation().getSheet()!.getName()]),
    ).toEqual([
      ['opsplan.tab', 'Risks', 'PROJECT', 'Other'],
      ['opsplan.tab', 'Goals', 'DOCUMENT', 'Our goals'],
    ]);
    expect(new Set(found.map((m) => m.getId())).size).toBe(2);
    // A sheet lists only its own; the spreadsheet's own are on the spreadsheet.
    expect(other.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([
      ['opsplan.tab', 'Risks'],
      ['team.note', null],
    ]);
    expect(ss.getDeveloperMetadata().map((m) => m.getLocation().getLocationType())).toEqual(['SPREADSHEET']);
    expect(sheet.createDeveloperMetadataFinder().withKey('team.note').find()).toHaveLength(0);
    expect(
      ss
        .createDeveloperMetadataFinder()
        .withLocationType(app.DeveloperMetadataLocationType.SHEET)
        .withValue('Goals')
        .find(),
    ).toHaveLength(1);
  });

  it('changes and removes; deleting the sheet deletes its metadata', () => {
    const { rt, ss, sheet } = setup();
    const tab = ss.insertSheet('Report');
    tab.addDeveloperMetadata('opsplan.tab', 'Report');
    const [meta] = tab.getDeveloperMetadata();
    meta!.setValue('Report v2');
    expect(ss.createDeveloperMetadataFinder().withId(meta!.getId()).find()[0]!.getValue()).toBe('Report v2');
    expect(rt.describeWorkbook().sheets[1]!.developerMetadata).toEqual([
      ['opsplan.tab', 'Report v2', 'DOCUMENT'],
    ]);
    meta!.remove();
    expect(tab.getDeveloperMetadata()).toEqual([]);
    expect(expectThrowMessage(() => meta!.setValue('x'))).toMatch(/no longer exists/);

    tab.addDeveloperMetadata('opsplan.tab', 'Report');
    ss.deleteSheet(tab);
    expect(ss.createDeveloperMetadataFinder().withKey('opsplan.tab').find()).toEqual([]);
    expect(sheet.getDeveloperMetadata()).toEqual([]);
  });

  // Duplicating a sheet in Sheets carries its metadata; no reference page states it for
  // Sheet.copyTo, so this is one for the live self-test to confirm.
  it('goes with a copy of its sheet, under new ids', () => {
    const { ss, sheet } = setup();
    sheet.addDeveloperMetadata('opsplan.tab', 'Goals');
    const copy = sheet.copyTo(ss);
    const [original] = sheet.getDeveloperMetadata();
    const [copied] = copy.getDeveloperMetadata();
    expect([copied!.getKey(), copied!.getValue()]).toEqual(['opsplan.tab', 'Goals']);
    expect(copied!.getId()).not.toBe(original!.getId());
    expect(ss.createDeveloperMetadataFinder().withKey('opsplan.tab').find()).toHaveLength(2);
  });

  it('refuses metadata without a key and values that are not strings', () => {
    const { sheet } = setup();
    expect(expectThrowMessage(() => sheet.addDeveloperMetadata(''))).toMatch(/must have a key/);
    expect(expectThrowMessage(() => sheet.addDeveloperMetadata('k', 5 as unknown as string))).toMatch(
      /strings/,
    );
  });
});
