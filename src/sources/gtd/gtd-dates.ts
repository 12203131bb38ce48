/**
 * GTD dates: `iyear`/`imonth`/`iday` with 0 for an unknown month or day, `approxdate` free text for the ranges
 * behind a vague date, and `resolution` (the end of an extended incident) as an Excel serial day or a written date.
 */
import { addDays, daysInMonth, isValidIsoDate, type DatePrecision } from '../../core/record.ts';

export interface DateSpan {
  date: string;
  dateEnd: string | null;
  datePrecision: DatePrecision;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 1–12 for `January`, `Jan`, `Sept.`; undefined otherwise. */
function monthNumber(name: string): number | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  const i = n.length < 3 ? -1 : monthNames.findIndex((m) => m.startsWith(n));
  return i < 0 ? undefined : i + 1;
}

const iso = (y: number, m: number, d: number): string | undefined => {
  const s = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return isValidIsoDate(s) ? s : undefined;
};
const monthEnd = (y: number, m: number) => iso(y, m, daysInMonth(y, m))!;

/** What `iyear`/`imonth`/`iday` say: a day, a month (iday 0) or a year (imonth 0). Undefined for impossible values. */
export function gtdBaseDate(year: number, month: number, day: number): DateSpan | undefined {
  if (month === 0) return { date: `${year}-01-01`, dateEnd: `${year}-12-31`, datePrecision: 'year' };
  if (month < 1 || month > 12) return undefined;
  if (day === 0) return { date: iso(year, month, 1)!, dateEnd: monthEnd(year, month), datePrecision: 'month' };
  const date = iso(year, month, day);
  return date ? { date, dateEnd: null, datePrecision: 'day' } : undefined;
}

/**
 * The range an `approxdate` names, for the patterns seen in GTD files: `Month d-d, yyyy`,
 * `Month d - Month d, yyyy`, `Between mm/dd/yyyy and mm/dd/yyyy`, `Month/Month yyyy`, `Month yyyy`, `mm/dd/yyyy`,
 * `Month d, yyyy`. A range written across New Year (`December 28 - January 3, 2016`) starts in the year before.
 */
export function parseApproxDate(text: string): { from: string; to: string } | undefined {
  const t = text.trim().replace(/[–—]/g, '-').replace(/\s+/g, ' ');
  let m: RegExpExecArray | null;
  const range = (from: string | undefined, to: string | undefined) => (from && to && from <= to ? { from, to } : undefined);
  if ((m = /^([A-Za-z.]+) (\d{1,2}) ?- ?(\d{1,2}),? (\d{4})$/.exec(t))) {
    const mo = monthNumber(m[1]!);
    return mo ? range(iso(+m[4]!, mo, +m[2]!), iso(+m[4]!, mo, +m[3]!)) : undefined;
  }
  if ((m = /^([A-Za-z.]+) (\d{1,2}),?(?: (\d{4}))? ?- ?([A-Za-z.]+) (\d{1,2}),? (\d{4})$/.exec(t))) {
    const [m1, m2, y2] = [monthNumber(m[1]!), monthNumber(m[4]!), +m[6]!];
    if (!m1 || !m2) return undefined;
    const y1 = m[3] ? +m[3] : m1 > m2 ? y2 - 1 : y2;
    return range(iso(y1, m1, +m[2]!), iso(y2, m2, +m[5]!));
  }
  if ((m = /^between (\d{1,2})\/(\d{1,2})\/(\d{4}) and (\d{1,2})\/(\d{1,2})\/(\d{4})$/i.exec(t))) {
    return range(iso(+m[3]!, +m[1]!, +m[2]!), iso(+m[6]!, +m[4]!, +m[5]!));
  }
  if ((m = /^([A-Za-z.]+) ?\/ ?([A-Za-z.]+),? (\d{4})$/.exec(t))) {
    const [m1, m2, y] = [monthNumber(m[1]!), monthNumber(m[2]!), +m[3]!];
    if (!m1 || !m2) return undefined;
    return range(iso(m1 > m2 ? y - 1 : y, m1, 1), monthEnd(y, m2));
  }
  if ((m = /^([A-Za-z.]+),? (\d{4})$/.exec(t))) {
    const mo = monthNumber(m[1]!);
    return mo ? range(iso(+m[2]!, mo, 1), monthEnd(+m[2]!, mo)) : undefined;
  }
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t))) {
    const d = iso(+m[3]!, +m[1]!, +m[2]!);
    return range(d, d);
  }
  if ((m = /^([A-Za-z.]+) (\d{1,2}),? (\d{4})$/.exec(t))) {
    const mo = monthNumber(m[1]!);
    const d = mo ? iso(+m[3]!, mo, +m[2]!) : undefined;
    return range(d, d);
  }
  return undefined;
}

/** The coarsest precision a range of `days` days is comparable to; the range itself stays in date/dateEnd. */
function spanPrecision(from: string, to: string): DatePrecision {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  return days <= 1 ? 'day' : days <= 7 ? 'week' : days <= 62 ? 'month' : 'year';
}

/**
 * The record's dates: the base date, widened to the `approxdate` range when the range agrees with it (overlaps
 * it — recent releases fill approxdate while iday is set, with iday at the end or the middle of the range).
 * `used` says whether approxdate was applied, so an unused one can be kept as a tag.
 */
export function gtdDates(base: DateSpan, approx: { from: string; to: string } | undefined): DateSpan & { used: boolean } {
  const baseEnd = base.dateEnd ?? base.date;
  if (!approx || approx.from > baseEnd || approx.to < base.date) return { ...base, used: false };
  if (approx.from === base.date && approx.to === baseEnd) return { ...base, used: true };
  return { date: approx.from, dateEnd: approx.from === approx.to ? null : approx.to, datePrecision: spanPrecision(approx.from, approx.to), used: true };
}

/**
 * `resolution` as an ISO date: an Excel serial day (`44197` = 2021-01-01, days since 1899-12-30, as the xlsx
 * holds it), an ISO date (what our xlsx reader writes for date-formatted cells) or a US `mm/dd/yyyy`.
 */
export function parseResolution(text: string): string | undefined {
  const t = text.trim();
  if (/^\d{4,6}(\.\d+)?$/.test(t)) return addDays('1899-12-30', Math.floor(Number(t)));
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+Z?)?$/.exec(t);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: [\d:]+)?$/.exec(t);
  if (m) return iso(+m[3]!, +m[1]!, +m[2]!);
  return undefined;
}
