// Removes duplicate rows from the active sheet, keeping the first of each.

function onOpen() {
  SpreadsheetApp.getUi()
    .createMenu('Clean up')
    .addItem('Remove duplicate rows', 'removeDuplicateRows')
    .addToUi();
}

function removeDuplicateRows() {
  var sheet = SpreadsheetApp.getActiveSheet();
  var rows = sheet.getDataRange().getValues();
  var seen = {};
  var unique = [];
  rows.forEach(function (row) {
    var key = JSON.stringify(row);
    if (!seen[key]) {
      seen[key] = true;
      unique.push(row);
    }
  });
  sheet.clearContents();
  sheet.getRange(1, 1, unique.length, unique[0].length).setValues(unique);
  SpreadsheetApp.getActive().toast(rows.length - unique.length + ' duplicate rows removed', 'Clean up');
  return rows.length - unique.length;
}
