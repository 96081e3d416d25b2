/** Menu, sidebar and message adapters over SpreadsheetApp.getUi() and HtmlService. */
import { MENU, MENU_TITLE } from '../core/menu';
import { USER } from './keys';

export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const entry of MENU) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(entry.caption, entry.handler);
  }
  menu.addToUi();
}

/** Opens the sidebar, optionally at a section (the menu's Schedule… opens it there). */
export function openSidebar(section?: string): void {
  if (section) PropertiesService.getUserProperties().setProperty(USER.sidebarSection, section);
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

/** The section a menu item asked for, once. */
export function takeSidebarSection(): string {
  const props = PropertiesService.getUserProperties();
  const section = props.getProperty(USER.sidebarSection) ?? '';
  if (section) props.deleteProperty(USER.sidebarSection);
  return section;
}
