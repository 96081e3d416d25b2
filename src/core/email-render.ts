/**
 * Building blocks every message shares: subjects, links to rows, table rows, values that read well
 * on a phone, how to update the plan, the footer, and lists that stop at a row limit with "…and N
 * more in the plan" (how messages fit the size limits).
 */
import { okrScore, type TreeLine } from './goal-report';
import { button, escapeHtml, link, muted, nowrap, oneLine, pill, STYLE, table } from './html';
import { MAIL_CELL_CHARACTERS } from './limits';
import { MENU, MENU_TITLE, type MenuEntry, type MenuHandler } from './menu';
import type { Activity, Kpi, Risk, RowRef } from './plan-model';
import { ragOf, type StatusKind } from './rag';
import type { KpiLine } from './report';
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
  /** Progress as OKR scores 0.0–1.0 (the Plan's OKR scores setting). */
  okr?: boolean;
  /** Most rows a list shows: MAIL_LIST_ROWS, or the Plan's Report lines when fewer. */
  listRows?: number;
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

/** 12800 → "12,800", without relying on the runtime's locale data. */
export function groupThousands(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A number short enough for a phone: 90.2, 0.25, 12,800, 1.25M. Two decimals at most; thousands
 * grouped; millions and billions shortened (a mail is read, not computed with).
 */
export function shortNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${trim(n / 1e9)}B`;
  if (abs >= 1e6) return `${trim(n / 1e6)}M`;
  if (abs >= 1e4) return groupThousands(Math.round(n));
  return trim(n);
}
const trim = (n: number) => String(Math.round(n * 100) / 100);

/** Units longer than this are not kept on one line with the number. */
const SHORT_UNIT = 12;
const MISSING = 'no value yet';

/** A KPI's Actual against its Target: "90.2 / 99.9 %", or "no value yet" and the target. */
export function kpiValue(k: Pick<Kpi, 'actual' | 'target' | 'unit'>): Rendered {
  const unit = clip(k.unit);
  const target = k.target === null ? '' : shortNumber(k.target);
  const withUnit = (numbers: string) =>
    !unit
      ? nowrap(numbers)
      : unit.length <= SHORT_UNIT
        ? nowrap(`${numbers} ${unit}`)
        : `${nowrap(numbers)} ${escapeHtml(unit)}`;
  if (k.actual === null) {
    const goal = target ? `target ${target}${unit ? ` ${unit}` : ''}` : '';
    return {
      html: `${nowrap(MISSING)}${goal ? `<br>${muted(goal)}` : ''}`,
      text: goal ? `${MISSING}, ${goal}` : MISSING,
    };
  }
  const actual = shortNumber(k.actual);
  const numbers = target ? `${actual} / ${target}` : actual;
  return {
    html: withUnit(numbers),
    text: `${target ? `${actual} of ${target}` : actual}${unit ? ` ${unit}` : ''}`,
  };
}

/** "65% progress", or "OKR score 0.7" when the Plan shows OKR scores. */
export function progressText(progress: number | null, context: MailContext): string {
  if (progress === null) return '';
  return context.okr ? `OKR score ${okrScore(progress)}` : `${Math.round(progress * 100)}% progress`;
}

export function kpiRows(kpis: readonly (Kpi | KpiLine)[], context: MailContext): string[][] {
  return kpis.map((k) => {
    const progress = progressText(k.progress, context);
    const stale = 'stale' in k && k.stale ? ` ${muted('please update')}` : '';
    return [
      link(clip(k.id || '—'), rowUrl(context, k)),
      cell(k.kpi),
      `${kpiValue(k).html}${progress ? `<br>${muted(progress)}` : ''}`,
      `${statusPill('kpi', k.status)}${stale}`,
    ];
  });
}

/** The goal tree's rows (report.ts): indented by level, Progress or OKR score, status, work done. */
export function treeRows(lines: readonly TreeLine[], context: MailContext): string[][] {
  return lines.map((g) => [
    link(clip(g.id || '—'), rowUrl(context, g)),
    `${'&nbsp;'.repeat(4 * g.level)}${g.level ? '↳ ' : ''}${cell(g.kpi ? `${g.goal} — ${g.kpi}` : g.goal)}${g.folded ? `<br>${muted(`${g.folded} below, not listed`)}` : ''}`,
    escapeHtml(
      g.progress === null ? '' : context.okr ? okrScore(g.progress) : `${Math.round(g.progress * 100)}%`,
    ),
    statusPill('kpi', g.status),
    g.work.total ? nowrap(`${g.work.done} of ${g.work.total}`) : '',
  ]);
}

/** A row of the goal tree as plain text, indented by its level. */
export const treeTextLine = (g: TreeLine, context: MailContext) =>
  `${'  '.repeat(g.level)}${textLine(
    g,
    `${g.kpi ? `${g.goal} — ${g.kpi}` : g.goal}: ${g.status || 'No data'}${g.progress === null ? '' : ` (${progressText(g.progress, context)})`}${g.work.total ? `, ${g.work.done} of ${g.work.total} milestones and tasks done` : ''}${g.folded ? `, ${g.folded} below` : ''}`,
    rowUrl(context, g),
  ).replace('\n', `\n${'  '.repeat(g.level)}`)}`;

/** "5 days late", "due today", "in 3 days": how far a date is from today. */
export function relativeDay(day: number, today: number): string {
  const days = day - today;
  if (days < 0) return days === -1 ? '1 day late' : `${-days} days late`;
  return days === 0 ? 'due today' : days === 1 ? 'due tomorrow' : `in ${days} days`;
}

export function activityRows(
  list: readonly Activity[],
  context: MailContext,
  options: { owner?: boolean } = {},
): string[][] {
  return list.map((a) => [
    link(clip(a.id || '—'), rowUrl(context, a)),
    `${cell(a.name)}${options.owner ? `<br>${muted(`owner ${clip(a.owner) || 'none'}`)}` : ''}`,
    a.due === null
      ? muted('no date')
      : `${nowrap(isoFromDay(a.due))}<br>${muted(relativeDay(a.due, context.today))}`,
    statusPill('work', a.status),
  ]);
}

export function riskRows(list: readonly Risk[], context: MailContext): string[][] {
  return list.map((r) => [
    link(clip(r.id || '—'), rowUrl(context, r)),
    cell(r.risk),
    r.reviewDate === null ? muted('no date') : nowrap(isoFromDay(r.reviewDate)),
    statusPill('risk', r.level),
  ]);
}

/** One plain-text line of a list: "- ID what", then the row's link. */
export const textLine = (ref: { id: string }, rest: string, url: string) =>
  `- ${clip(ref.id)} ${clip(rest)}\n  ${url}`;

/** A piece of work as a plain-text line: name, status and due date, then its row's link. */
export const workTextLine = (a: Activity, context: MailContext) =>
  textLine(
    a,
    `${a.name}: ${a.status}, ${a.due === null ? 'no due date' : `due ${isoFromDay(a.due)} (${relativeDay(a.due, context.today)})`}`,
    rowUrl(context, a),
  );

/** A KPI as a plain-text line: name, status and value, then its row's link. */
export const kpiTextLine = (k: KpiLine, context: MailContext) =>
  textLine(
    k,
    `${k.kpi}: ${k.status || 'No data'} (${kpiValue(k).text}${context.okr && k.progress !== null ? `, ${progressText(k.progress, context)}` : ''})${k.stale ? ' — please update' : ''}`,
    rowUrl(context, k),
  );

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

/**
 * Where a menu item is, as a reader finds it. The add-on menu sits under Extensions and carries the
 * add-on's name; a script bound to the spreadsheet carries the script project's name there
 * (docs/APPS-SCRIPT.md#menus), which is why the README names the project OpsPlan.
 */
export function menuPath(handler: MenuHandler): string {
  const entry = (MENU as readonly (MenuEntry | 'separator')[]).find(
    (m): m is MenuEntry => m !== 'separator' && m.handler === handler,
  );
  if (!entry) throw new Error(`No menu item runs ${handler}`);
  return `Extensions → ${MENU_TITLE} → ${entry.caption}`;
}

/** Where owners update their items. */
export const MY_ITEMS_PATH = menuPath('menuMyItems');

/** The spreadsheet's link and how to update from it: every status message carries it once. */
export function howToUpdate(context: MailContext): Rendered {
  const how = `To update your items, open the plan and choose ${MY_ITEMS_PATH}.`;
  return {
    html: `<p style="margin:8px 0 0;">${button('Open the plan', context.url)}</p><p style="${STYLE.muted}margin:6px 0 0;">${escapeHtml(how)}</p>`,
    text: `Open the plan: ${context.url}\n${how}\n`,
  };
}

/** The end of a message: why the reader gets it (each reason once, in one sentence), and from where. */
export function footer(context: MailContext, reasons: readonly string[]): Rendered {
  const unique = [...new Set(reasons)];
  const joined =
    unique.length > 1 ? `${unique.slice(0, -1).join('; ')}; and ${unique[unique.length - 1]}` : unique[0];
  const why = `You get this because ${joined}.`;
  return {
    html: `<p style="${STYLE.muted}margin-top:24px;">${escapeHtml(why)} Sent by OpsPlan from <a href="${escapeHtml(context.url)}" style="${STYLE.link}">the plan spreadsheet</a>.</p>`,
    text: `\n--\n${why} Sent by OpsPlan from ${context.url}`,
  };
}

export function dueText(a: Activity, today: number): string {
  if (a.due === null) return 'soon';
  const days = a.due - today;
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days (${isoFromDay(a.due)})`;
}

/**
 * Bytes a text takes in a message as sent, whichever transfer encoding the mail service picks:
 * quoted-printable (a byte outside printable ASCII, or `=`, becomes three; lines break at 76) or
 * base64 (4 bytes per 3, lines of 76). The larger of the two, so the estimate holds for either.
 */
export function encodedLength(text: string): number {
  let utf8 = 0;
  let quoted = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      utf8 += 1;
      quoted += c === 0x3d || (c < 0x20 && c !== 0x0a) || c === 0x7f ? 3 : 1;
    } else {
      // A surrogate pair is 4 bytes: 3 for the high half here, 1 for the low half below.
      const bytes = c < 0x800 ? 2 : c >= 0xdc00 && c < 0xe000 ? 1 : 3;
      utf8 += bytes;
      quoted += 3 * bytes;
    }
  }
  const qp = quoted + Math.ceil(quoted / 75) * 2;
  const base64 = Math.ceil(utf8 / 3) * 4;
  return Math.max(qp, base64 + Math.ceil(base64 / 76) * 2);
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
