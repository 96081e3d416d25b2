/**
 * A small project of the user's own for the playground, for what OpsPlan's bundle does not do: a
 * prompt, onEdit, and embedded charts (a column chart of two series and a doughnut).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ALL_SCOPES } from '../runtime/script-fixture.js';

const CODE = `
function onOpen() {
  SpreadsheetApp.getUi().createMenu('Tools')
    .addItem('Name A1', 'nameA1')
    .addItem('Insert charts', 'insertCharts')
    .addToUi();
}
function nameA1() {
  var ui = SpreadsheetApp.getUi();
  var answer = ui.prompt('Name', 'What goes in A1?', ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() === ui.Button.OK) SpreadsheetApp.getActiveSheet().getRange('A1').setValue(answer.getResponseText());
}
function onEdit(e) { e.range.offset(0, 1).setValue('edited: ' + e.value); }
function insertCharts() {
  var sheet = SpreadsheetApp.getActiveSheet();
  sheet.getRange('D1:F4').setValues([['Category', 'Planned', 'Actual'], ['Tools', 5000, 4850], ['People', 4800, 2400], ['Training', 3000, 3300]]);
  sheet.insertChart(sheet.newChart().asColumnChart().addRange(sheet.getRange('D1:F4'))
    .setTitle('Budget by category').setPosition(6, 1, 0, 0).setOption('width', 420).setOption('height', 260).build());
  sheet.insertChart(sheet.newChart().asPieChart().addRange(sheet.getRange('D2:E4'))
    .setTitle('Planned').setOption('pieHole', 0.4).setPosition(6, 6, 0, 0).setOption('width', 320).setOption('height', 260).build());
}
`;

/** A folder holding the project as clasp would push it: Code.js and its manifest. */
export function projectDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'opsplan-project-'));
  writeFileSync(join(dir, 'Code.js'), CODE);
  writeFileSync(
    join(dir, 'appsscript.json'),
    JSON.stringify({ timeZone: 'Etc/UTC', oauthScopes: ALL_SCOPES }),
  );
  return dir;
}
