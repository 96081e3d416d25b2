/** What the playground page and server exchange: plain data types only (no Node imports). */

export interface RenderedCell {
  v: string;
  f?: string;
  bg?: string;
  color?: string;
  bold?: boolean;
  note?: string;
  /** A rich-text link or the target of a HYPERLINK formula. */
  link?: string;
  list?: string[];
  /** Horizontal alignment other than left (numbers are right-aligned by default). */
  align?: 'center' | 'right';
  wrap?: boolean;
}

/** An embedded chart as the page draws it: its data read from its ranges, and its options. */
export interface RenderedChart {
  id: number;
  type: string;
  title: string;
  /** Top-left cell and pixel offsets from it; size in pixels. */
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  width: number;
  height: number;
  categories: string[];
  series: { name: string; color: string; values: (number | null)[] }[];
  stacked: boolean;
  legend: 'top' | 'right' | 'bottom' | 'left' | 'none';
  pieHole: number;
  hAxisTitle: string;
  vAxisTitle: string;
  vMin?: number;
  vMax?: number;
  background: string;
}

export interface RenderedSheet {
  name: string;
  gid: number;
  rows: number;
  columns: number;
  shownRows: number;
  frozenRows: number;
  frozenColumns: number;
  /** Conditional-format criteria on this sheet the playground cannot paint yet (shown as a notice). */
  unpainted: string[];
  widths: number[];
  cells: RenderedCell[][];
  charts: RenderedChart[];
}

export interface PlaygroundState {
  spreadsheetName: string;
  timeZone: string;
  now: string;
  nowIso: string;
  /** The clock on the spreadsheet's wall (yyyy-MM-ddTHH:mm in its time zone), as the page's inputs show it. */
  nowWall: string;
  sheets: { name: string; gid: number; color: string | null; hidden: boolean }[];
  active: RenderedSheet | null;
  selection: { sheet: string; row: number; column: number } | null;
  menus: { title: string; items: { caption: string; functionName?: string; separator?: boolean }[] }[];
  sidebarOpen: boolean;
  /** Changes when a script shows the sidebar again: the page loads it anew, as Sheets does. */
  sidebarVersion: number;
  outbox: { id: number; to: string[]; cc: string[]; subject: string; sentAt: string }[];
  triggers: { handler: string; owner: string; next: string | null }[];
}

/** A Ui.alert or Ui.prompt waiting for the user; the script is paused until they answer. */
export interface PendingDialog {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  /** A ButtonSet name: OK, OK_CANCEL, YES_NO or YES_NO_CANCEL. */
  buttons: string;
}

export interface OperationResult {
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string };
  alerts: { title: string; prompt: string }[];
  toasts: { title: string; message: string }[];
  executions?: { functionName: string; at: string; error?: string }[];
  /** Set while the operation waits for the user: answer it through /api/dialog. */
  dialog?: PendingDialog;
}
