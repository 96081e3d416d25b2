/** Errors thrown the way Apps Script throws them: name "Exception", Google's message text. */
export class AppsScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export const isDateValue = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
