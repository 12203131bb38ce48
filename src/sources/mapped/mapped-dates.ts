/**
 * Dates in the formats a mapping names (`MMMM d yyyy`, `d MMMM yyyy`, `yyyy-MM-dd`, `dd/MM/yyyy`, `yyyy`…), with
 * the precision the text really has: `April 1970` is a month, `1971` a year, `February 19–28 1972` a range of
 * days. Hand-made lists write ranges in every way (`31 July–August 10 1970`, `June 27/28 1994`, `January 6 or 7
 * 2017`), so formats with a month name are read token by token rather than by one fixed pattern.
 */
import { addDays, daysInMonth, isValidIsoDate, type DatePrecision } from '../../core/record.ts';

/** A parsed date: the first day, the last day of a range (or of an imprecise period), and the precision. */
export interface ParsedDate {
  date: string;
  dateEnd: string | null;
  precision: DatePrecision;
}

/** Why a value is not a date in any of the formats: the most specific reason found. */
export type DateResult = { ok: true; value: ParsedDate } | { ok: false; reason: string };

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// Words that carry no date information in hand-made lists: joiners of ranges and hedges ("February Unknown 2019").
const noiseWords = new Set(['and', 'or', 'to', 'until', 'through', 'till', 'unknown', 'c', 'ca', 'circa', 'early', 'mid', 'late', 'of', 'the', 'on', 'between', 'from', 'around', 'about']);
const timeSuffix = '(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?';

/** Compiles the formats once; the returned function parses one cell. */
export function dateParser(formats: readonly string[]): (value: string) => DateResult {
  const parsers = formats.map((f) => (/MMM/.test(f) ? textMonthParser() : numericParser(f)));
  return (value) => {
    const v = value.trim();
    let specific: string | undefined;
    for (const p of parsers) {
      const r = p(v);
      if (r.ok) return r;
      specific ??= r.reason || undefined;
    }
    return { ok: false, reason: specific ?? `not a date in the format${formats.length > 1 ? 's' : ''} ${formats.map((f) => `"${f}"`).join(', ')}` };
  };
}

/** A fixed pattern of numbers (`yyyy-MM-dd`, `dd/MM/yyyy`, `yyyy`); a spreadsheet's time part is ignored. */
function numericParser(format: string): (v: string) => DateResult {
  const order: ('y' | 'M' | 'd')[] = [];
  const source = format.replace(/yyyy|MM?|dd?|[.*+?^${}()|[\]\\]|\s+/g, (t) => {
    const key = t === 'yyyy' ? 'y' : t[0] === 'M' || t[0] === 'd' ? (t[0] as 'M' | 'd') : undefined;
    if (key) {
      order.push(key);
      return key === 'y' ? '(\\d{4})' : t.length === 2 ? '(\\d{2})' : '(\\d{1,2})';
    }
    return /\s/.test(t) ? '\\s+' : `\\${t}`;
  });
  const re = new RegExp(`^${source}${timeSuffix}$`);
  return (v) => {
    const m = re.exec(v);
    if (!m) return { ok: false, reason: '' };
    const part = (k: 'y' | 'M' | 'd') => (order.includes(k) ? Number(m[order.indexOf(k) + 1]) : undefined);
    const [y, mo, d] = [part('y')!, part('M'), part('d')];
    if (mo === undefined) return { ok: true, value: { date: iso(y, 1, 1), dateEnd: iso(y, 12, 31), precision: 'year' } };
    if (mo < 1 || mo > 12) return { ok: false, reason: `month ${mo} does not exist (format "${format}")` };
    if (d === undefined) return { ok: true, value: { date: iso(y, mo, 1), dateEnd: iso(y, mo, daysInMonth(y, mo)), precision: 'month' } };
    if (!isValidIsoDate(iso(y, mo, d))) return { ok: false, reason: `${iso(y, mo, d)} is not a real day (format "${format}")` };
    return { ok: true, value: { date: iso(y, mo, d), dateEnd: null, precision: 'day' } };
  };
}

interface Part {
  month: number;
  days: number[];
  year?: number;
}

/**
 * Month-name dates, single or ranged. Days attach to the month they are written next to: after it when the text
 * starts with a month (`July 14-August 1975`), before it when it starts with a day (`30 April – 5 May 1980`).
 * A year applies to the parts written before it; parts after the last year take that year.
 */
function textMonthParser(): (v: string) => DateResult {
  return (v) => {
    const tokens = v.replace(/(\d)(st|nd|rd|th)\b/gi, '$1').match(/\d+|\p{L}+\.?|\S/gu) ?? [];
    type Tok = { t: 'M' | 'D' | 'Y'; n: number };
    const toks: Tok[] = [];
    for (const raw of tokens) {
      if (/^\d+$/.test(raw)) {
        if (raw.length === 4) toks.push({ t: 'Y', n: Number(raw) });
        else if (raw.length <= 2 && Number(raw) >= 1 && Number(raw) <= 31) toks.push({ t: 'D', n: Number(raw) });
        else return { ok: false, reason: raw.length <= 2 ? `day ${raw} does not exist` : '' };
        continue;
      }
      const word = raw.toLowerCase().replace(/\.$/, '');
      if (/^\p{L}+$/u.test(word)) {
        const month = word.length >= 3 ? monthNames.findIndex((m) => m.startsWith(word)) : -1;
        if (month >= 0) toks.push({ t: 'M', n: month + 1 });
        else if (!noiseWords.has(word)) return { ok: false, reason: '' };
        continue;
      }
      // Punctuation joins ranges (–, -, /, &, ",") or marks uncertainty (~, *, ?); none changes the dates.
      if (!/^[-–—/&,~*?.()']$/.test(raw)) return { ok: false, reason: '' };
    }
    if (!toks.some((t) => t.t === 'Y')) return { ok: false, reason: toks.length ? 'no four-digit year' : '' };
    const firstM = toks.findIndex((t) => t.t === 'M');
    const firstD = toks.findIndex((t) => t.t === 'D');
    const dayFirst = firstD >= 0 && firstM >= 0 && firstD < firstM;
    const parts: Part[] = [];
    const years: number[] = [];
    const pending: number[] = [];
    let yearFrom = 0;
    for (const tok of toks) {
      if (tok.t === 'M') parts.push({ month: tok.n, days: dayFirst ? pending.splice(0) : [] });
      else if (tok.t === 'D') (dayFirst || !parts.length ? pending : parts.at(-1)!.days).push(tok.n);
      else {
        years.push(tok.n);
        for (const p of parts.slice(yearFrom)) p.year ??= tok.n;
        yearFrom = parts.length;
      }
    }
    if (pending.length) {
      // `31 July–August 10`: the days after the last month belong to it when it has none of its own.
      const last = parts.at(-1);
      if (last && !last.days.length) last.days = pending;
      else return { ok: false, reason: `day ${pending[0]} has no month` };
    }
    if (!parts.length) {
      const [from, to] = [Math.min(...years), Math.max(...years)];
      return { ok: true, value: { date: iso(from, 1, 1), dateEnd: iso(to, 12, 31), precision: 'year' } };
    }
    for (const p of parts) p.year ??= years.at(-1)!;
    return rangeOf(parts);
  };
}

function rangeOf(parts: Part[]): DateResult {
  const first = parts[0]!;
  const last = parts.at(-1)!;
  const precision: DatePrecision = parts.some((p) => p.days.length) ? 'day' : 'month';
  const startDay = first.days[0] ?? 1;
  let [ey, em] = [last.year!, last.month];
  const ed = last.days.length ? last.days.at(-1)! : daysInMonth(ey, em);
  // `February 28-1 2019`: a range that runs into the next month without naming it.
  if (parts.length === 1 && last.days.length > 1 && ed < startDay) [ey, em] = em === 12 ? [ey + 1, 1] : [ey, em + 1];
  const date = iso(first.year!, first.month, startDay);
  if (!isValidIsoDate(date)) return { ok: false, reason: `${date} is not a real day` };
  const end = iso(ey, em, ed);
  if (!isValidIsoDate(end)) return { ok: false, reason: `${end} is not a real day` };
  if (end < date) return { ok: false, reason: `the range ends (${end}) before it starts (${date})` };
  if (end === date) return { ok: true, value: { date, dateEnd: null, precision } };
  return { ok: true, value: { date, dateEnd: end, precision } };
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const precisionRank: Record<DatePrecision, number> = { day: 0, week: 1, month: 2, year: 3 };

export interface DateFacts {
  /** The precision a column of the row states. */
  precision?: DatePrecision;
  /** The end a column of the row states. */
  dateEnd?: string;
  /** The mapping's default precision. */
  fallback?: DatePrecision;
  /** The import's timestamp: no event happens after it. */
  importedAt: string;
}

/**
 * The record's dates. A precision the row states wins; otherwise the coarser of what the text shows and the
 * mapping's default. A month or a year covers the whole period (`data-model.md`): first day to last day.
 */
export function settleDate(parsed: ParsedDate, facts: DateFacts):
  | { ok: true; date: string; dateEnd: string | null; datePrecision: DatePrecision }
  | { ok: false; value: string; reason: string } {
  const shown = parsed.precision;
  const fallback = facts.fallback;
  const precision = facts.precision ?? (fallback && precisionRank[fallback] > precisionRank[shown] ? fallback : shown);
  let date = parsed.date;
  let dateEnd = facts.dateEnd ?? parsed.dateEnd;
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  if (precision === 'month') {
    date = `${date.slice(0, 7)}-01`;
    dateEnd ??= `${date.slice(0, 7)}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
  } else if (precision === 'year') {
    date = `${date.slice(0, 4)}-01-01`;
    dateEnd ??= `${date.slice(0, 4)}-12-31`;
  } else if (precision === 'week') dateEnd ??= addDays(date, 6);
  const today = facts.importedAt.slice(0, 10);
  if (date > today) return { ok: false, value: parsed.date, reason: `the date is after the import (${today}); events cannot be in the future` };
  if (dateEnd !== null && dateEnd < date) return { ok: false, value: dateEnd, reason: `the end date ${dateEnd} is before the date ${date}` };
  return { ok: true, date, dateEnd: dateEnd === date ? null : dateEnd, datePrecision: precision };
}
