/** Menu, sidebar and message adapters over SpreadsheetApp.getUi() and HtmlService. */
import { MENU, MENU_TITLE } from '../core/menu';

export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const entry of MENU) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(entry.caption, entry.handler);
  }
  menu.addToUi();
}

export function openSidebar(): void {
  const output = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(MENU_TITLE);
  SpreadsheetApp.getUi().showSidebar(output);
}

export function alertUser(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

export function toast(message: string, title = MENU_TITLE): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(message, title, 5);
}

export function confirmUser(title: string, message: string): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
}
