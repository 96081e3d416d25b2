import type { RenderedChart } from '../protocol';

const FONT = { fontSize: 11, fill: '#5f6368' };

/** Round numbers for an axis: 0 and about four steps up to the largest value. */
function axis(min: number, max: number): { min: number; max: number; ticks: number[] } {
  if (max === min) max = min + 1;
  const raw = (max - min) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const low = Math.floor(min / step) * step;
  const high = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let t = low; t <= high + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  return { min: low, max: high, ticks };
}

const label = (n: number) => (Math.abs(n) >= 1000 ? n.toLocaleString('en-US') : String(n));

function Legend({
  chart,
  x,
  y,
  vertical,
}: {
  chart: RenderedChart;
  x: number;
  y: number;
  vertical: boolean;
}) {
  const entries =
    chart.type === 'PIE'
      ? chart.categories.map((name, i) => ({ name, color: pieColour(chart, i) }))
      : chart.series.map((s) => ({ name: s.name, color: s.color }));
  return (
    <g>
      {entries.map((e, i) => {
        const [ex, ey] = vertical ? [x, y + i * 18] : [x + i * 110, y];
        return (
          <g key={i}>
            <rect x={ex} y={ey - 9} width={10} height={10} fill={e.color} />
            <text x={ex + 14} y={ey} {...FONT}>
              {e.name.length > 14 ? `${e.name.slice(0, 13)}…` : e.name}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function pieColour(chart: RenderedChart, i: number): string {
  const palette = chart.series.map((s) => s.color);
  const defaults = ['#3366cc', '#dc3912', '#ff9900', '#109618', '#990099', '#0099c6', '#dd4477', '#66aa00'];
  return (palette.length > 1 ? palette : defaults)[
    i % (palette.length > 1 ? palette.length : defaults.length)
  ]!;
}

function Pie({ chart, cx, cy, r }: { chart: RenderedChart; cx: number; cy: number; r: number }) {
  const values = (chart.series[0]?.values ?? []).map((v) => Math.max(0, v ?? 0));
  const total = values.reduce((a, b) => a + b, 0);
  if (!total) return null;
  let angle = -Math.PI / 2;
  const point = (a: number, radius: number) => `${cx + radius * Math.cos(a)} ${cy + radius * Math.sin(a)}`;
  const hole = r * chart.pieHole;
  return (
    <g>
      {values.map((v, i) => {
        if (!v) return null;
        const sweep = (v / total) * Math.PI * 2;
        const [from, to] = [angle, (angle += sweep)];
        const large = sweep > Math.PI ? 1 : 0;
        const whole = sweep >= Math.PI * 2 - 1e-9;
        const d = whole
          ? `M ${point(0, r)} A ${r} ${r} 0 1 1 ${point(Math.PI, r)} A ${r} ${r} 0 1 1 ${point(0, r)} Z`
          : `M ${point(from, hole)} L ${point(from, r)} A ${r} ${r} 0 ${large} 1 ${point(to, r)} L ${point(to, hole)}` +
            (hole ? ` A ${hole} ${hole} 0 ${large} 0 ${point(from, hole)}` : '') +
            ' Z';
        return (
          <path key={i} d={d} fill={pieColour(chart, i)} stroke="#fff" stroke-width={1}>
            <title>{`${chart.categories[i]}: ${label(v)} (${Math.round((v / total) * 100)}%)`}</title>
          </path>
        );
      })}
      {whole(chart) && hole ? <circle cx={cx} cy={cy} r={hole} fill={chart.background} /> : null}
    </g>
  );
}
const whole = (chart: RenderedChart) => (chart.series[0]?.values ?? []).filter((v) => v).length === 1;

/** An embedded chart drawn as SVG, the way Sheets lays one out: title, plot, legend. */
export function Chart({ chart }: { chart: RenderedChart }) {
  const { width, height } = chart;
  const top = chart.title ? 32 : 12;
  const legendRight = chart.legend === 'right' || chart.legend === 'left' ? 130 : 0;
  const legendBottom = chart.legend === 'bottom' || chart.legend === 'top' ? 24 : 0;
  const plot = {
    x: 52,
    y: top + (chart.legend === 'top' ? legendBottom : 0),
    w: width - 52 - 16 - legendRight,
    h: height - top - 40 - legendBottom - (chart.hAxisTitle ? 16 : 0),
  };
  const horizontal = chart.type === 'BAR';
  const stackedLike = chart.stacked && ['BAR', 'COLUMN', 'AREA'].includes(chart.type);
  const n = chart.categories.length;
  const all = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const sums = chart.categories.map((_, i) =>
    chart.series.reduce((t, s) => t + Math.max(0, s.values[i] ?? 0), 0),
  );
  const scale = axis(
    chart.vMin ?? Math.min(0, ...all),
    chart.vMax ?? Math.max(0, ...(stackedLike ? sums : all)),
  );
  const span = scale.max - scale.min;
  // Value → position along the value axis (up for columns and lines, right for bars).
  const valueAt = (v: number) =>
    horizontal
      ? plot.x + ((v - scale.min) / span) * plot.w
      : plot.y + plot.h - ((v - scale.min) / span) * plot.h;
  const band = (horizontal ? plot.h : plot.w) / Math.max(n, 1);
  const centre = (i: number) => (horizontal ? plot.y : plot.x) + band * (i + 0.5);

  let body = null;
  if (chart.type === 'PIE') {
    const r = Math.min(plot.w, plot.h + 28) / 2 - 4;
    body = (
      <Pie
        chart={chart}
        cx={plot.x - 40 + (plot.w + 40) / 2}
        cy={top + (height - top - legendBottom) / 2 - 6}
        r={r}
      />
    );
  } else if (chart.type === 'COLUMN' || chart.type === 'BAR') {
    const groups = stackedLike ? 1 : chart.series.length;
    const thick = (band * 0.7) / Math.max(groups, 1);
    body = (
      <g>
        {chart.categories.map((category, i) => {
          let base = 0;
          return chart.series.map((s, k) => {
            const v = s.values[i];
            if (v === null || v === undefined) return null;
            const from = stackedLike ? base : 0;
            const to = from + v;
            if (stackedLike) base = to;
            const offset = centre(i) - (band * 0.7) / 2 + (stackedLike ? 0 : k * thick);
            const [a, b] = [valueAt(from), valueAt(to)];
            const box = horizontal
              ? { x: Math.min(a, b), y: offset, width: Math.abs(b - a), height: thick }
              : { x: offset, y: Math.min(a, b), width: thick, height: Math.abs(b - a) };
            return (
              <rect key={`${i}-${k}`} {...box} fill={s.color}>
                <title>{`${category} · ${s.name}: ${label(v)}`}</title>
              </rect>
            );
          });
        })}
      </g>
    );
  } else {
    // LINE, AREA, SCATTER: one path or set of points per series.
    const base = chart.categories.map(() => 0);
    body = (
      <g>
        {chart.series.map((s, k) => {
          const points = s.values.map((v, i) => {
            if (v === null) return null;
            const y = stackedLike ? (base[i] = base[i]! + v) : v;
            return [centre(i), valueAt(y)] as const;
          });
          const drawn = points.filter((p): p is readonly [number, number] => p !== null);
          if (chart.type === 'SCATTER')
            return drawn.map(([x, y], i) => (
              <circle key={`${k}-${i}`} cx={x} cy={y} r={3.5} fill={s.color} />
            ));
          const line = drawn.map(([x, y]) => `${x},${y}`).join(' ');
          return (
            <g key={k}>
              {chart.type === 'AREA' && drawn.length ? (
                <polygon
                  points={`${drawn[0]![0]},${valueAt(Math.max(scale.min, 0))} ${line} ${drawn[drawn.length - 1]![0]},${valueAt(Math.max(scale.min, 0))}`}
                  fill={s.color}
                  fill-opacity={0.3}
                />
              ) : null}
              <polyline points={line} fill="none" stroke={s.color} stroke-width={2} />
            </g>
          );
        })}
      </g>
    );
  }

  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={chart.title || `${chart.type.toLowerCase()} chart`}
      data-testid="chart"
      data-chart-type={chart.type}
      style={{ background: chart.background }}
    >
      {chart.title ? (
        <text x={width / 2} y={20} text-anchor="middle" font-size={14} font-weight="bold" fill="#202124">
          {chart.title}
        </text>
      ) : null}
      {chart.type !== 'PIE' ? (
        <g>
          {scale.ticks.map((t) => {
            const at = valueAt(t);
            return horizontal ? (
              <g key={t}>
                <line x1={at} x2={at} y1={plot.y} y2={plot.y + plot.h} stroke="#e0e0e0" />
                <text x={at} y={plot.y + plot.h + 14} text-anchor="middle" {...FONT}>
                  {label(t)}
                </text>
              </g>
            ) : (
              <g key={t}>
                <line x1={plot.x} x2={plot.x + plot.w} y1={at} y2={at} stroke="#e0e0e0" />
                <text x={plot.x - 6} y={at + 4} text-anchor="end" {...FONT}>
                  {label(t)}
                </text>
              </g>
            );
          })}
          {chart.categories.map((c, i) =>
            horizontal ? (
              <text key={i} x={plot.x - 6} y={centre(i) + 4} text-anchor="end" {...FONT}>
                {c.length > 8 ? `${c.slice(0, 7)}…` : c}
              </text>
            ) : (
              <text key={i} x={centre(i)} y={plot.y + plot.h + 14} text-anchor="middle" {...FONT}>
                {c.length > Math.max(4, band / 7)
                  ? `${c.slice(0, Math.max(3, Math.floor(band / 7) - 1))}…`
                  : c}
              </text>
            ),
          )}
          {chart.hAxisTitle ? (
            <text x={plot.x + plot.w / 2} y={plot.y + plot.h + 32} text-anchor="middle" {...FONT}>
              {chart.hAxisTitle}
            </text>
          ) : null}
          {chart.vAxisTitle ? (
            <text
              transform={`translate(12 ${plot.y + plot.h / 2}) rotate(-90)`}
              text-anchor="middle"
              {...FONT}
            >
              {chart.vAxisTitle}
            </text>
          ) : null}
        </g>
      ) : null}
      {body}
      {chart.legend === 'none' ? null : (
        <Legend
          chart={chart}
          vertical={Boolean(legendRight)}
          x={legendRight ? width - legendRight + 8 : plot.x}
          y={legendRight ? plot.y + 12 : chart.legend === 'top' ? top + 4 : height - 8}
        />
      )}
    </svg>
  );
}
