/**
 * `npm start`: loads the built add-on into the local Apps Script runtime on a new spreadsheet,
 * runs onOpen and prints the menu it created.
 */
import { LocalAppsScript } from './runtime/index.js';

const rt = new LocalAppsScript({ spreadsheetName: 'OpsPlan playground' });
rt.runWithoutAuth('onOpen', { authMode: 'NONE' });
for (const menu of rt.ui.menus) {
  console.log(`Extensions → ${menu.addon ? 'OpsPlan' : menu.title}`);
  for (const item of menu.items) console.log(item.separator ? '  ──────────' : `  ${item.caption}  →  ${item.functionName}()`);
}
