import { describe, expect, it } from 'vitest';
import { formatSpan } from '../src/model/format.ts';

describe('a span of days in words', () => {
  it('names whole years and months as such, and other spans by their days', () => {
    expect(formatSpan('2015-01-01', '2015-12-31')).toBe('2015');
    expect(formatSpan('2015-01-01', '2016-12-31')).toBe('2015–2016');
    expect(formatSpan('2016-03-01', '2016-03-31')).toBe('March 2016');
    expect(formatSpan('2016-02-01', '2016-02-29')).toBe('February 2016');
    expect(formatSpan('2016-03-01', '2016-04-30')).toBe('March–April 2016');
    expect(formatSpan('2015-11-01', '2016-02-29')).toBe('November 2015 – February 2016');
    expect(formatSpan('2010-01-31', '2010-02-01')).toBe('31 January – 1 February 2010');
    expect(formatSpan('2016-03-01', '2016-03-30')).toBe('1–30 March 2016');
  });
});
