/**
 * A horizontal bar chart of labelled values (records by country, by target…), largest first, drawn as a plain
 * SVG that can be saved as it is.
 */
import { forwardRef } from 'react';
import { formatCount } from '../../model/format.ts';
import { bar, captionLineHeight, captionLines, chartFont, grid, ink, muted } from './chart-theme.ts';

export interface BarChartProps {
  title: string;
  rows: { label: string; value: number }[];
  width: number;
  /** Shown under the chart in the image (source, filter). */
  caption: string;
  unit: string;
}

/**
 * The width a label's character is budgeted, in pixels at 12 px: wide enough for names rich in capitals and wide
 * letters ("Azad Jammu & Kashmir (Pakistan)"), whose start 6.8 px let run off the chart's left edge.
 */
const labelCharWidth = 7.4;

/** `text` cut to `chars` characters with an ellipsis (SVG text does not wrap or clip by itself). */
function fit(text: string, chars: number): string {
  return text.length > chars ? `${text.slice(0, Math.max(1, chars - 1))}…` : text;
}

/** The chart. */
export const BarChart = forwardRef<SVGSVGElement, BarChartProps>(function BarChart({ title, rows, width, caption, unit }, ref) {
  const rowH = 22;
  const labelW = Math.min(200, Math.max(90, width * 0.32));
  const top = 34;
  const footer = captionLines(`${caption} · ${unit}`, width);
  const height = top + Math.max(rows.length, 1) * rowH + 28 + footer.length * captionLineHeight;
  const plotW = Math.max(40, width - labelW - 70);
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <svg ref={ref} width={width} height={height} viewBox={`0 0 ${width} ${height}`} fontFamily={chartFont} role="img" aria-label={`${title}: ${rows.map((r) => `${r.label} ${r.value}`).join(', ')}`}>
      <rect width={width} height={height} fill="#ffffff" />
      <text x={8} y={20} fontSize={14} fontWeight={600} fill={ink}>
        {title}
      </text>
      {rows.map((r, i) => {
        const y = top + i * rowH;
        const w = (r.value / max) * plotW;
        // A right-to-left label starts at its right edge: anchored at its "end" it ran into the bar.
        const rtl = /[\u0590-\u08ff]/.test(r.label);
        return (
          <g key={r.label}>
            <text x={labelW} y={y + 15} fontSize={12} textAnchor={rtl ? 'start' : 'end'} fill={ink} direction={rtl ? 'rtl' : undefined}>
              {fit(r.label, Math.floor(labelW / labelCharWidth))}
            </text>
            <rect x={labelW + 8} y={y + 3} width={plotW} height={rowH - 6} fill={grid} opacity={0.35} />
            <rect x={labelW + 8} y={y + 3} width={Math.max(1, w)} height={rowH - 6} fill={bar} />
            <text x={labelW + 12 + w} y={y + 15} fontSize={11} fill={muted}>
              {formatCount(r.value)}
            </text>
          </g>
        );
      })}
      {rows.length === 0 && (
        <text x={8} y={top + 16} fontSize={12} fill={muted}>
          No records in this selection.
        </text>
      )}
      <text x={8} y={height - 12 - (footer.length - 1) * captionLineHeight} fontSize={10} fill={muted}>
        {footer.map((line, i) => (
          <tspan key={i} x={8} dy={i ? captionLineHeight : 0}>
            {line}
          </tspan>
        ))}
      </text>
    </svg>
  );
});
