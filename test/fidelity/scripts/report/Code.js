// Builds a "Report" sheet of totals per region from the "Sales" sheet.

function buildReport() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sales = ss.getSheetByName('Sales');
  var last = sales.getLastRow();
  var regions = sales
    .getRange(2, 1, last - 1, 1)
    .getValues()
    .map(function (r) {
      return r[0];
    })
    .filter(function (region, i, all) {
      return all.indexOf(region) === i;
    })
    .sort();
  var report = ss.getSheetByName('Report') || ss.insertSheet('Report');
  report.clear();
  report.appendRow(['Region', 'Total', 'Share', 'Last sale']);
  regions.forEach(function (region, i) {
    var row = i + 2;
    report.appendRow([
      region,
      '=SUMIF(Sales!A2:A' + last + ',A' + row + ',Sales!C2:C' + last + ')',
      '=B' + row + '/SUM(Sales!C2:C' + last + ')',
      '=MAXIFS(Sales!D2:D' + last + ',Sales!A2:A' + last + ',A' + row + ')',
    ]);
  });
  var body = report.getRange(2, 2, regions.length, 1);
  body.setNumberFormat('#,##0.00;(#,##0.00)');
  report.getRange(2, 3, regions.length, 1).setNumberFormat('0.0%');
  report.getRange(2, 4, regions.length, 1).setNumberFormat('d mmm yyyy');
  report.getRange(1, 1, 1, 4).setFontWeight('bold').setBackground('#cfe2f3');
  report.setFrozenRows(1);
  var negative = SpreadsheetApp.newConditionalFormatRule()
    .whenNumberLessThan(0)
    .setFontColor('#cc0000')
    .setRanges([body])
    .build();
  var top = SpreadsheetApp.newConditionalFormatRule()
    .whenNumberGreaterThanOrEqualTo(1000)
    .setBackground('#d9ead3')
    .setRanges([body])
    .build();
  report.setConditionalFormatRules([negative, top]);
  report.autoResizeColumns(1, 4);
  return regions.length;
}
