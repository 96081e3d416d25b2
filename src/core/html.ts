/**
 * HTML for email: every value escaped, no scripts or images. Styles are inline first (Gmail and
 * other clients may drop <style>), so a message reads well without them; the one <style> block
 * only makes tables collapse to one column on narrow screens (phones).
 */

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

/** Below this width a table is shown as one column (a phone held upright is 320–430 px wide). */
export const NARROW_SCREEN_PX = 480;

export const STYLE = {
  body: 'font-family:Roboto,Arial,sans-serif;font-size:14px;line-height:1.45;color:#202124;margin:0;padding:16px;word-wrap:break-word;overflow-wrap:break-word;',
  h1: 'font-size:18px;font-weight:500;margin:0 0 4px;',
  h2: 'font-size:15px;font-weight:500;margin:20px 0 6px;',
  muted: 'color:#5f6368;font-size:12px;',
  /** Cells inherit overflow-wrap from their table: said once a table, not once a cell. */
  table: 'border-collapse:collapse;width:100%;max-width:720px;overflow-wrap:anywhere;',
  th: 'text-align:left;padding:6px 8px;border-bottom:1px solid #dadce0;font-size:12px;color:#5f6368;font-weight:500;',
  td: 'padding:6px 8px;border-bottom:1px solid #f1f3f4;',
  link: 'color:#1a73e8;text-decoration:none;',
  button:
    'display:inline-block;background:#1a73e8;color:#ffffff;padding:8px 16px;border-radius:4px;text-decoration:none;font-weight:500;',
  summary: 'background:#e8f0fe;border-radius:8px;padding:12px 16px;margin:0 0 16px;max-width:688px;',
  list: 'margin:4px 0 8px;padding-left:20px;',
} as const;

/** Class of every table: the narrow-screen rule below stacks its cells. */
const TABLE_CLASS = 'opsplan-table';
const NARROW_CSS = `@media only screen and (max-width:${NARROW_SCREEN_PX}px){.${TABLE_CLASS},.${TABLE_CLASS} tbody,.${TABLE_CLASS} tr,.${TABLE_CLASS} td{display:block!important;width:auto!important;}.${TABLE_CLASS} thead{display:none!important;}.${TABLE_CLASS} tr{border-bottom:1px solid #dadce0;padding:6px 0;}.${TABLE_CLASS} td{border:none!important;padding:2px 0!important;}.${TABLE_CLASS} td:first-child{float:left;padding-right:8px!important;}}`;

export function pill(text: string, colours: { background: string; font: string }): string {
  return `<span style="padding:1px 8px;border-radius:10px;font-size:12px;white-space:nowrap;background:${colours.background};color:${colours.font}">${escapeHtml(text)}</span>`;
}

/** Escaped text that never wraps inside (a value with its unit, a date): no "90.2 /" on one line and "99.9 %" on the next. */
export function nowrap(text: string): string {
  return `<span style="white-space:nowrap;">${escapeHtml(text)}</span>`;
}

/** Escaped text in the muted style. */
export function muted(text: string): string {
  return `<span style="${STYLE.muted}">${escapeHtml(text)}</span>`;
}

export function link(text: string, url: string): string {
  return `<a href="${escapeHtml(safeUrl(url))}" style="${STYLE.link}">${escapeHtml(text)}</a>`;
}

export function button(text: string, url: string): string {
  return `<a href="${escapeHtml(safeUrl(url))}" style="${STYLE.button}">${escapeHtml(text)}</a>`;
}

/** A bullet list whose items are already-escaped HTML fragments. */
export function bullets(items: readonly string[]): string {
  return `<ul style="${STYLE.list}">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

/**
 * A table whose cells are already-escaped HTML fragments. On a narrow screen its rows stack into
 * one column, unless `stack` is false (a table of short numbers reads better with its headers).
 * What every cell shares is said once: `valign` on the row (mail clients that ignore CSS on rows
 * honour it), overflow-wrap on the table (inherited); a row costs its content, not its styles.
 */
export function table(headers: string[], rows: string[][], stack = true): string {
  const head = headers.map((h) => `<th style="${STYLE.th}">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr valign="top">${r.map((c) => `<td style="${STYLE.td}">${c}</td>`).join('')}</tr>`)
    .join('');
  return `<table role="presentation"${stack ? ` class="${TABLE_CLASS}"` : ''} style="${STYLE.table}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function page(title: string, inner: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${NARROW_CSS}</style></head><body style="${STYLE.body}">${inner}</body></html>`;
}
