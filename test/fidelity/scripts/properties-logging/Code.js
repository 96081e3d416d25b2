// Counts its runs in script properties and logs what it does.

function countRun() {
  var props = PropertiesService.getScriptProperties();
  var runs = Number(props.getProperty('runs') || 0) + 1;
  props.setProperty('runs', String(runs));
  props.setProperties({ lastRunBy: Session.getEffectiveUser().getEmail() }, false);
  console.time('count');
  console.log('run %d by %s', runs, props.getProperty('lastRunBy'));
  console.info('settings: %o', { runs: runs });
  Utilities.sleep(250);
  console.timeEnd('count');
  Logger.log('Run %s finished', runs);
  return props.getProperties();
}

function forget() {
  PropertiesService.getScriptProperties().deleteAllProperties();
  return PropertiesService.getScriptProperties().getKeys();
}
