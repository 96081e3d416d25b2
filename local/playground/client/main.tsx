import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

import type { OperationResult, PendingDialog, PlaygroundState } from '../protocol';
import { columnName, getState, internalLink, post } from './api';
import { Dialog } from './Dialog';
import { Grid } from './Grid';

/** A question the page itself asks (Reset, moving the clock back) before doing anything. */
interface PageQuestion {
  title: string;
  message: string;
  then: () => void;
}

function App() {
  const [state, setState] = useState<PlaygroundState | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [snack, setSnack] = useState<string | null>(null);
  const [modal, setModal] = useState<{ title: string; body?: string; mailId?: number } | null>(null);
  const [dialog, setDialog] = useState<PendingDialog | null>(null);
  const [question, setQuestion] = useState<PageQuestion | null>(null);
  const [advanceTo, setAdvanceTo] = useState('');
  const [outboxOpen, setOutboxOpen] = useState(true);
  const [sidebarShown, setSidebarShown] = useState(true);
  const sidebarFrame = useRef<HTMLIFrameElement>(null);
  /** Whether the sidebar started the script that shows a dialog: it gets the final result. */
  const dialogFromSidebar = useRef(false);

  const refresh = useCallback(async (name?: string) => {
    const next = await getState(name);
    if (next) setState(next);
    // A script still waits on a dialog (the page was reloaded meanwhile): show it again.
    else setDialog((await (await fetch('/api/dialog')).json()).dialog);
  }, []);
  const tellSidebar = (message: unknown) =>
    sidebarFrame.current?.contentWindow?.postMessage(message, window.location.origin);

  const report = (result: OperationResult, path?: string) => {
    if (!result.ok && result.error) setModal({ title: 'Error', body: result.error.message });
    if (result.toasts.length) setSnack(result.toasts[result.toasts.length - 1]!.message);
    const failed = result.executions?.filter((e) => e.error) ?? [];
    // An edit runs the on-edit triggers: only a failure is worth saying (Sheets says nothing else).
    if (path === '/api/edit' && failed.length)
      setSnack(failed.map((e) => `${e.functionName} failed: ${e.error}`).join('; '));
    else if (path === '/api/clock' && result.executions)
      setSnack(
        result.executions.length
          ? `${result.executions.length} scheduled run(s): ${result.executions.map((e) => `${e.at}${e.error ? ` failed: ${e.error}` : ''}`).join(', ')}`
          : 'No scheduled run was due.',
      );
  };

  /** Shows the dialog a script waits on, or the outcome once the script has finished. */
  const settle = async (result: OperationResult, name?: string, path?: string) => {
    if (result.dialog) return setDialog(result.dialog);
    setDialog(null);
    if (dialogFromSidebar.current) {
      dialogFromSidebar.current = false;
      tellSidebar({ type: 'opsplan:settled', result });
    }
    report(result, path);
    await refresh(name);
  };
  const perform = async (path: string, body: unknown = {}, name?: string) =>
    settle(await post(path, body), name, path);

  useEffect(() => {
    refresh();
    const onMessage = (e: MessageEvent) => {
      // Only the sidebar this page framed, from this origin, may drive it.
      if (e.origin !== window.location.origin || e.source !== sidebarFrame.current?.contentWindow) return;
      if (e.data?.type === 'opsplan:changed') {
        const result = e.data.result as OperationResult;
        if (result.dialog) {
          dialogFromSidebar.current = true;
          setDialog(result.dialog);
        } else refresh();
      }
      if (e.data?.type === 'opsplan:close') perform('/api/close-sidebar');
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  useEffect(() => {
    if (!snack) return;
    const t = setTimeout(() => setSnack(null), 5000);
    return () => clearTimeout(t);
  }, [snack]);

  const dialogBox = dialog ? (
    <Dialog
      title={dialog.title}
      message={dialog.prompt}
      buttons={dialog.buttons}
      prompt={dialog.kind === 'prompt'}
      onAnswer={async (button, text) =>
        settle(await post('/api/dialog', dialog.kind === 'prompt' ? { button, text } : { button }))
      }
    />
  ) : null;
  if (!state)
    return (
      <>
        <p style={{ padding: '16px' }}>Loading the playground…</p>
        {dialogBox}
      </>
    );
  const active = state.active;
  const sel = state.selection && active && state.selection.sheet === active.name ? state.selection : null;
  const selCell = sel ? active?.cells[sel.row - 1]?.[sel.column - 1] : undefined;

  const runMenu = (fn: string) => {
    setMenuOpen(false);
    perform('/api/menu', { fn });
  };
  /** Moves the clock; moving it back asks first. Open panels reload afterwards. */
  const moveClock = (kind: 'setNow' | 'advanceTo', wall: string) => {
    const go = async () => {
      await perform('/api/clock', { [kind]: wall });
      tellSidebar({ type: 'opsplan:refresh' });
    };
    if (wall < state.nowWall)
      setQuestion({
        title: 'Move the clock back?',
        message: `The clock is at ${state.now}. Move it back to ${wall.replace('T', ' ')}? Scheduled runs do not run again, and what was sent stays sent.`,
        then: go,
      });
    else go();
  };
  const followLink = (link: string) => {
    const target = internalLink(link);
    const sheet = target && state.sheets.find((s) => s.gid === target.gid);
    if (!target || !sheet) return setSnack(`This link leads nowhere in this spreadsheet: ${link}`);
    perform('/api/select', { sheet: sheet.name, row: target.row, column: target.column }, sheet.name);
  };

  return (
    <>
      <header class="bar">
        <span class="title">▦</span>
        <span class="doc">{state.spreadsheetName}</span>
        <nav class="menus">
          <button
            type="button"
            class={menuOpen ? 'menu-button open' : 'menu-button'}
            onClick={() => setMenuOpen(!menuOpen)}
            aria-haspopup="menu"
            aria-expanded={menuOpen ? 'true' : 'false'}
          >
            Extensions
          </button>
          {menuOpen ? (
            <div class="dropdown" role="menu">
              {state.menus.map((m) => (
                <div key={m.title}>
                  <div class="sub">{m.title} ▸</div>
                  {m.items.map((item, i) =>
                    item.separator ? (
                      <hr key={i} />
                    ) : (
                      <button
                        key={i}
                        type="button"
                        role="menuitem"
                        class="item"
                        onClick={() => runMenu(item.functionName!)}
                      >
                        {item.caption}
                      </button>
                    ),
                  )}
                </div>
              ))}
            </div>
          ) : null}
        </nav>
        <div class="clock">
          <span title={`Spreadsheet time zone: ${state.timeZone}`} data-testid="clock">
            {state.now} <span class="muted small">({state.timeZone})</span>
          </span>
          <label class="small" title={`A date in ${state.timeZone}; the time of day stays`}>
            Set today{' '}
            <input
              type="date"
              aria-label="Set today"
              value={state.nowWall.slice(0, 10)}
              onChange={(e) => {
                const v = (e.target as HTMLInputElement).value;
                if (v) moveClock('setNow', `${v}T${state.nowWall.slice(11)}`);
              }}
            />
          </label>
          <label class="small" title={`A time in ${state.timeZone}`}>
            Advance to{' '}
            <input
              type="datetime-local"
              aria-label="Advance to"
              value={advanceTo}
              onInput={(e) => setAdvanceTo((e.target as HTMLInputElement).value)}
            />
          </label>
          <button
            type="button"
            class="btn"
            onClick={() => advanceTo && moveClock('advanceTo', advanceTo.slice(0, 16))}
          >
            Advance
          </button>
          <button
            type="button"
            class="btn"
            onClick={() =>
              setQuestion({
                title: 'Reset the playground?',
                message: 'Everything you did here is discarded and the playground starts over.',
                then: async () => {
                  await post('/api/reset');
                  await refresh();
                  tellSidebar({ type: 'opsplan:refresh' });
                },
              })
            }
          >
            Reset
          </button>
        </div>
      </header>
      <div class="formula" data-testid="formula-bar">
        <span class="addr">{sel ? `${columnName(sel.column)}${sel.row}` : ''}</span>
        <span class="fx">fx</span>
        <span class="content">{selCell ? (selCell.f ?? selCell.v) : ''}</span>
      </div>
      <main class="work">
        <div class="sheet-area">
          {active?.unpainted.length ? (
            <p class="notice small">
              Not painted here: conditional formats of type {active.unpainted.join(', ')}.
            </p>
          ) : null}
          {active ? (
            <Grid
              sheet={active}
              selected={sel}
              onSelect={(row, column) =>
                perform('/api/select', { sheet: active.name, row, column }, active.name)
              }
              onEdit={(row, column, value) =>
                perform('/api/edit', { sheet: active.name, row, column, value }, active.name)
              }
              onLink={followLink}
            />
          ) : (
            <div class="grid-wrap" />
          )}
          <div class="tabs" role="tablist">
            {state.sheets
              .filter((s) => !s.hidden)
              .map((s) => (
                <button
                  key={s.name}
                  type="button"
                  role="tab"
                  aria-selected={s.name === active?.name ? 'true' : 'false'}
                  class={s.name === active?.name ? 'active' : ''}
                  style={{ borderBottomColor: s.color ?? 'transparent' }}
                  onClick={() => perform('/api/activate', { sheet: s.name }, s.name)}
                >
                  {s.name}
                </button>
              ))}
          </div>
        </div>
        {state.sidebarOpen ? (
          <aside class={sidebarShown ? 'sidebar' : 'sidebar collapsed'} data-testid="sidebar-panel">
            <div class="head">
              <button
                type="button"
                class="icon"
                aria-label={sidebarShown ? 'Collapse sidebar' : 'Expand sidebar'}
                aria-expanded={sidebarShown ? 'true' : 'false'}
                onClick={() => setSidebarShown(!sidebarShown)}
              >
                {sidebarShown ? '›' : '‹'}
              </button>
              <span class="label">OpsPlan</span>
              {sidebarShown ? (
                <button
                  type="button"
                  class="icon"
                  aria-label="Close sidebar"
                  onClick={() => perform('/api/close-sidebar')}
                >
                  ×
                </button>
              ) : null}
            </div>
            {/* A new key when a script shows the sidebar again: Sheets replaces the open one. */}
            <iframe
              key={state.sidebarVersion}
              ref={sidebarFrame}
              title="OpsPlan sidebar"
              src="/sidebar"
              data-testid="sidebar"
            />
          </aside>
        ) : null}
        <aside class={outboxOpen ? 'outbox' : 'outbox collapsed'} data-testid="outbox">
          <div class="head">
            <button
              type="button"
              class="icon"
              aria-label={outboxOpen ? 'Collapse outbox' : 'Expand outbox'}
              aria-expanded={outboxOpen ? 'true' : 'false'}
              onClick={() => setOutboxOpen(!outboxOpen)}
            >
              {outboxOpen ? '›' : '‹'}
            </button>
            <h2 class="label">Outbox ({state.outbox.length})</h2>
          </div>
          {outboxOpen ? (
            <>
              {state.triggers.length ? (
                <p class="muted small" style={{ margin: '0 12px 8px' }}>
                  Next scheduled run: {state.triggers.map((t) => t.next ?? '—').join(', ')}
                </p>
              ) : null}
              <ul>
                {[...state.outbox].reverse().map((m) => (
                  <li key={m.id}>
                    <button type="button" onClick={() => setModal({ title: m.subject, mailId: m.id })}>
                      <div>
                        {m.to.join(', ')}
                        {m.cc.length ? <span class="muted"> cc {m.cc.join(', ')}</span> : null}
                      </div>
                      <div class="muted small">{m.subject}</div>
                      <div class="muted small">{m.sentAt}</div>
                    </button>
                  </li>
                ))}
              </ul>
              {!state.outbox.length ? (
                <p class="muted small" style={{ margin: '0 12px' }}>
                  Sent emails appear here.
                </p>
              ) : null}
            </>
          ) : null}
        </aside>
      </main>
      {modal ? (
        <div class="modal" onClick={() => setModal(null)}>
          <div
            class="box"
            role="dialog"
            aria-modal="true"
            aria-label={modal.title}
            onClick={(e) => e.stopPropagation()}
            onKeyDown={(e) => e.key === 'Escape' && setModal(null)}
          >
            <header>
              <strong>{modal.title}</strong>
              <button type="button" class="btn" onClick={() => setModal(null)}>
                Close
              </button>
            </header>
            {modal.mailId ? (
              <iframe title="Email" sandbox="" src={`/api/outbox/${modal.mailId}`} />
            ) : (
              <div class="body">{modal.body}</div>
            )}
          </div>
        </div>
      ) : null}
      {dialogBox}
      {question ? (
        <Dialog
          title={question.title}
          message={question.message}
          buttons="OK_CANCEL"
          onAnswer={(button) => {
            setQuestion(null);
            if (button === 'OK') question.then();
          }}
        />
      ) : null}
      {snack ? (
        <div class="snack" role="status">
          {snack}
        </div>
      ) : null}
    </>
  );
}

render(<App />, document.getElementById('app')!);
