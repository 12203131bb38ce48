// A revision's diff reads as what changed: one tag added to a list of ten is that tag, not both lists whole.
import { describe, expect, it } from 'vitest';
import { diffCells } from '../src/editor/DiffList.tsx';

describe('a revision diff', () => {
  it('shows what left and what joined a list of words', () => {
    const tags = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    expect(diffCells({ field: 'tags', old: tags, new: [...tags, 'verified'] })).toEqual({ was: '—', became: 'added: verified', kept: 10 });
    expect(diffCells({ field: 'targets', old: ['civilians', 'worship'], new: ['civilians', 'education'] })).toEqual({ was: 'removed: worship', became: 'added: education', kept: 1 });
  });

  it('shows other values whole, an empty list as a dash', () => {
    expect(diffCells({ field: 'killed.best', old: 5, new: 7 })).toEqual({ was: '5', became: '7' });
    expect(diffCells({ field: 'tags', old: [], new: ['verified'] })).toEqual({ was: '—', became: 'verified' });
  });
});
