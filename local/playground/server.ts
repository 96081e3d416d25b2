/** The playground's web server (loopback only): the page, the real sidebar, and a JSON API. */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

import { type Operation, PlaygroundSession, type SessionOptions } from './session.js';

const here = fileURLToPath(new URL('.', import.meta.url));

export interface Playground {
  url: string;
  session: PlaygroundSession;
  close(): Promise<void>;
}

/** google.script.run and google.script.host for the sidebar, bridged to this server. */
const BRIDGE = `<script>
(function () {
  function runner(success, failure, userObject) {
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
              window.parent.postMessage({ type: 'opsplan:changed', result: res }, '*');
              if (res.ok) { if (success) success(res.value, userObject); }
              else if (failure) { var e = new Error(res.error.message); e.name = res.error.name; failure(e, userObject); }
            });
        };
      }
    });
  }
  window.google = { script: { run: runner(), host: { close: function () { window.parent.postMessage({ type: 'opsplan:close' }, '*'); }, editor: { focus: function () {} } } } };
})();
</script>`;

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

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk) => {
      data += chunk;
      if (data.length > 5_000_000) reject(new Error('too large'));
    });
    req.on('end', () => {
      try {
        resolve(data ? JSON.parse(data) : {});
      } catch (e) {
        reject(e);
      }
    });
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

const json = (res: ServerResponse, value: unknown) =>
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));

export async function startPlayground(
  options: SessionOptions & { port?: number; distDir?: string } = {},
): Promise<Playground> {
  const session = new PlaygroundSession(options);
  const page = readFileSync(join(here, 'client/index.html'), 'utf8')
    .replace('/*__CLIENT__*/', () => '')
    .replace(
      '<!--__CLIENT__-->',
      `<script>${(await clientBundle()).replace(/<\/script/gi, '<\\/script')}</script>`,
    );
  const sidebar = () =>
    readFileSync(join(session.rt.distDir, 'Sidebar.html'), 'utf8').replace('<head>', `<head>${BRIDGE}`);

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (req.method === 'GET' && url.pathname === '/')
        return send(res, 200, 'text/html; charset=utf-8', page);
      if (req.method === 'GET' && url.pathname === '/sidebar')
        return send(res, 200, 'text/html; charset=utf-8', sidebar());
      if (req.method === 'GET' && url.pathname === '/api/state')
        return json(res, session.state(url.searchParams.get('sheet') ?? undefined));
      const mail = /^\/api\/outbox\/(\d+)$/.exec(url.pathname);
      if (req.method === 'GET' && mail) {
        const message = session.rt.outbox.messages.find((m) => m.id === Number(mail[1]));
        if (!message) return send(res, 404, 'text/plain', 'No such message');
        if (url.searchParams.get('format') === 'eml')
          return send(res, 200, 'message/rfc822', (await session.rt.outbox.toEml(message)).toString('utf8'));
        // Shown in a sandboxed iframe, as a mail client would: no scripts run either way.
        res.setHeader(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        );
        return send(
          res,
          200,
          'text/html; charset=utf-8',
          message.html || `<pre>${message.text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</pre>`,
        );
      }
      if (req.method === 'POST' && url.pathname === '/api/reset') {
        session.reset();
        return json(res, { ok: true });
      }
      if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
        const body = (await readBody(req)) as Record<string, unknown>;
        const op = toOperation(url.pathname, body);
        if (!op)
          return send(
            res,
            400,
            'application/json',
            JSON.stringify({ ok: false, error: { name: 'BadRequest', message: 'Unknown operation' } }),
          );
        return json(res, session.apply(op));
      }
      send(res, 404, 'text/plain', 'Not found');
    } catch (error) {
      send(
        res,
        500,
        'application/json',
        JSON.stringify({ ok: false, error: { name: 'ServerError', message: (error as Error).message } }),
      );
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    session,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function toOperation(path: string, body: Record<string, unknown>): Operation | null {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (path) {
    case '/api/run':
      return { kind: 'run', fn: text(body.fn), args: Array.isArray(body.args) ? body.args : [] };
    case '/api/menu':
      return { kind: 'menu', fn: text(body.fn) };
    case '/api/clock':
      if (typeof body.advanceTo === 'string') return { kind: 'advanceTo', at: Date.parse(body.advanceTo) };
      if (typeof body.setNow === 'string') return { kind: 'setNow', at: Date.parse(body.setNow) };
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
