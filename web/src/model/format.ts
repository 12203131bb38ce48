/**
 * Formatting of record fields for reading: dates at their real precision ("March 2021 (month)"), casualty
 * ranges ("2 (1–4) killed"; unknown stays "unknown", never 0) and counts.
 */
import type { DatePrecision } from '../../../src/core/record.ts';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const number = new Intl.NumberFormat('en');

/** `1234` → `1,234`. */
export function formatCount(n: number): string {
  return number.format(n);
}

/** `2021-08-26` → `26 August 2021`. */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${months[Number(m) - 1] ?? m} ${y}`;
}

/** `2021-08-26` → `Aug 2021`: short month and year, for axes. */
export function formatMonthShort(date: string): string {
  return `${(months[Number(date.slice(5, 7)) - 1] ?? '').slice(0, 3)} ${date.slice(0, 4)}`;
}

/**
 * A record's date at its precision: `26 August 2021`, `week of 3 May 2021`, `March 2021`, `2019`, or a range
 * `2–6 May 2021` when the source gives one. The precision word follows in parentheses unless `bare`.
 */
export function formatRecordDate(r: { date: string; dateEnd?: string | null; datePrecision: DatePrecision }, bare = false): string {
  const suffix = bare ? '' : ` (${r.datePrecision})`;
  switch (r.datePrecision) {
    case 'year':
      return `${r.date.slice(0, 4)}${suffix}`;
    case 'month':
      return `${months[Number(r.date.slice(5, 7)) - 1]} ${r.date.slice(0, 4)}${suffix}`;
    case 'week':
      return `week of ${formatDay(r.date)}${suffix}`;
    default:
      if (r.dateEnd && r.dateEnd !== r.date) return `${formatDayRange(r.date, r.dateEnd)}${bare ? '' : ' (several days)'}`;
      return formatDay(r.date);
  }
}

/** `2021-05-02`..`2021-05-06` → `2–6 May 2021`; across months or years the parts that differ are repeated. */
export function formatDayRange(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  if (fy === ty && fm === tm) return `${fd}–${td} ${months[fm - 1]} ${fy}`;
  if (fy === ty) return `${fd} ${months[fm - 1]} – ${td} ${months[tm - 1]} ${fy}`;
  return `${formatDay(from)} – ${formatDay(to)}`;
}

/** The day after an ISO date. */
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * A span of days as a reader names it: whole years `2015` or `2015–2016`, whole months `March 2016`,
 * `March–April 2016` or `November 2015 – February 2016`, other spans as `formatDayRange`.
 */
export function formatSpan(from: string, to: string): string {
  const [fy, fm] = [from.slice(0, 4), Number(from.slice(5, 7))];
  const [ty, tm] = [to.slice(0, 4), Number(to.slice(5, 7))];
  const wholeMonths = from.endsWith('-01') && nextDay(to).endsWith('-01');
  if (wholeMonths && fm === 1 && tm === 12) return fy === ty ? fy : `${fy}–${ty}`;
  if (!wholeMonths) return formatDayRange(from, to);
  if (fy !== ty) return `${months[fm - 1]} ${fy} – ${months[tm - 1]} ${ty}`;
  return fm === tm ? `${months[fm - 1]} ${fy}` : `${months[fm - 1]}–${months[tm - 1]} ${fy}`;
}

/**
 * A filter's date range in words, one wording everywhere (title, chips, timeline): `2–6 May 2021`,
 * `since 15 August 2021` when it has no end, `until 1 May 2019` when it has no start.
 */
export function formatPeriod(from: string | undefined, to: string | undefined): string {
  if (from && to) return formatDayRange(from, to);
  return from ? `since ${formatDay(from)}` : to ? `until ${formatDay(to)}` : '';
}

export interface Casualties {
  low: number | null;
  best: number | null;
  high: number | null;
}

/**
 * Casualties as a reader should see them: `2 (1–4)`, `2`, `1–4` when only a range is known, `unknown` when
 * nothing is. A missing figure is never shown as 0.
 */
export function formatCasualties(c: Casualties | null | undefined): string {
  if (!c) return 'unknown';
  const { low, best, high } = c;
  const range = low !== null && high !== null && low !== high ? `${formatCount(low)}–${formatCount(high)}` : null;
  if (best !== null) return range ? `${formatCount(best)} (${range})` : formatCount(best);
  if (range) return range;
  const one = low ?? high;
  return one !== null ? (low !== null ? `at least ${formatCount(one)}` : `at most ${formatCount(one)}`) : 'unknown';
}

/** True when a URL may be a link: only http and https (no javascript:, data:, file:…). */
export function isWebUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

type PlaceNames = { locality: string | null; admin2: string | null; admin1: string | null; country: string | null };

/** The parts of a place that are known, most specific first, without repeats. */
export function placeParts(place: PlaceNames, countryName: (iso3: string) => string): string[] {
  return [place.locality, place.admin2, place.admin1, place.country ? countryName(place.country) : null].filter(
    (p, i, all): p is string => Boolean(p) && all.indexOf(p) === i,
  );
}

/** `Jalalabad, Nangarhar, Afghanistan` (plain text, for titles and captions; see PlaceText for display). */
export function formatPlace(place: PlaceNames, countryName: (iso3: string) => string): string {
  const parts = placeParts(place, countryName);
  return parts.length ? parts.join(', ') : 'Place unknown';
}
