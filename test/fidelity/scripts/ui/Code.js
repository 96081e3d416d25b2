// A menu, a sidebar and a dialog built from HTML templates, and an alert.

function onOpen() {
  var ui = SpreadsheetApp.getUi();
  ui.createMenu('Helper')
    .addItem('Show sidebar', 'showSidebar')
    .addSeparator()
    .addSubMenu(
      ui.createMenu('More').addItem('Show dialog', 'showDialog').addItem('Clear notes', 'confirmClear'),
    )
    .addToUi();
  SpreadsheetApp.getActiveSpreadsheet().addMenu('Legacy', [
    { name: 'Show sidebar', functionName: 'showSidebar' },
    null,
    { name: 'Show dialog', functionName: 'showDialog' },
  ]);
}

function include(filename) {
  return HtmlService.createHtmlOutputFromFile(filename).getContent();
}

function showSidebar() {
  var template = HtmlService.createTemplateFromFile('Sidebar');
  template.sheetName = SpreadsheetApp.getActiveSheet().getName();
  template.items = ['<alpha>', 'beta & gamma'];
  SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle('Helper'));
}

function showDialog() {
  var output = HtmlService.createTemplateFromFile('Dialog').evaluate().setWidth(400).setHeight(200);
  SpreadsheetApp.getUi().showModalDialog(output, 'About this sheet');
}

function confirmClear() {
  var ui = SpreadsheetApp.getUi();
  var answer = ui.alert('Clear notes', 'Remove every note on this sheet?', ui.ButtonSet.YES_NO);
  if (answer !== ui.Button.YES) return 'kept';
  SpreadsheetApp.getActiveSheet().getDataRange().clearNote();
  return 'cleared';
}
