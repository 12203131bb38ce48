import { describe, expect, it } from 'vitest';
import { parseCount } from './mapped-counts.ts';

const count = (raw: string) => {
  const r = parseCount(raw, 'killed');
  if (!r.ok) throw new Error(r.reason);
  return r;
};
const value = (raw: string) => count(raw).value;

describe('count parser (source-formats.md §5)', () => {
  it('reads N as the best estimate, with no tag', () => {
    expect(count('12')).toEqual({ ok: true, value: { low: null, best: 12, high: null }, tags: [], tactics: [] });
    expect(value('0')).toEqual({ low: null, best: 0, high: null });
    expect(value('13[92]').best).toBe(13);
  });

  it('reads N+ as low = best = N', () => {
    expect(value('5+')).toEqual({ low: 5, best: 5, high: null });
    expect(value('54 +')).toEqual({ low: 54, best: 54, high: null });
    expect(value('4,000+')).toEqual({ low: 4000, best: 4000, high: null });
  });

  it('adds attackers: N (+M) and N(+M attacker) → best N+M, the raw text kept as a tag', () => {
    expect(count('7 (+2)')).toMatchObject({ value: { best: 9 }, tags: ['killed: 7 (+2)'] });
    expect(value('1(+2)').best).toBe(3);
    expect(value('12 (+1 attacker)').best).toBe(13);
    expect(value('26  (+2 terrorists)').best).toBe(28);
    expect(value('5+ (+1)')).toEqual({ low: 6, best: 6, high: null });
    expect(value('10-20 (+3-7)')).toEqual({ low: 13, best: 13, high: 27 });
  });

  it('keeps unknown as null, never 0', () => {
    for (const raw of ['', 'Unknown', 'unknown', '?', 'n/a', 'N/A', '-', '--', 'Unknwon']) {
      expect(count(raw)).toEqual({ ok: true, value: { low: null, best: null, high: null }, tags: [], tactics: [] });
    }
  });

  it('makes vague quantities null with the raw text as a tag', () => {
    expect(count('Several')).toEqual({ ok: true, value: { low: null, best: null, high: null }, tags: ['killed: Several'], tactics: [] });
    expect(count('Dozens').tags).toEqual(['killed: Dozens']);
    expect(value('Hundreds').best).toBeNull();
    expect(count('attacker')).toEqual({ ok: true, value: { low: null, best: null, high: null }, tags: ['killed: attacker'], tactics: [] });
  });

  it('reads N Kidnapped as null plus the kidnapping tactic', () => {
    for (const raw of ['31 Kidnapped', '4 kidnapped', '1 Kidnaped', '17 (kidnapped)', '13 (abducted)', 'Around 220 kidnapped']) {
      expect(count(raw)).toMatchObject({ value: { best: null }, tactics: ['kidnapping'] });
    }
    expect(count('3 (+14 Kidnapped)')).toMatchObject({ value: { best: 3 }, tactics: ['kidnapping'] });
    expect(count('16+ (+25) +60 Kidnapped')).toMatchObject({ value: { low: 41, best: 41 }, tactics: ['kidnapping'] });
    expect(count('Unknown injured, over 3000 kidnapped')).toMatchObject({ value: { best: null }, tactics: ['kidnapping'] });
  });

  it('keeps ranges with the conservative low figure as best', () => {
    expect(value('14-50')).toEqual({ low: 14, best: 14, high: 50 });
    expect(value('460-3,500')).toEqual({ low: 460, best: 460, high: 3500 });
    expect(value('9 or 66')).toEqual({ low: 9, best: 9, high: 66 });
    expect(value('10+ to 30+')).toEqual({ low: 10, best: 10, high: null });
    expect(value('up to 100')).toEqual({ low: null, best: null, high: 100 });
  });

  it('treats unknown victims plus known attackers as a lower bound', () => {
    expect(value('Unknown (+3)')).toEqual({ low: 3, best: null, high: null });
    expect(value('(+2)')).toEqual({ low: 2, best: null, high: null });
    expect(value('Dozens (+21)')).toEqual({ low: 21, best: null, high: null });
  });

  it('keeps notes in brackets as tags without changing the figure', () => {
    expect(count('10 (4 critical)')).toMatchObject({ value: { best: 10 }, tags: ['killed: 10 (4 critical)'] });
    expect(value('1 (attacker)').best).toBe(1);
    expect(value('~30').best).toBe(30);
    expect(value('>21')).toEqual({ low: 21, best: 21, high: null });
    expect(value('(1+)')).toEqual({ low: 1, best: 1, high: null });
  });

  it('counts arrests and missing people as no casualties', () => {
    expect(value('33 Arrested').best).toBeNull();
    expect(value('3 (arrests)').best).toBeNull();
    expect(value('53 (4 missing)').best).toBe(53);
  });

  it('rejects what is no count and impossible figures', () => {
    expect(parseCount('blue', 'killed')).toMatchObject({ ok: false, reason: expect.stringContaining('not a count') });
    expect(parseCount('99999999', 'killed')).toMatchObject({ ok: false, reason: expect.stringContaining('not a possible number') });
  });
});
