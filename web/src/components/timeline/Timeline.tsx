/**
 * The timeline panel: the selection's records over time stacked by kind (every filter applies except the time
 * range itself, so the brush can move freely), the brush that sets `from`/`to`, playback, and a note of the
 * records whose dates are too imprecise for one bar.
 */
import { useEffect, useMemo } from 'react';
import type { TimeBucket } from '../../../../src/core/event-store.ts';
import { apiUrl } from '../../api/client.ts';
import type { TimelineResponse } from '../../api/types.ts';
import { useApi, useShownTogether } from '../../api/use-api.ts';
import { formatCount, formatPeriod, formatSpan } from '../../model/format.ts';
import { kindLabels, kindOrder } from '../../model/kinds.ts';
import { onlyKinds, splitKinds } from '../../model/timeline-kinds.ts';
import type { BucketChoice } from '../../model/view-state.ts';
import { markRendered } from '../../state/ready.ts';
import { autoBucket, nextBucket, toTime, widenToBuckets } from './dates.ts';
import { Histogram } from './Histogram.tsx';
import { PlayControls } from './PlayControls.tsx';
import { usePlay } from './use-play.ts';
import { useWidth } from '../use-width.ts';

export interface TimelineProps {
  /** Filter parameters without from/to. */
  entries: [string, string][];
  filterKey: string;
  from?: string;
  to?: string;
  bucket: BucketChoice;
  onBucket: (b: BucketChoice) => void;
  /** A brushed range (one history entry). */
  onRange: (from: string | undefined, to: string | undefined) => void;
  /** A playback step (replaces the history entry). */
  onPlayStep: (from: string, to: string) => void;
  /** Told when playback starts and stops. */
  onPlaying?: (playing: boolean) => void;
  compact?: boolean;
}

const bucketNames: Record<BucketChoice, string> = { auto: 'Auto', day: 'Days', week: 'Weeks', month: 'Months', year: 'Years' };

function monthsBetween(a: string, b: string): number {
  return (toTime(b) - toTime(a)) / (30.44 * 86_400_000);
}

/** The panel. */
export function Timeline({ entries, filterKey, from, to, bucket, onBucket, onRange, onPlayStep, onPlaying, compact }: TimelineProps) {
  const [box, width] = useWidth<HTMLDivElement>(600);

  // The kind filter is applied here, to the answer without it (see onlyKinds): toggling kinds asks nothing.
  const { kinds: selected, rest: asked } = splitKinds(entries);
  const asking = selected.join(',');
  const kinds = useShownTogether(asking);
  // Auto: ask for months, then switch when the span is very long or short (one extra request only then).
  const monthly = useApi<TimelineResponse>(apiUrl('timeline', [...asked, ['bucket', 'month']]));
  const months = monthly.data?.buckets.length ? monthsBetween(monthly.data.buckets[0]!.start, monthly.data.buckets.at(-1)!.start) + 1 : 24;
  const chosen: TimeBucket = bucket === 'auto' ? autoBucket(months) : bucket;
  const url = apiUrl('timeline', [...asked, ['bucket', chosen]]);
  const timeline = useApi<TimelineResponse>(chosen === 'month' ? null : url);
  const state = chosen === 'month' ? monthly : timeline;
  const data = useMemo(() => (state.data && kinds ? onlyKinds(state.data, kinds.split(',')) : state.data), [state.data, kinds]);
  const current = kinds === asking && (state.dataUrl === url || (chosen === 'month' && monthly.dataUrl === url));

  useEffect(() => {
    if ((current && data) || state.error) markRendered('timeline', filterKey);
  }, [current, data, state.error, filterKey]);

  const buckets = data?.buckets ?? [];
  const dataBucket = data?.bucket ?? chosen;
  let domain: [string, string] | null = buckets.length ? [buckets[0]!.start, nextBucket(buckets.at(-1)!.start, dataBucket)] : null;
  // A selection outside the data still shows where it is.
  if (domain && from && from < domain[0]) domain = [from, domain[1]];
  if (domain && to && to >= domain[1]) domain = [domain[0], nextBucket(to, 'day')];
  if (domain) domain = widenToBuckets(domain, dataBucket, 7);

  const play = usePlay(dataBucket, domain, from, onPlayStep);
  useEffect(() => onPlaying?.(play.playing), [play.playing, onPlaying]);
  const spanning = data?.spanning;

  return (
    <section className={`timeline${compact ? ' compact' : ''}`} aria-labelledby="timeline-title" aria-busy={state.loading}>
      <div className="timeline-head">
        <h2 id="timeline-title">
          Timeline
          {(from || to) && (
            <span className="timeline-range">
              {' '}
              {formatPeriod(from, to)}{' '}
              <button type="button" className="link-button" onClick={() => onRange(undefined, undefined)} aria-label="Clear the time range">
                clear
              </button>
            </span>
          )}
        </h2>
        {!compact && <span className="muted small hint">Drag across the bars to choose a period</span>}
        <div className="timeline-tools">
          <PlayControls play={play} />
          {!compact && (
            <label>
              <span className="visually-hidden">Bar length</span>
              <select value={bucket} onChange={(e) => onBucket(e.target.value as BucketChoice)} title="Length of each bar">
                {(Object.keys(bucketNames) as BucketChoice[]).map((b) => (
                  <option key={b} value={b}>
                    {b === 'auto' ? `Auto (${bucketNames[chosen].toLowerCase()})` : bucketNames[b]}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      </div>
      <div ref={box} className="histogram-box">
        {state.error && <p className="error" role="alert">Could not load the timeline: {state.error.message}</p>}
        {domain ? (
          <Histogram
            buckets={buckets}
            bucket={dataBucket}
            domain={domain}
            from={from}
            to={to}
            width={width}
            height={compact ? 80 : 110}
            onBrush={(f, t) => {
              play.stop();
              onRange(f, t);
            }}
            onClear={() => onRange(undefined, undefined)}
          />
        ) : (
          !state.loading && <p className="muted small">No dated records match.</p>
        )}
      </div>
      {spanning && spanning.total > 0 && (
        <p className="muted small spanning" data-testid="spanning">
          {formatCount(spanning.total)} {spanning.total === 1 ? 'record has a date' : 'records have dates'} too imprecise for one {dataBucket} (
          {kindOrder
            .filter((k) => spanning.kinds[k])
            .map((k) => `${formatCount(spanning.kinds[k]!)} ${kindLabels[k].toLowerCase()}`)
            .join(', ')}
          ) — counted in the totals, not drawn as bars. {spanningPeriods(spanning.ranges)}
        </p>
      )}
    </section>
  );
}

/** Where the records set apart may fall: `They fall in 2015 (8), March–April 2016 (2) and 3 other periods.` */
function spanningPeriods(ranges: TimelineResponse['spanning']['ranges']): string {
  const shown = ranges.slice(0, 3).map((r) => `${formatSpan(r.from, r.to)} (${formatCount(r.total)})`);
  if (!shown.length) return '';
  const others = ranges.length - shown.length;
  const list = others ? `${shown.join(', ')} and ${formatCount(others)} other period${others === 1 ? '' : 's'}` : shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown[0];
  return `They fall in ${list}.`;
}
