import { useLayoutEffect, useRef, useState } from 'preact/hooks';

import type { RenderedCell, RenderedSheet } from '../protocol';
import { columnName } from './api';
import { Chart } from './Chart';

const ROW_HEADER = 42;
const PADDING = 8;

let canvas: CanvasRenderingContext2D | null = null;
function textWidth(text: string, bold: boolean): number {
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return text.length * 7;
  canvas.font = `${bold ? 'bold ' : ''}12px Roboto, Arial, sans-serif`;
  return canvas.measureText(text).width;
}

/**
 * Sheets draws left-aligned, unwrapped text past its cell's right edge over empty neighbours, up to
 * the first cell that holds something. For each cell: how wide its text is drawn, and which cells
 * its text covers (they lose the gridline between).
 */
function overflowOf(line: RenderedCell[], widths: number[], editing: number | null) {
  const spill = new Map<number, number>();
  const covered = new Set<number>();
  line.forEach((cell, c) => {
    if (covered.has(c) || !cell.v || cell.align || cell.wrap || cell.list || c === editing) return;
    const need = textWidth(cell.v, Boolean(cell.bold)) + PADDING;
    let width = widths[c]!;
    let next = c + 1;
    while (width < need && next < line.length && line[next]!.v === '' && next !== editing) {
      width += widths[next]!;
      covered.add(next);
      next++;
    }
    if (next > c + 1) spill.set(c, width);
  });
  return { spill, covered };
}

export interface GridProps {
  sheet: RenderedSheet;
  selected: { row: number; column: number } | null;
  onSelect(row: number, column: number): void;
  onEdit(row: number, column: number, value: string): void;
  onLink(link: string): void;
}

/** Per tab, where the grid was scrolled to: switching tabs comes back to the same place. */
const scrolled = new Map<string, { top: number; left: number }>();

export function Grid({ sheet, selected, onSelect, onEdit, onLink }: GridProps) {
  const [editing, setEditing] = useState<{ row: number; column: number; value: string } | null>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const cancelled = useRef(false);
  const widths = sheet.widths;
  const left: number[] = [];
  widths.reduce((x, w, i) => ((left[i] = x), x + w), ROW_HEADER);

  useLayoutEffect(() => {
    const at = scrolled.get(sheet.name) ?? { top: 0, left: 0 };
    wrap.current?.scrollTo(at.left, at.top);
    setEditing(null);
  }, [sheet.name]);
  // Frozen rows stick below the column letters and the frozen rows above them, whatever their
  // heights (a header row that wraps is taller): measured after each render.
  useLayoutEffect(() => {
    const table = wrap.current?.querySelector('table');
    if (!table) return;
    let top = table.tHead?.offsetHeight ?? 0;
    const rows = Array.from(table.tBodies[0]?.rows ?? []);
    for (const row of rows.slice(0, sheet.frozenRows)) {
      row.style.setProperty('--frozen-top', `${top}px`);
      top += row.offsetHeight;
    }
    // Charts float over the grid from their anchor cell, as in Sheets.
    for (const chart of Array.from(wrap.current!.querySelectorAll<HTMLElement>('.chart'))) {
      const row = rows[Number(chart.dataset.row) - 1];
      chart.style.display = row ? '' : 'none';
      if (row) chart.style.top = `${row.offsetTop + Number(chart.dataset.offsetY)}px`;
    }
  });
  // Like Sheets, bring the active cell into view when something (a finding, a link) moves it.
  useLayoutEffect(() => {
    wrap.current?.querySelector('td.sel')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [sheet.name, selected?.row, selected?.column]);

  const open = (row: number, column: number, cell: RenderedCell) => {
    cancelled.current = false;
    setEditing({ row, column, value: cell.f ?? cell.v });
  };
  const commit = (value: string) => {
    if (!editing || cancelled.current) return;
    cancelled.current = true;
    setEditing(null);
    onEdit(editing.row, editing.column, value);
  };
  const cancel = () => {
    cancelled.current = true;
    setEditing(null);
  };

  const frozenLeft = (c: number) => (c < sheet.frozenColumns ? { left: `${left[c]}px` } : {});

  return (
    <div
      class="grid-wrap"
      ref={wrap}
      onScroll={(e) => {
        const el = e.currentTarget as HTMLDivElement;
        scrolled.set(sheet.name, { top: el.scrollTop, left: el.scrollLeft });
      }}
    >
      <div class="canvas">
        <table
          class="grid"
          data-testid="grid"
          data-sheet={sheet.name}
          style={{ width: `${ROW_HEADER + widths.reduce((t, w) => t + w, 0)}px` }}
        >
          <colgroup>
            <col style={{ width: `${ROW_HEADER}px` }} />
            {widths.map((w, i) => (
              <col key={i} style={{ width: `${w}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th class="rowh" />
              {widths.map((_, i) => (
                <th
                  key={i}
                  class={i < sheet.frozenColumns ? 'frozen-col' : undefined}
                  style={i < sheet.frozenColumns ? { left: `${left[i]}px` } : undefined}
                >
                  {columnName(i + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sheet.cells.map((line, r) => {
              const editingColumn = editing && editing.row === r + 1 ? editing.column - 1 : null;
              const { spill, covered } = overflowOf(line, widths, editingColumn);
              const frozenRow = r < sheet.frozenRows;
              return (
                <tr key={r}>
                  <th class={frozenRow ? 'rowh frozen-row' : 'rowh'}>{r + 1}</th>
                  {line.map((cell, c) => {
                    const isSel = selected && selected.row === r + 1 && selected.column === c + 1;
                    const frozenColumn = c < sheet.frozenColumns;
                    const spillWidth = spill.get(c);
                    const classes = [
                      isSel ? 'sel' : '',
                      cell.note ? 'note' : '',
                      frozenRow ? 'frozen-row' : '',
                      frozenColumn ? 'frozen-col' : '',
                      spillWidth ? 'spill' : '',
                      covered.has(c) ? 'covered' : '',
                      covered.has(c + 1) ? 'covering' : '',
                      cell.wrap ? 'wrap' : '',
                    ]
                      .filter(Boolean)
                      .join(' ');
                    const isEditing = editing && editing.row === r + 1 && editing.column === c + 1;
                    return (
                      <td
                        key={c}
                        class={classes || undefined}
                        data-cell={`${columnName(c + 1)}${r + 1}`}
                        title={cell.note}
                        style={{
                          ...frozenLeft(c),
                          background: cell.bg ?? (frozenRow || frozenColumn ? '#fff' : undefined),
                          color: cell.color,
                          fontWeight: cell.bold ? 'bold' : undefined,
                          textAlign: cell.align,
                        }}
                        onClick={() => onSelect(r + 1, c + 1)}
                        onDblClick={() => open(r + 1, c + 1, cell)}
                      >
                        {isEditing && cell.list ? (
                          <select
                            autoFocus
                            aria-label={`Choose a value for ${columnName(c + 1)}${r + 1}`}
                            value={editing.value}
                            // A choice from a dropdown is saved at once, as in Sheets.
                            onChange={(e) => commit((e.target as HTMLSelectElement).value)}
                            onKeyDown={(e) => e.key === 'Escape' && cancel()}
                            onBlur={cancel}
                          >
                            <option value="" />
                            {cell.list.map((o) => (
                              <option key={o} value={o}>
                                {o}
                              </option>
                            ))}
                          </select>
                        ) : isEditing ? (
                          <input
                            autoFocus
                            aria-label={`Edit ${columnName(c + 1)}${r + 1}`}
                            value={editing.value}
                            onInput={(e) =>
                              setEditing({ ...editing, value: (e.target as HTMLInputElement).value })
                            }
                            onKeyDown={(e) => {
                              if (e.key === 'Enter') commit(editing.value);
                              if (e.key === 'Escape') cancel();
                            }}
                            onBlur={() => commit(editing.value)}
                          />
                        ) : (
                          <CellContent cell={cell} spillWidth={spillWidth} onLink={onLink} />
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
        {sheet.charts.map((chart) => (
          <div
            key={chart.id}
            class="chart"
            data-row={chart.anchor.row}
            data-offset-y={chart.anchor.offsetY}
            style={{ left: `${(left[chart.anchor.column - 1] ?? ROW_HEADER) + chart.anchor.offsetX}px` }}
          >
            <Chart chart={chart} />
          </div>
        ))}
      </div>
      {sheet.rows > sheet.shownRows ? (
        <p class="muted small" style={{ padding: '4px 8px' }}>
          Showing {sheet.shownRows} of {sheet.rows} rows.
        </p>
      ) : null}
    </div>
  );
}

function CellContent(props: { cell: RenderedCell; spillWidth?: number; onLink(link: string): void }) {
  const { cell } = props;
  const text = cell.link ? (
    <a
      href={cell.link}
      target={cell.link.startsWith('#') ? undefined : '_blank'}
      rel="noopener noreferrer"
      onClick={(e) => {
        // The link opens; the cell's own click (select) must not take it over.
        e.stopPropagation();
        if (cell.link!.startsWith('#')) {
          e.preventDefault();
          props.onLink(cell.link!);
        }
      }}
    >
      {cell.v}
    </a>
  ) : (
    cell.v
  );
  return (
    <>
      {cell.list ? <span class="dd">▾</span> : null}
      {props.spillWidth ? (
        <span class="spill-text" style={{ width: `${props.spillWidth - PADDING}px` }}>
          {text}
        </span>
      ) : (
        text
      )}
    </>
  );
}
