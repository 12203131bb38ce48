/**
 * ACLED event dates. The format is detected once per file — current exports write ISO `2022-06-30`, some tools
 * `30 June 2022`, the acledR codebook claims `dd-mm-yyyy`, and v6 files `30/06/2022` — and then every row must
 * follow it, so a stray `06/07/2022` is rejected rather than silently read the other way round.
 */
import { addDays, daysInMonth, isValidIsoDate, type DatePrecision } from '../../core/record.ts';

export type AcledDateFormat = 'iso' | 'day-month-name' | 'dd/mm/yyyy' | 'dd-mm-yyyy';

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const pad = (n: number) => String(n).padStart(2, '0');

const patterns: [AcledDateFormat, RegExp][] = [
  // ISO, optionally with a time part as some database exports add (`2022-06-30 00:00:00`).
  ['iso', /^(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+Z?)?$/],
  ['day-month-name', /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/],
  ['dd/mm/yyyy', /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/],
  ['dd-mm-yyyy', /^(\d{1,2})-(\d{1,2})-(\d{4})$/],
];

/** The format a date cell is written in, or undefined. */
export function detectDateFormat(value: string): AcledDateFormat | undefined {
  return patterns.find(([, re]) => re.test(value.trim()))?.[0];
}

/** The ISO date of `value` read in `format`, or undefined when it does not follow the format or names no real day. */
export function parseAcledDate(value: string, format: AcledDateFormat): string | undefined {
  const m = patterns.find(([f]) => f === format)![1].exec(value.trim());
  if (!m) return undefined;
  let iso: string;
  if (format === 'iso') iso = `${m[1]}-${m[2]}-${m[3]}`;
  else if (format === 'day-month-name') {
    const name = m[2]!.toLowerCase();
    // Full names and three-letter abbreviations (`18 Jun 2022`); `may` is both.
    const month = months.findIndex((full) => full === name || (name.length === 3 && full.startsWith(name)));
    if (month < 0) return undefined;
    iso = `${m[3]}-${pad(month + 1)}-${pad(Number(m[1]))}`;
  } else iso = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  return isValidIsoDate(iso) ? iso : undefined;
}

/** A record's dates from ACLED's coded day and its time_precision. */
export interface AcledDates {
  date: string;
  dateEnd: string | null;
  datePrecision: DatePrecision;
}

/**
 * `time_precision` 1 → that day. 2 → the week around it: ACLED codes the midpoint of a week, so the range is
 * d−3 … d+3. 3 → the calendar month (ACLED codes mid-month or the first or last day, so the day says nothing).
 * Undefined for another code.
 */
export function acledDates(day: string, timePrecision: string): AcledDates | undefined {
  switch (timePrecision.trim()) {
    case '1':
      return { date: day, dateEnd: null, datePrecision: 'day' };
    case '2':
      return { date: addDays(day, -3), dateEnd: addDays(day, 3), datePrecision: 'week' };
    case '3': {
      const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
      return { date: `${day.slice(0, 7)}-01`, dateEnd: `${day.slice(0, 7)}-${pad(daysInMonth(y, m))}`, datePrecision: 'month' };
    }
    default:
      return undefined;
  }
}

/** A human description of a format, for messages. */
export function describeDateFormat(format: AcledDateFormat): string {
  return { iso: 'YYYY-MM-DD', 'day-month-name': 'dd Month yyyy', 'dd/mm/yyyy': 'dd/mm/yyyy', 'dd-mm-yyyy': 'dd-mm-yyyy' }[format];
}
