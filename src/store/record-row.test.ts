import { describe, expect, it } from 'vitest';
import { diffRecords } from './record-row.ts';

describe('diffRecords', () => {
  it('names each changed leaf of nested objects, and lists and new or dropped fields whole (a missing field is null)', () => {
    const before = { kind: 'attack', place: { country: 'AFG', lat: 34.5 }, tags: ['a', 'b'], actors: [{ name: 'IS', role: 'perpetrator' }], note: 'x' };
    const after = { kind: 'attack', place: { country: 'PAK', lat: 34.5 }, tags: ['a', 'c'], actors: [{ name: 'IS', role: 'perpetrator' }], media: null, extra: 1 };
    expect(diffRecords(before, after)).toEqual([
      { field: 'place.country', old: 'AFG', new: 'PAK' },
      { field: 'tags', old: ['a', 'b'], new: ['a', 'c'] },
      { field: 'note', old: 'x', new: null },
      { field: 'extra', old: null, new: 1 },
    ]);
  });

  it('finds nothing between equal documents, whatever the order of their keys', () => {
    const doc = JSON.parse('{"a":1,"b":{"c":[1,{"d":null}],"e":"x"},"f":[]}');
    expect(diffRecords(doc, JSON.parse('{"f":[],"b":{"e":"x","c":[1,{"d":null}]},"a":1}'))).toEqual([]);
    expect(diffRecords(doc, JSON.parse('{"a":1,"b":{"c":[1,{"d":0}],"e":"x"},"f":[]}'))).toEqual([{ field: 'b.c', old: [1, { d: null }], new: [1, { d: 0 }] }]);
    expect(diffRecords({ a: [1, 2] }, { a: [1, 2, 3] })).toEqual([{ field: 'a', old: [1, 2], new: [1, 2, 3] }]);
    expect(diffRecords({ a: { b: 1 } }, { a: [1] })).toEqual([{ field: 'a', old: { b: 1 }, new: [1] }]);
  });
});
