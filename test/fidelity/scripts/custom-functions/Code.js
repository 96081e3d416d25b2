// Custom functions used from cells.

/**
 * Converts Fahrenheit to Celsius: one value, or every value of a range.
 * @customfunction
 */
function TO_CELSIUS(fahrenheit) {
  var convert = function (f) {
    return Math.round((((f - 32) * 5) / 9) * 10) / 10;
  };
  return Array.isArray(fahrenheit)
    ? fahrenheit.map(function (row) {
        return row.map(convert);
      })
    : convert(fahrenheit);
}

/** Sales tax on an amount. @customfunction */
function salesTax(amount, rate) {
  if (typeof amount !== 'number') throw new Error('amount must be a number');
  return amount * (rate === undefined ? 0.08 : rate);
}

/** Whole days from one date to another. @customfunction */
function DAYS_BETWEEN(from, to) {
  return Math.round((to.getTime() - from.getTime()) / 86400000);
}

/** The words of a text, one per row. @customfunction */
function WORDS(text) {
  return String(text).split(/\s+/);
}

/** Week-commencing date of a date. @customfunction */
function WEEK_OF(date) {
  var monday = new Date(date.getTime());
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  return monday;
}

/** Tries to remember a value, which a custom function may not do. */
function REMEMBER(value) {
  PropertiesService.getScriptProperties().setProperty('last', String(value));
  return value;
}

/** Private: not callable from a cell. */
function secret_() {
  return 42;
}

/** Takes longer than the 30 seconds a custom function may run. */
function SLOW() {
  Utilities.sleep(31000);
  return 'done';
}

/** Sleeps within the limit. */
function PATIENT() {
  Utilities.sleep(20000);
  return 'done';
}
