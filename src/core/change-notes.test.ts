import { describe, expect, it } from 'vitest';
import type { Revision } from './event-store.ts';
import { publicChangeNotes } from './change-notes.ts';
import { recordSchema } from './record.ts';

const current = recordSchema.parse({
  id: '01J', kind: 'attack', date: '2024-03-01', datePrecision: 'day', status: 'published', revision: 7,
  place: { country: 'AFG', admin1: 'Nangarhar', locality: 'Jalalabad', lat: 34.43, lon: 70.45, precision: 'locality' },
  killed: { best: 7 }, wounded: { best: 12 }, provenance: { dataset: 'curated' },
});
let n = 0;
const rev = (by: string, changes: Revision['changes'], day: string): Revision => ({ id: '01J', revision: ++n, at: `${day}T09:00:00.000Z`, by, comment: null, changes });
const history: Revision[] = [
  rev('erin', null, '2024-03-01'),
  rev('rita', [{ field: 'status', old: 'draft', new: 'published' }], '2024-03-01'),
  // Corrected while published: a public note.
  rev('erin', [{ field: 'killed.best', old: 5, new: 6 }, { field: 'wounded.best', old: null, new: 12 }], '2024-03-02'),
  // Unpublished, edited twice in draft (99 must never show), published again: one note from 6 to 7.
  rev('rita', [{ field: 'status', old: 'published', new: 'draft' }], '2024-03-03'),
  rev('erin', [{ field: 'killed.best', old: 6, new: 99 }, { field: 'place.locality', old: 'Jalalabd', new: 'Jalalabad' }], '2024-03-03'),
  rev('erin', [{ field: 'killed.best', old: 99, new: 7 }], '2024-03-04'),
  rev('rita', [{ field: 'status', old: 'draft', new: 'published' }], '2024-03-05'),
];

describe('publicChangeNotes', () => {
  it('compares public states only, so nothing from a draft leaks', () => {
    const notes = publicChangeNotes(current, history);
    expect(notes.map((x) => x.text)).toEqual([
      'casualties corrected on 2024-03-02: 5 → 6 killed, unknown → 12 wounded',
      'place corrected on 2024-03-05: Jalalabd, Nangarhar, AFG → Jalalabad, Nangarhar, AFG',
      'casualties corrected on 2024-03-05: 6 → 7 killed',
    ]);
    expect(JSON.stringify(notes)).not.toContain('99');
    expect(notes[0]).toMatchObject({ revision: 3, date: '2024-03-02', field: 'casualties' });
  });

  it('says nothing about records that were never public, or changes of other fields', () => {
    const draft = { ...current, status: 'draft' as const };
    expect(publicChangeNotes(draft, history.slice(0, 1))).toEqual([]);
    const described: Revision[] = [rev('erin', null, '2024-01-01'), { ...rev('erin', [{ field: 'description', old: 'a', new: 'b' }], '2024-01-02'), id: '01J' }];
    expect(publicChangeNotes(current, described)).toEqual([]);
  });

  it('words dates by their precision and kinds plainly', () => {
    const month = { ...current, date: '2024-03-01', datePrecision: 'month' as const, kind: 'plot' as const };
    const h: Revision[] = [
      { id: '01J', revision: 1, at: '2024-02-01T00:00:00.000Z', by: 'e', comment: null, changes: null },
      { id: '01J', revision: 2, at: '2024-04-01T00:00:00.000Z', by: 'e', comment: null, changes: [{ field: 'kind', old: 'attack', new: 'plot' }, { field: 'date', old: '2024-02-10', new: '2024-03-01' }, { field: 'datePrecision', old: 'day', new: 'month' }] },
    ];
    expect(publicChangeNotes(month, h).map((x) => x.text)).toEqual([
      'kind corrected on 2024-04-01: attack → plot',
      'date corrected on 2024-04-01: 2024-02-10 → 2024-03',
    ]);
  });
});
