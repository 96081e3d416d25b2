/** SpreadsheetApp.getUi() and HtmlService: menus, sidebars, dialogs, alerts and prompts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type CallLog, NotImplementedError, raw, service } from './calls.js';
import { AppsScriptException } from './errors.js';
import { createTemplate, type ScriptEvaluator } from './html-template.js';

export const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

/**
 * The buttons a dialog of each set shows, plus CLOSE (the dialog's ×).
 * https://developers.google.com/apps-script/reference/base/button-set
 */
export function buttonsOf(set: string): string[] {
  const shown: Record<string, string[]> = {
    OK: ['OK'],
    OK_CANCEL: ['OK', 'CANCEL'],
    YES_NO: ['YES', 'NO'],
    YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
  };
  return [...(shown[set] ?? ['OK']), Button.CLOSE];
}

export interface MenuItem {
  caption: string;
  functionName?: string;
  separator?: boolean;
  submenu?: MenuModel;
}
export interface MenuModel {
  title: string;
  items: MenuItem[];
  addon: boolean;
}

/** An alert or prompt as the user sees it. */
export interface AlertDialog {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
}
export interface DialogAnswer {
  button?: string;
  text?: string;
}

export interface UiState {
  menus: MenuModel[];
  sidebar?: HtmlOutput;
  dialog?: { output: HtmlOutput; title: string; modal: boolean };
  alerts: { title: string; prompt: string; buttons: string }[];
  /** Answers the next alerts and prompts get; a missing answer is OK (alert) or CANCEL (prompt). */
  answers: DialogAnswer[];
  /**
   * Asked for an answer when none is queued: a person answering the dialog. Ui.alert and
   * Ui.prompt block the script until the user answers (both return the button clicked), so a
   * responder may block too (the playground waits on the browser from a worker thread).
   */
  respond?: (dialog: AlertDialog) => DialogAnswer;
}

export class HtmlOutput implements Pick<
  GoogleAppsScript.HTML.HtmlOutput,
  'getContent' | 'getTitle' | 'getWidth' | 'getHeight'
> {
  private title = '';
  private width = 300;
  private height = 500;
  constructor(
    private content: string,
    log: CallLog,
  ) {
    return service(this, 'HtmlOutput', log);
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): GoogleAppsScript.HTML.HtmlOutput {
    this.content = content;
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
  append(content: string): GoogleAppsScript.HTML.HtmlOutput {
    this.content += content;
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): GoogleAppsScript.HTML.HtmlOutput {
    this.title = title;
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(width: number): GoogleAppsScript.HTML.HtmlOutput {
    this.width = width;
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(height: number): GoogleAppsScript.HTML.HtmlOutput {
    this.height = height;
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
  setSandboxMode(): GoogleAppsScript.HTML.HtmlOutput {
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
  setXFrameOptionsMode(): GoogleAppsScript.HTML.HtmlOutput {
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
}

export class HtmlServiceImpl implements Pick<
  GoogleAppsScript.HTML.HtmlService,
  'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile'
> {
  readonly SandboxMode = { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' };
  readonly XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' };
  constructor(
    private readonly projectDir: string,
    private readonly log: CallLog,
    /** Runs template code in the script's global scope; without it templates are refused. */
    private readonly runInScript?: ScriptEvaluator,
  ) {
    return service(this, 'HtmlService', log);
  }
  private readProjectFile(filename: string): string {
    const name = filename.endsWith('.html') ? filename : `${filename}.html`;
    try {
      return readFileSync(join(this.projectDir, name), 'utf8');
    } catch {
      throw new AppsScriptException(`No HTML file named ${filename} was found.`);
    }
  }
  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): GoogleAppsScript.HTML.HtmlTemplate {
    if (typeof html !== 'string') throw new NotImplementedError('HtmlService.createTemplate(blob)');
    if (!this.runInScript) throw new NotImplementedError('HtmlService.createTemplate outside a script');
    return createTemplate(html, this.log, this.runInScript, (content) => new HtmlOutput(content, this.log));
  }
  createTemplateFromFile(filename: string): GoogleAppsScript.HTML.HtmlTemplate {
    return this.createTemplate(this.readProjectFile(filename));
  }
  createHtmlOutput(html: string | GoogleAppsScript.Base.BlobSource = ''): GoogleAppsScript.HTML.HtmlOutput {
    if (typeof html !== 'string') throw new NotImplementedError('HtmlService.createHtmlOutput(blob)');
    return new HtmlOutput(html, this.log) as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
  createHtmlOutputFromFile(filename: string): GoogleAppsScript.HTML.HtmlOutput {
    return new HtmlOutput(
      this.readProjectFile(filename),
      this.log,
    ) as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
}

export class Menu implements Pick<
  GoogleAppsScript.Base.Menu,
  'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'
> {
  readonly model: MenuModel;
  constructor(
    title: string,
    addon: boolean,
    private readonly state: UiState,
    log: CallLog,
  ) {
    this.model = { title, items: [], addon };
    return service(this, 'Menu', log);
  }
  private self(): GoogleAppsScript.Base.Menu {
    return this as unknown as GoogleAppsScript.Base.Menu;
  }
  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    if (typeof functionName !== 'string' || !/^[A-Za-z_$][\w$.]*$/.test(functionName)) {
      throw new AppsScriptException(
        `Invalid function name for menu item "${caption}": ${String(functionName)}`,
      );
    }
    this.model.items.push({ caption, functionName });
    return this.self();
  }
  addSeparator(): GoogleAppsScript.Base.Menu {
    this.model.items.push({ caption: '', separator: true });
    return this.self();
  }
  addSubMenu(menu: GoogleAppsScript.Base.Menu): GoogleAppsScript.Base.Menu {
    const sub = (raw(menu) as unknown as Menu).model;
    this.model.items.push({ caption: sub.title, submenu: sub });
    return this.self();
  }
  addToUi(): void {
    this.state.menus = this.state.menus.filter((m) => m.title !== this.model.title);
    this.state.menus.push(this.model);
  }
}

export class Ui implements Pick<
  GoogleAppsScript.Base.Ui,
  'createMenu' | 'createAddonMenu' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog'
> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(
    private readonly state: UiState,
    private readonly log: CallLog,
  ) {
    return service(this, 'Ui', log);
  }
  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    return new Menu(caption, false, this.state, this.log) as unknown as GoogleAppsScript.Base.Menu;
  }
  createAddonMenu(): GoogleAppsScript.Base.Menu {
    return new Menu('Extensions', true, this.state, this.log) as unknown as GoogleAppsScript.Base.Menu;
  }
  showSidebar(output: GoogleAppsScript.HTML.HtmlOutput): void {
    this.state.sidebar = raw(output) as unknown as HtmlOutput;
  }
  showModalDialog(output: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.state.dialog = { output: raw(output) as unknown as HtmlOutput, title, modal: true };
  }
  showModelessDialog(output: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.state.dialog = { output: raw(output) as unknown as HtmlOutput, title, modal: false };
  }
  alert(titleOrPrompt: string, promptOrButtons?: string, buttons?: string): string {
    const hasTitle = typeof promptOrButtons === 'string' && !(promptOrButtons in ButtonSet);
    const title = hasTitle ? titleOrPrompt : '';
    const prompt = hasTitle ? promptOrButtons! : titleOrPrompt;
    const set = (hasTitle ? buttons : promptOrButtons) ?? ButtonSet.OK;
    this.state.alerts.push({ title, prompt, buttons: set });
    return this.answer({ kind: 'alert', title, prompt, buttons: set })?.button ?? Button.OK;
  }
  private answer(dialog: AlertDialog): DialogAnswer | undefined {
    const answer = this.state.answers.shift() ?? this.state.respond?.(dialog);
    if (answer?.button && !buttonsOf(dialog.buttons).includes(answer.button))
      throw new Error(`${answer.button} is not a button of a ${dialog.buttons} dialog`);
    return answer;
  }
  prompt(
    titleOrPrompt: string,
    promptOrButtons?: string,
    buttons?: string,
  ): GoogleAppsScript.Base.PromptResponse {
    const hasTitle = typeof promptOrButtons === 'string' && !(promptOrButtons in ButtonSet);
    const set = (hasTitle ? buttons : promptOrButtons) ?? ButtonSet.OK;
    const dialog = {
      kind: 'prompt' as const,
      title: hasTitle ? titleOrPrompt : '',
      prompt: hasTitle ? promptOrButtons! : titleOrPrompt,
      buttons: set,
    };
    this.state.alerts.push({ title: dialog.title, prompt: dialog.prompt, buttons: set });
    const answer = this.answer(dialog);
    const button = answer?.button ?? (answer ? Button.OK : Button.CANCEL);
    return service(
      { getResponseText: () => answer?.text ?? '', getSelectedButton: () => button },
      'PromptResponse',
      this.log,
    ) as unknown as GoogleAppsScript.Base.PromptResponse;
  }
}
