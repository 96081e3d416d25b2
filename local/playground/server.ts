/** The playground's web server (loopback only): the page, the real sidebar, and a JSON API. */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

import type { OperationResult } from './protocol.js';
import type { Operation, SessionOptions } from './session.js';
import { type Outcome, SessionHost } from './session-host.js';

const here = fileURLToPath(new URL('.', import.meta.url));

export interface Playground {
  url: string;
  session: SessionHost;
  close(): Promise<void>;
}

/**
 * google.script.run and google.script.host for the sidebar, bridged to this server. Messages go to
 * the page's own origin only: the sidebar is served from it.
 */
const BRIDGE = `<script>
(function () {
  function tell(message) { window.parent.postMessage(message, window.location.origin); }
  function fromPage(e, type) {
    return e.origin === window.location.origin && e.source === window.parent && e.data && e.data.type === type;
  }
  function runner(success, failure, userObject) {
    function finish(res) {
      if (res.ok) { if (success) success(res.value, userObject); }
      else if (failure) { var e = new Error(res.error.message); e.name = res.error.name; failure(e, userObject); }
    }
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (h) { return runner(h, failure, userObject); };
        if (name === 'withFailureHandler') return function (h) { return runner(success, h, userObject); };
        if (name === 'withUserObject') return function (o) { return runner(success, failure, o); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/api/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fn: name, args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (res) {
              tell({ type: 'opsplan:changed', result: res });
              if (!res.dialog) return finish(res);
              // The script waits on a dialog the page shows; the page hands back how it ended.
              window.addEventListener('message', function settled(e) {
                if (!fromPage(e, 'opsplan:settled')) return;
                window.removeEventListener('message', settled);
                finish(e.data.result);
              });
            });
        };
      }
    });
  }
  window.google = { script: { run: runner(), host: { close: function () { tell({ type: 'opsplan:close' }); }, editor: { focus: function () {} } } } };
})();
</script>`;

/** The page's icon (the browser asks for one; a missing icon is a console error). */
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="2" fill="#188038"/><path d="M3 5h10M3 8h10M3 11h10M6 3v10" stroke="#fff" stroke-width="1.2"/></svg>';

async function clientBundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(here, 'client/main.tsx')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    write: false,
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outfile: 'client.js',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  // JSON only: a cross-site form or text/plain POST (no CORS preflight) is refused unread.
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    return Promise.reject(new HttpError(415, 'Send JSON (content-type: application/json).'));
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk) => {
      data += chunk;
      if (data.length > 5_000_000) reject(new HttpError(413, 'Too large'));
    });
    req.on('end', () => {
      try {
        const value: unknown = data ? JSON.parse(data) : {};
        if (!value || typeof value !== 'object' || Array.isArray(value))
          throw new Error('Expected a JSON object');
        resolve(value as Record<string, unknown>);
      } catch (e) {
        reject(new HttpError(400, (e as Error).message));
      }
    });
  });
}

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  // Only the playground itself may frame its pages (the sidebar and the email view).
  'content-security-policy': "frame-ancestors 'self'",
};

function send(res: ServerResponse, status: number, type: string, body: string, csp?: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...(csp ? { 'content-security-policy': `${csp}; frame-ancestors 'self'` } : {}),
    'content-type': type,
  });
  res.end(body);
}

const json = (res: ServerResponse, value: unknown, status = 200) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

const failure = (name: string, message: string): OperationResult => ({
  ok: false,
  error: { name, message },
  alerts: [],
  toasts: [],
});

/**
 * Requests from anywhere but the playground's own page are refused: the Host must be this server
 * (no DNS rebinding), and a browser's Origin and Sec-Fetch-Site must say same-origin.
 */
function checkOrigin(req: IncomingMessage, port: number): void {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = req.headers.host ?? '';
  if (!hosts.includes(host)) throw new HttpError(403, 'Unknown host');
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`)
    throw new HttpError(403, 'Cross-origin request refused');
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    throw new HttpError(403, 'Cross-site request refused');
}

export async function startPlayground(
  options: Omit<SessionOptions, 'ask'> & { port?: number } = {},
): Promise<Playground> {
  const { port: wanted, ...sessionOptions } = options;
  const session = new SessionHost(sessionOptions);
  const client = await clientBundle();
  const page = readFileSync(join(here, 'client/index.html'), 'utf8').replace(
    '<!--__CLIENT__-->',
    // A function, so `$'` and `$&` in the bundle are not replacement patterns.
    () => `<script>${client.replace(/<\/script/gi, '<\\/script')}</script>`,
  );
  const distDir = await session.value<string>({ type: 'distDir' });
  const sidebar = () =>
    readFileSync(join(distDir, 'Sidebar.html'), 'utf8').replace('<head>', `<head>${BRIDGE}`);

  /** The result of an operation, or the dialog its script now waits on. */
  const reply = (res: ServerResponse, outcome: Outcome) =>
    json(
      res,
      outcome.type === 'dialog'
        ? ({ ok: true, alerts: [], toasts: [], dialog: outcome.dialog } satisfies OperationResult)
        : outcome.value,
    );
  /** While a script waits for the user, nothing else runs (as with a modal dialog in Sheets). */
  const busy = (res: ServerResponse) =>
    json(res, failure('DialogOpen', 'Answer the open dialog first.'), 409);

  let port = 0;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      checkOrigin(req, port);
      if (req.method === 'GET' && url.pathname === '/')
        return send(res, 200, 'text/html; charset=utf-8', page);
      if (req.method === 'GET' && url.pathname === '/favicon.svg')
        return send(res, 200, 'image/svg+xml', FAVICON);
      if (req.method === 'GET' && url.pathname === '/sidebar')
        return send(res, 200, 'text/html; charset=utf-8', sidebar());
      if (req.method === 'GET' && url.pathname === '/api/dialog')
        return json(res, { dialog: session.pending?.dialog ?? null });
      if (req.method === 'GET' && url.pathname === '/api/state') {
        if (session.pending) return busy(res);
        return json(
          res,
          await session.value({ type: 'state', sheet: url.searchParams.get('sheet') ?? undefined }),
        );
      }
      const mail = /^\/api\/outbox\/(\d+)$/.exec(url.pathname);
      if (req.method === 'GET' && mail) {
        if (session.pending) return busy(res);
        const eml = url.searchParams.get('format') === 'eml';
        const message = await session.value<{ html: string; text: string; eml?: string } | null>({
          type: 'mail',
          mailId: Number(mail[1]),
          eml,
        });
        if (!message) return send(res, 404, 'text/plain', 'No such message');
        if (eml) return send(res, 200, 'message/rfc822', message.eml!);
        // Shown in a sandboxed iframe, as a mail client would: no scripts run either way.
        return send(
          res,
          200,
          'text/html; charset=utf-8',
          message.html || `<pre>${message.text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</pre>`,
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        );
      }
      if (req.method !== 'POST' || !url.pathname.startsWith('/api/'))
        return send(res, 404, 'text/plain', 'Not found');
      const body = await readJson(req);
      if (url.pathname === '/api/dialog') {
        const answer = toAnswer(body);
        if (!answer) return json(res, failure('BadRequest', 'Answer with a button'), 400);
        return reply(res, await session.answer(answer));
      }
      if (url.pathname === '/api/reset') {
        // A reset dismisses any open dialog first (the × of the dialog: Button.CLOSE).
        while (session.pending) await session.answer({ button: 'CLOSE' });
        await session.value({ type: 'reset' });
        return json(res, { ok: true, alerts: [], toasts: [] } satisfies OperationResult);
      }
      const op = toOperation(url.pathname, body);
      if (!op) return json(res, failure('BadRequest', 'Unknown operation'), 400);
      if (session.pending) return busy(res);
      return reply(res, await session.request({ type: 'apply', op }));
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      json(res, failure(status === 500 ? 'ServerError' : 'BadRequest', (error as Error).message), status);
    }
  });
  await new Promise<void>((resolve) => server.listen(wanted ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    session,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await session.close();
    },
  };
}

function toAnswer(body: Record<string, unknown>): { button: string; text?: string } | null {
  if (typeof body.button !== 'string' || !/^[A-Z_]{1,20}$/.test(body.button)) return null;
  if (body.text !== undefined && typeof body.text !== 'string') return null;
  return body.text === undefined ? { button: body.button } : { button: body.button, text: body.text };
}

function toOperation(path: string, body: Record<string, unknown>): Operation | null {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (path) {
    case '/api/run':
      return { kind: 'run', fn: text(body.fn), args: Array.isArray(body.args) ? body.args : [] };
    case '/api/menu':
      return { kind: 'menu', fn: text(body.fn) };
    case '/api/clock':
      // Wall-clock times in the spreadsheet's time zone (yyyy-MM-ddTHH:mm), as the page shows them.
      if (typeof body.advanceTo === 'string') return { kind: 'advanceTo', wall: body.advanceTo };
      if (typeof body.setNow === 'string') return { kind: 'setNow', wall: body.setNow };
      return null;
    case '/api/edit':
      return {
        kind: 'edit',
        sheet: text(body.sheet),
        row: Number(body.row),
        column: Number(body.column),
        value: text(body.value),
      };
    case '/api/select':
      return { kind: 'select', sheet: text(body.sheet), row: Number(body.row), column: Number(body.column) };
    case '/api/activate':
      return { kind: 'activate', sheet: text(body.sheet) };
    case '/api/close-sidebar':
      return { kind: 'closeSidebar' };
    default:
      return null;
  }
}
