/**
 * Calendar arithmetic on `YYYY-MM-DD` strings in UTC (no time zones, no clock): bucket boundaries, windows for
 * the play button, the bucket the timeline picks for a span, and the domain and ticks of a time axis (shared by
 * the timeline and the over-time chart).
 */
import type { TimeBucket } from '../../../../src/core/event-store.ts';

/** Milliseconds since the epoch of a date's midnight UTC. */
export function toTime(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** The date of a time (its UTC day). */
export function toDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** `date` plus `n` days. */
export function addDays(date: string, n: number): string {
  return toDate(toTime(date) + n * 86_400_000);
}

/** `date` plus `n` months, the day clamped to the month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), last);
  return toDate(Date.UTC(year, month, day));
}

/** The first day of the bucket after the one starting at `start`. */
export function nextBucket(start: string, bucket: TimeBucket): string {
  switch (bucket) {
    case 'day':
      return addDays(start, 1);
    case 'week':
      return addDays(start, 7);
    case 'month':
      return addMonths(start, 1);
    default:
      return addMonths(start, 12);
  }
}

/**
 * A domain `[first day, day after the last]` of whole buckets, widened by a bucket on each side in turn until it
 * holds at least `n`: one record's day is then a bar among empty days with dates under them, not the whole width.
 */
export function widenToBuckets([start, end]: [string, string], bucket: TimeBucket, n: number): [string, string] {
  let count = 0;
  for (let d = start; d < end && count < n; d = nextBucket(d, bucket)) count++;
  for (let before = true; count < n; before = !before, count++) {
    if (before) start = bucketStart(addDays(start, -1), bucket);
    else end = nextBucket(end, bucket);
  }
  return [start, end];
}

/** The first day of the bucket holding `date` (weeks start on Monday, as DuckDB's date_trunc has them). */
export function bucketStart(date: string, bucket: TimeBucket): string {
  switch (bucket) {
    case 'day':
      return date;
    case 'week': {
      const dow = (new Date(toTime(date)).getUTCDay() + 6) % 7;
      return addDays(date, -dow);
    }
    case 'month':
      return `${date.slice(0, 7)}-01`;
    default:
      return `${date.slice(0, 4)}-01-01`;
  }
}

/**
 * The bucket that gives a readable histogram for a span of `months`: months by default, years beyond forty
 * years (too many bars to see), weeks under a year and a half, days under two months.
 */
export function autoBucket(months: number): TimeBucket {
  if (months > 480) return 'year';
  if (months < 2) return 'day';
  if (months < 18) return 'week';
  return 'month';
}

/** Play windows: label and length in months (or days below a month). */
export const playWindows = [
  { label: '1 week', days: 7 },
  { label: '1 month', months: 1 },
  { label: '3 months', months: 3 },
  { label: '6 months', months: 6 },
  { label: '1 year', months: 12 },
  { label: '2 years', months: 24 },
] as const;

/** The end (inclusive) of a play window starting at `from`. */
export function windowEnd(from: string, w: (typeof playWindows)[number]): string {
  return 'days' in w ? addDays(from, w.days - 1) : addDays(addMonths(from, w.months), -1);
}

const monthName = (t: number) => new Date(t).toLocaleString('en', { month: 'short', timeZone: 'UTC' });

/**
 * Ticks for a time axis from `t0` to `t1` (ms) drawn `plotW` pixels wide, spaced so labels never touch: years
 * over two years or more, months over two months or more, days below (the first day's label carries the year);
 * none within 14 pixels of the right end.
 */
export function timeTicks(t0: number, t1: number, plotW: number): { t: number; label: string; year?: number }[] {
  const day = 86_400_000;
  const years = (t1 - t0) / (365.25 * day);
  const ticks: { t: number; label: string; year?: number }[] = [];
  if (years >= 2) {
    const every = [1, 2, 5, 10, 20, 50].find((n) => (plotW / years) * n >= 44) ?? 100;
    const first = new Date(t0).getUTCFullYear();
    for (let yr = Math.ceil(first / every) * every; Date.UTC(yr, 0, 1) <= t1; yr += every) {
      const t = Date.UTC(yr, 0, 1);
      if (t >= t0) ticks.push({ t, label: String(yr), year: yr });
    }
  } else if (years * 12 >= 2) {
    const every = [1, 2, 3, 6].find((n) => (plotW / (years * 12)) * n >= 56) ?? 12;
    const d = new Date(t0);
    for (let m = d.getUTCFullYear() * 12 + d.getUTCMonth(); Date.UTC(Math.floor(m / 12), m % 12, 1) <= t1; m += 1) {
      const t = Date.UTC(Math.floor(m / 12), m % 12, 1);
      if (t >= t0 && (m % 12) % every === 0) ticks.push({ t, label: `${monthName(t)} ${Math.floor(m / 12)}` });
    }
  } else {
    const every = [1, 2, 7, 14].find((n) => (plotW / ((t1 - t0) / day)) * n >= 56) ?? 28;
    for (let t = t0; t <= t1; t += every * day) {
      const label = `${new Date(t).getUTCDate()} ${monthName(t)}`;
      ticks.push({ t, label: t === t0 ? `${label} ${new Date(t).getUTCFullYear()}` : label });
    }
  }
  // A label centred on the right edge would be cut off.
  return ticks.filter(({ t }) => ((t - t0) / (t1 - t0)) * plotW < plotW - 14);
}
