/** Plain-language summaries shown in alerts and the sidebar. */
import type { CheckResult } from './check';
import type { SetupPreview } from './scaffold';

export function describePreview(preview: SetupPreview): string {
  const lines: string[] = [];
  for (const tab of preview.tabs) {
    if (tab.action === 'create') lines.push(`• ${tab.tab}: new tab.`);
    else if (tab.action === 'adopt') {
      const parts = [];
      if (tab.addColumns.length) parts.push(`add ${tab.addColumns.join(', ')}`);
      if (tab.addSettings.length) parts.push(`add settings ${tab.addSettings.join(', ')}`);
      if (tab.recognised.length)
        parts.push(`use ${tab.recognised.map((r) => `"${r.header}" as ${r.as}`).join(', ')}`);
      if (tab.kept.length) parts.push(`keep ${tab.kept.map((k) => `"${k}"`).join(', ')} as they are`);
      lines.push(
        `• ${tab.sheet === tab.tab ? tab.tab : `${tab.sheet} (as ${tab.tab})`}: ${parts.join('; ') || 'add notes and formatting'}.`,
      );
    }
  }
  return lines.join('\n');
}

/** The Check plan alert: counts, then the first findings with their cells. */
export function describeCheck(result: CheckResult, shown = 12): string {
  const { error, warning, info } = result.counts;
  if (error + warning + info === 0) return 'No problems found. The plan is consistent.';
  const head = `${error} error${error === 1 ? '' : 's'}, ${warning} warning${warning === 1 ? '' : 's'}, ${info} note${info === 1 ? '' : 's'}.`;
  const lines = result.findings
    .slice(0, shown)
    .map(
      (f) =>
        `${f.severity === 'error' ? '✖' : f.severity === 'warning' ? '▲' : 'ℹ'} ${f.tab}${f.cell ? `!${f.cell}` : ''}: ${f.message} ${f.fix}`,
    );
  const more =
    result.findings.length > shown
      ? `\n…and ${result.findings.length - shown} more: open the sidebar to see and jump to each.`
      : '';
  return `${head}\n\n${lines.join('\n')}${more}`;
}

interface SendSummary {
  messages: readonly unknown[];
  recipients: readonly string[];
  outside: readonly string[];
  skipped: readonly { who: string; why: string }[];
}

const listed = (items: readonly string[], max = 15) =>
  `${items.slice(0, max).join(', ')}${items.length > max ? ` and ${items.length - max} more` : ''}`;

/** The Send now confirmation: how many messages to how many people, who is outside, who is skipped. */
export function describeSendPreview(p: SendSummary): string {
  const lines = [
    `${p.messages.length} message${p.messages.length === 1 ? '' : 's'} to ${p.recipients.length} recipient${p.recipients.length === 1 ? '' : 's'}, one each. Nothing already sent this period goes again.`,
  ];
  if (p.outside.length) lines.push(`Outside your domain: ${listed(p.outside)}.`);
  if (p.skipped.length) lines.push(`Skipped: ${p.skipped.map((s) => `${s.who} ${s.why}`).join('; ')}.`);
  lines.push('Send now?');
  return lines.join('\n\n');
}

export function describeNothingToSend(p: SendSummary): string {
  return `Nothing to send: everything due this period has gone.${p.skipped.length ? ` Skipped: ${p.skipped.map((s) => `${s.who} ${s.why}`).join('; ')}.` : ''}`;
}
