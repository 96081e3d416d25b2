/** HTML for email: every value escaped, styles inline (Gmail drops <style>), no scripts or images. */

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A URL safe to put in href: only our spreadsheet links (https) survive. */
export function safeUrl(url: string): string {
  return /^https:\/\/[^\s"'<>]+$/.test(url) ? url : '#';
}

/** One line for a subject or a display name: no newlines (header injection), bounded length. */
export function oneLine(text: string, max = 150): string {
  const flat = String(text)
    .replace(/[\r\n\u2028\u2029\t]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export const STYLE = {
  body: 'font-family:Roboto,Arial,sans-serif;font-size:14px;line-height:1.45;color:#202124;margin:0;padding:16px;',
  h1: 'font-size:18px;font-weight:500;margin:0 0 4px;',
  h2: 'font-size:15px;font-weight:500;margin:20px 0 6px;',
  muted: 'color:#5f6368;font-size:12px;',
  table: 'border-collapse:collapse;width:100%;max-width:720px;',
  th: 'text-align:left;padding:6px 8px;border-bottom:1px solid #dadce0;font-size:12px;color:#5f6368;font-weight:500;',
  td: 'padding:6px 8px;border-bottom:1px solid #f1f3f4;vertical-align:top;',
  link: 'color:#1a73e8;text-decoration:none;',
  button:
    'display:inline-block;background:#1a73e8;color:#ffffff;padding:8px 16px;border-radius:4px;text-decoration:none;font-weight:500;',
} as const;

export function pill(text: string, colours: { background: string; font: string }): string {
  return `<span style="display:inline-block;padding:2px 8px;border-radius:10px;font-size:12px;font-weight:500;background:${colours.background};color:${colours.font};">${escapeHtml(text)}</span>`;
}

export function link(text: string, url: string): string {
  return `<a href="${escapeHtml(safeUrl(url))}" style="${STYLE.link}">${escapeHtml(text)}</a>`;
}

/** A table whose cells are already-escaped HTML fragments. */
export function table(headers: string[], rows: string[][]): string {
  const head = headers.map((h) => `<th style="${STYLE.th}">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c) => `<td style="${STYLE.td}">${c}</td>`).join('')}</tr>`)
    .join('');
  return `<table role="presentation" style="${STYLE.table}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function page(title: string, inner: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="${STYLE.body}">${inner}</body></html>`;
}
