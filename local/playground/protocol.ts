/** What the playground page and server exchange: plain data types only (no Node imports). */

export interface RenderedCell {
  v: string;
  f?: string;
  bg?: string;
  color?: string;
  bold?: boolean;
  note?: string;
  link?: string;
  list?: string[];
}

export interface RenderedSheet {
  name: string;
  gid: number;
  rows: number;
  columns: number;
  shownRows: number;
  frozenRows: number;
  widths: number[];
  cells: RenderedCell[][];
}

export interface PlaygroundState {
  spreadsheetName: string;
  timeZone: string;
  now: string;
  nowIso: string;
  sheets: { name: string; gid: number; color: string | null; hidden: boolean }[];
  active: RenderedSheet | null;
  selection: { sheet: string; row: number; column: number } | null;
  menus: { title: string; items: { caption: string; functionName?: string; separator?: boolean }[] }[];
  sidebarOpen: boolean;
  outbox: { id: number; to: string[]; cc: string[]; subject: string; sentAt: string }[];
  triggers: { handler: string; owner: string; next: string | null }[];
}

export interface OperationResult {
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string };
  alerts: { title: string; prompt: string }[];
  toasts: { title: string; message: string }[];
  executions?: { functionName: string; at: string; error?: string }[];
}
