import { describe, expect, it } from 'vitest';
import { editDistance, nearest, orList } from './spelling.ts';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one each', () => {
    expect(editDistance('PAK', 'PAK')).toBe(0);
    expect(editDistance('PKA', 'PAK')).toBe(1);
    expect(editDistance('afganistan', 'afghanistan')).toBe(1);
    expect(editDistance('sindhh', 'sindh')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('picks the nearest candidates, ties in their order, none beyond the limit', () => {
    expect(nearest('punjb', ['sindh', 'punjab', 'punja', 'balochistan'], (c) => c, 2)).toEqual(['punjab', 'punja']);
    expect(nearest('xyz', ['sindh', 'punjab'], (c) => c, 3, 1)).toEqual([]);
  });

  it('writes guesses as a person would', () => {
    expect([orList([]), orList(['a']), orList(['a', 'b']), orList(['a', 'b', 'c'])]).toEqual([undefined, 'a', 'a or b', 'a, b or c']);
  });
});
