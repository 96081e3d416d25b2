import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';

import type { OperationResult, PlaygroundState } from '../protocol';
import { getState, post } from './api';

function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function App() {
  const [state, setState] = useState<PlaygroundState | null>(null);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [menuOpen, setMenuOpen] = useState(false);
  const [snack, setSnack] = useState<string | null>(null);
  const [modal, setModal] = useState<{ title: string; body?: string; mailId?: number } | null>(null);
  const [editing, setEditing] = useState<{ row: number; column: number; value: string } | null>(null);
  const [advanceTo, setAdvanceTo] = useState('');

  const refresh = useCallback(async (name?: string) => {
    const next = await getState(name);
    setState(next);
    setSheet(next.active?.name);
  }, []);

  useEffect(() => {
    refresh();
    const onMessage = (e: MessageEvent) => {
      if (e.data?.type === 'opsplan:changed') refresh();
      if (e.data?.type === 'opsplan:close') post('/api/close-sidebar').then(() => refresh());
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  const report = (result: OperationResult) => {
    if (!result.ok && result.error) setModal({ title: 'Error', body: result.error.message });
    else if (result.alerts.length)
      setModal({
        title: result.alerts[result.alerts.length - 1]!.title || 'OpsPlan',
        body: result.alerts[result.alerts.length - 1]!.prompt,
      });
    if (result.toasts.length) setSnack(result.toasts[result.toasts.length - 1]!.message);
    if (result.executions)
      setSnack(
        result.executions.length
          ? `${result.executions.length} scheduled run(s): ${result.executions.map((e) => `${e.at}${e.error ? ` failed: ${e.error}` : ''}`).join(', ')}`
          : 'No scheduled run was due.',
      );
  };

  // Like Sheets, bring the active cell into view when something (a finding, a link) moves it.
  useEffect(() => {
    document.querySelector('td.sel')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [state?.selection?.sheet, state?.selection?.row, state?.selection?.column]);

  useEffect(() => {
    if (!snack) return;
    const t = setTimeout(() => setSnack(null), 5000);
    return () => clearTimeout(t);
  }, [snack]);

  if (!state) return <p style={{ padding: '16px' }}>Loading the playground…</p>;
  const active = state.active;
  const sel = state.selection && active && state.selection.sheet === active.name ? state.selection : null;
  const selCell = sel ? active?.cells[sel.row - 1]?.[sel.column - 1] : undefined;

  const runMenu = async (fn: string) => {
    setMenuOpen(false);
    report(await post('/api/menu', { fn }));
    await refresh();
  };
  const select = async (row: number, column: number) => {
    await post('/api/select', { sheet: active!.name, row, column });
    await refresh(active!.name);
  };
  const commitEdit = async () => {
    if (!editing) return;
    report(
      await post('/api/edit', {
        sheet: active!.name,
        row: editing.row,
        column: editing.column,
        value: editing.value,
      }),
    );
    setEditing(null);
    await refresh(active!.name);
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
          <label class="small">
            Set today{' '}
            <input
              type="date"
              aria-label="Set today"
              onChange={async (e) => {
                const v = (e.target as HTMLInputElement).value;
                if (v) {
                  report(await post('/api/clock', { setNow: `${v}T15:00:00Z` }));
                  refresh();
                }
              }}
            />
          </label>
          <label class="small">
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
            onClick={async () => {
              if (advanceTo) {
                report(await post('/api/clock', { advanceTo: new Date(advanceTo).toISOString() }));
                refresh();
              }
            }}
          >
            Advance
          </button>
          <button
            type="button"
            class="btn"
            onClick={async () => {
              if (confirm('Start over with the example plan?')) {
                await post('/api/reset');
                refresh();
              }
            }}
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
          <div class="grid-wrap">
            {active ? (
              <table
                class="grid"
                data-testid="grid"
                data-sheet={active.name}
                style={{ width: `${42 + active.widths.reduce((t, w) => t + Math.min(w, 320), 0)}px` }}
              >
                <colgroup>
                  <col style={{ width: '42px' }} />
                  {active.widths.map((w, i) => (
                    <col key={i} style={{ width: `${Math.min(w, 320)}px` }} />
                  ))}
                </colgroup>
                <thead>
                  <tr>
                    <th class="rowh" />
                    {active.widths.map((_, i) => (
                      <th key={i}>{columnName(i + 1)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {active.cells.map((line, r) => (
                    <tr key={r}>
                      <th class="rowh">{r + 1}</th>
                      {line.map((cell, c) => {
                        const isSel = sel && sel.row === r + 1 && sel.column === c + 1;
                        const classes = [
                          isSel ? 'sel' : '',
                          cell.note ? 'note' : '',
                          r < active.frozenRows ? 'frozen' : '',
                        ]
                          .filter(Boolean)
                          .join(' ');
                        return (
                          <td
                            key={c}
                            class={classes}
                            data-cell={`${columnName(c + 1)}${r + 1}`}
                            title={cell.note ?? (cell.v.length > 20 ? cell.v : undefined)}
                            style={{
                              background: cell.bg ?? (r < active.frozenRows ? '#fff' : undefined),
                              color: cell.color,
                              fontWeight: cell.bold ? 'bold' : undefined,
                            }}
                            onClick={() => select(r + 1, c + 1)}
                            onDblClick={() =>
                              setEditing({ row: r + 1, column: c + 1, value: cell.f ?? cell.v })
                            }
                          >
                            {editing && editing.row === r + 1 && editing.column === c + 1 ? (
                              cell.list ? (
                                <select
                                  autoFocus
                                  value={editing.value}
                                  onChange={(e) =>
                                    setEditing({ ...editing, value: (e.target as HTMLSelectElement).value })
                                  }
                                  onBlur={commitEdit}
                                >
                                  <option value="" />
                                  {cell.list.map((o) => (
                                    <option key={o} value={o}>
                                      {o}
                                    </option>
                                  ))}
                                </select>
                              ) : (
                                <input
                                  autoFocus
                                  value={editing.value}
                                  onInput={(e) =>
                                    setEditing({ ...editing, value: (e.target as HTMLInputElement).value })
                                  }
                                  onKeyDown={(e) => {
                                    if (e.key === 'Enter') commitEdit();
                                    if (e.key === 'Escape') setEditing(null);
                                  }}
                                  onBlur={commitEdit}
                                  style={{ width: '100%' }}
                                />
                              )
                            ) : (
                              <>
                                {cell.list ? <span class="dd">▾</span> : null}
                                {cell.link && cell.link.startsWith('#gid=') ? (
                                  <a
                                    href="#"
                                    onClick={(e) => {
                                      e.preventDefault();
                                      const gid = Number(/gid=(\d+)/.exec(cell.link!)![1]);
                                      const target = state.sheets.find((s) => s.gid === gid);
                                      const row = Number(/range=A(\d+)/.exec(cell.link!)?.[1] ?? 1);
                                      if (target)
                                        post('/api/select', { sheet: target.name, row, column: 1 }).then(() =>
                                          refresh(target.name),
                                        );
                                    }}
                                  >
                                    {cell.v}
                                  </a>
                                ) : (
                                  cell.v
                                )}
                              </>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {active && active.rows > active.shownRows ? (
              <p class="muted small" style={{ padding: '4px 8px' }}>
                Showing {active.shownRows} of {active.rows} rows.
              </p>
            ) : null}
          </div>
          <div class="tabs" role="tablist">
            {state.sheets
              .filter((s) => !s.hidden)
              .map((s) => (
                <button
                  key={s.name}
                  type="button"
                  role="tab"
                  class={s.name === sheet ? 'active' : ''}
                  style={{ borderBottomColor: s.color ?? 'transparent' }}
                  onClick={async () => {
                    await post('/api/activate', { sheet: s.name });
                    refresh(s.name);
                  }}
                >
                  {s.name}
                </button>
              ))}
          </div>
        </div>
        {state.sidebarOpen ? (
          <aside class="sidebar">
            <div class="head">
              <span>OpsPlan</span>
              <button
                type="button"
                class="btn"
                aria-label="Close sidebar"
                onClick={async () => {
                  await post('/api/close-sidebar');
                  refresh();
                }}
              >
                ×
              </button>
            </div>
            <iframe title="OpsPlan sidebar" src="/sidebar" data-testid="sidebar" />
          </aside>
        ) : null}
        <aside class="outbox" data-testid="outbox">
          <h2>Outbox ({state.outbox.length})</h2>
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
        </aside>
      </main>
      {modal ? (
        <div class="modal" role="dialog" aria-modal="true" onClick={() => setModal(null)}>
          <div class="box" onClick={(e) => e.stopPropagation()}>
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
      {snack ? (
        <div class="snack" role="status">
          {snack}
        </div>
      ) : null}
    </>
  );
}

render(<App />, document.getElementById('app')!);
