/** Rich text values: text with a link, as reports use for "jump to the row" cells. */
import { type CallLog, service } from './calls.js';
import { AppsScriptException } from './errors.js';

export class RichTextValue {
  constructor(
    readonly text: string,
    readonly linkUrl: string | null,
    log: CallLog,
  ) {
    return service(this, 'RichTextValue', log);
  }
  getText(): string {
    return this.text;
  }
  getLinkUrl(): string | null {
    return this.linkUrl;
  }
}

export class RichTextValueBuilder {
  private text = '';
  private linkUrl: string | null = null;
  constructor(private readonly log: CallLog) {
    return service(this, 'RichTextValueBuilder', log);
  }
  setText(text: string): GoogleAppsScript.Spreadsheet.RichTextValueBuilder {
    this.text = String(text);
    return this as unknown as GoogleAppsScript.Spreadsheet.RichTextValueBuilder;
  }
  setLinkUrl(
    startOrUrl: number | string | null,
    _end?: number,
    url?: string | null,
  ): GoogleAppsScript.Spreadsheet.RichTextValueBuilder {
    const link = typeof startOrUrl === 'number' ? (url ?? null) : startOrUrl;
    if (link !== null && !/^(https?:\/\/|mailto:|#)/.test(link))
      throw new AppsScriptException(`Invalid argument: url: ${link}`);
    this.linkUrl = link;
    return this as unknown as GoogleAppsScript.Spreadsheet.RichTextValueBuilder;
  }
  build(): GoogleAppsScript.Spreadsheet.RichTextValue {
    return new RichTextValue(
      this.text,
      this.linkUrl,
      this.log,
    ) as unknown as GoogleAppsScript.Spreadsheet.RichTextValue;
  }
}
