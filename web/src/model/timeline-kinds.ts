/**
 * A timeline narrowed to some kinds. Its bars are stacked by kind, so the answer without a kind filter holds the
 * answer for every kind filter: the timeline panel narrows it itself, and toggling kinds costs no request (and
 * no scan of the records on the server). The result is what the server answers for the same kind filter (the
 * spanning records' ranges too, unless the server listed only the largest of more than `spanningRanges`).
 */
import type { Kind, TimelineResponse } from '../api/types.ts';

type Counts = { total: number; kinds: Partial<Record<Kind, number>> };

function narrow(counts: Counts, kinds: ReadonlySet<string>): Counts {
  const picked = Object.entries(counts.kinds).filter(([k, n]) => kinds.has(k) && n);
  return { total: picked.reduce((sum, [, n]) => sum + n, 0), kinds: Object.fromEntries(picked) as Partial<Record<Kind, number>> };
}

/** The spanning records' ranges narrowed to some kinds, in the server's order: largest first, then by date. */
function narrowRanges(ranges: TimelineResponse['spanning']['ranges'], kinds: ReadonlySet<string>): TimelineResponse['spanning']['ranges'] {
  return ranges
    .map((r) => ({ from: r.from, to: r.to, ...narrow(r, kinds) }))
    .filter((r) => r.total > 0)
    .sort((a, b) => b.total - a.total || (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

/** `timeline` (asked without a kind filter) as if asked with `kind` = `kinds`. */
export function onlyKinds(timeline: TimelineResponse, kinds: readonly string[]): TimelineResponse {
  const wanted = new Set(kinds);
  const buckets = timeline.buckets.map((b) => ({ start: b.start, ...narrow(b, wanted) })).filter((b) => b.total > 0);
  const spanning = { ...narrow(timeline.spanning, wanted), ranges: narrowRanges(timeline.spanning.ranges, wanted) };
  return { bucket: timeline.bucket, total: buckets.reduce((sum, b) => sum + b.total, spanning.total), buckets, spanning };
}

/** A filter's kinds (repeated or comma-separated), and the rest of it: what a timeline is asked without. */
export function splitKinds(entries: readonly [string, string][]): { kinds: string[]; rest: [string, string][] } {
  return {
    kinds: entries.filter(([k]) => k === 'kind').flatMap(([, v]) => v.split(',')),
    rest: entries.filter(([k]) => k !== 'kind'),
  };
}
