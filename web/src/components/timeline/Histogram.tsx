/**
 * The timeline histogram: records per bucket stacked by kind, with a brush. Drag across it to select a date range,
 * click a bar to select that bucket; with the keyboard, focus it and use the arrow keys (Shift widens, Escape
 * clears). The selection snaps to whole buckets.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { TimeBucket } from '../../../../src/core/event-store.ts';
import type { TimelineResponse } from '../../api/types.ts';
import { formatCount, formatDay, formatPeriod } from '../../model/format.ts';
import { kindColours, kindLabels, kindOrder } from '../../model/kinds.ts';
import { addDays, bucketStart, nextBucket, timeTicks, toDate, toTime } from './dates.ts';

export interface HistogramProps {
  buckets: TimelineResponse['buckets'];
  bucket: TimeBucket;
  /** First day shown and the day after the last. */
  domain: [string, string];
  from?: string;
  to?: string;
  width: number;
  height: number;
  onBrush: (from: string, to: string) => void;
  onClear: () => void;
}

const margin = { left: 40, right: 10, top: 8, bottom: 20 };
const bucketWords: Record<TimeBucket, string> = { day: 'day', week: 'week', month: 'month', year: 'year' };

/** The SVG histogram with its brush. */
export function Histogram({ buckets, bucket, domain, from, to, width, height, onBrush, onClear }: HistogramProps) {
  const [drag, setDrag] = useState<{ x0: number; x1: number } | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const plotW = Math.max(10, width - margin.left - margin.right);
  const plotH = Math.max(10, height - margin.top - margin.bottom);
  const t0 = toTime(domain[0]);
  const t1 = Math.max(toTime(domain[1]), t0 + 86_400_000);
  const x = (date: string) => margin.left + ((toTime(date) - t0) / (t1 - t0)) * plotW;
  const dateAt = (px: number) => toDate(t0 + Math.min(1, Math.max(0, (px - margin.left) / plotW)) * (t1 - t0));
  const max = Math.max(1, ...buckets.map((b) => b.total));
  const y = (n: number) => (n / max) * plotH;

  // A range covering whole buckets from the one at pixel a to the one at pixel b.
  const rangeOf = (a: number, b: number): [string, string] => {
    const lo = bucketStart(dateAt(Math.min(a, b)), bucket);
    const hi = addDays(nextBucket(bucketStart(dateAt(Math.max(a, b)), bucket), bucket), -1);
    return [lo, hi];
  };

  const localX = (e: PointerEvent) => e.clientX - (svg.current?.getBoundingClientRect().left ?? 0);
  const onPointerDown = (e: PointerEvent<SVGRectElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const px = localX(e);
    setDrag({ x0: px, x1: px });
  };
  const onPointerMove = (e: PointerEvent<SVGRectElement>) => drag && setDrag({ ...drag, x1: localX(e) });
  const onPointerUp = () => {
    if (!drag) return;
    const [lo, hi] = rangeOf(drag.x0, drag.x1);
    setDrag(null);
    onBrush(lo, hi);
  };

  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Escape' || e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      onClear();
      return;
    }
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const dir = e.key === 'ArrowRight' ? 1 : -1;
    const lastStart = buckets.at(-1)?.start ?? domain[0];
    let lo = from ? bucketStart(from, bucket) : dir > 0 ? domain[0] : lastStart;
    let hiStart = to ? bucketStart(to, bucket) : lo;
    const step = (d: string, n: number) => (n > 0 ? nextBucket(d, bucket) : bucketStart(addDays(d, -1), bucket));
    if (from || to) {
      if (!e.shiftKey) lo = step(lo, dir);
      hiStart = step(hiStart, dir);
      if (hiStart < lo) hiStart = lo;
    }
    onBrush(lo, addDays(nextBucket(hiStart, bucket), -1));
  };

  const sel = drag ? [Math.min(drag.x0, drag.x1), Math.max(drag.x0, drag.x1)] : from || to ? [x(from ?? domain[0]), x(to ? addDays(to, 1) : domain[1])] : null;
  const selClamped = sel ? [Math.max(margin.left, sel[0]!), Math.min(margin.left + plotW, sel[1]!)] : null;
  const peak = buckets.reduce((best, b) => (b.total > (best?.total ?? -1) ? b : best), buckets[0]);
  const description = buckets.length
    ? `Records per ${bucketWords[bucket]} from ${formatDay(buckets[0]!.start)} to ${formatDay(buckets.at(-1)!.start)}; the busiest ${bucketWords[bucket]} began ${formatDay(peak!.start)} with ${formatCount(peak!.total)}.`
    : 'No dated records in this selection.';
  const selectionText = from || to ? `Selected: ${formatPeriod(from, to)}.` : 'No time range selected.';

  return (
    // A group, not an image: it holds controls (the brush, the year ticks), which an image's children may not be.
    <svg ref={svg} className="histogram" width={width} height={height} role="group" aria-labelledby="histogram-title" aria-describedby="histogram-desc">
      <title id="histogram-title">Timeline of the selected records</title>
      <desc id="histogram-desc">{description}</desc>
      <YAxis max={max} plotH={plotH} />
      <g aria-hidden="true">
        {buckets.map((b) => {
          const left = x(b.start);
          const w = Math.max(1, x(nextBucket(b.start, bucket)) - left - (plotW / buckets.length > 4 ? 1 : 0));
          let top = margin.top + plotH;
          return (
            <g key={b.start}>
              {kindOrder.map((k) => {
                const n = b.kinds[k];
                if (!n) return null;
                const h = y(n);
                top -= h;
                return <rect key={k} x={left} y={top} width={w} height={h} fill={kindColours[k]} />;
              })}
            </g>
          );
        })}
      </g>
      <TimeAxis
        domain={[t0, t1]}
        x={(t) => margin.left + ((t - t0) / (t1 - t0)) * plotW}
        y={margin.top + plotH}
        plotW={plotW}
        onYear={(yr) => onBrush(`${yr}-01-01`, `${yr}-12-31`)}
      />
      {selClamped && selClamped[1]! > selClamped[0]! && (
        <g aria-hidden="true" pointerEvents="none">
          <rect x={margin.left} y={margin.top} width={selClamped[0]! - margin.left} height={plotH} className="brush-dim" />
          <rect x={selClamped[1]} y={margin.top} width={margin.left + plotW - selClamped[1]!} height={plotH} className="brush-dim" />
          <rect x={selClamped[0]} y={margin.top} width={selClamped[1]! - selClamped[0]!} height={plotH} className="brush-selection" />
        </g>
      )}
      <g tabIndex={0} role="slider" aria-label="Time range. Left and right arrows move it one bar, with Shift they widen it; Escape clears it." aria-valuetext={selectionText} onKeyDown={onKeyDown} className="brush-focus">
        <rect
          x={margin.left}
          y={margin.top}
          width={plotW}
          height={plotH}
          fill="transparent"
          className="brush-area"
          data-testid="brush-area"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => setDrag(null)}
        >
          <title>Drag to select a time range</title>
        </rect>
      </g>
    </svg>
  );
}

function YAxis({ max, plotH }: { max: number; plotH: number }) {
  return (
    <g className="axis" aria-hidden="true">
      <text x={margin.left - 6} y={margin.top + 8} textAnchor="end">
        {formatCount(max)}
      </text>
      <text x={margin.left - 6} y={margin.top + plotH} textAnchor="end">
        0
      </text>
      <line x1={margin.left} x2={margin.left} y1={margin.top} y2={margin.top + plotH} />
    </g>
  );
}

/** The time axis: `timeTicks` under the bars; a year label selects that year. */
function TimeAxis({ domain, x, y, plotW, onYear }: { domain: [number, number]; x: (t: number) => number; y: number; plotW: number; onYear: (year: number) => void }) {
  const [t0, t1] = domain;
  const ticks = timeTicks(t0, t1, plotW);
  return (
    <g className="axis">
      <line x1={x(t0)} x2={x(t1)} y1={y} y2={y} />
      {ticks.map(({ t, label, year }) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={y} y2={y + 4} />
          {/* A year label selects that year: "in 2019" is one click. */}
          <text x={x(t)} y={y + 15} textAnchor="middle" className={year ? 'year-label' : undefined} onClick={year ? () => onYear(year) : undefined}>
            {year ? <title>{`Select ${year}`}</title> : null}
            {label}
          </text>
        </g>
      ))}
    </g>
  );
}

/** The kinds present in a timeline, for its legend. */
export function timelineKinds(buckets: TimelineResponse['buckets']): { kind: (typeof kindOrder)[number]; label: string }[] {
  return kindOrder.filter((k) => buckets.some((b) => b.kinds[k])).map((k) => ({ kind: k, label: kindLabels[k] }));
}
