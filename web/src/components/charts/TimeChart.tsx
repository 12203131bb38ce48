/**
 * Records over time stacked by kind, with a y axis, year labels and a legend of the kinds present: the chart
 * version of the timeline, sized for a report.
 */
import { forwardRef } from 'react';
import type { TimeBucket } from '../../../../src/core/event-store.ts';
import type { TimelineResponse } from '../../api/types.ts';
import { formatCount } from '../../model/format.ts';
import { kindColours, kindLabels, kindOrder } from '../../model/kinds.ts';
import { nextBucket, timeTicks, toTime, widenToBuckets } from '../timeline/dates.ts';
import { captionLineHeight, captionLines, chartFont, grid, ink, muted, niceTicks } from './chart-theme.ts';

export interface TimeChartProps {
  title: string;
  timeline: TimelineResponse;
  width: number;
  caption: string;
}

/** The chart. */
export const TimeChart = forwardRef<SVGSVGElement, TimeChartProps>(function TimeChart({ title, timeline, width, caption }, ref) {
  const buckets = timeline.buckets;
  const kinds = kindOrder.filter((k) => buckets.some((b) => b.kinds[k]));
  const legendRows = Math.ceil(kinds.length / Math.max(1, Math.floor((width - 16) / 150)));
  const footer = captionLines(
    `${caption} · records per ${timeline.bucket}${timeline.spanning.total ? ` · ${formatCount(timeline.spanning.total)} with imprecise dates not drawn` : ''}`,
    width,
  );
  const m = { left: 48, right: 12, top: 34 + legendRows * 18, bottom: 31 + footer.length * captionLineHeight };
  const height = m.top + 220 + m.bottom;
  const plotW = Math.max(40, width - m.left - m.right);
  const plotH = height - m.top - m.bottom;
  const bucket: TimeBucket = timeline.bucket;
  // At least seven buckets wide, so a selection of one record is a bar among dated empty ones.
  const domain = buckets.length ? widenToBuckets([buckets[0]!.start, nextBucket(buckets.at(-1)!.start, bucket)], bucket, 7) : null;
  const t0 = domain ? toTime(domain[0]) : 0;
  const t1 = domain ? toTime(domain[1]) : 1;
  const x = (t: number) => m.left + ((t - t0) / Math.max(1, t1 - t0)) * plotW;
  const ticks = niceTicks(Math.max(1, ...buckets.map((b) => b.total)));
  const max = ticks.at(-1)!;
  const y = (v: number) => m.top + plotH - (v / max) * plotH;
  const perCol = Math.max(1, Math.floor((width - 16) / 150));

  return (
    <svg ref={ref} width={width} height={height} viewBox={`0 0 ${width} ${height}`} fontFamily={chartFont} role="img" aria-label={`${title}, ${formatCount(timeline.total)} records`}>
      <rect width={width} height={height} fill="#ffffff" />
      <text x={8} y={20} fontSize={14} fontWeight={600} fill={ink}>
        {title}
      </text>
      {kinds.map((k, i) => (
        <g key={k} transform={`translate(${8 + (i % perCol) * 150}, ${30 + Math.floor(i / perCol) * 18})`}>
          <rect width={10} height={10} y={1} fill={kindColours[k]} />
          <text x={15} y={10} fontSize={11} fill={ink}>
            {kindLabels[k]}
          </text>
        </g>
      ))}
      {ticks.map((t) => (
        <g key={t}>
          <line x1={m.left} x2={m.left + plotW} y1={y(t)} y2={y(t)} stroke={grid} />
          <text x={m.left - 6} y={y(t) + 4} fontSize={10} textAnchor="end" fill={muted}>
            {formatCount(t)}
          </text>
        </g>
      ))}
      {buckets.map((b) => {
        const left = x(toTime(b.start));
        const w = Math.max(0.8, x(toTime(nextBucket(b.start, bucket))) - left - (plotW / buckets.length > 5 ? 1 : 0));
        let acc = 0;
        return (
          <g key={b.start}>
            {kinds.map((k) => {
              const n = b.kinds[k] ?? 0;
              if (!n) return null;
              const top = y(acc + n);
              const h = y(acc) - top;
              acc += n;
              return <rect key={k} x={left} y={top} width={w} height={h} fill={kindColours[k]} />;
            })}
          </g>
        );
      })}
      <line x1={m.left} x2={m.left + plotW} y1={m.top + plotH} y2={m.top + plotH} stroke={muted} />
      {domain &&
        timeTicks(t0, t1, plotW).map(({ t, label }) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={m.top + plotH} y2={m.top + plotH + 4} stroke={muted} />
            <text x={x(t)} y={m.top + plotH + 16} fontSize={10} textAnchor="middle" fill={muted}>
              {label}
            </text>
          </g>
        ))}
      <text x={8} y={height - 10 - (footer.length - 1) * captionLineHeight} fontSize={10} fill={muted}>
        {footer.map((line, i) => (
          <tspan key={i} x={8} dy={i ? captionLineHeight : 0}>
            {line}
          </tspan>
        ))}
      </text>
    </svg>
  );
});
