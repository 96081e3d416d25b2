/**
 * Building blocks every message shares: subjects, links to rows, table rows, the footer, and
 * lists that stop at a row limit with "…and N more in the plan" (how messages fit the size limits).
 */
import { escapeHtml, link, oneLine, pill, STYLE, table } from './html';
import { MAIL_CELL_CHARACTERS } from './limits';
import type { Activity, Kpi, Risk, RowRef } from './plan-model';
import { ragOf, type StatusKind } from './rag';
import { fmt, type KpiLine } from './report';
import { RAG } from './spec/types';
import { isoFromDay } from './values';

export interface MailContext {
  /** Spreadsheet URL, for links to rows. */
  url: string;
  gids: Record<string, number>;
  today: number;
  /** The digest period, e.g. 2026-W48 or 2026-11-24: one digest per recipient per period. */
  period: string;
  /** Daily or Weekly for scheduled mail; null when sent by hand ("Status", not "Weekly status"). */
  cadence: 'Daily' | 'Weekly' | null;
}

/** A rendered part of a message: HTML inside <body>, and plain text. */
export interface Rendered {
  html: string;
  text: string;
}

export function rowUrl(context: MailContext, ref: RowRef): string {
  const gid = context.gids[ref.tab];
  return gid === undefined ? context.url : `${context.url}#gid=${gid}&range=A${ref.row}`;
}

export const tabUrl = (context: MailContext, tab: string): string =>
  context.gids[tab] === undefined ? context.url : `${context.url}#gid=${context.gids[tab]}`;

/** A cell's text as a mail shows it: one line, at most MAIL_CELL_CHARACTERS (cells hold 50,000). */
export const clip = (text: string): string => oneLine(text, MAIL_CELL_CHARACTERS);
const cell = (text: string) => escapeHtml(clip(text));

export const statusPill = (kind: StatusKind, status: string) =>
  pill(status || 'No data', RAG[ragOf(kind, status || 'No data')]);
export const subjectOf = (planName: string, text: string) =>
  oneLine(`[${oneLine(planName, 80)}] ${text}`, 180);
/** "Weekly status", or "Status" when sent by hand. */
export const cadenceLabel = (context: MailContext, what: string) =>
  context.cadence ? `${context.cadence} ${what}` : what.charAt(0).toUpperCase() + what.slice(1);
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function kpiRows(kpis: readonly (Kpi | KpiLine)[], context: MailContext): string[][] {
  return kpis.map((k) => [
    link(clip(k.id || '—'), rowUrl(context, k)),
    cell(k.kpi),
    `${escapeHtml(fmt(k.actual))} / ${escapeHtml(fmt(k.target))} ${cell(k.unit)}`,
    escapeHtml(k.progress === null ? '' : `${Math.round(k.progress * 100)}%`),
    statusPill('kpi', k.status),
  ]);
}

export function activityRows(list: readonly Activity[], context: MailContext): string[][] {
  return list.map((a) => [
    link(clip(a.id || '—'), rowUrl(context, a)),
    cell(a.name),
    escapeHtml(a.due === null ? '' : isoFromDay(a.due)),
    statusPill('work', a.status),
  ]);
}

export function riskRows(list: readonly Risk[], context: MailContext): string[][] {
  return list.map((r) => [
    link(clip(r.id || '—'), rowUrl(context, r)),
    cell(r.risk),
    escapeHtml(r.reviewDate === null ? '' : isoFromDay(r.reviewDate)),
    statusPill('risk', r.level),
  ]);
}

/** One plain-text line of a list: "- ID what", then the row's link. */
export const textLine = (ref: { id: string }, rest: string, url: string) =>
  `- ${clip(ref.id)} ${clip(rest)}\n  ${url}`;

/** A piece of work as a plain-text line: name, status and due date, then its row's link. */
export const workTextLine = (a: Activity, context: MailContext) =>
  textLine(a, `${a.name}: ${a.status}, due ${a.due === null ? '?' : isoFromDay(a.due)}`, rowUrl(context, a));

/** "…and N more in the plan", linked to where they are. */
export function moreLine(hidden: number, url: string, where = 'the plan'): Rendered {
  if (hidden <= 0) return { html: '', text: '' };
  return {
    html: `<p style="${STYLE.muted}">…and ${hidden} more in ${escapeHtml(where)}: <a href="${escapeHtml(url)}" style="${STYLE.link}">open it</a>.</p>`,
    text: `…and ${hidden} more in ${where}: ${url}\n`,
  };
}

/** A titled table of at most `rows` items of `list`, the rest counted and linked. */
export function listSection<T>(
  title: string,
  columns: string[],
  list: readonly T[],
  rows: number,
  htmlRows: (shown: readonly T[]) => string[][],
  textOf: (item: T) => string,
  moreUrl: string,
  where?: string,
): Rendered {
  const shown = list.slice(0, Math.max(0, rows));
  const more = moreLine(list.length - shown.length, moreUrl, where);
  return {
    html: `<h2 style="${STYLE.h2}">${escapeHtml(title)}</h2>${shown.length ? table(columns, htmlRows(shown)) : ''}${more.html}`,
    text: `\n${title}:\n${shown.map(textOf).join('\n')}${shown.length ? '\n' : ''}${more.text}`,
  };
}

export function footer(context: MailContext, why: string): Rendered {
  return {
    html: `<p style="${STYLE.muted}">${escapeHtml(why)} Sent by OpsPlan from <a href="${escapeHtml(context.url)}" style="${STYLE.link}">the plan spreadsheet</a>.</p>`,
    text: `\n--\n${why} Sent by OpsPlan from ${context.url}`,
  };
}

export function dueText(a: Activity, today: number): string {
  if (a.due === null) return 'soon';
  const days = a.due - today;
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days (${isoFromDay(a.due)})`;
}

/** 12800 → "12,800", without relying on the runtime's locale data. */
export function groupThousands(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 3 for the high half here, 1 for the low half below.
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xdc00 && c < 0xe000 ? 1 : 3;
  }
  return n;
}
