import { describe, expect, it } from 'vitest';
import type { Revision } from './event-store.ts';
import { recordSchema } from './record.ts';
import { recordAtRevision, replayRevisions } from './revision-replay.ts';
import { authorsSinceLastPublished, lastSubmission } from './workflow.ts';

const current = recordSchema.parse({
  id: '01J', kind: 'attack', date: '2024-03-02', datePrecision: 'day', status: 'published', revision: 4,
  place: { country: 'AFG', locality: 'Jalalabad', lat: 34.43, lon: 70.45, precision: 'locality' },
  killed: { best: 7 }, tags: ['checked'], provenance: { dataset: 'curated' },
});
const rev = (revision: number, by: string, changes: Revision['changes']): Revision => ({ id: '01J', revision, at: `2024-03-0${revision}T10:00:00.000Z`, by, comment: null, changes });
const history: Revision[] = [
  rev(1, 'erin', null),
  rev(2, 'erin', [{ field: 'status', old: 'draft', new: 'review' }, { field: 'place.locality', old: 'Jalalabd', new: 'Jalalabad' }]),
  rev(3, 'rita', [{ field: 'status', old: 'review', new: 'published' }]),
  rev(4, 'omar', [{ field: 'killed.best', old: 5, new: 7 }, { field: 'tags', old: [], new: ['checked'] }]),
];

describe('replayRevisions', () => {
  it('rebuilds the record at every revision by undoing changes newest first', () => {
    const states = replayRevisions(current, history);
    expect(states.map((s) => [s.revision, s.record.status, s.record.killed.best, s.record.place.locality, s.record.tags])).toEqual([
      [1, 'draft', 5, 'Jalalabd', []],
      [2, 'review', 5, 'Jalalabad', []],
      [3, 'published', 5, 'Jalalabad', []],
      [4, 'published', 7, 'Jalalabad', ['checked']],
    ]);
    expect(recordAtRevision(current, history, 3)?.revision).toBe(3);
    expect(recordAtRevision(current, history, 9)).toBeUndefined();
    // The current record is not modified.
    expect(current.killed.best).toBe(7);
  });
});

describe('workflow facts', () => {
  it('finds the authors since the last publication and the last submission', () => {
    expect([...authorsSinceLastPublished(history)]).toEqual(['omar']);
    expect([...authorsSinceLastPublished(history.slice(0, 2))].sort()).toEqual(['erin']);
    expect(lastSubmission(history)).toMatchObject({ by: 'erin', at: '2024-03-02T10:00:00.000Z' });
    expect(lastSubmission(history.slice(0, 1))).toBeUndefined();
  });
});
