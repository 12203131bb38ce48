import { describe, expect, it } from 'vitest';
import { dateParser, settleDate } from './mapped-dates.ts';

const wiki = dateParser(['MMMM d yyyy', 'd MMMM yyyy']);
const parse = (p: ReturnType<typeof dateParser>, v: string) => {
  const r = p(v);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('date formats', () => {
  it('reads month-name dates in either order', () => {
    expect(parse(wiki, 'January 13 1970')).toEqual({ date: '1970-01-13', dateEnd: null, precision: 'day' });
    expect(parse(wiki, '26 March 1970')).toEqual({ date: '1970-03-26', dateEnd: null, precision: 'day' });
    expect(parse(wiki, 'January 1, 2019')).toEqual({ date: '2019-01-01', dateEnd: null, precision: 'day' });
    expect(parse(wiki, 'Sept. 3 2001').date).toBe('2001-09-03');
  });

  it('gives a month or a year the precision it has, covering the whole period', () => {
    expect(parse(wiki, 'April 1970')).toEqual({ date: '1970-04-01', dateEnd: '1970-04-30', precision: 'month' });
    expect(parse(wiki, ' 1971')).toEqual({ date: '1971-01-01', dateEnd: '1971-12-31', precision: 'year' });
    expect(parse(wiki, 'February Unknown 2019')).toEqual({ date: '2019-02-01', dateEnd: '2019-02-28', precision: 'month' });
    expect(parse(wiki, 'September–December 1974')).toEqual({ date: '1974-09-01', dateEnd: '1974-12-31', precision: 'month' });
  });

  it('reads the ranges hand-made lists write', () => {
    const cases: [string, string, string][] = [
      ['February 19–28 1972', '1972-02-19', '1972-02-28'],
      ['16-18 September 1982', '1982-09-16', '1982-09-18'],
      ['31 July–August 10 1970', '1970-07-31', '1970-08-10'],
      ['30 April – 5 May 1980 1980', '1980-04-30', '1980-05-05'],
      ['September 28 – October 3 1977', '1977-09-28', '1977-10-03'],
      ['July 14-August 1975', '1975-07-14', '1975-08-31'],
      ['June 27/28 1994', '1994-06-27', '1994-06-28'],
      ['January 6 or 7 2017', '2017-01-06', '2017-01-07'],
      ['June 16 & 19 2013', '2013-06-16', '2013-06-19'],
      ['February 28-1 2019', '2019-02-28', '2019-03-01'],
    ];
    for (const [text, date, dateEnd] of cases) expect(parse(wiki, text), text).toEqual({ date, dateEnd, precision: 'day' });
    expect(parse(wiki, '*23 January 1975').date).toBe('1975-01-23');
    expect(parse(wiki, 'August ~18 2011').date).toBe('2011-08-18');
  });

  it('reads numeric formats, ignoring a spreadsheet time part', () => {
    const iso = dateParser(['yyyy-MM-dd']);
    expect(parse(iso, '2024-03-22')).toEqual({ date: '2024-03-22', dateEnd: null, precision: 'day' });
    expect(parse(iso, '2024-03-22T00:00:00')).toMatchObject({ date: '2024-03-22' });
    const eu = dateParser(['dd/MM/yyyy', 'd.M.yyyy', 'yyyy-MM', 'yyyy']);
    expect(parse(eu, '05/11/2019').date).toBe('2019-11-05');
    expect(parse(eu, '5.11.2019').date).toBe('2019-11-05');
    expect(parse(eu, '2019-11')).toEqual({ date: '2019-11-01', dateEnd: '2019-11-30', precision: 'month' });
    expect(parse(eu, '2019')).toMatchObject({ precision: 'year' });
    expect(parse(dateParser(['MM/dd/yyyy']), '11/05/2019').date).toBe('2019-11-05');
  });

  it('rejects days that do not exist and text that is no date, saying why', () => {
    expect(wiki('November 31 2005')).toEqual({ ok: false, reason: '2005-11-31 is not a real day' });
    expect(wiki('25 1999')).toEqual({ ok: false, reason: 'day 25 has no month' });
    expect(wiki('March 5')).toEqual({ ok: false, reason: 'no four-digit year' });
    expect(wiki('sometime')).toMatchObject({ ok: false, reason: expect.stringContaining('"MMMM d yyyy"') });
    expect(dateParser(['yyyy-MM-dd'])('2019-02-29')).toEqual({ ok: false, reason: '2019-02-29 is not a real day (format "yyyy-MM-dd")' });
    expect(dateParser(['dd/MM/yyyy'])('01/13/2019')).toMatchObject({ ok: false, reason: expect.stringContaining('month 13') });
  });
});

describe('settling a record\'s dates', () => {
  const importedAt = '2025-01-15T10:00:00.000Z';
  const day = { date: '2021-03-17', dateEnd: null, precision: 'day' as const };

  it('lets a stated precision win and covers the whole month or year', () => {
    expect(settleDate(day, { precision: 'month', importedAt })).toEqual({ ok: true, date: '2021-03-01', dateEnd: '2021-03-31', datePrecision: 'month' });
    expect(settleDate(day, { precision: 'year', importedAt })).toEqual({ ok: true, date: '2021-01-01', dateEnd: '2021-12-31', datePrecision: 'year' });
    expect(settleDate(day, { precision: 'week', importedAt })).toMatchObject({ dateEnd: '2021-03-23' });
  });

  it('never claims more precision than the text shows', () => {
    const month = { date: '1970-04-01', dateEnd: '1970-04-30', precision: 'month' as const };
    expect(settleDate(month, { fallback: 'day', importedAt })).toMatchObject({ datePrecision: 'month' });
    expect(settleDate(day, { fallback: 'month', importedAt })).toMatchObject({ datePrecision: 'month', date: '2021-03-01' });
  });

  it('refuses events after the import and ranges that end before they start', () => {
    expect(settleDate({ ...day, date: '2026-01-01' }, { importedAt })).toMatchObject({ ok: false, reason: expect.stringContaining('cannot be in the future') });
    expect(settleDate(day, { dateEnd: '2021-03-01', importedAt })).toEqual({ ok: false, value: '2021-03-01', reason: 'the end date 2021-03-01 is before the date 2021-03-17' });
  });
});
