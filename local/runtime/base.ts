/** Session, Utilities, Logger and console: the small services. */
import { randomUUID } from 'node:crypto';

import { type CallLog, service } from './calls.js';
import type { Clock } from './clock.js';
import type { LogSink } from './console.js';
import { formatDate } from './date-format.js';
import { AppsScriptException, isDateValue } from './errors.js';
import { formatString } from './java-format.js';
import { isValidTimeZone } from './tz.js';

export interface Users {
  active: string;
  effective: string;
  locale: string;
  /**
   * True while a simple trigger runs: "the user's email address is not available in any context
   * that allows a script to run without that user's authorization, like a simple onOpen(e) or
   * onEdit(e) trigger" (https://developers.google.com/apps-script/reference/base/session#getActiveUser()).
   */
  identityHidden?: boolean;
}

export class SessionImpl implements Pick<
  GoogleAppsScript.Base.Session,
  | 'getActiveUser'
  | 'getEffectiveUser'
  | 'getScriptTimeZone'
  | 'getActiveUserLocale'
  | 'getTemporaryActiveUserKey'
> {
  constructor(
    private readonly users: Users,
    private readonly scriptTimeZone: () => string,
    private readonly log: CallLog,
  ) {
    return service(this, 'Session', log);
  }
  private user(email: string): GoogleAppsScript.Base.User {
    const shown = this.users.identityHidden ? '' : email;
    return service({ getEmail: () => shown }, 'User', this.log) as unknown as GoogleAppsScript.Base.User;
  }
  getActiveUser(): GoogleAppsScript.Base.User {
    return this.user(this.users.active);
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return this.user(this.users.effective);
  }
  getScriptTimeZone(): string {
    return this.scriptTimeZone();
  }
  getActiveUserLocale(): string {
    return this.users.locale;
  }
  getTemporaryActiveUserKey(): string {
    return Buffer.from(this.users.active).toString('base64url');
  }
}

export class UtilitiesImpl implements Pick<
  GoogleAppsScript.Utilities.Utilities,
  'formatDate' | 'formatString' | 'sleep' | 'getUuid'
> {
  constructor(
    private readonly clock: Clock,
    log: CallLog,
  ) {
    return service(this, 'Utilities', log);
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDateValue(date))
      throw new AppsScriptException(
        "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
      );
    if (!isValidTimeZone(timeZone)) throw new AppsScriptException(`Invalid argument: timeZone: ${timeZone}`);
    return formatDate(date.getTime(), timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string {
    return formatString(template, args);
  }
  sleep(milliseconds: number): void {
    if (milliseconds > 300_000)
      throw new AppsScriptException('Invalid argument: milliseconds: must be at most 300000');
    this.clock.advance(milliseconds);
  }
  getUuid(): string {
    return randomUUID();
  }
}

export class LoggerImpl implements Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  constructor(
    private readonly sink: LogSink,
    log: CallLog,
  ) {
    return service(this, 'Logger', log);
  }
  log(format: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    // Logger.log(format, values...): each %s takes the next value, converted to a string.
    let next = 0;
    const text = String(format).replace(/%s/g, (whole) =>
      next < values.length ? String(values[next++]) : whole,
    );
    this.sink.lines.push(text);
    return this as unknown as GoogleAppsScript.Base.Logger;
  }
  getLog(): string {
    return this.sink.lines.join('\n');
  }
  clear(): void {
    this.sink.lines.length = 0;
  }
}
