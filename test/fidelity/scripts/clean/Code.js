// Deletes empty rows and columns inside the data, then the unused rows and columns after it.

function removeEmptyRowsAndColumns() {
  var sheet = SpreadsheetApp.getActiveSheet();
  var values = sheet.getDataRange().getValues();
  var isEmpty = function (cells) {
    return cells.every(function (v) {
      return v === '';
    });
  };
  for (var r = values.length - 1; r >= 0; r--) {
    if (isEmpty(values[r])) sheet.deleteRow(r + 1);
  }
  for (var c = values[0].length - 1; c >= 0; c--) {
    var column = values.map(function (row) {
      return row[c];
    });
    if (isEmpty(column)) sheet.deleteColumn(c + 1);
  }
  var lastRow = Math.max(sheet.getLastRow(), 1);
  var lastColumn = Math.max(sheet.getLastColumn(), 1);
  if (sheet.getMaxRows() > lastRow) sheet.deleteRows(lastRow + 1, sheet.getMaxRows() - lastRow);
  if (sheet.getMaxColumns() > lastColumn)
    sheet.deleteColumns(lastColumn + 1, sheet.getMaxColumns() - lastColumn);
  return [sheet.getMaxRows(), sheet.getMaxColumns()];
}
