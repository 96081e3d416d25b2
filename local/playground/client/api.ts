import type { OperationResult, PlaygroundState } from '../protocol';

/** The workbook as the page shows it; null while a dialog holds the script (the server answers 409). */
export async function getState(sheet?: string): Promise<PlaygroundState | null> {
  const r = await fetch(`/api/state${sheet ? `?sheet=${encodeURIComponent(sheet)}` : ''}`);
  return r.status === 409 ? null : r.json();
}

export async function post(path: string, body: unknown = {}): Promise<OperationResult> {
  const r = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return r.json();
}

export function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A link inside the spreadsheet (`#gid=…&range=B5`): the tab and the range's first cell. */
export function internalLink(link: string): { gid: number; row: number; column: number } | null {
  const gid = /(?:^#|&)gid=(\d+)/.exec(link);
  if (!link.startsWith('#') || !gid) return null;
  const range = /[#&]range=\$?([A-Z]{1,3})\$?(\d+)/i.exec(link);
  if (!range) return { gid: Number(gid[1]), row: 1, column: 1 };
  const column = range[1]!
    .toUpperCase()
    .split('')
    .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { gid: Number(gid[1]), row: Number(range[2]), column };
}
