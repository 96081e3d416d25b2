// Installs time-driven triggers that log each run in a "Runs" sheet.

function install() {
  uninstall();
  ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create();
  ScriptApp.newTrigger('weekly').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(9).create();
  return ScriptApp.getProjectTriggers().map(function (t) {
    return t.getHandlerFunction() + ':' + t.getEventType();
  });
}

function uninstall() {
  ScriptApp.getProjectTriggers().forEach(function (t) {
    ScriptApp.deleteTrigger(t);
  });
}

function record(kind, e) {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheetByName('Runs') || ss.insertSheet('Runs');
  sheet.appendRow([
    kind,
    e.triggerUid,
    Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'EEE HH:mm'),
  ]);
}

function hourly(e) {
  record('hourly', e);
}

function weekly(e) {
  record('weekly', e);
}
