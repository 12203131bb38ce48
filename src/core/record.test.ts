import { describe, expect, it } from 'vitest';
import { dateRange, isValidIsoDate, parseRecord, type EventRecordInput } from './record.ts';

const input = (overrides: Partial<EventRecordInput>): EventRecordInput => ({
  id: 't:1', kind: 'plot', date: '2021-03-15', datePrecision: 'day',
  place: { country: 'DEU', precision: 'country' }, provenance: { dataset: 'curated' }, ...overrides,
});
const parsed = (overrides: Partial<EventRecordInput>) => {
  const r = parseRecord(input(overrides));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.record;
};

describe('imprecise dates', () => {
  it('keep a month- or year-precise date on the first day of its period, never on a day the source did not give', () => {
    expect(parsed({ datePrecision: 'month' })).toMatchObject({ date: '2021-03-01', dateEnd: null });
    expect(parsed({ date: '2019-07-04', datePrecision: 'year' })).toMatchObject({ date: '2019-01-01', dateEnd: null });
    expect(parsed({}).date).toBe('2021-03-15');
    // An explicit range is the source's own and stays as given.
    expect(parsed({ datePrecision: 'month', dateEnd: '2021-04-14' })).toMatchObject({ date: '2021-03-15', dateEnd: '2021-04-14' });
    // A "range" of the one day says no more than the date: the period it is known to is the range.
    expect(parsed({ datePrecision: 'month', dateEnd: '2021-03-15' })).toMatchObject({ date: '2021-03-01', dateEnd: null });
    expect(dateRange(parsed({ date: '2021-03-01', datePrecision: 'month', dateEnd: '2021-03-01' }))).toEqual({ from: '2021-03-01', to: '2021-03-31' });
    expect(dateRange(parsed({ datePrecision: 'week', dateEnd: '2021-03-15' }))).toEqual({ from: '2021-03-15', to: '2021-03-21' });
    expect(parsed({ dateEnd: '2021-03-15' })).toMatchObject({ date: '2021-03-15', dateEnd: '2021-03-15' });
  });

  it('cover their whole period, so any overlapping filter finds them', () => {
    expect(dateRange(parsed({ datePrecision: 'month' }))).toEqual({ from: '2021-03-01', to: '2021-03-31' });
    expect(dateRange({ date: '2020-02-10', dateEnd: null, datePrecision: 'month' })).toEqual({ from: '2020-02-01', to: '2020-02-29' });
    expect(dateRange({ date: '2019-07-04', dateEnd: null, datePrecision: 'year' })).toEqual({ from: '2019-01-01', to: '2019-12-31' });
    // Leap years as the Gregorian calendar has them: 1900 was none, 2000 was one.
    expect(dateRange({ date: '1900-02-10', dateEnd: null, datePrecision: 'month' }).to).toBe('1900-02-28');
    expect(dateRange({ date: '2000-02-10', dateEnd: null, datePrecision: 'month' }).to).toBe('2000-02-29');
    expect(dateRange({ date: '2023-02-10', dateEnd: null, datePrecision: 'month' }).to).toBe('2023-02-28');
    expect([isValidIsoDate('2024-02-29'), isValidIsoDate('2023-02-29'), isValidIsoDate('1900-02-29'), isValidIsoDate('2021-04-31'), isValidIsoDate('2021-12-31')]).toEqual([true, false, false, false, true]);
    expect(dateRange({ date: '2021-03-15', dateEnd: null, datePrecision: 'week' })).toEqual({ from: '2021-03-15', to: '2021-03-21' });
  });
});

describe('validation', () => {
  it('reports the checks that span fields together with the others, not in a second round', () => {
    const r = parseRecord(input({ kind: 'bombing' as never, dateEnd: '2021-03-01', place: { country: 'DEU', lat: 50, precision: 'locality' } }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field)).toEqual(['kind', 'dateEnd', 'place.lon']);
    expect(r.problems[0]!.message).toMatch(/^expected one of: attack, clash/);
    expect(r.problems[1]!.message).toBe('dateEnd 2021-03-01 is before date 2021-03-15');
  });
});
