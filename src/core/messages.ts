/** Plain-language summaries shown in alerts and the sidebar. */
import type { SetupPreview } from './scaffold';

export function describePreview(preview: SetupPreview): string {
  const lines: string[] = [];
  for (const tab of preview.tabs) {
    if (tab.action === 'create') lines.push(`• ${tab.tab}: new tab.`);
    else if (tab.action === 'adopt') {
      const parts = [];
      if (tab.addColumns.length) parts.push(`add ${tab.addColumns.join(', ')}`);
      if (tab.addSettings.length) parts.push(`add settings ${tab.addSettings.join(', ')}`);
      if (tab.recognised.length) parts.push(`use ${tab.recognised.map((r) => `"${r.header}" as ${r.as}`).join(', ')}`);
      if (tab.kept.length) parts.push(`keep ${tab.kept.map((k) => `"${k}"`).join(', ')} as they are`);
      lines.push(`• ${tab.sheet === tab.tab ? tab.tab : `${tab.sheet} (as ${tab.tab})`}: ${parts.join('; ') || 'add notes and formatting'}.`);
    }
  }
  return lines.join('\n');
}
