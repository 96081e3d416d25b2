/** The OpsPlan menu: one list that both onOpen and the tests read. */
export interface MenuEntry {
  caption: string;
  /** Name of the top-level function the item calls (an export of src/main.ts). */
  handler: string;
}

export const MENU_TITLE = 'OpsPlan';

export const MENU = [
  { caption: 'Open sidebar', handler: 'showSidebar' },
  { caption: 'My items', handler: 'menuMyItems' },
  'separator',
  { caption: 'Set up plan tabs', handler: 'menuSetUpPlan' },
  { caption: 'Insert example plan', handler: 'menuInsertExample' },
  { caption: 'Check plan', handler: 'menuCheckPlan' },
  { caption: 'Refresh KPI status', handler: 'menuRefreshStatus' },
  'separator',
  { caption: 'Generate report', handler: 'menuGenerateReport' },
  { caption: 'Build Gantt view', handler: 'menuBuildGantt' },
  { caption: 'Send status emails now', handler: 'menuSendEmails' },
  { caption: 'Schedule…', handler: 'menuSchedule' },
  'separator',
  { caption: 'Help', handler: 'menuHelp' },
] as const satisfies readonly (MenuEntry | 'separator')[];

/** A function a menu item runs: a typo in a caller does not compile. */
export type MenuHandler = Exclude<(typeof MENU)[number], 'separator'>['handler'];
